import * as jose from 'jose';
import * as client from 'openid-client';
import { describe, expect, it } from 'vitest';
import { NOT_ENTITLED, type Sandbox, totp } from '../../../sandbox';
import { HttpPerson, expectLeft, expectPage } from '../../helpers/sandbox/http-person';
import {
  ANNA,
  FJELLVIND,
  HAVBRIS,
  NORDLYS,
  OLA,
  PER,
  TOVE,
  beginLogin,
  callApi,
  discover,
  finishLogin,
  logIn,
  walkLogin,
} from '../../helpers/sandbox/relying-party';
import { sandboxPerTest } from '../../helpers/sandbox/sandboxes';

const startSandbox = sandboxPerTest();

async function openLogin(sandbox: Sandbox, options: { loginHint?: string; scope?: string; pkce?: boolean } = {}) {
  const config = await discover(sandbox);
  const login = await beginLogin(config, { redirectUri: sandbox.environment.redirectUri, scope: options.scope ?? sandbox.environment.scopes, ...options });
  const browser = new HttpPerson(login.redirectUri);
  return { config, login, browser, outcome: await browser.open(login.url) };
}

describe('login → company → consent → code → tokens', () => {
  it('gives tokens for the picked company that the ERP API accepts', async () => {
    const sandbox = await startSandbox();
    const { tokens } = await logIn(sandbox, { ...ANNA, company: FJELLVIND.name });

    const claims = jose.decodeJwt(tokens.access_token);
    expect(claims).toMatchObject({ tenant_id: FJELLVIND.id, client_id: 'bridgekeeper', aud: 'vismanet_erp_interactive_api', iss: sandbox.issuer });
    expect(claims.sub).toBe(tokens.claims()?.sub);
    expect(typeof claims.auth_time).toBe('number');
    expect(String(claims.scope).split(' ')).toEqual(expect.arrayContaining(['openid', 'tenants', 'offline_access', 'vismanet_erp_interactive_api:read']));
    expect(tokens.refresh_token).toBeTruthy();
    expect(tokens.claims()).toMatchObject({ email: ANNA.email, name: 'Anna Apiuser' });

    const organization = await callApi(sandbox, tokens.access_token);
    expect(organization.status).toBe(200);
    expect(organization.json).toEqual({ organizationId: FJELLVIND.id, name: FJELLVIND.name });
    const classes = await callApi(sandbox, tokens.access_token, '/v1/customer/customerClass');
    expect(classes.json).toEqual([{ id: 'B2B', description: 'Business customers' }]);
  });

  it('makes a separate token set for each login, even for the same user and company', async () => {
    const sandbox = await startSandbox();
    const first = await logIn(sandbox, { ...ANNA, company: NORDLYS.name });
    const second = await logIn(sandbox, { ...ANNA, company: NORDLYS.name });
    expect(second.tokens.refresh_token).not.toBe(first.tokens.refresh_token);
    await client.tokenRevocation(first.config, first.tokens.refresh_token!);
    const stillThere = await client.refreshTokenGrant(second.config, second.tokens.refresh_token!);
    expect(stillThere.access_token).toBeTruthy();
  });

  it('answers userinfo with the user of the token', async () => {
    const sandbox = await startSandbox();
    const { config, tokens } = await logIn(sandbox, { ...ANNA, company: NORDLYS.name });
    const info = await client.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub);
    expect(info).toMatchObject({ email: ANNA.email, name: 'Anna Apiuser' });
  });
});

describe('pushed authorization requests (PAR, RFC 9126)', () => {
  it('take the parameters first, so the browser\'s authorize URL carries only client_id and request_uri; offline_access still gives a refresh token', async () => {
    const sandbox = await startSandbox();
    const config = await discover(sandbox);
    expect(config.serverMetadata().pushed_authorization_request_endpoint).toBe(`${sandbox.issuer}/connect/par`);
    const pending = await beginLogin(config, { redirectUri: sandbox.environment.redirectUri, scope: sandbox.environment.scopes, loginHint: ANNA.email });
    const pushed = await client.buildAuthorizationUrlWithPAR(config, Object.fromEntries(pending.url.searchParams));
    expect([...pushed.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);

    const callback = await walkLogin({ ...pending, url: pushed }, { ...ANNA, company: NORDLYS.name });
    const tokens = await finishLogin(config, pending, callback);
    expect(jose.decodeJwt(tokens.access_token).tenant_id).toBe(NORDLYS.id);
    expect(tokens.refresh_token).toBeDefined();
    expect((await sandbox.admin.requestCounts()).byPath).toMatchObject({ 'POST /connect/par': 1 });
  });
});

describe('end session', () => {
  it('asks before signing out, then the browser must sign in again', async () => {
    const sandbox = await startSandbox({ identityProvider: { honorPromptLogin: false } });
    const { config, login, browser } = await openLogin(sandbox);
    const tokens = await finishLogin(config, login, await walkWith(browser, login.url, { ...ANNA, company: NORDLYS.name }));

    const ask = expectPage(await browser.open(client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token! })));
    expect(ask.heading).toBe('Sign out');
    expect(expectPage(await browser.submit(ask, 'Sign out')).heading).toBe('Signed out');

    const next = await beginLogin(config, { redirectUri: login.redirectUri, scope: sandbox.environment.scopes });
    expect(expectPage(await browser.open(next.url)).heading).toBe('Sign in');
  });
});

describe('the login page', () => {
  it('fills the email from login_hint and says so when the password is wrong', async () => {
    const sandbox = await startSandbox();
    const { browser, outcome } = await openLogin(sandbox, { loginHint: ANNA.email });
    const page = expectPage(outcome);
    expect(page.heading).toBe('Sign in');
    expect(page.document.querySelector<HTMLInputElement>('#email')?.value).toBe(ANNA.email);

    const again = expectPage(await browser.submit(page, 'Sign in', { Password: 'not-her-password' }));
    expect(again.heading).toBe('Sign in');
    expect(again.alert).toBe('Wrong email or password.');
  });

  it('leaves the email empty when the seed says login_hint is ignored', async () => {
    const sandbox = await startSandbox({ identityProvider: { honorLoginHint: false } });
    const { outcome } = await openLogin(sandbox, { loginHint: ANNA.email });
    expect(expectPage(outcome).document.querySelector<HTMLInputElement>('#email')?.value).toBe('');
  });

  it('refuses a deactivated user', async () => {
    const sandbox = await startSandbox();
    const { browser, outcome } = await openLogin(sandbox);
    const page = expectPage(await browser.submit(expectPage(outcome), 'Sign in', { Email: OLA.email, Password: OLA.password }));
    expect(page.alert).toBe('This user is deactivated. Ask your administrator.');
  });

  it('shows again on prompt=login although the browser is still signed in', async () => {
    const sandbox = await startSandbox();
    const { config, login, browser } = await openLogin(sandbox);
    await finishLogin(config, login, await walkWith(browser, login.url, { ...ANNA, company: NORDLYS.name }));

    const second = await beginLogin(config, { redirectUri: login.redirectUri, scope: sandbox.environment.scopes });
    expect(expectPage(await browser.open(second.url)).heading).toBe('Sign in');
  });

  it('is skipped for a signed-in browser when the seed says prompt=login is ignored', async () => {
    const sandbox = await startSandbox({ identityProvider: { honorPromptLogin: false } });
    const { config, login, browser } = await openLogin(sandbox);
    await finishLogin(config, login, await walkWith(browser, login.url, { ...ANNA, company: NORDLYS.name }));

    const second = await beginLogin(config, { redirectUri: login.redirectUri, scope: sandbox.environment.scopes });
    expect(expectPage(await browser.open(second.url)).heading).toBe('Choose a company');
  });
});

/** The person's steps in a browser that already has the authorization URL open in its jar. */
async function walkWith(browser: HttpPerson, url: URL, person: { email: string; password: string; company: string }) {
  let outcome = await browser.submit(expectPage(await browser.open(url)), 'Sign in', { Email: person.email, Password: person.password });
  outcome = await browser.submit(expectPage(outcome), 'Continue', { [person.company]: true });
  return expectLeft(await browser.submit(expectPage(outcome), 'Accept'));
}

describe('two-step verification', () => {
  it('asks users the seed marks for a code and says so when it is wrong', async () => {
    const sandbox = await startSandbox();
    const { config, login, browser, outcome } = await openLogin(sandbox);
    const codePage = expectPage(await browser.submit(expectPage(outcome), 'Sign in', { Email: TOVE.email, Password: TOVE.password }));
    expect(codePage.heading).toBe('Two-step verification');

    const wrong = String((Number(totp(TOVE.totpSecret)) + 500_000) % 1_000_000).padStart(6, '0');
    const again = expectPage(await browser.submit(codePage, 'Verify', { 'Verification code': wrong }));
    expect(again.alert).toBe('The verification code is wrong. Try again.');

    const picker = expectPage(await browser.submit(again, 'Verify', { 'Verification code': totp(TOVE.totpSecret) }));
    const consent = expectPage(await browser.submit(picker, 'Continue', { [HAVBRIS.name]: true }));
    const tokens = await finishLogin(config, login, expectLeft(await browser.submit(consent, 'Accept')));
    expect(tokens.claims()?.amr).toEqual(['pwd', 'mfa']);
    expect((await callApi(sandbox, tokens.access_token)).status).toBe(200);
  });
});

describe('the company picker', () => {
  it("offers the user's companies and a company's customer tenant", async () => {
    const sandbox = await startSandbox();
    const { browser, outcome } = await openLogin(sandbox);
    const picker = expectPage(await browser.submit(expectPage(outcome), 'Sign in', { Email: PER.email, Password: PER.password }));
    const offered = [...picker.document.querySelectorAll('fieldset label')].map((l) => l.textContent?.trim());
    expect(offered).toEqual([NORDLYS.name, NORDLYS.customer, FJELLVIND.name]);
  });

  it('ends in invalid_tenant when the user lacks API User in the picked company', async () => {
    const sandbox = await startSandbox();
    const { config, login } = await openLogin(sandbox);
    const callback = await walkLogin(login, { ...PER, company: NORDLYS.name });
    expect(Object.fromEntries(callback.searchParams)).toMatchObject({ error: 'invalid_tenant', error_description: NOT_ENTITLED, state: login.state });
    await expect(finishLogin(config, login, callback)).rejects.toMatchObject({ error: 'invalid_tenant' });
  });

  it('shows invalid_tenant as an HTTP 400 page instead when the seed says so', async () => {
    const sandbox = await startSandbox({ identityProvider: { invalidTenantShownAs: 'page' } });
    const { browser, outcome } = await openLogin(sandbox);
    const picker = expectPage(await browser.submit(expectPage(outcome), 'Sign in', { Email: PER.email, Password: PER.password }));
    const page = expectPage(await browser.submit(picker, 'Continue', { [NORDLYS.name]: true }));
    expect(page.status).toBe(400);
    expect(page.alert).toBe(`invalid_tenant: ${NOT_ENTITLED}`);
  });

  it('does not offer such a company when the seed says so', async () => {
    const sandbox = await startSandbox({ identityProvider: { companyWithoutApiUser: 'not-offered' } });
    const { browser, outcome } = await openLogin(sandbox);
    const picker = expectPage(await browser.submit(expectPage(outcome), 'Sign in', { Email: PER.email, Password: PER.password }));
    expect([...picker.document.querySelectorAll('fieldset label')].map((l) => l.textContent?.trim())).toEqual([FJELLVIND.name]);
  });

  it('tells a user with no usable company so, and cancelling ends in access_denied', async () => {
    const sandbox = await startSandbox({ identityProvider: { companyWithoutApiUser: 'not-offered' } });
    await sandbox.admin.removeApiUser(PER.email, FJELLVIND.id);
    const { login, browser, outcome } = await openLogin(sandbox);
    const page = expectPage(await browser.submit(expectPage(outcome), 'Sign in', { Email: PER.email, Password: PER.password }));
    expect(page.heading).toBe('No company to choose');
    const callback = expectLeft(await browser.submit(page, 'Cancel'));
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe(login.state);
  });

  it('is not shown when the tenants scope is not asked, and the token then has no tenant', async () => {
    const sandbox = await startSandbox();
    const { tokens } = await logIn(sandbox, ANNA, { scope: 'openid email offline_access vismanet_erp_interactive_api:read' });
    expect(jose.decodeJwt(tokens.access_token).tenant_id).toBeUndefined();
  });
});

describe('consent', () => {
  it('denied ends in access_denied at the redirect URI', async () => {
    const sandbox = await startSandbox();
    const { config, login } = await openLogin(sandbox);
    const callback = await walkLogin(login, { ...ANNA, company: NORDLYS.name, consent: 'deny' });
    expect(callback.origin + callback.pathname).toBe(sandbox.environment.redirectUri);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    await expect(finishLogin(config, login, callback)).rejects.toMatchObject({ error: 'access_denied' });
  });

  it('is asked once per user and client when the client remembers consent', async () => {
    const sandbox = await startSandbox({ clients: { bridgekeeper: { rememberConsent: true } } });
    await logIn(sandbox, { ...ANNA, company: NORDLYS.name });
    const { login, browser, outcome } = await openLogin(sandbox);
    const picker = expectPage(await browser.submit(expectPage(outcome), 'Sign in', { Email: ANNA.email, Password: ANNA.password }));
    const callback = expectLeft(await browser.submit(picker, 'Continue', { [NORDLYS.name]: true }));
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(callback.searchParams.get('state')).toBe(login.state);
  });
});

describe('PKCE', () => {
  it('is required: a request without code_challenge is refused', async () => {
    const sandbox = await startSandbox();
    const { login, outcome } = await openLogin(sandbox, { pkce: false });
    const callback = expectLeft(outcome);
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('error_description')).toMatch(/PKCE/);
    expect(callback.searchParams.get('state')).toBe(login.state);
  });

  it('must be S256', async () => {
    const sandbox = await startSandbox();
    const config = await discover(sandbox);
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: sandbox.environment.redirectUri,
      scope: 'openid',
      code_challenge: 'a'.repeat(43),
      code_challenge_method: 'plain',
    });
    const callback = expectLeft(await new HttpPerson(sandbox.environment.redirectUri).open(url));
    expect(callback.searchParams.get('error')).toBe('invalid_request');
  });

  it('refuses a code exchange with the wrong verifier', async () => {
    const sandbox = await startSandbox();
    const { config, login } = await openLogin(sandbox);
    const callback = await walkLogin(login, { ...ANNA, company: NORDLYS.name });
    await expect(finishLogin(config, { ...login, codeVerifier: client.randomPKCECodeVerifier() }, callback)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });
});

describe('redirect URIs', () => {
  it('shows an error page, and does not redirect, for an unregistered redirect URI', async () => {
    const sandbox = await startSandbox();
    const config = await discover(sandbox);
    const login = await beginLogin(config, { redirectUri: 'http://127.0.0.1/elsewhere', scope: 'openid' });
    const page = expectPage(await new HttpPerson('http://127.0.0.1/elsewhere').open(login.url));
    expect(page.status).toBe(400);
    expect(page.alert).toMatch(/redirect_uri/);
  });
});
