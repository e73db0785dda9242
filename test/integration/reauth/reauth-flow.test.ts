import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox';
import { createMemoryVault } from '../../../src/main/reauth/token-vault';
import type { ProfileInput } from '../../../src/shared/profile';
import { type LoginScript, httpLoginSurface } from '../../helpers/http-login-surface';
import { ANNA, FJELLVIND, NORDLYS, PER } from '../../helpers/sandbox/relying-party';
import { sandboxPerTest } from '../../helpers/sandbox/sandboxes';
import { ordersProfile } from '../../helpers/orders-profile';
import { tempApp } from '../../helpers/temp-app';
import { reauthInEnglish } from '../../helpers/in-english';

const newSandbox = sandboxPerTest();

async function setUp(sandbox: Sandbox, scripts: LoginScript[], options: Parameters<typeof tempApp>[1] = {}) {
  const vault = createMemoryVault();
  const surface = httpLoginSurface(...scripts);
  const app = tempApp(undefined, { vault, loginSurface: surface, now: () => new Date(), ...options });
  await app.api.saveEnvironment(sandbox.environment);
  const profile = (overrides: Partial<ProfileInput> = {}) => app.api.createProfile(ordersProfile(sandbox.environment.id, overrides));
  return { app, vault, surface, profile };
}

describe('reconnecting a profile against the sandbox', () => {
  it('connects: the right company, the refresh token in the vault, verified against the API', async () => {
    const sandbox = await newSandbox();
    const { app, vault, surface, profile } = await setUp(sandbox, [{ ...ANNA, company: NORDLYS.name }], { locale: () => 'nn-NO' });
    await profile();
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome: 'connected', title: 'Connected' });
    const stored = app.profiles.get('orders')!;
    expect(stored.status).toBe('connected');
    expect(stored.lastVerifiedAt).toBeDefined();
    expect(stored.accessTokenExpiresAt).toBeDefined();
    const entry = await vault.get('orders');
    expect(entry).toMatchObject({ tenantId: NORDLYS.id, environmentId: sandbox.environment.id });
    // The login asked for exactly what the vendor's steps need.
    const url = surface.opened[0]!.url;
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('prompt')).toBe('login');
    expect(url.searchParams.get('login_hint')).toBe(ANNA.email);
    expect(url.searchParams.get('ui_locales')).toBe('nb-NO'); // the user's language, in Visma's list
    expect(url.searchParams.get('scope')).toContain('offline_access');
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    await expect(app.reauth.listProfileEvents('orders')).resolves.toMatchObject([{ kind: 'reauth', outcome: 'connected' }]);
  });

  it('refuses the wrong company, naming both, stores nothing and revokes what Visma gave', async () => {
    const sandbox = await newSandbox();
    const { app, vault, profile } = await setUp(sandbox, [{ ...ANNA, company: FJELLVIND.name }]);
    await profile();
    await app.api.createProfile({ id: 'other', name: 'Fjellvind orders', direction: 'import', companyId: FJELLVIND.id, companyName: FJELLVIND.name, apiUser: ANNA.email, environmentId: sandbox.environment.id });
    await sandbox.admin.resetRequestCounts();
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result.outcome).toBe('wrong-company');
    expect(result.explanation).toBe(`The login picked ${FJELLVIND.name} (${FJELLVIND.id}), but this profile works on ${NORDLYS.name} (${NORDLYS.id}). Nothing was stored.`);
    expect(result.nextStep).toContain(`pick ${NORDLYS.name}`);
    expect(await vault.get('orders')).toBeNull();
    // A wrong pick for a profile that never had a connection leaves it never-connected (issue 10)…
    expect(app.profiles.get('orders')).toMatchObject({ status: 'never-connected' });
    expect(app.profiles.get('orders')!.statusReason).toBeUndefined();
    expect((await sandbox.admin.requestCounts()).byEndpoint.revocation).toBe(1);
  });

  it('our own setup problems never change a profile’s status (an environment not set up yet)', async () => {
    const sandbox = await newSandbox();
    const { app, profile } = await setUp(sandbox, []);
    await profile();
    app.settings.update((s) => ({ ...s, profiles: s.profiles.map((p) => ({ ...p, status: 'needs-reauth' as const, statusReason: { code: '12002', message: 'from a health check' } })) }));
    await app.api.saveEnvironment({ ...sandbox.environment, clientId: '' });
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome: 'not-configured', title: `${sandbox.environment.name} is not set up yet` });
    expect(app.profiles.get('orders')).toMatchObject({ status: 'needs-reauth', statusReason: { code: '12002', message: 'from a health check' } });
  });

  it('explains a user without API User (invalid_tenant at login) with the role fix', async () => {
    const sandbox = await newSandbox();
    const { app, vault, profile } = await setUp(sandbox, [{ ...PER, company: NORDLYS.name }]);
    await profile({ apiUser: PER.email });
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome: 'api-user-missing', errorCode: 'invalid_tenant' });
    // Visma's answer does not say who logged in: the fix is for the API user if it was the one (issue 23).
    expect(result.nextStep).toBe(
      `If it was ${PER.email} who logged in: Give ${PER.email} the role 'API User' for ${NORDLYS.name} (${NORDLYS.id}) in Visma.net Admin → Users and Roles; it can take 10–15 minutes to apply. Or log in as another user who has the role. If someone else did (a name Visma's login page filled in, say), reconnect and log in as ${PER.email}.`,
    );
    expect(await vault.get('orders')).toBeNull();
  });

  it('explains 12027 at the verification call the same way, and keeps none of the tokens', async () => {
    const sandbox = await newSandbox();
    const { app, vault, profile } = await setUp(sandbox, [
      async (request) => {
        const { walkLogin } = await import('../../helpers/sandbox/relying-party');
        const url = await walkLogin({ url: request.url, redirectUri: request.redirectUri, codeVerifier: '', state: '', nonce: '' }, { ...ANNA, company: NORDLYS.name });
        await sandbox.admin.removeApiUser(ANNA.email, NORDLYS.id); // the role goes while the login finishes
        return { kind: 'redirected', url };
      },
    ]);
    await profile();
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome: 'api-user-missing', errorCode: '12027' });
    expect(result.nextStep).toContain("the role 'API User'");
    expect(await vault.get('orders')).toBeNull();
  });

  it('explains a 401 at verification as the customer tenant picked for the company', async () => {
    const sandbox = await newSandbox();
    const { app, vault, profile } = await setUp(sandbox, [{ ...ANNA, company: NORDLYS.customer }]);
    await profile({ companyId: NORDLYS.customerId, companyName: NORDLYS.name });
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome: 'customer-tenant', errorCode: '401' });
    expect(await vault.get('orders')).toBeNull();
  });

  it('explains consent refused (access_denied)', async () => {
    const sandbox = await newSandbox();
    const { app, profile } = await setUp(sandbox, [{ ...ANNA, company: NORDLYS.name, consent: 'deny' }]);
    await profile();
    expect(reauthInEnglish(await app.api.reauthenticate('orders'))).toMatchObject({ outcome: 'consent-denied', errorCode: 'access_denied', title: 'Access was not granted' });
  });

  it('changes nothing when the window is closed, and says the login took too long after the time-out', async () => {
    const sandbox = await newSandbox();
    const { app, profile } = await setUp(sandbox, ['close', 'wait'], { loginTimeoutMs: 300 });
    await profile();
    expect(reauthInEnglish(await app.api.reauthenticate('orders'))).toMatchObject({ outcome: 'cancelled' });
    expect(app.profiles.get('orders')!.status).toBe('never-connected');
    const timedOut = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(timedOut.outcome).toBe('timed-out');
    expect(app.profiles.get('orders')!.status).toBe('never-connected');
  });

  it('can be cancelled while the person is still at the login', async () => {
    const sandbox = await newSandbox();
    const { app, profile } = await setUp(sandbox, ['wait']);
    await profile();
    const running = app.api.reauthenticate('orders');
    await expect.poll(() => app.profiles.get('orders')!.status).toBe('reauthenticating');
    await expect(app.api.reauthenticate('orders')).rejects.toThrow('already being reconnected');
    await app.api.cancelReauth('orders');
    expect(await running).toMatchObject({ outcome: 'cancelled' });
  });

  it('refuses an answer whose state does not match this attempt', async () => {
    const sandbox = await newSandbox();
    const { app, vault, profile } = await setUp(sandbox, [
      async (request) => {
        const { walkLogin } = await import('../../helpers/sandbox/relying-party');
        const url = await walkLogin({ url: request.url, redirectUri: request.redirectUri, codeVerifier: '', state: '', nonce: '' }, { ...ANNA, company: NORDLYS.name });
        url.searchParams.set('state', 'tampered');
        return { kind: 'redirected', url };
      },
    ]);
    await profile();
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result.outcome).toBe('security-check-failed');
    expect(await vault.get('orders')).toBeNull();
  });

  it('calls a 5xx from Visma an error, not a reason to reauthenticate', async () => {
    const sandbox = await newSandbox();
    const { app, profile } = await setUp(sandbox, [{ ...ANNA, company: NORDLYS.name }]);
    await profile();
    await sandbox.admin.failNext('token', 1, 503);
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome: 'server-error', errorCode: '503' });
    expect(app.profiles.get('orders')).toMatchObject({ status: 'error', statusReason: { code: '503' } });
  });

  it('calls an unreachable Visma a network error', async () => {
    const sandbox = await newSandbox();
    const { app, profile } = await setUp(sandbox, []);
    await app.api.saveEnvironment({ ...sandbox.environment, id: 'gone', name: 'Gone', issuer: 'http://127.0.0.1:9', apiBaseUrl: 'http://127.0.0.1:9/API' });
    await profile({ environmentId: 'gone' });
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result.outcome).toBe('network-error');
    expect(app.profiles.get('orders')!.status).toBe('error');
  });

  it('keeps the tokens but says so when the API cannot be asked right after the login', async () => {
    const sandbox = await newSandbox();
    const { app, vault, profile } = await setUp(sandbox, [{ ...ANNA, company: NORDLYS.name }]);
    await profile();
    await sandbox.admin.failNext('api', 1, 502);
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result.explanation).toContain('the tokens are stored');
    expect(app.profiles.get('orders')!.status).toBe('error');
    expect(await vault.get('orders')).not.toBeNull();
  });

  it('waits out a short Retry-After at the verification call, and keeps the tokens through a long one (issue 11.10)', async () => {
    const sandbox = await newSandbox();
    const { app, vault, profile } = await setUp(sandbox, [{ ...ANNA, company: NORDLYS.name }, { ...ANNA, company: NORDLYS.name }]);
    await profile();
    await sandbox.admin.throttle('api', 1, 1);
    expect(reauthInEnglish(await app.api.reauthenticate('orders'))).toMatchObject({ outcome: 'connected' });
    await sandbox.admin.throttle('api', 1, 3600);
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result.explanation).toContain('the tokens are stored');
    expect(result.explanation).toContain('slow down');
    expect(app.profiles.get('orders')).toMatchObject({ status: 'error', statusReason: { code: '429' } });
    expect(await vault.get('orders')).not.toBeNull();
  });

  it('says the environment is not set up instead of opening a login', async () => {
    const sandbox = await newSandbox();
    const { app, surface, profile } = await setUp(sandbox, []);
    await app.api.saveEnvironment({ ...sandbox.environment, clientId: '' });
    await profile();
    expect(reauthInEnglish(await app.api.reauthenticate('orders'))).toMatchObject({ outcome: 'not-configured' });
    expect(surface.opened).toHaveLength(0);
  });

  it('stores nothing when the keychain refuses, and revokes what Visma gave', async () => {
    const sandbox = await newSandbox();
    const broken = { ...createMemoryVault(), set: async () => Promise.reject(new Error('the keychain is locked')) };
    const { app, profile } = await setUp(sandbox, [{ ...ANNA, company: NORDLYS.name }], { vault: broken });
    await profile();
    await sandbox.admin.resetRequestCounts();
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome: 'keychain-failed' });
    expect(result.explanation).toContain('the keychain is locked');
    expect((await sandbox.admin.requestCounts()).byEndpoint.revocation).toBe(1);
  });

  it('gives two profiles on one company two logins and two token sets (F7)', async () => {
    const sandbox = await newSandbox();
    const { app, vault, surface, profile } = await setUp(sandbox, [
      { ...ANNA, company: NORDLYS.name },
      { ...ANNA, company: NORDLYS.name },
    ]);
    await profile();
    await profile({ id: 'invoices', name: 'Invoices from Visma', direction: 'export' });
    reauthInEnglish(await app.api.reauthenticate('orders'));
    reauthInEnglish(await app.api.reauthenticate('invoices'));
    expect(surface.opened).toHaveLength(2);
    const [a, b] = [await vault.get('orders'), await vault.get('invoices')];
    expect(a!.refreshToken).not.toBe(b!.refreshToken);
  });

  it('refuses an ID token from another issuer, even when the network hands the whole exchange to it', async () => {
    const sandbox = await newSandbox();
    const impostor = await newSandbox();
    const { walkLogin } = await import('../../helpers/sandbox/relying-party');
    // The worst case: the login and the code exchange both reach the impostor, and the genuine
    // discovery does not ask for the authorization response's "iss" check — only the ID token is left.
    const hijacked: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.origin === new URL(sandbox.issuer).origin && url.pathname === '/.well-known/openid-configuration') {
        const metadata = (await (await fetch(url, init)).json()) as Record<string, unknown>;
        delete metadata.authorization_response_iss_parameter_supported;
        return Response.json(metadata);
      }
      if (url.origin === new URL(sandbox.issuer).origin && url.pathname === '/connect/token') {
        return fetch(new URL(url.pathname, impostor.issuer), init);
      }
      return fetch(input, init);
    };
    const { app, vault, profile } = await setUp(
      sandbox,
      [
        async (request) => {
          const atImpostor = new URL(`${request.url.pathname}${request.url.search}`, impostor.issuer);
          const url = await walkLogin({ url: atImpostor, redirectUri: request.redirectUri, codeVerifier: '', state: '', nonce: '' }, { ...ANNA, company: NORDLYS.name });
          url.searchParams.delete('iss');
          return { kind: 'redirected', url };
        },
      ],
      { fetch: hijacked },
    );
    await profile();
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result.outcome).toBe('security-check-failed');
    expect(result.explanation).toContain(`the ID token's issuer is ${impostor.issuer}, expected ${sandbox.issuer}`);
    expect(await vault.get('orders')).toBeNull();
  });
});
