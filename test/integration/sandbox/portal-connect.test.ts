import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox';
import { HttpPerson, expectPage } from '../../helpers/sandbox/http-person';
import { PortalPerson, SUPERUSER, connectionOf } from '../../helpers/sandbox/portal-person';
import { ANNA, FJELLVIND, NORDLYS, PER, walkVismaPages } from '../../helpers/sandbox/relying-party';
import { sandboxPerTest } from '../../helpers/sandbox/sandboxes';

const sandboxes = sandboxPerTest();

/** A portal sign-in without a browser: the session cookie to send. */
async function sessionCookie(sandbox: Sandbox): Promise<string> {
  const response = await fetch(`${sandbox.portal.url}/signin`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: SUPERUSER.email, password: SUPERUSER.password, next: '/integrations' }).toString(),
  });
  expect(response.status).toBe(302);
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** Where the portal's Connected button sends the browser. */
async function authorizeUrl(sandbox: Sandbox, integrationId: string): Promise<URL> {
  const response = await fetch(`${sandbox.portal.url}/integrations/${integrationId}/visma/connect`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: await sessionCookie(sandbox) },
  });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location')!);
}

describe('portal sign-in', () => {
  it('refuses a wrong password, and signs in to the integrations list', async () => {
    const sandbox = await sandboxes();
    const person = new PortalPerson(sandbox);
    const wrong = await person.signIn({ email: SUPERUSER.email, password: 'nope' });
    expect(wrong.heading).toBe('Sign in to DataBridge');
    expect(wrong.alert).toBe('Wrong email or password.');

    const list = await person.signIn();
    expect(list.url.pathname).toBe('/integrations');
    expect(list.heading).toBe('Integrations');
    const links = [...list.document.querySelectorAll('main li')].map((li) => li.textContent?.trim());
    expect(links).toHaveLength(6);
    expect(links[0]).toBe('Nordlys: orders to Visma.net needs your attention');
  });

  it('sends a visitor without a session to the sign-in, and after it to the page asked for', async () => {
    const sandbox = await sandboxes();
    const response = await fetch(`${sandbox.portal.url}/integrations/havbris-invoices`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/signin?next=%2Fintegrations%2Fhavbris-invoices');

    const person = new PortalPerson(sandbox);
    const page = await person.signIn(SUPERUSER, `${sandbox.portal.url}/integrations/havbris-invoices`);
    expect(page.url.pathname).toBe('/integrations/havbris-invoices');
    expect(page.heading).toBe('Havbris: invoices to Visma.net');
    expect(connectionOf(page)).toBe('Old-style connection: reconnect');
  });

  it('expired sessions: the next page is the sign-in, and signing in again goes on', async () => {
    const sandbox = await sandboxes();
    const person = new PortalPerson(sandbox);
    await person.signIn();
    await sandbox.portal.admin.expireSessions();
    const signIn = await person.open('/integrations/nordlys-orders');
    expect(signIn.heading).toBe('Sign in to DataBridge');
    expect(signIn.url.search).toBe('?next=%2Fintegrations%2Fnordlys-orders');
    const back = expectPage(await person.browser.submit(signIn, 'Sign in', { Email: SUPERUSER.email, Password: SUPERUSER.password }));
    expect(back.heading).toBe('Nordlys: orders to Visma.net');

    await sandbox.portal.admin.setFault('sessions-expired', true);
    expect((await person.open('/integrations')).heading).toBe('Sign in to DataBridge');
  });

  it('refuses a POST another site\'s page sent with the session cookie', async () => {
    const sandbox = await sandboxes();
    const response = await fetch(`${sandbox.portal.url}/integrations/nordlys-orders/run`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: await sessionCookie(sandbox), origin: 'http://evil.example' },
    });
    expect(response.status).toBe(403);
    expect(await sandbox.portal.admin.jobLog('nordlys-orders')).toBe('');
  });

  it('does not send anyone elsewhere after sign-in', async () => {
    const sandbox = await sandboxes();
    const page = await new PortalPerson(sandbox).signIn(SUPERUSER, `${sandbox.portal.signInUrl}?next=${encodeURIComponent('//evil.example/')}`);
    expect(page.url.href).toBe(`${sandbox.portal.url}/integrations`);
  });
});

describe('the Connected button', () => {
  it('starts a code flow with the portal\'s own client: form_post, no prompt=login, no login_hint, the app\'s scopes', async () => {
    const sandbox = await sandboxes();
    const url = await authorizeUrl(sandbox, 'nordlys-orders');
    expect(`${url.origin}${url.pathname}`).toBe(`${sandbox.issuer}/connect/authorize`);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      client_id: 'isv_databridge_superoffice',
      response_type: 'code',
      response_mode: 'form_post',
      redirect_uri: `${sandbox.portal.url}/visma/callback`,
      scope: sandbox.environment.scopes,
      code_challenge_method: 'S256',
    });
    expect(params.state).toMatch(/^\S{20,}$/);
    expect(params).not.toHaveProperty('prompt');
    expect(params).not.toHaveProperty('login_hint');
  });

  it('sends login_hint and response_mode=query when set so', async () => {
    const sandbox = await sandboxes({ portal: { responseMode: 'query', sendLoginHint: true } });
    const params = (await authorizeUrl(sandbox, 'havbris-invoices')).searchParams;
    expect(params.get('login_hint')).toBe('tove.twostep@example.com');
    expect(params.has('response_mode')).toBe(false);
    await sandbox.portal.admin.configure({ responseMode: 'form_post', sendLoginHint: false });
    const again = (await authorizeUrl(sandbox, 'havbris-invoices')).searchParams;
    expect(again.get('response_mode')).toBe('form_post');
    expect(again.has('login_hint')).toBe(false);
  });

  it.each(['form_post', 'query'] as const)('connects with the code delivered by %s and keeps the tokens server-side', async (responseMode) => {
    const sandbox = await sandboxes({ portal: { responseMode } });
    const person = new PortalPerson(sandbox);
    await person.signIn();
    const before = await sandbox.portal.admin.runJob('nordlys-orders');
    expect(before.success).toBe(false);

    const page = expectPage(await person.connect('nordlys-orders', { ...ANNA, company: NORDLYS.name }));
    expect(page.url.pathname).toBe('/integrations/nordlys-orders');
    expect(connectionOf(page)).toBe(`Connected as ${ANNA.email} to ${NORDLYS.name} (${NORDLYS.id})`);
    expect(await sandbox.portal.admin.integration('nordlys-orders')).toMatchObject({
      connection: 'connected',
      connectedAs: ANNA.email,
      connectedCompanyId: NORDLYS.id,
      clientId: 'isv_databridge_superoffice',
      connectedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(await sandbox.portal.admin.runJob('nordlys-orders')).toEqual({ success: true, message: 'Job finished: 2 records exported' });
    // The tokens stay on the portal's side: no page shows them.
    expect(page.text).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
  });

  it('refuses another company than the integration\'s, and leaves the connection as it was', async () => {
    const sandbox = await sandboxes();
    const person = new PortalPerson(sandbox);
    await person.signIn();
    const page = expectPage(await person.connect('nordlys-orders', { ...ANNA, company: FJELLVIND.name }));
    expect(page.status).toBe(200);
    expect(page.heading).toBe('Wrong company');
    expect(page.alert).toBe(`Wrong company: you picked ${FJELLVIND.name} (${FJELLVIND.id}), this integration uses ${NORDLYS.name} (${NORDLYS.id})`);
    expect((await sandbox.portal.admin.integration('nordlys-orders')).connection).toBe('old-style');
    const customer = expectPage(await person.connect('nordlys-orders', { ...ANNA, company: NORDLYS.customer }));
    expect(customer.alert).toBe(`Wrong company: you picked ${NORDLYS.customer} (${NORDLYS.customerId}), this integration uses ${NORDLYS.name} (${NORDLYS.id})`);
    const integration = await person.open('/integrations/nordlys-orders');
    expect(connectionOf(integration)).toBe('Old-style connection: reconnect');
    expect(integration.alert).toContain('Wrong company');
  });

  it('shows an error Visma delivers (consent denied, no API User) and leaves the connection as it was', async () => {
    const sandbox = await sandboxes();
    const person = new PortalPerson(sandbox);
    await person.signIn();
    const denied = expectPage(await person.connect('nordlys-orders', { ...ANNA, company: NORDLYS.name, consent: 'deny' }));
    expect(denied.url.pathname).toBe('/integrations/nordlys-orders');
    expect(denied.alert).toBe('Visma said: access_denied');
    expect(connectionOf(denied)).toBe('Old-style connection: reconnect');

    const fresh = new PortalPerson(sandbox);
    await fresh.signIn();
    const notEntitled = expectPage(await fresh.connect('nordlys-invoices', { ...PER, company: NORDLYS.name }));
    expect(notEntitled.alert).toBe('Visma said: invalid_tenant');
    expect((await sandbox.portal.admin.integration('nordlys-invoices')).connection).toBe('old-style');
  });

  it('callback-500: the portal answers 500 after Visma delivered the code, and stores nothing', async () => {
    const sandbox = await sandboxes();
    const person = new PortalPerson(sandbox);
    await person.signIn();
    await sandbox.portal.admin.setFault('callback-500', true);
    const failed = expectPage(await person.connect('fjellvind-orders', { ...ANNA, company: FJELLVIND.name }));
    expect(failed.status).toBe(500);
    expect(failed.url.pathname).toBe('/visma/callback');
    expect((await sandbox.portal.admin.integration('fjellvind-orders')).connection).toBe('old-style');

    await sandbox.portal.admin.setFault('callback-500', false);
    const page = expectPage(await person.connect('fjellvind-orders', { ...ANNA, company: FJELLVIND.name }));
    expect(connectionOf(page)).toBe(`Connected as ${ANNA.email} to ${FJELLVIND.name} (${FJELLVIND.id})`);
  });

  it('skips Visma\'s login page in a browser that still has a Visma session (no prompt=login)', async () => {
    const sandbox = await sandboxes();
    const person = new PortalPerson(sandbox);
    await person.signIn();
    expectPage(await person.connect('nordlys-orders', { ...ANNA, company: NORDLYS.name }));
    const second = await person.browser.submit(await person.open('/integrations/fjellvind-orders'), 'Connected');
    expect(expectPage(second).heading).toBe('Choose a company');
  });

  it('accepts a state only once and only from a login it started', async () => {
    const sandbox = await sandboxes();
    const response = await fetch(`${sandbox.portal.url}/visma/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'code=made-up&state=made-up',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('DataBridge did not start this Visma.net login');
  });
});

describe('popup mode', () => {
  it('hands the page Visma\'s authorize URL, and the callback answers a page that reloads the opener and closes', async () => {
    const sandbox = await sandboxes({ portal: { loginIn: 'popup' } });
    const person = new PortalPerson(sandbox);
    await person.signIn();
    const page = await person.open('/integrations/nordlys-orders');
    const script = page.document.querySelector('script');
    expect(script?.textContent).toContain('window.open(authorizeUrl');

    const response = await fetch(`${sandbox.portal.url}/integrations/nordlys-orders/visma/connect`, {
      method: 'POST',
      headers: { accept: 'application/json', cookie: await sessionCookie(sandbox) },
    });
    const csp = (await fetch(`${sandbox.portal.url}/integrations/nordlys-orders`, { headers: { cookie: await sessionCookie(sandbox) } })).headers.get('content-security-policy');
    expect(csp).toMatch(/script-src 'nonce-[\w+/=]+'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const { authorizeUrl: url } = (await response.json()) as { authorizeUrl: string };
    expect(new URL(url).searchParams.get('client_id')).toBe('isv_databridge_superoffice');

    const popup = new HttpPerson(); // the popup: Visma's pages, then the portal's callback
    const done = expectPage(await walkVismaPages(popup, await popup.open(url), { ...ANNA, company: NORDLYS.name }));
    expect(done.status).toBe(200);
    expect(done.url.pathname).toBe('/visma/callback');
    expect(done.heading).toBe('Connected');
    expect(done.document.querySelector('script')?.textContent).toContain('window.opener.location.reload()');
    expect((await sandbox.portal.admin.integration('nordlys-orders')).connectedAs).toBe(ANNA.email);
  });
});
