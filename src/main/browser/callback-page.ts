import type { Translator } from '../../shared/i18n/translator';

export type CallbackPage = { kind: 'done' } | { kind: 'failed'; error: string } | { kind: 'wrong-login' } | { kind: 'refused' };

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The plain page the browser shows at the loopback redirect, in the reader's language. No script, no links, nothing loaded. */
export function callbackPage(page: CallbackPage, i18n: Translator): string {
  const text =
    page.kind === 'done'
      ? i18n.t('browser.page.done')
      : page.kind === 'failed'
        ? i18n.t('browser.page.failed', { error: page.error })
        : page.kind === 'wrong-login'
          ? i18n.t('browser.page.wrongLogin')
          : i18n.t('browser.page.refused');
  return `<!doctype html>
<html lang="${escape(i18n.locale)}"><head><meta charset="utf-8"><title>Bridgekeeper</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36em;margin:15vh auto;padding:0 1em;color:#1b1b1b}@media(prefers-color-scheme:dark){body{background:#1b1b1b;color:#eee}}</style>
</head><body><h1>Bridgekeeper</h1><p>${escape(text)}</p></body></html>`;
}
