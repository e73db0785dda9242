import * as client from 'openid-client';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Sandbox } from '../../../sandbox';
import type { AppDeps } from '../../../src/main/create-app';
import { definitionOf } from '../../../src/shared/profile';
import { ReauthRequired, VaultWriteError } from '../../../src/main/reauth/token-manager';
import { type TokenVault, type VaultEntry, createMemoryVault } from '../../../src/main/reauth/token-vault';
import { hostileServer } from '../../helpers/hostile-server';
import { httpLoginSurface } from '../../helpers/http-login-surface';
import { ANNA, FJELLVIND, NORDLYS, discover, logIn } from '../../helpers/sandbox/relying-party';
import { sandboxPerTest } from '../../helpers/sandbox/sandboxes';
import { ordersProfile } from '../../helpers/orders-profile';
import { tempApp } from '../../helpers/temp-app';
import { fileBytes } from '../../helpers/file-bytes';

const newSandbox = sandboxPerTest();

/** A connected profile "orders" on a sandbox whose client rotates refresh tokens (one-time, 2 s grace). */
async function connected(sandbox: Sandbox, vault: TokenVault = createMemoryVault(), options: Partial<AppDeps> = {}) {
  const app = tempApp(undefined, { vault, loginSurface: httpLoginSurface({ ...ANNA, company: NORDLYS.name }), now: () => new Date(), ...options });
  await app.api.saveEnvironment(sandbox.environment);
  await app.api.createProfile(ordersProfile(sandbox.environment.id));
  expect((await app.api.reauthenticate('orders')).outcome).toBe('connected');
  const environment = app.environments.get(sandbox.environment.id)!;
  return { app, vault, environment };
}

const refreshDirectly = async (sandbox: Sandbox, refreshToken: string) => client.refreshTokenGrant(await discover(sandbox), refreshToken);

describe('the token lifecycle (F10)', () => {
  it('rotates a one-time refresh token: the new one is in the vault, the old one dies after the grace period', async () => {
    // Without revoke-on-replay: the test itself replays the old token to prove it dead.
    const sandbox = await newSandbox({ clients: { bridgekeeper: { refreshTokens: { mode: 'one-time', graceSeconds: 1, revokeOnReplay: false } } } });
    const { app, vault, environment } = await connected(sandbox);
    const before = (await vault.get('orders'))!.refreshToken;
    const first = await app.tokens.accessToken('orders', environment);
    const refreshed = await app.tokens.accessToken('orders', environment, { forceRefresh: true });
    expect(refreshed.refreshed).toBe(true);
    expect(refreshed.token).not.toBe(first.token);
    const after = (await vault.get('orders'))!.refreshToken;
    expect(after).not.toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await expect(refreshDirectly(sandbox, before)).rejects.toMatchObject({ error: 'invalid_grant' });
    // …and the rotated one still works for the next refresh.
    expect((await app.tokens.accessToken('orders', environment, { forceRefresh: true })).refreshed).toBe(true);
  });

  it('keeps the same token in re-use mode', async () => {
    const sandbox = await newSandbox({ clients: { bridgekeeper: { refreshTokens: { mode: 're-use' } } } });
    const { app, vault, environment } = await connected(sandbox);
    const before = (await vault.get('orders'))!.refreshToken;
    await app.tokens.accessToken('orders', environment, { forceRefresh: true });
    expect((await vault.get('orders'))!.refreshToken).toBe(before);
  });

  it('runs one refresh at a time per profile', async () => {
    const sandbox = await newSandbox();
    const { app, environment } = await connected(sandbox);
    await sandbox.admin.resetRequestCounts();
    await sandbox.admin.addLatency('token', 200);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => app.tokens.accessToken('orders', environment, { forceRefresh: true })));
    expect(new Set([a!.token, b!.token, c!.token]).size).toBe(1);
    expect((await sandbox.admin.requestCounts()).byEndpoint.token).toBe(1);
  });

  it('refreshes ahead of expiry, not on every call', async () => {
    const sandbox = await newSandbox({ clients: { bridgekeeper: { accessTokenLifetimeSeconds: 3600 } } });
    const { app, environment } = await connected(sandbox);
    await sandbox.admin.resetRequestCounts();
    const again = await app.tokens.accessToken('orders', environment);
    expect(again.refreshed).toBe(false);
    expect((await sandbox.admin.requestCounts()).byEndpoint.token ?? 0).toBe(0);
    // A token that would expire within the margin is replaced before use.
    const shortLived = await newSandbox({ clients: { bridgekeeper: { accessTokenLifetimeSeconds: 60 } } });
    const second = await connected(shortLived);
    expect((await second.app.tokens.accessToken('orders', second.environment)).refreshed).toBe(true);
  });

  describe('after a restart (issue 24, point 8)', () => {
    /** A connected profile, then Bridgekeeper started again over the same settings and vault, its clock `skewMs` on. */
    async function restarted(prepare: (entry: VaultEntry, sandbox: Sandbox) => VaultEntry | Promise<VaultEntry> = (entry) => entry, skewMs = 0) {
      const sandbox = await newSandbox({ clients: { bridgekeeper: { accessTokenLifetimeSeconds: 3600 } } });
      let skew = 0;
      const { app, vault } = await connected(sandbox, createMemoryVault(), { now: () => new Date(Date.now() + skew) });
      await vault.set('orders', await prepare((await vault.get('orders'))!, sandbox));
      skew = skewMs;
      const again = tempApp(app.dir, { vault, now: () => new Date(Date.now() + skew) });
      await sandbox.admin.resetRequestCounts();
      const summary = await again.api.runHealthCheck(null);
      const counts = (await sandbox.admin.requestCounts()).byEndpoint;
      return { summary, refreshes: counts.token ?? 0, apiCalls: counts.api ?? 0, again };
    }
    /** An access token that names the company but that Visma never signed. */
    const forged = (tenantId: string) =>
      [{ alg: 'RS256', typ: 'JWT' }, { tenant_id: tenantId, sub: 'anna' }].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.') + '.c2lnbmF0dXJl';

    it('within the access token’s hour, the API is asked with the kept token: no refresh, no rotation', async () => {
      const { summary, refreshes, apiCalls } = await restarted();
      expect(summary).toMatchObject({ checked: 1, connected: 1 });
      expect([refreshes, apiCalls]).toEqual([0, 1]);
    });

    it('a kept token close to expiry, left by a refresh under way, or naming another company is not used: the profile refreshes', async () => {
      const nearExpiry = await restarted(undefined, 56 * 60_000);
      const underWay = await restarted((entry) => ({ ...entry, rotatingSince: new Date().toISOString() }));
      // A token Visma signed, for a company the same user may use: the API would answer for it.
      const otherCompany = await restarted(async (entry, sandbox) => ({ ...entry, access: { ...entry.access!, token: (await logIn(sandbox, { ...ANNA, company: FJELLVIND.name })).tokens.access_token } }));
      for (const run of [nearExpiry, underWay, otherCompany]) {
        expect(run.summary).toMatchObject({ checked: 1, connected: 1 });
        expect(run.refreshes).toBe(1);
      }
    });

    it('a kept token the API refuses is refreshed once, and the profile is connected on the API’s word for the new one', async () => {
      const { summary, refreshes, apiCalls, again } = await restarted((entry) => ({ ...entry, access: { ...entry.access!, token: forged(entry.tenantId) } }));
      expect(summary).toMatchObject({ checked: 1, connected: 1 });
      expect([refreshes, apiCalls]).toEqual([1, 2]);
      expect(again.profiles.get('orders')!.status).toBe('connected');
    });
  });

  it('keeps the old refresh token when the vault cannot take the rotated one', async () => {
    const sandbox = await newSandbox();
    const inner = createMemoryVault();
    let refuse = false;
    const vault: TokenVault = { ...inner, set: (id, entry) => (refuse ? Promise.reject(new Error('locked')) : inner.set(id, entry)) };
    const { app, environment } = await connected(sandbox, vault);
    const before = (await vault.get('orders'))!.refreshToken;
    refuse = true;
    await expect(app.tokens.accessToken('orders', environment, { forceRefresh: true })).rejects.toBeInstanceOf(VaultWriteError);
    expect((await vault.get('orders'))!.refreshToken).toBe(before);
  });

  it('turns invalid_grant into "reauthenticate"', async () => {
    const sandbox = await newSandbox();
    const { app, environment } = await connected(sandbox);
    await sandbox.admin.expireTokens(ANNA.email);
    await expect(app.tokens.accessToken('orders', environment, { forceRefresh: true })).rejects.toMatchObject({ code: 'invalid_grant' });
    await expect(app.tokens.accessToken('orders', environment, { forceRefresh: true })).rejects.toBeInstanceOf(ReauthRequired);
  });

  it('disconnect revokes the refresh token at Visma and removes it here', async () => {
    const sandbox = await newSandbox();
    const { app, vault } = await connected(sandbox);
    const token = (await vault.get('orders'))!.refreshToken;
    expect(await app.api.disconnectProfile('orders')).toEqual({ revoked: true });
    expect(await vault.get('orders')).toBeNull();
    await expect(refreshDirectly(sandbox, token)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(app.profiles.get('orders')).toMatchObject({ status: 'needs-reauth', statusReason: { code: 'disconnected' } });
  });

  it('a failed revoke is reported, and the local entry goes all the same', async () => {
    const sandbox = await newSandbox();
    const { app, vault } = await connected(sandbox);
    await sandbox.admin.failNext('revocation', 1, 503);
    const report = await app.api.disconnectProfile('orders');
    expect(report.revoked).toBe(false);
    expect(report.revokeError).toBeTruthy();
    expect(await vault.get('orders')).toBeNull();
    await expect(app.reauth.listProfileEvents('orders')).resolves.toMatchObject([{ kind: 'disconnect', outcome: 'revoke-failed' }, { kind: 'reauth' }]);
  });

  it('deleting a profile revokes its token only when the deletion is final, and reports a failed revoke', async () => {
    const sandbox = await newSandbox();
    const { app, vault } = await connected(sandbox);
    const token = (await vault.get('orders'))!.refreshToken;
    const report = await app.api.deleteProfiles(['orders']);
    expect(report.deleted).toBe(1);
    // Still undoable: gone from the list, the token untouched.
    expect(app.profiles.get('orders')).toBeUndefined();
    expect((await vault.get('orders'))?.refreshToken).toBe(token);
    await app.profiles.finishDeletes();
    expect(await vault.get('orders')).toBeNull();
    await expect(refreshDirectly(sandbox, token)).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(app.api.undoDelete(report.undoId)).rejects.toThrow('Too late to undo');

    const again = await connected(sandbox);
    await sandbox.admin.failNext('revocation', 1, 503);
    await again.app.api.deleteProfiles(['orders']);
    await again.app.profiles.finishDeletes();
    expect(await again.vault.get('orders')).toBeNull();
    expect((await again.app.api.listNotices()).map((n) => n.message)).toContainEqual(expect.stringContaining('Deleted "Orders into Visma", but Visma could not revoke its token'));
  });

  it('undoing a deletion brings the profile back connected, with its token; the final one happens on its own', async () => {
    const sandbox = await newSandbox();
    const { app, vault } = await connected(sandbox, createMemoryVault(), { deleteUndoMs: 200 });
    const token = (await vault.get('orders'))!.refreshToken;
    const first = await app.api.deleteProfiles(['orders']);
    await expect(app.api.undoDelete(first.undoId)).resolves.toEqual({ restored: 1 });
    expect(app.profiles.get('orders')).toMatchObject({ status: 'connected' });
    expect((await vault.get('orders'))?.refreshToken).toBe(token);

    await app.api.deleteProfiles(['orders']);
    await vi.waitFor(async () => expect(await vault.get('orders')).toBeNull(), { timeout: 5000 });
  });

  it('a profile added with the id of one whose deletion is pending keeps its own tokens', async () => {
    const sandbox = await newSandbox();
    const { app, vault } = await connected(sandbox);
    const profile = app.profiles.get('orders')!;
    await app.api.deleteProfiles(['orders']);
    await app.api.createProfile(definitionOf(profile));
    // The old deletion was made final first: its revoke ran before the new profile existed.
    expect(await vault.get('orders')).toBeNull();
    expect(app.profiles.get('orders')).toMatchObject({ status: 'never-connected' });
  });

  it('a re-import that updates a profile keeps its tokens for a new name, and drops them for a new company', async () => {
    const sandbox = await newSandbox();
    const { app, vault } = await connected(sandbox);
    const file = (companyId: string, name: string) => fileBytes('again.json', JSON.stringify([{ ...definitionOf(app.profiles.get('orders')!), companyId, name }]));
    const preview = await app.api.previewImport(file('1000002', 'Orders, renamed'));
    expect(preview.changes).toMatchObject([{ id: 'orders', reconnect: true }]);

    await app.api.importProfiles(file(NORDLYS.id, 'Orders, renamed'), 'all-or-nothing', 'update');
    expect(app.profiles.get('orders')).toMatchObject({ name: 'Orders, renamed', status: 'connected' });
    expect(await vault.get('orders')).not.toBeNull();

    await app.api.importProfiles(file('1000002', 'Orders, renamed'), 'all-or-nothing', 'update');
    expect(app.profiles.get('orders')).toMatchObject({ companyId: '1000002', status: 'never-connected' });
    expect(await vault.get('orders')).toBeNull();
  });

  it('drops the tokens when the profile is pointed at another company', async () => {
    const sandbox = await newSandbox();
    const { app, vault } = await connected(sandbox);
    const profile = app.profiles.get('orders')!;
    await app.api.updateProfile('orders', { ...profile, companyId: '1000002', companyName: 'Fjellvind Bygg AS' });
    expect(await vault.get('orders')).toBeNull();
    expect(app.profiles.get('orders')!.status).toBe('never-connected');
  });

  it('a refresh answer that arrives after a disconnect is revoked and dropped: the profile stays disconnected (issue 11.5)', async () => {
    const sandbox = await newSandbox();
    // Visma rotates at once, but its answer is slow to arrive.
    const hostile = await hostileServer(sandbox.issuer);
    onTestFinished(() => hostile.close());
    const tokenAnswers: string[] = [];
    const { app, vault, environment } = await connected(sandbox, createMemoryVault(), { fetch: hostile.fetch });
    hostile.on('/connect/token', async (request) => {
      const genuine = await request.forward();
      tokenAnswers.push(genuine.body);
      await new Promise((resolve) => setTimeout(resolve, 400));
      return genuine;
    });
    await sandbox.admin.resetRequestCounts();
    const late = app.tokens.accessToken('orders', environment, { forceRefresh: true });
    await expect.poll(() => tokenAnswers.length).toBe(1); // Visma has answered; the answer is on its way
    expect(await app.api.disconnectProfile('orders')).toEqual({ revoked: true });
    await expect(late).rejects.toMatchObject({ code: 'connection-ended' });
    expect(await vault.get('orders')).toBeNull();
    expect(await app.tokens.hasTokens('orders')).toBe(false);
    const lateToken = (JSON.parse(tokenAnswers[0]!) as { refresh_token: string }).refresh_token;
    await expect(refreshDirectly(sandbox, lateToken)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(app.profiles.get('orders')).toMatchObject({ status: 'needs-reauth', statusReason: { code: 'disconnected' } });
  });

  it('a refresh answer that arrives after a new login does not overwrite the new tokens', async () => {
    const sandbox = await newSandbox();
    const { app, vault, environment } = await connected(sandbox);
    await sandbox.admin.addLatency('token', 400);
    const late = app.tokens.accessToken('orders', environment, { forceRefresh: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await app.tokens.store('orders', environment, { accessToken: 'x.y.z', refreshToken: 'the-new-login-refresh-token', expiresIn: 3600 }, NORDLYS.id);
    await expect(late).rejects.toMatchObject({ code: 'connection-ended' });
    expect((await vault.get('orders'))!.refreshToken).toBe('the-new-login-refresh-token');
  });
});
