import { describe, expect, it, onTestFinished } from 'vitest';
import { createMemoryVault } from '../../../src/main/reauth/token-vault';
import { connectedApp } from '../../helpers/connected-app';
import { hostileServer } from '../../helpers/hostile-server';
import { ANNA } from '../../helpers/sandbox/relying-party';
import { sandboxPerTest } from '../../helpers/sandbox/sandboxes';
import { tempApp } from '../../helpers/temp-app';

const newSandbox = sandboxPerTest();

describe('never replay a one-time refresh token (issue 11.7)', () => {
  it('a rotation whose answer was lost (a crash) ends in "reconnect this profile", and the user\'s other profiles keep working', async () => {
    // Visma's behaviour, the sandbox's default: a replay after the grace period ends all access of the client and user.
    const sandbox = await newSandbox({ clients: { bridgekeeper: { refreshTokens: { mode: 'one-time', graceSeconds: 1 } } } });
    const hostile = await hostileServer(sandbox.issuer);
    onTestFinished(() => hostile.close());
    let skew = 0; // the app's clock, moved on instead of waiting
    const now = () => new Date(Date.now() + skew);
    const vault = createMemoryVault();
    const { app } = await connectedApp(sandbox, 3, { fetch: hostile.fetch, now, healthCheck: { baseDelayMs: 10 } }, vault);
    const environment = app.environments.get(sandbox.environment.id)!;

    // Visma rotates p0000's token, and the answer never arrives.
    let lost = 0;
    hostile.on('/connect/token', async (request) => {
      const rotated = await request.forward();
      if (lost++ > 0) return rotated;
      return (res) => res.destroy();
    });
    await expect(app.tokens.accessToken('p0000', environment, { forceRefresh: true })).rejects.toThrow();
    hostile.off('/connect/token');

    // Bridgekeeper restarts after the grace period (the same keychain and settings), its kept access tokens expired.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    skew = 2 * 3600_000;
    const restarted = tempApp(app.dir, { vault, fetch: hostile.fetch, now, healthCheck: { baseDelayMs: 10 } });
    await sandbox.admin.resetRequestCounts();
    const summary = await restarted.api.runHealthCheck(null);
    expect(summary).toMatchObject({ checked: 3, connected: 2, needsReauth: 1 });
    expect(restarted.profiles.get('p0000')).toMatchObject({ status: 'needs-reauth', statusReason: { code: 'rotation-interrupted' } });
    expect(restarted.profiles.get('p0000')!.statusReason!.message).toContain('reconnect this profile');
    expect(restarted.profiles.get('p0001')!.status).toBe('connected');
    expect(restarted.profiles.get('p0002')!.status).toBe('connected');
    // Two refreshes (p0001, p0002), none with p0000's old token.
    expect((await sandbox.admin.requestCounts()).byEndpoint.token).toBe(2);
  });

  it('several profiles of one API user refused together: one notice naming the user, offering exactly those profiles', async () => {
    const sandbox = await newSandbox();
    const { app } = await connectedApp(sandbox, 4, { healthCheck: { baseDelayMs: 10 } });
    await app.api.createProfile({ id: 'per', name: 'Per orders', direction: 'import', companyId: '1000002', companyName: 'Fjellvind Bygg AS', apiUser: 'per.noapi@example.com', environmentId: sandbox.environment.id });
    await sandbox.admin.expireTokens(ANNA.email); // what Visma does to every login of the user after a replay
    const summary = await app.api.runHealthCheck(null);
    expect(summary.needsReauth).toBe(4);
    const notices = (await app.api.listNotices()).filter((n) => n.id.startsWith('access-ended'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toContain(`Visma ended every connection of ${ANNA.email}: reconnect these 4 profiles`);
    expect(notices[0]!.profileIds).toEqual(['p0000', 'p0001', 'p0002', 'p0003']);
    expect(app.profiles.get('p0002')!.statusReason!.message).toContain(`Visma ended every connection of ${ANNA.email} (4 profiles)`);
  });
});
