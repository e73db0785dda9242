import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED_FILE, type SeedInput, SeedError, loadSeedFile, parseSeed, startSandbox } from '../../../sandbox';
import { EnvironmentDefinitionSchema } from '../../../src/shared/environment';

const minimal = (): SeedInput => ({
  clients: [{ clientId: 'app', name: 'App', redirectUris: ['http://127.0.0.1/cb'] }],
  companies: [{ id: '42', name: 'Solo AS' }],
  users: [{ email: 'solo@example.com', password: 'pw', name: 'Solo', companies: [{ id: '42', apiUser: true }] }],
});

const problemsOf = (input: unknown): string[] => {
  try {
    parseSeed(input, 'test-seed.json');
  } catch (error) {
    if (error instanceof SeedError) return error.problems;
    throw error;
  }
  throw new Error('the seed was accepted');
};

describe('the seed', () => {
  it('ships a default that loads, with the behaviour visma-facts.md describes', async () => {
    const seed = await loadSeedFile(DEFAULT_SEED_FILE);
    expect(seed.identityProvider.companyWithoutApiUser).toBe('invalid_tenant');
    expect(seed.clients.map((c) => [c.clientId, c.refreshTokens.mode])).toEqual([
      ['bridgekeeper', 'one-time'],
      ['bridgekeeper-reuse', 're-use'],
    ]);
  });

  it('fills in every default for a minimal seed', () => {
    const seed = parseSeed(minimal());
    expect(seed.clients[0]!.refreshTokens).toEqual({ mode: 'one-time', lifetimeSeconds: 2_592_000, graceSeconds: 30, revokeOnReplay: true });
    expect(seed.api).toEqual({ audience: 'vismanet_erp_interactive_api', noLicenseStatus: 403, legacyTokens: [], legacyCallsPerHour: 500 });
  });

  it('names the field of every problem', () => {
    const bad = minimal() as { users: { email: string; totpSecret?: string; companies: { id: string }[] }[]; clients: { refreshTokens?: unknown }[] };
    bad.users[0]!.email = 'not-an-email';
    bad.users[0]!.totpSecret = 'lowercase-is-not-base32';
    bad.users[0]!.companies[0]!.id = '99';
    bad.clients[0]!.refreshTokens = { mode: 'sometimes' };
    expect(problemsOf(bad)).toEqual([
      'clients[0].refreshTokens.mode: must be "one-time" or "re-use"',
      'users[0].email: must be an email address',
      'users[0].totpSecret: must be base32 (A–Z and 2–7)',
    ]);
    expect(problemsOf({ ...minimal(), users: [{ ...minimal().users[0]!, companies: [{ id: '99' }] }] })).toEqual([
      'users[0].companies[0].id: names no company of this seed ("99")',
    ]);
  });

  it('refuses a tenant id used twice, counting customer tenants', () => {
    const seed = minimal();
    seed.companies.push({ id: '43', name: 'Other AS', customerTenant: { id: '42', name: 'Clash' } });
    expect(problemsOf(seed)).toEqual(['companies[1].customerTenant.id: repeats tenant id "42"']);
  });

  it('says which file could not be read or parsed', async () => {
    await expect(loadSeedFile('/no/such/seed.json')).rejects.toThrow('/no/such/seed.json: cannot be read (ENOENT)');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sandbox-seed-'));
    try {
      await writeFile(path.join(dir, 'broken.json'), '{ "clients": [ }');
      await expect(loadSeedFile(path.join(dir, 'broken.json'))).rejects.toThrow(/broken\.json: is not valid JSON/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('takes overrides for a named client, and refuses an unknown one', async () => {
    await expect(startSandbox({ clients: { nobody: { offlineAccess: false } } })).rejects.toThrow('overrides: clients.nobody: names no client of the seed');
  });
});

describe('the environment for the app', () => {
  it('passes the app\'s schema and points at this sandbox', async () => {
    const sandbox = await startSandbox();
    try {
      expect(EnvironmentDefinitionSchema.parse(sandbox.environment)).toEqual({
        id: 'visma-sandbox',
        name: 'Visma sandbox (local)',
        issuer: sandbox.issuer,
        clientId: 'bridgekeeper',
        scopes: 'openid email profile tenants offline_access vismanet_erp_interactive_api:read vismanet_erp_interactive_api:create vismanet_erp_interactive_api:update vismanet_erp_interactive_api:delete',
        redirectUri: 'http://127.0.0.1/bridgekeeper/callback',
        apiBaseUrl: sandbox.issuer,
        verifyPath: '/v1/organization',
        extraLoginOrigins: [],
      });
      expect(sandbox.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await sandbox.close();
    }
  });
});
