import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiEvent } from '../../../src/shared/api';
import type { PortalDefinition } from '../../../src/shared/portal';
import { chunkedSecrets, createMemorySecrets } from '../../../src/main/portal/portal-secrets';
import { tempApp } from '../../helpers/temp-app';
import { reauthInEnglish } from '../../helpers/in-english';
import { english } from '../../../src/main/in-words';
import { type ScriptedLogin, type ScriptedPage, type ScriptedSession, scriptedPortal } from '../../helpers/scripted-portal';

/**
 * The portal reconnect's logic (F18) with a scripted portal: what a SuperUser sees happen to the
 * profile for each thing a portal can do after Visma's answer reached it. Connected only with
 * evidence — the portal's words, the job, or the person's — and never from an HTTP status alone.
 * The real windows and pages are in the Chromium E2E against the sandbox's look-alike portals.
 */

const ORIGIN = 'https://my-databridge.infobridgeuniverse.com';
const PORTAL: PortalDefinition = {
  id: 'databridge',
  name: 'DataBridge',
  origin: ORIGIN,
  signInUrl: `${ORIGIN}/Account/Login`,
  identityOrigins: ['https://connect.visma.com'],
  signInOrigins: ['https://online.superoffice.com'],
  connectButtonLabel: 'Connected',
  connectSection: 'Visma.net Financials',
  connectedMarker: '',
  listUrl: '',
  profilePattern: '',
  profileDetails: '',
};
const SAVED = 'The Visma.net connection is saved.';
const COOKIE = { name: '.AspNet.Cookies', value: 'portal-sign-in', path: '/', secure: true, httpOnly: true, sameSite: 'None' as const };
const CALLBACK = `${ORIGIN}/visma/callback`;
const AUTHORIZE = `https://connect.visma.com/connect/authorize?client_id=isv_databridge&response_type=code&response_mode=form_post&redirect_uri=${encodeURIComponent(CALLBACK)}&state=s1`;

const SIGN_IN: ScriptedSession = {
  kind: 'sign-in',
  pages: [
    { path: '/Account/Login', passwordField: true, signInControls: ['Log in'] },
    { path: '/integrations', lines: ['Integrations'] },
  ],
  cookies: [COOKIE],
};
const profilePage = (id: string, status = 'Old-style connection: reconnect'): ScriptedPage => ({
  path: `/integrations/${id}`,
  lines: ['Signed in as siri@example.com', id, 'Visma.net Financials', status],
  section: ['Visma.net Financials', status],
});
const connectedPage = (id: string, user = 'anna@example.com', company = 'Nordlys Handel AS (1000001)', flash = true): ScriptedPage => ({
  path: `/integrations/${id}`,
  lines: ['Signed in as siri@example.com', ...(flash ? [SAVED] : []), id, 'Visma.net Financials', `Connected as ${user} to ${company}`],
  section: ['Visma.net Financials', `Connected as ${user} to ${company}`],
  ...(flash ? { notices: [SAVED] } : {}),
});
const login = (after: ScriptedPage[], more: Partial<ScriptedLogin> = {}): ScriptedLogin => ({
  authorize: AUTHORIZE,
  deliver: { method: 'POST', url: CALLBACK, body: 'code=THE-CODE&state=s1' },
  callbackStatus: 302,
  after,
  ...more,
});
const reconnectOf = (id: string, after: ScriptedPage[], more: Partial<ScriptedLogin> = {}): Extract<ScriptedSession, { kind: 'profile' }> => ({ kind: 'profile', page: profilePage(id), login: login(after, more) });

const apps: ReturnType<typeof tempApp>[] = [];
const servers: http.Server[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) app.cleanup();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function setUp(script: ScriptedSession[], portal: Partial<PortalDefinition> = {}) {
  const portalWindows = scriptedPortal(ORIGIN, script);
  const keychain = createMemorySecrets();
  const app = tempApp(undefined, { portalSurface: portalWindows.surface, portalSecrets: keychain, now: () => new Date() });
  const secrets = Object.assign(chunkedSecrets(keychain), { raw: keychain });
  apps.push(app);
  await app.api.savePortal({ ...PORTAL, ...portal });
  for (const [id, company, companyName] of [
    ['orders', '1000001', 'Nordlys Handel AS'],
    ['invoices', '1000002', 'Fjellvind Bygg AS'],
    ['customers', '1000001', 'Nordlys Handel AS'],
  ] as const) {
    await app.api.createProfile({ id, name: id, direction: 'import', companyId: company, companyName, apiUser: 'anna@example.com', portalId: PORTAL.id, portalUrl: `${ORIGIN}/integrations/${id}` });
  }
  return { app, secrets, portalWindows };
}

/** Answers the person's-word question when it comes, as a person would after looking at the portal's page. */
function answerWhenAsked(app: ReturnType<typeof tempApp>, answer: Parameters<ReturnType<typeof tempApp>['api']['reportPortalWord']>[1]) {
  const asked: ApiEvent[] = [];
  const from = app.events.length; // questions asked before this are someone else's
  const timer = setInterval(() => {
    const prompt = app.events.slice(from).find((e) => e.type === 'portal-prompt' && e.prompt?.kind === 'confirm' && !asked.includes(e));
    if (!prompt || prompt.type !== 'portal-prompt') return;
    asked.push(prompt);
    void app.api.reportPortalWord(prompt.profileId, answer);
  }, 5);
  return { asked, stop: () => clearInterval(timer) };
}

describe('a portal reconnect is Connected only with evidence', () => {
  it('signs in once, gives every profile a session of its own with the sign-in alone, and is Connected when the portal’s page says so', async () => {
    const { app, portalWindows } = await setUp([SIGN_IN, reconnectOf('orders', [connectedPage('orders')]), reconnectOf('customers', [connectedPage('customers')])], { connectedMarker: SAVED });
    for (const id of ['orders', 'customers']) {
      const result = reauthInEnglish(await app.api.reauthenticate(id));
      expect(result).toMatchObject({ outcome: 'connected', title: 'Connected through DataBridge', portal: { clientId: 'isv_databridge', via: 'form_post', portalStatus: 302, user: 'anna@example.com' } });
      expect(result.explanation).toContain(`The page of DataBridge said: “${SAVED}”.`);
      expect(JSON.stringify(result)).not.toContain('THE-CODE');
    }
    expect(portalWindows.opened.map((o) => [o.script.kind, o.request.cookies])).toEqual([
      ['sign-in', []],
      ['profile', [COOKIE]],
      ['profile', [COOKIE]],
    ]);
    expect(portalWindows.opened.every((o) => o.closed)).toBe(true);
    expect(app.profiles.get('orders')).toMatchObject({ status: 'connected', connectedVia: { portalId: 'databridge', evidence: 'portal-page', said: SAVED, user: 'anna@example.com' } });
    expect((await app.api.listProfileEvents('orders'))[0]).toMatchObject({ kind: 'reauth', outcome: 'connected' });
  });

  it('a 302 from the portal and a clean page, without the portal’s words, is not confirmed: amber, never Connected', async () => {
    const { app } = await setUp([SIGN_IN, reconnectOf('orders', [connectedPage('orders', 'anna@example.com', 'Nordlys Handel AS (1000001)', false)])]);
    const word = answerWhenAsked(app, { outcome: 'unsure' });
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    word.stop();
    expect(result).toMatchObject({ outcome: 'unconfirmed', title: 'Login done, not confirmed by DataBridge' });
    expect(result.explanation).toBe('You could not tell from the page of DataBridge whether the connection was saved.');
    expect(app.profiles.get('orders')).toMatchObject({ status: 'unconfirmed', statusReason: { code: 'not-confirmed' } });
    expect((await app.api.listProfileEvents('orders'))[0]).toMatchObject({ outcome: 'unconfirmed' });
  });

  it('the person’s word after seeing the page confirms it, and the words they point at confirm the next profiles by themselves', async () => {
    const plain = (id: string, company: string) => connectedPage(id, 'anna@example.com', company, false);
    const { app } = await setUp([SIGN_IN, reconnectOf('orders', [plain('orders', 'Nordlys Handel AS (1000001)')]), reconnectOf('invoices', [plain('invoices', 'Fjellvind Bygg AS (1000002)')])]);
    const word = answerWhenAsked(app, { outcome: 'connected', marker: 'Connected as anna@example.com to Nordlys Handel AS (1000001)' });
    const first = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(word.asked).toHaveLength(1);
    expect(first).toMatchObject({ outcome: 'connected' });
    expect(first.explanation).toContain('You confirmed it after seeing the page of DataBridge.');
    expect(first.explanation).toContain('From now on Bridgekeeper looks for “Connected as {user} to {company} ({companyId})”');
    expect(app.portals.get('databridge')!.connectedMarker).toBe('Connected as {user} to {company} ({companyId})');
    expect(app.profiles.get('orders')!.connectedVia).toMatchObject({ evidence: 'person' });

    const second = reauthInEnglish(await app.api.reauthenticate('invoices'));
    word.stop();
    expect(word.asked).toHaveLength(1); // nobody was asked this time
    expect(second).toMatchObject({ outcome: 'connected' });
    expect(app.profiles.get('invoices')!.connectedVia).toMatchObject({ evidence: 'portal-page', said: 'Connected as anna@example.com to Fjellvind Bygg AS (1000002)' });
  });

  it('the person can say the portal showed a problem: it is quoted, and the profile needs a reconnect', async () => {
    const { app } = await setUp([SIGN_IN, reconnectOf('orders', [profilePage('orders')])]);
    const word = answerWhenAsked(app, { outcome: 'failed', detail: 'Authorization failed: please try again' });
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    word.stop();
    expect(result).toMatchObject({ outcome: 'reported-failed' });
    expect(result.explanation).toContain('Authorization failed: please try again');
    expect(app.profiles.get('orders')!.status).toBe('needs-reauth');
  });

  it.each<[string, Partial<ScriptedLogin> & { after: ScriptedPage[] }, string, string, string]>([
    ['a banner on the page it redirects to', { after: [{ ...profilePage('orders'), alerts: ['Wrong company: you picked Fjellvind Bygg AS'] }] }, 'portal-refused', 'DataBridge did not save the connection', 'DataBridge said: “Wrong company: you picked Fjellvind Bygg AS”.'],
    ['an error page with 200', { callbackStatus: 200, after: [{ path: '/visma/callback', lines: ['Connection failed'], alerts: ['The login took too long. Start again.'] }] }, 'portal-refused', 'DataBridge did not save the connection', '“The login took too long. Start again.”'],
    ['HTTP 500 from the callback', { callbackStatus: 500, after: [{ path: '/visma/callback', status: 500, lines: ['Something went wrong', 'DataBridge could not save the Visma.net connection.'] }] }, 'portal-failed', 'DataBridge could not finish the connection (HTTP 500)', 'DataBridge could not save the Visma.net connection.'],
    ['no answer at all from the callback', { callbackStatus: 0, after: [] }, 'portal-failed', 'DataBridge could not finish the connection', 'answered with an error'],
  ])('the portal’s refusal (%s) is quoted, and a connection that held before still holds', async (_case, flow, outcome, title, said) => {
    const { app } = await setUp([SIGN_IN, reconnectOf('orders', flow.after, flow)], { connectedMarker: SAVED });
    app.profiles.setStates([{ id: 'orders', state: { status: 'connected', statusSince: new Date().toISOString(), lastVerifiedAt: new Date().toISOString() } }]);
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome, title });
    expect(result.explanation).toContain(said);
    expect(result.explanation).not.toMatch(/Visma's login worked|Visma said/);
    expect(app.profiles.get('orders')!.status).toBe('connected'); // the portal kept the connection it had
  });

  it('the portal showing the connection as another Visma user is never Connected, even with its words for a saved one', async () => {
    const { app } = await setUp([SIGN_IN, reconnectOf('orders', [connectedPage('orders', 'per.noapi@example.com')])], { connectedMarker: SAVED });
    app.profiles.setStates([{ id: 'orders', state: { status: 'connected', statusSince: new Date().toISOString() } }]);
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome: 'wrong-user', title: 'DataBridge connected it as per.noapi@example.com, not anna@example.com' });
    expect(result.nextStep).toContain('log in as anna@example.com');
    expect(app.profiles.get('orders')!.status).toBe('needs-reauth'); // the portal replaced what held
  });

  it('the portal naming another company of the profiles is a wrong company', async () => {
    const { app } = await setUp([SIGN_IN, reconnectOf('orders', [connectedPage('orders', 'anna@example.com', 'Fjellvind Bygg AS (1000002)')])], { connectedMarker: SAVED });
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome: 'wrong-company' });
    expect(result.explanation).toContain('Fjellvind Bygg AS (1000002)');
    expect(app.profiles.get('orders')!.status).toBe('needs-reauth');
  });

  it.each([
    ['access_denied', 'The user denied access', 'consent-denied', 'Access was not granted'],
    ['invalid_tenant', 'The application user or subscription is not entititled to use the API', 'api-user-missing', 'may not use the Visma.net API'],
  ])('Visma’s own error (%s), delivered to the portal, is explained as Visma’s', async (error, description, outcome, title) => {
    const body = `error=${error}&error_description=${encodeURIComponent(description)}&state=s1`;
    const { app } = await setUp([SIGN_IN, reconnectOf('orders', [{ ...profilePage('orders'), alerts: ['Visma said: ' + error] }], { deliver: { method: 'POST', url: CALLBACK, body } })]);
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome });
    expect(result.title).toContain(title);
  });

  it('a Cancel in Visma’s company picker, delivered to the portal, reads as a cancel: not a Deny, one full stop, the profile unchanged (issue 23)', async () => {
    const body = `error=access_denied&error_description=${encodeURIComponent('The user cancelled the login.')}&state=s1`;
    const { app } = await setUp([SIGN_IN, reconnectOf('orders', [profilePage('orders')], { deliver: { method: 'POST', url: CALLBACK, body } })]);
    const before = app.profiles.get('orders')!.status;
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result.title).toBe("The login was cancelled in Visma's window");
    expect(result.explanation).toBe('Cancel was pressed in Visma\'s login window, so Visma gave no tokens. Visma said: "The user cancelled the login." No access was refused, and nothing was changed.');
    expect(app.profiles.get('orders')!.status).toBe(before);
    await expect(app.reauth.listProfileEvents('orders')).resolves.toMatchObject([{ kind: 'reauth', outcome: 'cancelled' }]);
  });

  it('Visma’s answer going by unseen (another host, a pushed request): the portal’s page back after Visma is judged all the same', async () => {
    const { app } = await setUp([SIGN_IN, reconnectOf('orders', [connectedPage('orders')], { deliver: undefined })], { connectedMarker: SAVED });
    expect(reauthInEnglish(await app.api.reauthenticate('orders'))).toMatchObject({ outcome: 'connected' });
  });

  it('a portal that lands on another page after the login has the profile’s page looked at once more', async () => {
    const { app, portalWindows } = await setUp([SIGN_IN, reconnectOf('orders', [{ path: '/integrations', lines: ['Integrations'] }], { reload: connectedPage('orders') })], { connectedMarker: SAVED });
    expect(reauthInEnglish(await app.api.reauthenticate('orders'))).toMatchObject({ outcome: 'connected' });
    expect(portalWindows.opened[1]!.ran.filter((s) => s.includes('"kind":"read"')).length).toBeGreaterThanOrEqual(2);
  });
});

describe('the portal’s sign-in and its pages', () => {
  it('an expired portal sign-in (the profile’s page is the sign-in page) asks for the sign-in again, never showing that page, then goes on with the same profile', async () => {
    const expired: ScriptedSession = { kind: 'profile', page: { path: '/Account/Login', passwordField: true, signInControls: ['Log in with SuperOffice'] } };
    const { app, portalWindows } = await setUp([SIGN_IN, expired, SIGN_IN, reconnectOf('orders', [connectedPage('orders')])], { connectedMarker: SAVED });
    await app.api.signInToPortal(PORTAL.id, false);
    await expect(app.api.reauthenticate('orders')).resolves.toMatchObject({ outcome: 'connected' });
    expect(portalWindows.opened.map((o) => o.script.kind)).toEqual(['sign-in', 'profile', 'sign-in', 'profile']);
    expect(portalWindows.opened[1]!.revealed).toBe(false); // a stale sign-in page is not shown to anyone
    const steps = app.events.flatMap((e) => (e.type === 'reauth-progress' ? [e.step] : []));
    expect(steps.filter((s) => s === 'signing-in')).toHaveLength(1);
  });

  it('a sign-in that does not come along into the attempt (kept in the page, not in cookies) is made in the attempt’s own window, from then on', async () => {
    const signInPage: ScriptedPage = { path: '/Account/Login', passwordField: true, signInControls: ['Log in'] };
    const { app, portalWindows } = await setUp([
      { ...SIGN_IN, cookies: [] },
      { ...reconnectOf('orders', [connectedPage('orders')]), signInFirst: signInPage },
      { ...reconnectOf('customers', [connectedPage('customers')]), signInFirst: signInPage },
    ], { connectedMarker: SAVED });
    await expect(app.api.reauthenticate('orders')).resolves.toMatchObject({ outcome: 'connected' });
    await expect(app.api.reauthenticate('customers')).resolves.toMatchObject({ outcome: 'connected' });
    expect(portalWindows.opened.map((o) => o.script.kind)).toEqual(['sign-in', 'profile', 'profile']); // no second sign-in window
    expect(portalWindows.opened.slice(1).every((o) => o.revealed)).toBe(true);
  });

  it('a single-page app that signs in without loading a page is seen signed in, in the sign-in window and in the attempt’s own', async () => {
    const form: ScriptedPage = { path: '/app/login', passwordField: true, signInControls: ['Sign in'] };
    const drawn = (page: ScriptedPage): ScriptedPage => ({ ...page, drawn: true });
    const { app, portalWindows } = await setUp([
      { kind: 'sign-in', pages: [form, drawn(profilePage('orders'))], cookies: [] },
      { ...reconnectOf('orders', [connectedPage('orders')]), signInFirst: form, page: drawn(profilePage('orders')) },
    ], { connectedMarker: SAVED });
    await expect(app.api.reauthenticate('orders')).resolves.toMatchObject({ outcome: 'connected' });
    expect(portalWindows.opened.map((o) => o.script.kind)).toEqual(['sign-in', 'profile']);
  });

  it('the sign-in window starts at the profile’s page and is done at a signed-in page of the portal, wherever the person went', async () => {
    const federated: ScriptedSession = {
      kind: 'sign-in',
      pages: [{ path: '/Account/Login', signInControls: ['Log in with SuperOffice', 'Log in with email'] }, { path: '/Account/Login/Email', passwordField: true }, profilePage('orders')],
      cookies: [COOKIE],
    };
    const { app, portalWindows } = await setUp([federated, reconnectOf('orders', [connectedPage('orders')])], { connectedMarker: SAVED });
    await expect(app.api.reauthenticate('orders')).resolves.toMatchObject({ outcome: 'connected' });
    expect(portalWindows.opened[1]!.request.cookies).toEqual([COOKIE]);
  });

  it('a profile page the portal answers with 404 changes nothing and names the address to check', async () => {
    const { app } = await setUp([SIGN_IN, { kind: 'profile', page: { path: '/integrations/orders', status: 404, lines: ['Not found'] } }]);
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome: 'portal-page-failed', title: 'DataBridge did not show the profile\'s page (HTTP 404)' });
    expect(result.explanation).toContain(`${ORIGIN}/integrations/orders`);
    expect(app.profiles.get('orders')!.status).toBe('never-connected');
  });

  it('a closed window or sign-in changes nothing; a cancel ends the attempt wherever it is', async () => {
    const waiting: ScriptedSession = { kind: 'profile', page: profilePage('orders'), connect: { kind: 'none', sectionFound: true } };
    const { app, portalWindows } = await setUp([{ kind: 'closes' }, SIGN_IN, { kind: 'closes' }, waiting]);
    await expect(app.api.reauthenticate('orders')).resolves.toMatchObject({ outcome: 'cancelled' }); // the sign-in closed
    await expect(app.api.reauthenticate('orders')).resolves.toMatchObject({ outcome: 'cancelled' }); // the page closed
    const result = app.api.reauthenticate('orders');
    await new Promise((resolve) => setTimeout(resolve, 50));
    // No Connect control to press: the person is told which to press, in the portal's own words.
    expect(app.events.findLast((e) => e.type === 'portal-prompt')).toMatchObject({ prompt: { kind: 'press', label: 'Connected', section: 'Visma.net Financials', found: 'none', sectionFound: true } });
    await app.api.cancelReauth('orders');
    await expect(result).resolves.toMatchObject({ outcome: 'cancelled' });
    expect(app.profiles.get('orders')!.status).toBe('never-connected');
    expect(portalWindows.opened.every((o) => o.closed || o.script.kind === 'closes')).toBe(true);
  });

  it('a press that brings the portal’s page back instead of Visma’s login is told to the person, who is not left waiting', async () => {
    const refusedToStart: ScriptedSession = { kind: 'profile', page: profilePage('orders'), pressShows: { ...profilePage('orders'), alerts: ['Could not start the connection.'] } };
    const { app } = await setUp([SIGN_IN, refusedToStart]);
    const result = app.api.reauthenticate('orders');
    await vi.waitFor(() => expect(app.events.findLast((e) => e.type === 'portal-prompt')).toMatchObject({ prompt: { kind: 'press', found: 'came-back', names: ['Connected'] } }), { timeout: 4000 });
    await app.api.cancelReauth('orders');
    await expect(result).resolves.toMatchObject({ outcome: 'cancelled' });
    expect(app.profiles.get('orders')!.status).toBe('never-connected');
  });

  it('remembers the sign-in in the keychain only when asked, and forgets it on sign-out', async () => {
    const { app, secrets, portalWindows } = await setUp([SIGN_IN, SIGN_IN]);
    await app.api.signInToPortal(PORTAL.id, false);
    expect(await secrets.get(`sign-in:${PORTAL.id}`)).toBeNull();
    await expect(app.api.signInToPortal(PORTAL.id, true)).resolves.toMatchObject({ signedIn: true, remembered: true });
    expect(JSON.parse((await secrets.get(`sign-in:${PORTAL.id}`))!)).toEqual([COOKIE]);
    const restarted = tempApp(app.dir, { portalSurface: portalWindows.surface, portalSecrets: secrets.raw });
    apps.push(restarted);
    await expect(restarted.api.listPortals()).resolves.toMatchObject([{ id: PORTAL.id, signedIn: true, remembered: true }]);
    await restarted.api.signOutOfPortal(PORTAL.id);
    expect(await secrets.get(`sign-in:${PORTAL.id}`)).toBeNull();
    expect(JSON.stringify(JSON.parse(fs.readFileSync(app.settingsFile, 'utf8')))).not.toContain('portal-sign-in');
  });

  it('portal profiles refuse a disconnect (the portal keeps their tokens)', async () => {
    const { app } = await setUp([]);
    await expect(app.api.disconnectProfile('orders')).rejects.toThrow('disconnect it there');
  });
});

describe('the profile’s job and Confirm', () => {
  async function jobServer(answers: { status: number; body: unknown }[]) {
    const calls: string[] = [];
    const server = http.createServer((req, res) => {
      calls.push(req.url ?? '');
      const answer = answers.shift() ?? { status: 500, body: { success: false, message: 'no answer scripted' } };
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer.body));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/jobs/orders/trigger?key=SECRET-KEY`, calls };
  }

  it('a page that does not say is confirmed by the job, without asking anyone', async () => {
    const job = await jobServer([{ status: 200, body: { success: true, message: 'Job finished: 12 records exported' } }]);
    const { app, secrets } = await setUp([SIGN_IN, reconnectOf('orders', [profilePage('orders')])]);
    const profile = await app.api.setJobUrl('orders', job.url);
    expect(profile.jobUrlMasked).toBe(`${new URL(job.url).origin}/api/…`); // by structure: test/unit/portal/job-url-secrets.test.ts
    expect(await secrets.get('job:orders')).toBe(job.url);
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome: 'connected', confirmation: { state: 'ok', message: 'Job finished: 12 records exported' } });
    expect(app.events.some((e) => e.type === 'portal-prompt' && e.prompt?.kind === 'confirm')).toBe(false);
    expect(app.profiles.get('orders')).toMatchObject({ status: 'connected', connectedVia: { evidence: 'job' } });
    expect(fs.readFileSync(app.settingsFile, 'utf8')).not.toContain('SECRET-KEY');
  });

  it('a Visma error in the job’s answer after the page said connected is explained, and the profile needs a reconnect', async () => {
    const message =
      'Error calling Visma.net endpoint (https://integration.visma.net/API/controller/api/v1/customer/customerClass) Invalid parameter exception: ipp-company-id (12002_12002_4f1c2a9e-0d3b-4c55-9a61-2b7e8f0c1d22)';
    const job = await jobServer([{ status: 200, body: { success: false, message } }]);
    const { app } = await setUp([SIGN_IN, reconnectOf('orders', [connectedPage('orders')])], { connectedMarker: SAVED });
    await app.api.setJobUrl('orders', job.url);
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome: 'job-failed' });
    expect(app.profiles.get('orders')).toMatchObject({ status: 'needs-reauth', statusReason: { code: 'job-failed' } });
  });

  it('runs the job at most once per 5 minutes (DataBridge’s limit)', async () => {
    const job = await jobServer([{ status: 200, body: { success: true, message: 'ok' } }]);
    const { app } = await setUp([SIGN_IN, reconnectOf('orders', [connectedPage('orders')]), reconnectOf('orders', [connectedPage('orders')])], { connectedMarker: SAVED });
    await app.api.setJobUrl('orders', job.url);
    reauthInEnglish(await app.api.reauthenticate('orders'));
    const second = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(second.confirmation).toMatchObject({ state: 'too-soon' });
    expect(job.calls).toHaveLength(1);
  });

  it('Confirm shows the profile’s page once more, presses nothing, and goes by the person’s word', async () => {
    const { app, portalWindows } = await setUp([SIGN_IN, reconnectOf('orders', [profilePage('orders')]), { kind: 'profile', page: connectedPage('orders', 'anna@example.com', 'Nordlys Handel AS (1000001)', false) }]);
    const unsure = answerWhenAsked(app, { outcome: 'unsure' });
    await app.api.reauthenticate('orders');
    unsure.stop();
    expect(app.profiles.get('orders')!.status).toBe('unconfirmed');
    const yes = answerWhenAsked(app, { outcome: 'connected' });
    const result = reauthInEnglish(await app.api.confirmPortalConnection('orders'));
    yes.stop();
    expect(result).toMatchObject({ outcome: 'connected' });
    expect(portalWindows.opened[2]!.ran.some((s) => s.includes('"kind":"press"'))).toBe(false);
    expect(app.profiles.get('orders')).toMatchObject({ status: 'connected', connectedVia: { evidence: 'person' } });
  });
});

describe('a bulk run over portal profiles', () => {
  it('counts the unconfirmed apart, and Confirm settles one without touching the run’s order', async () => {
    const plain = (id: string, company: string) => connectedPage(id, 'anna@example.com', company, false);
    const { app } = await setUp([
      // Company by company: Fjellvind's invoices, then Nordlys's customers and orders.
      SIGN_IN,
      reconnectOf('invoices', [{ ...profilePage('invoices'), alerts: ['Wrong company'] }]),
      reconnectOf('customers', [plain('customers', 'Nordlys Handel AS (1000001)')]),
      reconnectOf('orders', [connectedPage('orders')]),
      { kind: 'profile', page: plain('customers', 'Nordlys Handel AS (1000001)') },
    ], { connectedMarker: SAVED });
    const unsure = answerWhenAsked(app, { outcome: 'unsure' });
    await app.api.startBulkRun(['orders', 'customers', 'invoices']);
    await app.api.bulkSetAuto(true);
    await app.bulk.idle();
    unsure.stop();
    let run = (await app.api.getBulkRun())!;
    expect(run.counts).toMatchObject({ connected: 1, unconfirmed: 1, failed: 1, pending: 0 });
    expect(run.items.find((i) => i.profileId === 'customers')).toMatchObject({ state: 'unconfirmed', outcome: 'unconfirmed' });
    expect(english.t('bulk.runner.finished', { connected: 1, unconfirmed: 1, skipped: 0, failed: 1 })).toBe('Finished: 1 connected, 1 not confirmed, 0 skipped, 1 failed.');
    const order = run.items.map((i) => i.profileId);

    await expect(app.api.bulkConfirm('orders')).rejects.toThrow('only a profile whose reconnect was not confirmed');
    const yes = answerWhenAsked(app, { outcome: 'connected' });
    await app.api.bulkConfirm('customers');
    await app.bulk.idle();
    yes.stop();
    run = (await app.api.getBulkRun())!;
    expect(run.counts).toMatchObject({ connected: 2, unconfirmed: 0, failed: 1 });
    expect(run.items.map((i) => i.profileId)).toEqual(order);
    expect((await app.api.exportBulkSummary()).text).toMatch(/customers,.*,connected,connected/);
  });
});
