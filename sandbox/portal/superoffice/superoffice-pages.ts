import { esc } from '../../identity/pages';

/** The SuperOffice CRM Online look-alike's sign-in page: its own look and words (English, as SuperOffice's login is by default). */
const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #eef1f5; color: #17202b; }
  header { background: #b0102a; color: #fff; padding: .75rem 1.5rem; }
  header p { margin: 0; font-weight: 600; }
  main { max-width: 26rem; margin: 3rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: 8px; box-shadow: 0 1px 3px #0003; }
  h1 { font-size: 1.35rem; margin-top: 0; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input[type=email], input[type=password] { width: 100%; box-sizing: border-box; font: inherit; padding: .5rem; border: 1px solid #5f6b78; border-radius: 4px; }
  .actions { margin-top: 1.25rem; }
  button { font: inherit; padding: .5rem 1.5rem; border-radius: 4px; border: 1px solid #b0102a; background: #b0102a; color: #fff; cursor: pointer; }
  button:focus-visible, input:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
  .error { color: #8f0010; background: #fdecee; border-left: 4px solid #8f0010; padding: .5rem .75rem; }
`;

export function superOfficeSignInPage(input: { state: string; returnTo: string; email?: string; error?: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Log in – SuperOffice CRM Online sandbox</title>
<style>${STYLE}</style>
</head>
<body>
<header><p>SuperOffice CRM Online (sandbox)</p></header>
<main>
<h1>Log in to SuperOffice</h1>
${input.error ? `<p role="alert" class="error">${esc(input.error)}</p>` : ''}
<form method="post" action="/login">
<input type="hidden" name="state" value="${esc(input.state)}">
<input type="hidden" name="return" value="${esc(input.returnTo)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" value="${esc(input.email ?? '')}" required autofocus>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="actions"><button type="submit">Log in</button></div>
</form>
</main>
</body>
</html>`;
}
