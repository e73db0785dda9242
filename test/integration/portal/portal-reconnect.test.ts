import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { PortalAttemptRequest, PortalAttemptResult, PortalSignInResult, PortalSurface } from '../../../src/main/portal/portal-surface';
import { chunkedSecrets, createMemorySecrets } from '../../../src/main/portal/portal-secrets';
import type { PortalDefinition } from '../../../src/shared/portal';
import { tempApp } from '../../helpers/temp-app';
import { reauthInEnglish } from '../../helpers/in-english';

/**
 * The portal reconnect's logic (F18) with a scripted portal surface: what a SuperUser sees happen to
 * the profile for each thing the portal's flow can do. The real windows are in the Chromium E2E.
 */

const PORTAL: PortalDefinition = {
  id: 'databridge',
  name: 'DataBridge',
  origin: 'https://my-databridge.infobridgeuniverse.com',
  signInUrl: 'https://my-databridge.infobridgeuniverse.com/signin',
  identityOrigins: ['https://connect.visma.com'],
  signInOrigins: [],
  connectButtonLabel: '',
  connectSection: 'Visma.net',
  connectedMarker: '',
};
const COOKIE = { name: 'session', value: 'portal-sign-in', path: '/', secure: true, httpOnly: true, sameSite: 'None' as const };
const AUTHORIZE = { origin: 'https://connect.visma.com', clientId: 'isv_databridge', redirectUri: `${PORTAL.origin}/visma/callback`, responseMode: 'form_post' };
const answered = (delivery: { codeDelivered: boolean; error?: string; errorDescription?: string }, portalStatus = 302): PortalAttemptResult => ({
  kind: 'answered',
  authorize: AUTHORIZE,
  delivery: { via: 'form_post', ...delivery },
  portalStatus,
  cookies: [COOKIE],
});

type Step = PortalAttemptResult | ((request: PortalAttemptRequest) => Promise<PortalAttemptResult>);
function scriptedPortal(signIns: PortalSignInResult[], attempts: Step[]) {
  const seen = { signIns: 0, attempts: [] as PortalAttemptRequest[] };
  const surface: PortalSurface = {
    async signIn() {
      seen.signIns++;
      return signIns.shift() ?? { kind: 'closed' };
    },
    async reconnect(request) {
      seen.attempts.push(request);
      const next = attempts.shift();
      if (!next) throw new Error('the test scripted no attempt');
      return typeof next === 'function' ? next(request) : next;
    },
  };
  return { surface, seen };
}

const apps: ReturnType<typeof tempApp>[] = [];
const servers: http.Server[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) app.cleanup();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function setUp(surface: PortalSurface) {
  const keychain = createMemorySecrets();
  const app = tempApp(undefined, { portalSurface: surface, portalSecrets: keychain, now: () => new Date() });
  /** What the keychain holds, read as the app reads it (long secrets are kept in parts). */
  const secrets = Object.assign(chunkedSecrets(keychain), { raw: keychain });
  apps.push(app);
  await app.api.savePortal(PORTAL);
  for (const [id, company] of [['orders', '1000001'], ['invoices', '1000002'], ['customers', '1000001']] as const) {
    await app.api.createProfile({ id, name: id, direction: 'import', companyId: company, companyName: '', apiUser: 'anna@example.com', portalId: PORTAL.id, portalUrl: `${PORTAL.origin}/integrations/${id}` });
  }
  return { app, secrets };
}

const signedIn: PortalSignInResult = { kind: 'signed-in', cookies: [COOKIE] };

describe('reconnecting portal profiles', () => {
  it('signs in once, then gives every profile its own attempt with the portal sign-in alone', async () => {
    const { surface, seen } = scriptedPortal([signedIn], [answered({ codeDelivered: true }), answered({ codeDelivered: true }), answered({ codeDelivered: true })]);
    const { app } = await setUp(surface);
    for (const id of ['orders', 'invoices', 'customers']) {
      const result = reauthInEnglish(await app.api.reauthenticate(id));
      expect(result).toMatchObject({ outcome: 'connected', title: 'Connected through DataBridge', portal: { clientId: 'isv_databridge', via: 'form_post', portalStatus: 302 } });
      expect(result.explanation).toContain('could not check that company');
    }
    expect(seen.signIns).toBe(1);
    expect(seen.attempts.map((a) => [a.pageUrl, a.cookies])).toEqual(['orders', 'invoices', 'customers'].map((id) => [`${PORTAL.origin}/integrations/${id}`, [COOKIE]]));
    expect(app.profiles.get('orders')).toMatchObject({ status: 'connected', connectedVia: { portalId: 'databridge', clientId: 'isv_databridge' } });
    expect(app.profiles.get('orders')!.lastVerifiedAt).toBeUndefined(); // Bridgekeeper saw the portal accept it, nothing more
  });

  it('an expired portal sign-in asks for the sign-in again, then goes on with the same profile', async () => {
    const { surface, seen } = scriptedPortal([signedIn, signedIn], [{ kind: 'signed-out' }, answered({ codeDelivered: true })]);
    const { app } = await setUp(surface);
    const steps: string[] = [];
    app.events.length = 0;
    await expect(app.api.reauthenticate('orders')).resolves.toMatchObject({ outcome: 'connected' });
    for (const e of app.events) if (e.type === 'reauth-progress') steps.push(e.step);
    expect(seen.signIns).toBe(2);
    expect(seen.attempts.map((a) => a.pageUrl)).toEqual([`${PORTAL.origin}/integrations/orders`, `${PORTAL.origin}/integrations/orders`]);
    expect(steps.filter((s) => s === 'signing-in')).toHaveLength(2);
  });

  it.each([
    [{ codeDelivered: false, error: 'access_denied', errorDescription: 'The user denied access' }, 302, 'consent-denied', 'needs-reauth', 'Access was not granted'],
    [{ codeDelivered: false, error: 'invalid_tenant', errorDescription: 'The application user or subscription is not entititled to use the API' }, 302, 'api-user-missing', 'needs-reauth', "may not use the Visma.net API"],
    [{ codeDelivered: true }, 500, 'portal-failed', 'error', 'DataBridge could not finish the connection (HTTP 500)'],
  ] as const)('Visma’s or the portal’s error is explained: %j, portal %s → %s', async (delivery, status, outcome, statusAfter, title) => {
    const { surface } = scriptedPortal([signedIn], [answered(delivery, status)]);
    const { app } = await setUp(surface);
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome });
    expect(result.title).toContain(title);
    expect(app.profiles.get('orders')!.status).toBe(statusAfter);
  });

  it('a closed window or sign-in changes nothing', async () => {
    const { surface } = scriptedPortal([{ kind: 'closed' }, signedIn], [{ kind: 'closed', cookies: [] }]);
    const { app } = await setUp(surface);
    await expect(app.api.reauthenticate('orders')).resolves.toMatchObject({ outcome: 'cancelled' });
    await expect(app.api.reauthenticate('orders')).resolves.toMatchObject({ outcome: 'cancelled' });
    expect(app.profiles.get('orders')!.status).toBe('never-connected');
  });

  it('a cancel ends the attempt, whatever the portal is doing', async () => {
    const pending: Step = (request) => new Promise((resolve) => request.signal.addEventListener('abort', () => resolve({ kind: 'closed', cookies: [] })));
    const { surface } = scriptedPortal([signedIn], [pending]);
    const { app } = await setUp(surface);
    const result = app.api.reauthenticate('orders');
    await new Promise((resolve) => setTimeout(resolve, 10));
    await app.api.cancelReauth('orders');
    await expect(result).resolves.toMatchObject({ outcome: 'cancelled' });
  });

  it('remembers the sign-in in the keychain only when asked, and forgets it on sign-out', async () => {
    const { surface } = scriptedPortal([signedIn, signedIn], []);
    const { app, secrets } = await setUp(surface);
    await app.api.signInToPortal(PORTAL.id, false);
    expect(await secrets.get(`sign-in:${PORTAL.id}`)).toBeNull();
    await expect(app.api.signInToPortal(PORTAL.id, true)).resolves.toMatchObject({ signedIn: true, remembered: true });
    expect(JSON.parse((await secrets.get(`sign-in:${PORTAL.id}`))!)).toEqual([COOKIE]);
    // A restart reads it back: no sign-in needed.
    const restarted = tempApp(app.dir, { portalSurface: surface, portalSecrets: secrets.raw });
    apps.push(restarted);
    await expect(restarted.api.listPortals()).resolves.toMatchObject([{ id: PORTAL.id, signedIn: true, remembered: true }]);
    await restarted.api.signOutOfPortal(PORTAL.id);
    expect(await secrets.get(`sign-in:${PORTAL.id}`)).toBeNull();
    expect(JSON.stringify(JSON.parse(fs.readFileSync(app.settingsFile, 'utf8')))).not.toContain('portal-sign-in');
  });

  it('portal profiles refuse a disconnect (the portal keeps their tokens)', async () => {
    const { surface } = scriptedPortal([], []);
    const { app } = await setUp(surface);
    await expect(app.api.disconnectProfile('orders')).rejects.toThrow('disconnect it there');
  });
});

describe('the optional confirmation: the profile’s job, run once after a reconnect', () => {
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

  it('keeps the URL in the keychain, shows it masked, and confirms a good reconnect', async () => {
    const job = await jobServer([{ status: 200, body: { success: true, message: 'Job finished: 12 records exported' } }]);
    const { surface } = scriptedPortal([signedIn], [answered({ codeDelivered: true })]);
    const { app, secrets } = await setUp(surface);
    const profile = await app.api.setJobUrl('orders', job.url);
    expect(profile.jobUrlMasked).toBe(`${new URL(job.url).origin}/api/jobs/orders/trigger?••••••`);
    expect(await secrets.get('job:orders')).toBe(job.url);
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome: 'connected', nextStep: '', confirmation: { state: 'ok', message: 'Job finished: 12 records exported' } });
    expect(app.profiles.get('orders')!.lastVerifiedAt).toBeDefined();
    expect(fs.readFileSync(app.settingsFile, 'utf8')).not.toContain('SECRET-KEY');
  });

  it('a Visma error in the job’s answer is explained, and the profile needs a reconnect', async () => {
    const message =
      'Error calling Visma.net endpoint (https://integration.visma.net/API/controller/api/v1/customer/customerClass) Invalid parameter exception: ipp-company-id (12002_12002_4f1c2a9e-0d3b-4c55-9a61-2b7e8f0c1d22)';
    const job = await jobServer([{ status: 200, body: { success: false, message } }]);
    const { surface } = scriptedPortal([signedIn], [answered({ codeDelivered: true })]);
    const { app } = await setUp(surface);
    await app.api.setJobUrl('orders', job.url);
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome: 'job-failed', confirmation: { state: 'failed', message } });
    expect(result.confirmation!.explanation).toMatch(/12002|company/i);
    expect(app.profiles.get('orders')).toMatchObject({ status: 'needs-reauth', statusReason: { code: 'job-failed' } });
  });

  it('runs the job at most once per 5 minutes (DataBridge’s limit)', async () => {
    const job = await jobServer([{ status: 200, body: { success: true, message: 'ok' } }]);
    const { surface } = scriptedPortal([signedIn], [answered({ codeDelivered: true }), answered({ codeDelivered: true })]);
    const { app } = await setUp(surface);
    await app.api.setJobUrl('orders', job.url);
    reauthInEnglish(await app.api.reauthenticate('orders'));
    const second = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(second.confirmation).toMatchObject({ state: 'too-soon' });
    expect(job.calls).toHaveLength(1);
  });
});
