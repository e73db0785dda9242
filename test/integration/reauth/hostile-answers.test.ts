import { createHmac, createPublicKey } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import * as client from 'openid-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox';
import { createDispatcher } from '../../../src/main/api/dispatcher';
import { createMemoryVault } from '../../../src/main/reauth/token-vault';
import type { BridgekeeperApi } from '../../../src/shared/api';
import { type HostileServer, hostileServer } from '../../helpers/hostile-server';
import { type LoginScript, httpLoginSurface } from '../../helpers/http-login-surface';
import { expectNoSecrets } from '../../helpers/leak-scan';
import { ordersProfile } from '../../helpers/orders-profile';
import { ANNA, FJELLVIND, NORDLYS, discover, logIn } from '../../helpers/sandbox/relying-party';
import { sandboxPerTest } from '../../helpers/sandbox/sandboxes';
import { tempApp } from '../../helpers/temp-app';
import { inEnglish, reauthInEnglish } from '../../helpers/in-english';

const newSandbox = sandboxPerTest();
const hostiles: HostileServer[] = [];
afterEach(async () => {
  await Promise.all(hostiles.splice(0).map((h) => h.close()));
});

/** The app talks to the sandbox through a hostile server that answers some paths in its place. */
async function setUp(sandbox: Sandbox, scripts: LoginScript[] = [{ ...ANNA, company: NORDLYS.name }]) {
  const hostile = await hostileServer(sandbox.issuer);
  hostiles.push(hostile);
  const vault = createMemoryVault();
  const app = tempApp(undefined, { vault, loginSurface: httpLoginSurface(...scripts), fetch: hostile.fetch, now: () => new Date(), healthCheck: { baseDelayMs: 10 } });
  await app.api.saveEnvironment(sandbox.environment);
  await app.api.createProfile(ordersProfile(sandbox.environment.id));
  // Calls go through the real dispatcher, as IPC carries them; what it answers is kept for the leak scan.
  const dispatch = createDispatcher(app.api, app.log);
  const ipc: string[] = [];
  const call = async <M extends keyof BridgekeeperApi>(method: M, ...args: Parameters<BridgekeeperApi[M]>): Promise<Awaited<ReturnType<BridgekeeperApi[M]>>> => {
    const result = await dispatch(method, args);
    ipc.push(JSON.stringify(result));
    if (!result.ok) throw new Error(result.error.message);
    return result.value as Awaited<ReturnType<BridgekeeperApi[M]>>;
  };
  return { app, vault, hostile, call, ipc, environment: () => app.environments.get(sandbox.environment.id)! };
}

const form = (body: string) => new URLSearchParams(body);

describe('secrets in error text (issue 11.1)', () => {
  it('a token endpoint that quotes the code and the PKCE verifier back: neither is stored, logged or shown', async () => {
    const sandbox = await newSandbox();
    const { app, hostile, call, ipc } = await setUp(sandbox);
    let sent = new URLSearchParams();
    hostile.on('/connect/token', async (request) => {
      sent = form(request.body);
      return {
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ error: 'invalid_request', error_description: `bad code ${sent.get('code')} for verifier ${sent.get('code_verifier')}` }),
      };
    });
    const result = await call('reauthenticate', 'orders');
    expect(result.outcome).toBe('login-failed');
    expect(inEnglish(result.explanation)).toContain('bad code [authorization code] for verifier [PKCE verifier]');
    await expectNoSecrets(app, { code: sent.get('code')!, verifier: sent.get('code_verifier')! }, ipc);
  });

  it('a refresh error, an ERP error body and a revocation error that echo the tokens: none reaches the settings, the trail, the log or the window', async () => {
    const sandbox = await newSandbox();
    const { app, vault, hostile, call, ipc } = await setUp(sandbox);
    expect((await call('reauthenticate', 'orders')).outcome).toBe('connected');
    const refreshToken = (await vault.get('orders'))!.refreshToken;
    const accessToken = (await app.tokens.accessToken('orders', app.environments.get(sandbox.environment.id)!)).token;

    // The ERP API quotes the bearer token it refused.
    const verifyPath = new URL(`${sandbox.apiBaseUrl}${sandbox.environment.verifyPath}`).pathname;
    hostile.on(verifyPath, async (request) => ({
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ExceptionType: 'X', ExceptionMessage: `Bad token ${request.headers.authorization}`, ExceptionFaultCode: '999' }),
    }));
    const summary = await call('runHealthCheck', null);
    expect(summary.error).toBe(1);
    expect(app.profiles.get('orders')!.statusReason!.message).toContain('Bad token Bearer [access token]');

    // The API refuses the token (401), so the check refreshes; the token endpoint quotes the refresh token it refused.
    hostile.on(verifyPath, async () => ({ status: 401, headers: { 'content-type': 'application/json' }, body: '{"Message":"Authorization has been denied for this request."}' }));
    hostile.on('/connect/token', async (request) => ({
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: 'invalid_request', error_description: `cannot refresh ${form(request.body).get('refresh_token')}` }),
    }));
    await call('runHealthCheck', null);
    expect(app.profiles.get('orders')!.statusReason!.message).toContain('cannot refresh [refresh token]');

    // The revocation endpoint quotes the token it was asked to revoke.
    hostile.on('/connect/revocation', async (request) => ({
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: 'invalid_request', error_description: `will not revoke ${form(request.body).get('token')}` }),
    }));
    const report = await call('disconnectProfile', 'orders');
    expect(report.revokeError).toContain('will not revoke [refresh token]');
    await call('listProfileEvents', 'orders');
    await call('listProfiles', 0, 10);
    await call('listAuditEvents', 100);
    await expectNoSecrets(app, { 'refresh token': refreshToken, 'access token': accessToken }, ipc);
  });
});

describe('answer sizes (issue 11.2)', () => {
  /** Writes a JSON-looking answer without end, counting what it could send before the client let go. */
  const flood = (sent: { bytes: number; closed: boolean }) => (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    res.write('{"access_token":"');
    const pump = () => {
      for (let more = true; more && !res.destroyed; ) {
        more = res.write(chunk);
        sent.bytes += chunk.length;
      }
      if (!res.destroyed) res.once('drain', pump);
    };
    res.on('close', () => (sent.closed = true));
    pump();
  };

  it('an endless token answer ends the login as an error, read no further than the cap', async () => {
    const sandbox = await newSandbox();
    const { app, vault, hostile } = await setUp(sandbox);
    const sent = { bytes: 0, closed: false };
    hostile.on('/connect/token', async () => flood(sent));
    const started = performance.now();
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome: 'server-error', errorCode: 'response-too-large' });
    expect(result.explanation).toContain('larger than 32 KiB');
    expect(performance.now() - started).toBeLessThan(5000); // not the 20-second time-out
    await expect.poll(() => sent.closed).toBe(true); // the connection was let go
    expect(sent.bytes).toBeLessThan(8 * 1024 * 1024); // what the socket buffers took (about 4 MB here), not a flood
    expect(await vault.get('orders')).toBeNull();
  });

  it('a flooding ERP API makes the health check an error, not a reconnect', async () => {
    const sandbox = await newSandbox();
    const { app, hostile } = await setUp(sandbox);
    expect((reauthInEnglish(await app.api.reauthenticate('orders'))).outcome).toBe('connected');
    const sent = { bytes: 0, closed: false };
    hostile.on(new URL(`${sandbox.apiBaseUrl}${sandbox.environment.verifyPath}`).pathname, async () => flood(sent));
    const summary = await app.api.runHealthCheck(null);
    expect(summary).toMatchObject({ error: 1, needsReauth: 0 });
    expect(app.profiles.get('orders')!.statusReason!.message).toContain('several times');
    expect(sent.bytes).toBeLessThan(3 * 8 * 1024 * 1024);
  });
});

describe('plain http only to this machine, per request (issue 11.3)', () => {
  it('a discovery document that sends the code exchange to another host over http is refused before anything is sent', async () => {
    const sandbox = await newSandbox();
    const { app, vault, hostile } = await setUp(sandbox);
    hostile.on('/.well-known/openid-configuration', async (request) => {
      const genuine = await request.forward();
      const metadata = JSON.parse(genuine.body) as Record<string, unknown>;
      metadata.token_endpoint = 'http://token-catcher.example/connect/token';
      return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(metadata) };
    });
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome: 'security-check-failed', title: 'A security check failed' });
    expect(result.explanation).toContain('plain http to token-catcher.example');
    expect(hostile.seen.some((r) => r.url.includes('token-catcher.example'))).toBe(false);
    expect(await vault.get('orders')).toBeNull();
  });
});

describe('unsigned or confused ID tokens (issue 11.4)', () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  async function withForgedIdToken(forge: (idToken: string, sandbox: Sandbox) => Promise<string>) {
    const sandbox = await newSandbox();
    const { app, vault, hostile } = await setUp(sandbox);
    // The hostile provider also says it signs with these algorithms: only Bridgekeeper's own rules stand.
    hostile.on('/.well-known/openid-configuration', async (request) => {
      const genuine = await request.forward();
      const metadata = JSON.parse(genuine.body) as Record<string, unknown>;
      metadata.id_token_signing_alg_values_supported = ['RS256', 'HS256', 'none'];
      return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(metadata) };
    });
    hostile.on('/connect/token', async (request) => {
      const genuine = await request.forward();
      const body = JSON.parse(genuine.body) as { id_token?: string };
      if (body.id_token) body.id_token = await forge(body.id_token, sandbox);
      return { status: genuine.status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    });
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(await vault.get('orders')).toBeNull();
    return result;
  }

  it('alg "none" reads as a security error', async () => {
    const result = await withForgedIdToken(async (idToken) => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(decodeJwt(idToken))}.`);
    expect(result).toMatchObject({ outcome: 'security-check-failed', title: 'A security check failed' });
    expect(result.explanation).toContain('unsigned');
    expect(result.nextStep).toContain('IT security contact');
  });

  it('HS256 signed with the provider\'s public key reads as a security error', async () => {
    const result = await withForgedIdToken(async (idToken, sandbox) => {
      const jwks = (await (await fetch(`${sandbox.issuer}/.well-known/openid-configuration/jwks`)).json()) as { keys: Record<string, string>[] };
      const kid = decodeProtectedHeader(idToken).kid;
      const jwk = jwks.keys.find((k) => k.kid === kid)!;
      const pem = createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
      const input = `${b64({ alg: 'HS256', typ: 'JWT', kid })}.${b64(decodeJwt(idToken))}`;
      return `${input}.${createHmac('sha256', pem).update(input).digest('base64url')}`;
    });
    expect(result).toMatchObject({ outcome: 'security-check-failed', title: 'A security check failed' });
  });
});

describe('the company of every access token (issue 11.6)', () => {
  it('a refresh that brings a token for another company: revoked, nothing stored, needs a reconnect naming both', async () => {
    const sandbox = await newSandbox();
    const { app, vault, hostile } = await setUp(sandbox);
    expect((reauthInEnglish(await app.api.reauthenticate('orders'))).outcome).toBe('connected');
    const before = (await vault.get('orders'))!;
    // Genuine tokens of the same user for Fjellvind, handed out as the answer to Nordlys's refresh.
    const other = await logIn(sandbox, { ...ANNA, company: FJELLVIND.name });
    hostile.on('/connect/token', async () => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ access_token: other.tokens.access_token, refresh_token: other.tokens.refresh_token, token_type: 'Bearer', expires_in: 3600 }),
    }));
    // The API asks for a fresh token (401), so the check refreshes.
    hostile.on(new URL(`${sandbox.apiBaseUrl}${sandbox.environment.verifyPath}`).pathname, async () => ({ status: 401, body: '' }));
    const summary = await app.api.runHealthCheck(null);
    expect(summary).toMatchObject({ connected: 0, needsReauth: 1 });
    expect(app.profiles.get('orders')!.statusReason).toMatchObject({ code: 'wrong-company' });
    expect(app.profiles.get('orders')!.statusReason!.message).toContain(`company ${FJELLVIND.id}, not for company ${NORDLYS.id}`);
    expect(await vault.get('orders')).toBeNull();
    // Visma was told: the foreign refresh token is dead.
    await expect(client.refreshTokenGrant(await discover(sandbox), other.tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(before.tenantId).toBe(NORDLYS.id);
  });
});
