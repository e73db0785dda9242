import { esc } from '../identity/pages';
import type { IntegrationRecord } from './portal-state';

/**
 * The DataBridge portal look-alike's pages: plain, accessible HTML with stable headings, labels and
 * button names (docs/sandbox.md lists them). Script only where a popup needs it, under a CSP nonce.
 */

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f5f3ef; color: #1d1b18; }
  header { background: #0b5d4b; color: #fff; padding: .75rem 1.5rem; display: flex; justify-content: space-between; }
  header p { margin: 0; font-weight: 600; }
  header .tag, header .who { color: #cfe8e0; font-weight: 400; }
  main { max-width: 44rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: 6px; box-shadow: 0 1px 3px #0003; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  h2 { font-size: 1.15rem; }
  section { border-top: 1px solid #d8d4cc; margin-top: 1.5rem; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input[type=email], input[type=password] { width: 100%; box-sizing: border-box; font: inherit; padding: .5rem; border: 1px solid #6b6459; border-radius: 4px; }
  .actions { display: flex; gap: .75rem; margin-top: 1.25rem; align-items: center; }
  button { font: inherit; padding: .5rem 1.25rem; border-radius: 4px; border: 1px solid #0b5d4b; background: #0b5d4b; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #0b5d4b; }
  button:focus-visible, input:focus-visible, a:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
  a { color: #0b5d4b; }
  ul.integrations { padding-left: 1.25rem; }
  .attention { color: #8a3b00; font-weight: 600; }
  .error { color: #a4000f; background: #fdecee; border-left: 4px solid #a4000f; padding: .5rem .75rem; }
  .note { background: #eef6f3; border-left: 4px solid #0b5d4b; padding: .5rem .75rem; }
`;

function layout(title: string, body: string, options: { user?: string; nonce?: string; script?: string } = {}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} – DataBridge sandbox</title>
<style>${STYLE}</style>
</head>
<body>
<header><p>DataBridge for SuperOffice <span class="tag">sandbox</span></p>${options.user ? `<p class="who">Signed in as ${esc(options.user)}</p>` : ''}</header>
<main>
<h1>${esc(title)}</h1>
${body}
</main>
${options.script && options.nonce ? `<script nonce="${esc(options.nonce)}">${options.script}</script>` : ''}
</body>
</html>`;
}

const alert = (message?: string) => (message ? `<p role="alert" class="error">${esc(message)}</p>` : '');

export function signInPage(input: { next: string; email?: string; error?: string }): string {
  return layout(
    'Sign in to DataBridge',
    `${alert(input.error)}
<form method="post" action="/signin">
<input type="hidden" name="next" value="${esc(input.next)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" value="${esc(input.email ?? '')}" required autofocus>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="actions"><button type="submit">Sign in</button></div>
</form>`,
  );
}

export const needsAttention = (record: IntegrationRecord) => record.connection !== 'connected';

export function integrationsPage(input: { user: string; integrations: IntegrationRecord[] }): string {
  const attention = input.integrations.filter(needsAttention).length;
  const items = input.integrations
    .map(
      (record) =>
        `<li><a href="/integrations/${encodeURIComponent(record.id)}">${esc(record.name)}</a>${needsAttention(record) ? ' <span class="attention">needs your attention</span>' : ''}</li>`,
    )
    .join('\n');
  return layout(
    'Integrations',
    `${attention ? `<p class="note">${attention} integration${attention === 1 ? '' : 's'} need${attention === 1 ? 's' : ''} your attention.</p>` : ''}
<ul class="integrations">
${items}
</ul>`,
    { user: input.user },
  );
}

export function connectionText(record: IntegrationRecord, companyName: (id: string) => string): string {
  switch (record.connection) {
    case 'connected':
      return `Connected as ${record.connectedAs ?? 'an unknown user'} to ${companyName(record.connectedCompanyId ?? record.companyId)}`;
    case 'old-style':
      return 'Old-style connection: reconnect';
    default:
      return 'Not connected';
  }
}

/**
 * In popup mode, Connected asks the portal for Visma's authorize URL and opens it with window.open;
 * the callback page in the popup reloads this page and closes itself.
 */
const POPUP_SCRIPT = `
const form = document.getElementById('connect-form');
const status = document.getElementById('connect-status');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await fetch(form.action, { method: 'POST', headers: { accept: 'application/json' } });
  if (!(response.headers.get('content-type') || '').includes('json')) { location.reload(); return; }
  const { authorizeUrl } = await response.json();
  const popup = window.open(authorizeUrl, 'visma-login', 'popup,width=520,height=720');
  status.textContent = popup ? 'Waiting for the Visma.net login in the other window…' : 'Allow pop-ups for this page, then press Connected again.';
});`;

export function integrationPage(input: {
  user: string;
  record: IntegrationRecord;
  companyName: (id: string) => string;
  loginIn: 'navigate' | 'popup';
  nonce: string;
}): string {
  const { record } = input;
  const base = `/integrations/${encodeURIComponent(record.id)}`;
  const attempt = record.lastAttempt;
  const job = record.lastJob;
  return layout(
    record.name,
    `<p>${record.direction === 'import' ? 'Imports from' : 'Exports to'} Visma.net company ${esc(input.companyName(record.companyId))}.</p>
<section aria-labelledby="visma-heading">
<h2 id="visma-heading">Visma.net Financials</h2>
<p id="connection">${esc(connectionText(record, input.companyName))}</p>
${attempt ? (attempt.ok ? `<p role="status" class="note">${esc(attempt.text)}</p>` : `${alert(attempt.text)}${attempt.detail ? `<p>${esc(attempt.detail)}</p>` : ''}`) : ''}
<form id="connect-form" method="post" action="${base}/visma/connect">
<div class="actions"><button type="submit">Connected</button><span id="connect-status" role="status"></span></div>
</form>
</section>
<section aria-labelledby="jobs-heading">
<h2 id="jobs-heading">Jobs</h2>
${job ? `<p role="status">Last job (${esc(job.at)}): ${esc(job.message)}</p>` : '<p>No job has run since the portal started.</p>'}
<form method="post" action="${base}/run">
<div class="actions"><button type="submit" class="secondary">Run job now</button><a href="${base}/log">Job log</a></div>
</form>
</section>
<p><a href="/integrations">All integrations</a></p>`,
    { user: input.user, ...(input.loginIn === 'popup' ? { nonce: input.nonce, script: POPUP_SCRIPT } : {}) },
  );
}

/** What the callback answers in the popup: the opener shows the outcome, so reload it and close. */
const CLOSE_POPUP_SCRIPT = `if (window.opener && !window.opener.closed) { window.opener.location.reload(); window.close(); }`;

export function callbackPage(input: { title: string; message: string; ok: boolean; backTo?: { href: string; name: string }; popup: boolean; nonce: string }): string {
  return layout(
    input.title,
    `${input.ok ? `<p role="status">${esc(input.message)}</p>` : alert(input.message)}
${input.backTo ? `<p><a href="${esc(input.backTo.href)}">Back to ${esc(input.backTo.name)}</a></p>` : ''}`,
    input.popup ? { nonce: input.nonce, script: CLOSE_POPUP_SCRIPT } : {},
  );
}

export function problemPage(title: string, message: string): string {
  return layout(title, `${alert(message)}\n<p><a href="/integrations">Integrations</a></p>`);
}
