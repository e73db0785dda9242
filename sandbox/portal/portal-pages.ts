import { esc } from '../identity/pages';
import { connectBlock, decoyBlock } from './connect-control';
import { type ListPage, LIST_ID, LIST_PATH, type ListStyle, SHOW_MORE_ID, listContainer, listItems, needsAttention, pager } from './integrations-list';
import type { PortalWords } from './portal-words';
import type { PortalStyleInForce } from './portal-style';
import type { IntegrationRecord } from './portal-state';

/**
 * The DataBridge portal look-alike's pages: plain, accessible HTML with stable headings, labels and
 * button names in the style's language (docs/sandbox.md lists them). Script only where the style
 * needs it (popups, a late or role="button" control), under a CSP nonce.
 */

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f5f3ef; color: #1d1b18; }
  header { background: #0b5d4b; color: #fff; padding: .75rem 1.5rem; display: flex; justify-content: space-between; gap: 1.5rem; }
  header p { margin: 0; font-weight: 600; }
  header nav { flex: 1; display: flex; gap: 1rem; }
  header nav a { color: #fff; }
  header nav a[aria-current] { text-decoration: none; font-weight: 600; }
  header .tag, header .who { color: #cfe8e0; font-weight: 400; }
  main { max-width: 44rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: 6px; box-shadow: 0 1px 3px #0003; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  h2 { font-size: 1.15rem; }
  section { border-top: 1px solid #d8d4cc; margin-top: 1.5rem; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input[type=email], input[type=password] { width: 100%; box-sizing: border-box; font: inherit; padding: .5rem; border: 1px solid #6b6459; border-radius: 4px; }
  .actions { display: flex; gap: .75rem; margin-top: 1.25rem; align-items: center; }
  button, input[type=submit], .button { font: inherit; padding: .5rem 1.25rem; border-radius: 4px; border: 1px solid #0b5d4b; background: #0b5d4b; color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
  button.secondary { background: #fff; color: #0b5d4b; }
  button.superoffice { background: #b0102a; border-color: #b0102a; }
  button:focus-visible, input:focus-visible, a:focus-visible, .button:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
  a { color: #0b5d4b; }
  a.button { color: #fff; }
  ul.integrations { padding-left: 1.25rem; }
  table.integrations { border-collapse: collapse; width: 100%; }
  table.integrations th, table.integrations td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #d8d4cc; }
  .row-actions a { margin-right: .5rem; }
  .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: .75rem; }
  .card { border: 1px solid #d8d4cc; border-radius: 6px; padding: .75rem; }
  .card h3 { font-size: 1rem; margin: 0 0 .25rem; }
  .card p { margin: 0 0 .5rem; }
  nav.pages { display: flex; gap: .5rem; margin-top: 1.25rem; }
  nav.pages [aria-current] { font-weight: 600; }
  [aria-busy="true"] { opacity: .6; }
  .attention { color: #8a3b00; font-weight: 600; }
  .error, .alert-danger { color: #a4000f; background: #fdecee; border-left: 4px solid #a4000f; padding: .5rem .75rem; }
  .note { background: #eef6f3; border-left: 4px solid #0b5d4b; padding: .5rem .75rem; }
`;

interface LayoutOptions {
  user?: string;
  nonce?: string;
  script?: string;
  /** The site navigation in the header (signed-in pages: the list and the integration pages); `current`: the page it names. */
  nav?: { current?: 'integrations' };
}

/** The header's site navigation: Integrations, Settings (a 404, as on a portal whose settings this user may not see), Help (off-site, never followed). */
function siteNav(words: PortalWords, current: 'integrations' | undefined): string {
  return `<nav aria-label="${esc(words.mainNav)}"><a href="${LIST_PATH}"${current === 'integrations' ? ' aria-current="page"' : ''}>${esc(words.integrations)}</a> <a href="/settings">${esc(words.settings)}</a> <a href="https://help.example.invalid">${esc(words.help)}</a></nav>`;
}

function layout(words: PortalWords, title: string, body: string, options: LayoutOptions = {}): string {
  return `<!doctype html>
<html lang="${words.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} – DataBridge sandbox</title>
<style>${STYLE}</style>
</head>
<body>
<header><p>DataBridge for SuperOffice <span class="tag">sandbox</span></p>${options.nav ? siteNav(words, options.nav.current) : ''}${options.user ? `<p class="who">${esc(words.signedInAs(options.user))}</p>` : ''}</header>
<main>
<h1>${esc(title)}</h1>
${body}
</main>
${options.script && options.nonce ? `<script nonce="${esc(options.nonce)}">${options.script}</script>` : ''}
</body>
</html>`;
}

const alert = (message?: string) => (message ? `<p role="alert" class="error">${esc(message)}</p>` : '');
const hidden = (name: string, value: string) => `<input type="hidden" name="${esc(name)}" value="${esc(value)}">`;

function credentialFields(words: PortalWords, names: { email: string; password: string }, email = ''): string {
  return `<label for="email">${esc(words.email)}</label>
<input id="email" name="${names.email}" type="email" autocomplete="username" value="${esc(email)}" required autofocus>
<label for="password">${esc(words.password)}</label>
<input id="password" name="${names.password}" type="password" autocomplete="current-password" required>`;
}

/** signin-page (action /signin, `next`) and same-url (action /, `returnUrl`): one form, email and password. */
export function signInPage(words: PortalWords, input: { action: string; returnField: string; returnTo: string; email?: string; error?: string }): string {
  return layout(
    words,
    words.signInTitle,
    `${alert(input.error)}
<form method="post" action="${esc(input.action)}">
${hidden(input.returnField, input.returnTo)}
${credentialFields(words, { email: 'email', password: 'password' }, input.email)}
<div class="actions"><button type="submit">${esc(words.signIn)}</button></div>
</form>`,
  );
}

/** account-login and federated: /Account/Login with the red SuperOffice button and the email one. */
export function accountLoginPage(words: PortalWords, input: { returnUrl: string; error?: string }): string {
  return layout(
    words,
    words.logInTitle,
    `${alert(input.error)}
<form method="post" action="/Account/ExternalLogin">
${hidden('provider', 'SuperOffice')}
${hidden('ReturnUrl', input.returnUrl)}
<div class="actions"><button type="submit" class="superoffice">${esc(words.logInWithSuperOffice)}</button></div>
</form>
<form method="get" action="/Account/Login/Email">
${hidden('ReturnUrl', input.returnUrl)}
<div class="actions"><button type="submit" class="secondary">${esc(words.logInWithEmail)}</button></div>
</form>`,
  );
}

/** account-login's second step: email and password, "Log in"; a wrong one comes back here with the alert. */
export function emailLoginPage(words: PortalWords, input: { returnUrl: string; email?: string; error?: string }): string {
  return layout(
    words,
    words.logInWithEmailTitle,
    `${alert(input.error)}
<form method="post" action="/Account/Login/Email">
${hidden('ReturnUrl', input.returnUrl)}
${credentialFields(words, { email: 'Email', password: 'Password' }, input.email)}
<div class="actions"><button type="submit">${esc(words.logIn)}</button></div>
</form>`,
  );
}

/**
 * The integrations list (/integrations, and / signed in with same-url): one page of it as the style's
 * `list` lays it out and pages it, under the attention note for all of them; with show-more, the
 * button and its script (the first page it fetches is the one after this).
 */
export function integrationsPage(
  words: PortalWords,
  input: { user: string; all: IntegrationRecord[]; list: ListStyle; shown: ListPage; script?: { nonce: string; source: string } },
): string {
  const { list, shown } = input;
  const attention = input.all.filter(needsAttention).length;
  const more = list.paging === 'show-more' && shown.page < shown.pages && input.script;
  return layout(
    words,
    words.integrations,
    `${attention ? `<p class="note">${esc(words.attentionNote(attention))}</p>` : ''}
${listContainer(words, list.layout, listItems(words, list.layout, shown.records))}
${more ? `<div class="actions"><button type="button" id="${SHOW_MORE_ID}" class="secondary" aria-controls="${LIST_ID}">${esc(words.showMore)}</button></div>` : pager(words, list.paging, shown)}`,
    { user: input.user, nav: { current: 'integrations' }, ...(more && input.script ? { nonce: input.script.nonce, script: input.script.source } : {}) },
  );
}

export function connectionText(words: PortalWords, record: IntegrationRecord, companyName: (id: string) => string): string {
  switch (record.connection) {
    case 'connected':
      return words.connectedAs(record.connectedAs ?? words.unknownUser, companyName(record.connectedCompanyId ?? record.companyId));
    case 'old-style':
      return words.oldStyle;
    default:
      return words.notConnected;
  }
}

/** What the integration page says about the last Visma login: an alert, a plain line, or a status note. */
export interface PageNotice {
  kind: 'alert' | 'plain' | 'status';
  text: string;
  detail?: string;
}

function notice(n: PageNotice | undefined): string {
  if (!n) return '';
  const detail = n.detail ? `<p>${esc(n.detail)}</p>` : '';
  if (n.kind === 'alert') return `${alert(n.text)}${detail}`;
  if (n.kind === 'status') return `<p role="status" class="note">${esc(n.text)}</p>${detail}`;
  return `<p>${esc(n.text)}</p>${detail}`;
}

export function integrationPage(
  words: PortalWords,
  input: {
    user: string;
    record: IntegrationRecord;
    companyName: (id: string) => string;
    style: PortalStyleInForce;
    connectLabel: string;
    /** The connection line; absent when the style shows none. */
    showConnection: boolean;
    notice?: PageNotice;
    /** The page script and its nonce, when the control needs one. */
    script?: { nonce: string; source: string };
  },
): string {
  const { record, style } = input;
  const base = `/integrations/${encodeURIComponent(record.id)}`;
  const job = record.lastJob;
  const company = input.companyName(record.companyId);
  return layout(
    words,
    record.name,
    `<p>${esc(record.direction === 'import' ? words.importsFrom(company) : words.exportsTo(company))}</p>
${style.connect.decoy ? decoyBlock({ kind: style.connect.kind, label: input.connectLabel, heading: words.superOffice, text: words.superOfficeFine, href: `${base}/superoffice` }) : ''}
<section aria-labelledby="visma-heading">
<h2 id="visma-heading">${esc(style.connect.section)}</h2>
${input.showConnection ? `<p id="connection">${esc(connectionText(words, record, input.companyName))}</p>` : ''}
${notice(input.notice)}
${connectBlock({ connect: style.connect, label: input.connectLabel, connectUrl: `${base}/visma/connect` })}
</section>
<section aria-labelledby="jobs-heading">
<h2 id="jobs-heading">${esc(words.jobs)}</h2>
${job ? `<p role="status">${esc(words.lastJob(job.at, job.message))}</p>` : `<p>${esc(words.noJobYet)}</p>`}
<form method="post" action="${base}/run">
<div class="actions"><button type="submit" class="secondary">${esc(words.runJobNow)}</button><a href="${base}/log">${esc(words.jobLog)}</a></div>
</form>
</section>
<p><a href="/integrations">${esc(words.allIntegrations)}</a></p>`,
    { user: input.user, nav: {}, ...(input.script ? { nonce: input.script.nonce, script: input.script.source } : {}) },
  );
}

/** The decoy's harmless page: SuperOffice's own connection, nothing changed. */
export function superOfficeConnectionPage(words: PortalWords, input: { user: string; record: IntegrationRecord }): string {
  const base = `/integrations/${encodeURIComponent(input.record.id)}`;
  return layout(words, words.superOffice, `<p>${esc(words.superOfficeFine)}</p>\n<p><a href="${base}">${esc(words.backTo(input.record.name))}</a></p>`, { user: input.user, nav: {} });
}

/**
 * What the callback answers when it answers with a page: `message` as the style reports it — an alert
 * (classic), a status (a success), Bootstrap's alert-danger box without any role (error-page), or a
 * plain paragraph (a 500 page, a popup's passing page).
 */
export function callbackPage(
  words: PortalWords,
  input: { title: string; message: string; as: 'alert' | 'status' | 'alert-danger' | 'plain'; detail?: string; backTo?: { href: string; name: string }; script?: { nonce: string; source: string } },
): string {
  const message =
    input.as === 'alert'
      ? alert(input.message)
      : input.as === 'status'
        ? `<p role="status">${esc(input.message)}</p>`
        : input.as === 'alert-danger'
          ? `<div class="alert alert-danger">${esc(input.message)}</div>`
          : `<p>${esc(input.message)}</p>`;
  return layout(
    words,
    input.title,
    `${message}
${input.detail ? `<p>${esc(input.detail)}</p>\n` : ''}${input.backTo ? `<p><a href="${esc(input.backTo.href)}">${esc(words.backTo(input.backTo.name))}</a></p>` : ''}`,
    input.script ? { nonce: input.script.nonce, script: input.script.source } : {},
  );
}

export function problemPage(words: PortalWords, title: string, message: string): string {
  return layout(words, title, `${alert(message)}\n<p><a href="/integrations">${esc(words.integrations)}</a></p>`);
}
