import { describe, expect, it } from 'vitest';
import { connectedApp } from '../../helpers/connected-app';
import { ANNA, FJELLVIND, NORDLYS } from '../../helpers/sandbox/relying-party';
import { sandboxPerTest } from '../../helpers/sandbox/sandboxes';
import { loopbackOnlyFetch } from '../../helpers/loopback-fetch';

const newSandbox = sandboxPerTest();
const quick = { healthCheck: { baseDelayMs: 20 } };

describe('the health check (F9)', () => {
  it('finds every working profile working, a bounded number at a time', async () => {
    const sandbox = await newSandbox();
    const { app } = await connectedApp(sandbox, 12, quick);
    await sandbox.admin.addLatency('api', 40);
    const started = performance.now();
    const summary = await app.api.runHealthCheck(null);
    const elapsed = performance.now() - started;
    expect(summary).toMatchObject({ total: 12, checked: 12, connected: 12, needsReauth: 0, error: 0, cancelled: false });
    // 12 calls of ≥ 40 ms at 6 at a time take at least two rounds, and far less than twelve.
    expect(elapsed).toBeGreaterThan(80);
    expect(elapsed).toBeLessThan(12 * 40);
    expect(app.profiles.all().every((p) => p.status === 'connected' && p.lastVerifiedAt)).toBe(true);
  });

  it('classifies: 12027 and revoked tokens need a reconnect; 5xx and dropped connections are retried', async () => {
    const sandbox = await newSandbox();
    const { app } = await connectedApp(sandbox, 10, quick);
    await sandbox.admin.removeApiUser(ANNA.email, FJELLVIND.id); // the five Fjellvind profiles: 12027
    await sandbox.admin.failNext('api', 3, 503); // transient: retried, then fine
    await sandbox.admin.dropConnections('api', 2);
    const summary = await app.api.runHealthCheck(null);
    expect(summary).toMatchObject({ checked: 10, connected: 5, needsReauth: 5, error: 0 });
    const fjellvind = app.profiles.all().filter((p) => p.companyId === FJELLVIND.id);
    for (const p of fjellvind) {
      expect(p.status).toBe('needs-reauth');
      expect(p.statusReason!.code).toBe('12027');
      expect(p.statusReason!.message).toContain("the role 'API User' for Fjellvind Bygg AS (1000002)");
    }
  });

  it('makes a lasting outage an error, never a reason to reconnect', async () => {
    const sandbox = await newSandbox();
    const { app } = await connectedApp(sandbox, 4, quick);
    await sandbox.admin.failNext('api', 1000, 502);
    const summary = await app.api.runHealthCheck(null);
    expect(summary).toMatchObject({ checked: 4, error: 4, needsReauth: 0 });
    for (const p of app.profiles.all()) expect(p).toMatchObject({ status: 'error', statusReason: { code: '502' } });
  });

  it('refreshes as needed, and turns invalid_grant into needs-reauth', async () => {
    const sandbox = await newSandbox({ clients: { bridgekeeper: { accessTokenLifetimeSeconds: 60 } } });
    const { app } = await connectedApp(sandbox, 2, quick);
    await sandbox.admin.resetRequestCounts();
    expect((await app.api.runHealthCheck(null)).connected).toBe(2);
    expect((await sandbox.admin.requestCounts()).byEndpoint.token).toBe(2); // within the refresh margin: refreshed first
    await sandbox.admin.expireTokens(ANNA.email);
    const summary = await app.api.runHealthCheck(null);
    expect(summary.needsReauth).toBe(2);
    expect(app.profiles.all()[0]!.statusReason!.code).toBe('invalid_grant');
    await expect(app.reauth.listProfileEvents('p0000')).resolves.toMatchObject([{ kind: 'refresh', outcome: 'needs-reauth', errorCode: 'invalid_grant' }, { kind: 'verify' }, { kind: 'reauth' }]);
  });

  it('calls a 12002 answer (a pre-Visma Connect token) a reconnect, and checks only the chosen profiles', async () => {
    const sandbox = await newSandbox();
    const { app, vault } = await connectedApp(sandbox, 3, quick);
    const environment = app.environments.get(sandbox.environment.id)!;
    // p0001 holds an old integration token, as DataBridge did before June 2023.
    const entry = (await vault.get('p0001'))!;
    await app.tokens.store('p0001', environment, { accessToken: sandbox.seed.api.legacyTokens[0]!, refreshToken: entry.refreshToken, expiresIn: 3600 }, NORDLYS.id);
    const untouched = app.profiles.get('p0000')!.lastVerifiedAt;
    const summary = await app.api.runHealthCheck(['p0001']);
    expect(summary).toMatchObject({ total: 1, checked: 1, needsReauth: 1 });
    expect(app.profiles.get('p0001')).toMatchObject({ status: 'needs-reauth', statusReason: { code: '12002' } });
    expect(app.profiles.get('p0000')!.lastVerifiedAt).toBe(untouched);
  });

  it('leaves never-connected profiles alone and can be cancelled', async () => {
    const sandbox = await newSandbox();
    const { app } = await connectedApp(sandbox, 8, { healthCheck: { concurrency: 1, baseDelayMs: 20 } });
    await app.api.createProfile({ id: 'new', name: 'Never connected', direction: 'import', companyId: NORDLYS.id, companyName: NORDLYS.name, apiUser: ANNA.email, environmentId: sandbox.environment.id });
    await sandbox.admin.addLatency('api', 100);
    const running = app.api.runHealthCheck(null);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(app.api.runHealthCheck(null)).rejects.toThrow('already running');
    await app.api.cancelHealthCheck();
    const summary = await running;
    expect(summary.cancelled).toBe(true);
    expect(summary.skipped).toBe(1);
    expect(summary.checked).toBeLessThan(8);
    expect(app.profiles.get('new')!.status).toBe('never-connected');
    expect(app.profiles.all().some((p) => p.status === 'checking')).toBe(false);
  });

  it('waits as long as a 429 asks, all workers together, then goes on; the progress says it is waiting (issue 11.10)', async () => {
    const sandbox = await newSandbox();
    const { app } = await connectedApp(sandbox, 6, quick);
    await sandbox.admin.resetRequestCounts();
    await sandbox.admin.throttle('api', 2, 1); // two answers say "Retry-After: 1"; all six workers pause
    const started = performance.now();
    const summary = await app.api.runHealthCheck(null);
    expect(summary).toMatchObject({ checked: 6, connected: 6, needsReauth: 0, error: 0 });
    expect(performance.now() - started).toBeGreaterThan(900);
    expect((await sandbox.admin.requestCounts()).byEndpoint.api).toBe(8); // 6 + the 2 throttled: no storm
    const waiting = app.events.filter((e) => e.type === 'health-progress' && e.waitingUntil);
    expect(waiting.length).toBeGreaterThan(0);
  });

  it('a long Retry-After leaves the profiles in error (never needs-reauth), without asking again', async () => {
    const sandbox = await newSandbox();
    const { app } = await connectedApp(sandbox, 2, quick);
    await sandbox.admin.resetRequestCounts();
    await sandbox.admin.throttle('api', 10, 3600);
    const summary = await app.api.runHealthCheck(null);
    expect(summary).toMatchObject({ checked: 2, error: 2, needsReauth: 0 });
    for (const p of app.profiles.all()) {
      expect(p).toMatchObject({ status: 'error', statusReason: { code: '429' } });
      expect(p.statusReason!.message).toContain('asks to wait 60 minutes');
    }
    expect((await sandbox.admin.requestCounts()).byEndpoint.api).toBe(2);
  });

  it('names the Visma error id of a 12002 answer as such, not as a company (issue 11.11)', async () => {
    const sandbox = await newSandbox();
    const { app, vault } = await connectedApp(sandbox, 1, quick);
    const environment = app.environments.get(sandbox.environment.id)!;
    const entry = (await vault.get('p0000'))!;
    await app.tokens.store('p0000', environment, { accessToken: sandbox.seed.api.legacyTokens[0]!, refreshToken: entry.refreshToken, expiresIn: 3600 }, NORDLYS.id);
    await app.api.runHealthCheck(null);
    const reason = app.profiles.get('p0000')!.statusReason!;
    expect(reason.code).toBe('12002');
    expect(reason.message).toMatch(/Visma error id [0-9a-f-]{36}/);
  });

  it('an environment still on the old base URL: the throttle reads as an error, never a reconnect, and a notice says what to change (issue 11.9)', async () => {
    const sandbox = await newSandbox({ api: { legacyCallsPerHour: 2 } });
    const { app } = await connectedApp(sandbox, 3, { ...quick, fetch: loopbackOnlyFetch }); // Visma's real address below is never called
    await app.api.saveEnvironment({ ...sandbox.environment, apiBaseUrl: sandbox.legacyApiBaseUrl });
    const summary = await app.api.runHealthCheck(null);
    expect(summary).toMatchObject({ checked: 3, connected: 2, error: 1, needsReauth: 0 });
    expect(app.profiles.all().find((p) => p.status === 'error')!.statusReason).toMatchObject({ code: '429' });

    await app.api.saveEnvironment({ ...sandbox.environment, apiBaseUrl: 'https://integration.visma.net/API/controller/api' });
    await app.api.runHealthCheck(null);
    const notice = (await app.api.listNotices()).find((n) => n.id === `old-base-url-${sandbox.environment.id}`);
    expect(notice?.message).toContain('Change its API base URL to https://api.finance.visma.net');
  });
});
