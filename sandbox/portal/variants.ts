import type { PortalStyle } from './portal-style';

/**
 * Named portal look-alikes: combinations of style fields the way real portals differ, so a portal
 * reconnect is tried on portals it has never seen. Between them every value of every style field
 * shows up at least once. Pick one with `npm run sandbox -- --portal-variant <name>` or
 * `startSandbox({ portal: { style: PORTAL_VARIANTS[name] } })`; docs/sandbox.md describes each.
 */
export const PORTAL_VARIANTS = {
  classic: {
    description: 'The look-alike as it always was: /signin, a Connected button, Visma in the same window, the outcome on the integration page; a plain list, Next links.',
  },
  databridge: {
    description: 'DataBridge as documented: /Account/Login with "Log in with SuperOffice" and "Log in with email", Connected in Visma.net Financials, a one-time "saved" message; a table, numbered pages of 10.',
    signIn: 'account-login',
    cookie: { sameSite: 'Lax' },
    success: 'flash',
    failure: 'banner-redirect',
    wrongUser: 'refuse',
    list: { layout: 'table', paging: 'numbered', pageSize: 10 },
  },
  'superoffice-sso': {
    description: 'In Swedish; "Log in with SuperOffice" signs in at a SuperOffice look-alike on sso.databridge.localhost, the session cookie on the shared parent domain; failures as plain text; cards, "Show more" by 8.',
    signIn: 'federated',
    cookie: { sameSite: 'Lax', parentDomain: true },
    success: 'status-line',
    failure: 'plain',
    wrongUser: 'refuse',
    language: 'sv',
    list: { layout: 'cards', paging: 'show-more', pageSize: 8 },
  },
  'same-url-strict': {
    description: 'In Finnish; / is the sign-in and the dashboard, SameSite=Strict cookies, a Connect link in "Visma.net ERP", code in the query, the callback answers its own pages; a table, Next links by 15.',
    signIn: 'same-url',
    cookie: { sameSite: 'Strict' },
    connect: { kind: 'link', section: 'Visma.net ERP' },
    responseMode: 'query',
    success: 'same-page',
    failure: 'error-page',
    language: 'fi',
    list: { layout: 'table', paging: 'next-link', pageSize: 15 },
  },
  'popup-late': {
    description: 'Visma in a popup, opened from a <span role="button"> that a script puts on the page 0.4 s after load; failures in alert-danger boxes without a role; a list, "Show more" by 12.',
    connect: { kind: 'role-button', lateMs: 400 },
    loginIn: 'popup',
    success: 'status-line',
    failure: 'error-page',
    wrongUser: 'refuse',
    list: { layout: 'list', paging: 'show-more', pageSize: 12 },
  },
  'popup-via-portal': {
    description: 'In Dutch; an <input type=submit> below a SuperOffice decoy of the same label opens a popup on the portal\'s own start page, which goes on to Visma; an antiforgery cookie; cards, numbered pages of 10.',
    signIn: 'account-login',
    cookie: { extraPathCookie: true },
    connect: { kind: 'input', decoy: true },
    loginIn: 'popup-via-portal',
    success: 'flash',
    failure: 'banner-redirect',
    wrongUser: 'refuse',
    language: 'nl',
    list: { layout: 'cards', paging: 'numbered', pageSize: 10 },
  },
  'par-elsewhere': {
    description: 'In Norwegian; PAR, Visma answering to another port that sends the person on, a session cookie on /integrations only, a slow callback, failures as HTTP 500, no status; one unpaged list.',
    cookie: { sameSite: 'Lax', path: '/integrations' },
    connect: { label: 'Koble til Visma.net på nytt' },
    par: true,
    callback: 'other-origin',
    success: 'nothing',
    failure: 'status-500',
    wrongUser: 'refuse',
    language: 'nb',
    slowMs: 800,
    list: { paging: 'none' },
  },
  'links-and-decoy': {
    description: 'In Danish; a Connect link below a SuperOffice link of the same words, code in the query, Lax cookies, a one-time "saved" message, failures as plain text; a table, pages of 10 behind a form\'s "Next page" button.',
    cookie: { sameSite: 'Lax' },
    connect: { kind: 'link', decoy: true },
    responseMode: 'query',
    success: 'flash',
    failure: 'plain',
    language: 'da',
    list: { layout: 'table', paging: 'next-button', pageSize: 10 },
  },
} satisfies Record<string, PortalStyle & { description: string }>;

export type PortalVariantName = keyof typeof PORTAL_VARIANTS;

export const PORTAL_VARIANT_NAMES = Object.keys(PORTAL_VARIANTS) as PortalVariantName[];

export const isPortalVariant = (name: string): name is PortalVariantName => Object.hasOwn(PORTAL_VARIANTS, name);
