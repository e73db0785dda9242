import type { ServerResponse } from 'node:http';
import { found, newNonce, sendPage } from './portal-http';
import { type PageNotice, callbackPage } from './portal-pages';
import type { IntegrationRecord } from './portal-state';
import type { PortalStyleInForce } from './portal-style';
import type { PortalWords } from './portal-words';
import { closePopupScript } from './page-scripts/close-popup-script';
import { pageScript } from './page-scripts/page-script';

/**
 * How the portal tells the person what a Visma login for an integration came to, as its style says
 * (failure, success): the callback's answer, and what the integration page shows afterwards.
 *
 * failure — classic: Visma's errors redirect to the page's role="alert" banner, a wrong company or
 *   user first answers its own page with the alert (the banner stays); banner-redirect: every failure
 *   redirects to the banner; error-page: 200 with Bootstrap's alert-danger box, no role; status-500:
 *   HTTP 500 with an error page; plain: redirect to the page, the error only a plain paragraph.
 * success — classic: redirect, the page keeps saying the connection is saved (role="status") beside
 *   the status line; flash: the same message once (ASP.NET's TempData), gone on the next load;
 *   status-line: only the status line changes; same-page: 200 "Connected" page with a link back;
 *   nothing: redirect, and the page never shows a connection status.
 * In a popup, a redirect becomes a passing page that reloads the opener and closes; a page stays in
 * the popup (the opener reloads under it).
 */
export type ConnectOutcome =
  | { ok: true; email: string }
  | { ok: false; title: string; text: string; detail?: string; /** Wrong company or user: the classic report answers a page for it. */ refused: boolean };

export interface ReportContext {
  style: PortalStyleInForce;
  words: PortalWords;
  record: IntegrationRecord;
  /** The integration page, as the callback's origin must link to it (absolute from another origin). */
  pageUrl: string;
  /** Whether the callback answers on the portal's own origin. */
  sameOrigin: boolean;
  popup: boolean;
}

/** Keeps what the integration page will say about this attempt. */
export function rememberOutcome(record: IntegrationRecord, outcome: ConnectOutcome, style: PortalStyleInForce, words: PortalWords): void {
  if (outcome.ok) {
    record.lastAttempt = { ok: true, text: words.saved };
    if (style.success === 'flash') record.flash = words.saved;
    return;
  }
  record.lastAttempt = { ok: false, text: outcome.text, ...(outcome.detail ? { detail: outcome.detail } : {}) };
  record.flash = undefined;
}

/** What the integration page shows about the last attempt; a flash is used up by showing it. */
export function noticeFor(record: IntegrationRecord, style: PortalStyleInForce): PageNotice | undefined {
  const attempt = record.lastAttempt;
  if (!attempt) return undefined;
  if (!attempt.ok) {
    const detail = attempt.detail ? { detail: attempt.detail } : {};
    if (style.failure === 'classic' || style.failure === 'banner-redirect') return { kind: 'alert', text: attempt.text, ...detail };
    if (style.failure === 'plain') return { kind: 'plain', text: attempt.text, ...detail };
    return undefined; // error-page, status-500: the callback's page said it
  }
  if (style.success === 'classic') return { kind: 'status', text: attempt.text };
  if (style.success === 'flash' && record.flash) {
    const text = record.flash;
    record.flash = undefined;
    return { kind: 'status', text };
  }
  return undefined;
}

export function reportOutcome(res: ServerResponse, outcome: ConnectOutcome, context: ReportContext): void {
  const { style, words, record, pageUrl, sameOrigin, popup } = context;
  const backTo = { href: pageUrl, name: record.name };
  const nonce = newNonce();
  const popupScript = (close: boolean) => ({ nonce, source: pageScript(closePopupScript, { pageUrl, sameOrigin, close }) });
  const page = (status: number, input: Omit<Parameters<typeof callbackPage>[1], 'script'>, close = false) =>
    sendPage(res, status, callbackPage(words, { ...input, ...(popup ? { script: popupScript(close) } : {}) }), popup ? { nonce } : {});
  // The page shows it: go there, or in a popup, reload the page under it and close.
  const toPage = (title: string, message: string, as: 'alert' | 'status' | 'plain') => (popup ? page(200, { title, message, as, backTo }, true) : found(res, pageUrl));

  if (outcome.ok) {
    const message = words.connectedTo(outcome.email);
    if (style.success === 'same-page') return page(200, { title: words.connected, message, as: 'status', backTo });
    return toPage(words.connected, message, 'status');
  }
  const { title, text } = outcome;
  switch (style.failure) {
    case 'error-page':
      return page(200, { title, message: text, as: 'alert-danger', ...(outcome.detail ? { detail: outcome.detail } : {}), backTo });
    case 'status-500':
      return page(500, { title: words.somethingWentWrong, message: text, as: 'plain', backTo });
    case 'plain':
    case 'banner-redirect':
      // The integration page says it (a plain line or the banner); a popup's passing page only names it.
      return toPage(title, text, 'plain');
    default:
      // classic: as the portal always did — a refusal answers its own page (closing a popup too).
      if (outcome.refused) return page(200, { title, message: text, as: 'alert', backTo }, true);
      return toPage(title, text, 'alert');
  }
}
