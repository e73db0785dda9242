import { expect } from 'vitest';
import type { Sandbox } from '../../../sandbox';
import { type Outcome, type Page, expectPage } from './http-person';
import { type PortalPerson, connectionOf } from './portal-person';

/**
 * What a portal variant documents for the outcome of a Visma login, checked on the pages a person
 * saw (docs/sandbox.md, "The portal look-alike family": style.failure and style.success).
 */

const onIntegrationPage = (sandbox: Sandbox, page: Page, integrationId: string) =>
  expect(page.url.href, `the integration page, at ${page.url.href}`).toBe(`${sandbox.portal.url}/integrations/${integrationId}`);

/** Paragraphs whose whole text is `text`. */
const paragraphsSaying = (page: Page, text: string) => [...page.document.querySelectorAll('p')].filter((p) => p.textContent?.trim() === text);

/** A refusal (wrong company or user) reported as the variant's style.failure says. */
export function expectRefusalReported(sandbox: Sandbox, outcome: Outcome, integrationId: string, message: string): Page {
  const page = expectPage(outcome);
  switch (sandbox.portal.style.failure) {
    case 'classic':
      expect(page.status).toBe(200);
      expect(page.alert).toBe(message);
      break;
    case 'banner-redirect':
      onIntegrationPage(sandbox, page, integrationId);
      expect(page.alert).toBe(message);
      break;
    case 'error-page': {
      expect(page.status).toBe(200);
      const box = page.document.querySelector('.alert.alert-danger');
      expect(box?.textContent?.trim()).toBe(message);
      expect(box?.getAttribute('role')).toBeNull();
      expect(page.alert).toBeUndefined();
      break;
    }
    case 'status-500':
      expect(page.status).toBe(500);
      expect(paragraphsSaying(page, message)).toHaveLength(1);
      expect(page.alert).toBeUndefined();
      break;
    case 'plain':
      onIntegrationPage(sandbox, page, integrationId);
      expect(page.alert).toBeUndefined();
      expect(page.document.querySelector('.alert, .error, [role="status"].note')).toBeNull();
      expect(paragraphsSaying(page, message)).toHaveLength(1);
      break;
  }
  return page;
}

/**
 * A saved connection reported as the variant's style.success says; answers the integration page the
 * person ends on (following the "same-page" answer's link back).
 */
export async function expectSuccessReported(sandbox: Sandbox, person: PortalPerson, outcome: Outcome, integrationId: string, statusLine: string): Promise<Page> {
  const { words, style } = sandbox.portal;
  const integrationName = sandbox.portal.seed.integrations.find((i) => i.id === integrationId)!.name;
  let page = expectPage(outcome);
  const saved = () => paragraphsSaying(page, words.saved);
  switch (style.success) {
    case 'same-page': {
      expect(page.status).toBe(200);
      expect(page.heading).toBe(words.connected);
      expect(page.url.href.startsWith(sandbox.portal.callbackUrl)).toBe(true);
      page = expectPage(await person.browser.follow(page, words.backTo(integrationName)));
      onIntegrationPage(sandbox, page, integrationId);
      expect(connectionOf(page)).toBe(statusLine);
      break;
    }
    case 'classic':
      onIntegrationPage(sandbox, page, integrationId);
      expect(connectionOf(page)).toBe(statusLine);
      expect(page.document.querySelector('[role="status"].note')?.textContent).toBe(words.saved);
      // It stays until the next attempt.
      expect(paragraphsSaying(await person.open(`/integrations/${integrationId}`), words.saved)).toHaveLength(1);
      break;
    case 'flash':
      onIntegrationPage(sandbox, page, integrationId);
      expect(connectionOf(page)).toBe(statusLine);
      expect(saved()).toHaveLength(1);
      // Once: the next load of the page no longer says it.
      page = await person.open(`/integrations/${integrationId}`);
      expect(saved()).toHaveLength(0);
      expect(connectionOf(page)).toBe(statusLine);
      break;
    case 'status-line':
      onIntegrationPage(sandbox, page, integrationId);
      expect(connectionOf(page)).toBe(statusLine);
      expect(saved()).toHaveLength(0);
      break;
    case 'nothing':
      onIntegrationPage(sandbox, page, integrationId);
      expect(connectionOf(page)).toBeUndefined();
      expect(page.text).not.toContain(statusLine);
      expect(saved()).toHaveLength(0);
      break;
  }
  return page;
}
