/**
 * The pages a person sees during a sandbox login: plain, accessible HTML without script, with
 * stable labels and button names (docs/sandbox.md lists them) so tests fill them as a person would.
 */

export const esc = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1b1f24; }
  header { background: #12325b; color: #fff; padding: .75rem 1.5rem; }
  header p { margin: 0; font-weight: 600; }
  header .tag { color: #c9d6e8; font-weight: 400; }
  main { max-width: 28rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: 6px; box-shadow: 0 1px 3px #0003; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input[type=email], input[type=password], input[type=text] { width: 100%; box-sizing: border-box; font: inherit; padding: .5rem; border: 1px solid #6b7785; border-radius: 4px; }
  fieldset { border: 0; padding: 0; margin: 1rem 0 0; }
  legend { font-weight: 600; }
  fieldset label { font-weight: 400; margin-top: .5rem; }
  .actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
  button { font: inherit; padding: .5rem 1.25rem; border-radius: 4px; border: 1px solid #12325b; background: #12325b; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #12325b; }
  button:focus-visible, input:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
  .error { color: #a4000f; background: #fdecee; border-left: 4px solid #a4000f; padding: .5rem .75rem; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} – Visma Connect sandbox</title>
<style>${STYLE}</style>
</head>
<body>
<header><p>Visma Connect <span class="tag">sandbox</span></p></header>
<main>
<h1>${esc(title)}</h1>
${body}
</main>
</body>
</html>`;
}

const alert = (message?: string) => (message ? `<p role="alert" class="error">${esc(message)}</p>` : '');

export function loginPage(input: { action: string; clientName: string; email: string; error?: string }): string {
  return layout(
    'Sign in',
    `<p>Sign in to continue to ${esc(input.clientName)}.</p>
${alert(input.error)}
<form method="post" action="${esc(input.action)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" value="${esc(input.email)}" required${input.email ? '' : ' autofocus'}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${input.email ? ' autofocus' : ''}>
<div class="actions"><button type="submit">Sign in</button></div>
</form>`,
  );
}

export function twoStepPage(input: { action: string; email: string; error?: string }): string {
  return layout(
    'Two-step verification',
    `<p>Enter the 6-digit code from the authenticator app for ${esc(input.email)}.</p>
${alert(input.error)}
<form method="post" action="${esc(input.action)}">
<label for="code">Verification code</label>
<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus>
<div class="actions"><button type="submit">Verify</button></div>
</form>`,
  );
}

export interface CompanyChoice {
  tenantId: string;
  name: string;
}

export function companyPage(input: { action: string; email: string; choices: CompanyChoice[]; error?: string }): string {
  if (input.choices.length === 0) {
    return layout(
      'No company to choose',
      `<p>${esc(input.email)} has no company this application may use.</p>
<form method="post" action="${esc(input.action)}">
<div class="actions"><button type="submit" name="action" value="cancel">Cancel</button></div>
</form>`,
    );
  }
  const options = input.choices
    .map(
      (choice, i) =>
        `<label><input type="radio" name="tenant" value="${esc(choice.tenantId)}" required${i === 0 ? ' autofocus' : ''}> ${esc(choice.name)}</label>`,
    )
    .join('\n');
  return layout(
    'Choose a company',
    `<p>Signed in as ${esc(input.email)}. The application will work in the company you choose.</p>
${alert(input.error)}
<form method="post" action="${esc(input.action)}">
<fieldset>
<legend>Company</legend>
${options}
</fieldset>
<div class="actions"><button type="submit" name="action" value="continue">Continue</button><button type="submit" name="action" value="cancel" class="secondary" formnovalidate>Cancel</button></div>
</form>`,
  );
}

const SCOPE_WORDS: Record<string, string> = {
  openid: 'Know who you are',
  email: 'See your email address',
  profile: 'See your name',
  tenants: 'Know which company you chose',
  offline_access: 'Stay connected when you are not signed in',
  'vismanet_erp_interactive_api:read': 'Read data in Visma.net ERP',
  'vismanet_erp_interactive_api:create': 'Create data in Visma.net ERP',
  'vismanet_erp_interactive_api:update': 'Change data in Visma.net ERP',
  'vismanet_erp_interactive_api:delete': 'Delete data in Visma.net ERP',
};

export function consentPage(input: { action: string; clientName: string; email: string; companyName?: string; scopes: string[] }): string {
  const items = input.scopes.map((scope) => `<li>${esc(SCOPE_WORDS[scope] ?? scope)}</li>`).join('\n');
  return layout(
    `Allow ${input.clientName} access?`,
    `<p>${esc(input.clientName)} asks to act as ${esc(input.email)}${input.companyName ? ` in ${esc(input.companyName)}` : ''}. It will be able to:</p>
<ul>
${items}
</ul>
<form method="post" action="${esc(input.action)}">
<div class="actions"><button type="submit" name="decision" value="accept" autofocus>Accept</button><button type="submit" name="decision" value="deny" class="secondary">Deny</button></div>
</form>`,
  );
}

export function errorPage(input: { error: string; description?: string }): string {
  return layout(
    'Sign-in failed',
    `<p role="alert" class="error"><strong>${esc(input.error)}</strong>${input.description ? `: ${esc(input.description)}` : ''}</p>
<p>Close this window and start again from the application.</p>`,
  );
}

/** oidc-provider hands over its hidden logout form (with its XSRF field); the buttons submit it. */
export function logoutPage(form: string): string {
  return layout(
    'Sign out',
    `<p>Do you want to sign out of Visma Connect?</p>
${form}
<div class="actions"><button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Sign out</button><button type="submit" form="op.logoutForm" class="secondary">Stay signed in</button></div>`,
  );
}

export function signedOutPage(): string {
  return layout('Signed out', '<p>You are signed out of Visma Connect. You may close this window.</p>');
}
