import { esc } from '../identity/pages';
import type { PortalStyleInForce } from './portal-style';

/**
 * The Connect control as the style draws it: a form's <button> (DataBridge's "Connected"), an
 * <input type=submit>, a link whose GET starts the login, or a <span role="button"> that only script
 * makes work. It sits in the form that posts to the connect URL; drawn late, it waits in a <template>
 * (inert: no control until the page script puts it in).
 */
export function connectControl(kind: PortalStyleInForce['connect']['kind'], label: string, href: string, id = 'connect-control'): string {
  switch (kind) {
    case 'input':
      return `<input type="submit" id="${id}" value="${esc(label)}">`;
    case 'link':
      return `<a id="${id}" class="button" href="${esc(href)}">${esc(label)}</a>`;
    case 'role-button':
      return `<span id="${id}" class="button" role="button" tabindex="0" data-href="${esc(href)}">${esc(label)}</span>`;
    default:
      return `<button type="submit" id="${id}">${esc(label)}</button>`;
  }
}

export function connectBlock(input: { connect: PortalStyleInForce['connect']; label: string; connectUrl: string }): string {
  const control = connectControl(input.connect.kind, input.label, input.connectUrl);
  const late = input.connect.lateMs > 0;
  return `<form id="connect-form" method="post" action="${esc(input.connectUrl)}">
<div class="actions" id="connect-slot">${late ? '' : control}<span id="connect-status" role="status"></span></div>
</form>${late ? `\n<template id="connect-template">${control}</template>` : ''}`;
}

/**
 * The decoy: SuperOffice's own connection, above Visma's, with a control of the same kind and label
 * that leads to a harmless page, so only the one in the Visma.net section is right.
 */
export function decoyBlock(input: { kind: PortalStyleInForce['connect']['kind']; label: string; heading: string; text: string; href: string }): string {
  const control = connectControl(input.kind, input.label, input.href, 'decoy-control');
  return `<section aria-labelledby="superoffice-heading">
<h2 id="superoffice-heading">${esc(input.heading)}</h2>
<p>${esc(input.text)}</p>
<form method="get" action="${esc(input.href)}"><div class="actions">${control}</div></form>
</section>`;
}
