import * as client from 'openid-client';
import { describe, expect, it } from 'vitest';
import { SandboxAdminError } from '../../../sandbox';
import { ANNA, NORDLYS, callApi, logIn } from '../../helpers/sandbox/relying-party';
import { sandboxPerTest } from '../../helpers/sandbox/sandboxes';
import { refreshWith } from '../../helpers/sandbox/token-endpoint';

const startSandbox = sandboxPerTest();
const anna = { ...ANNA, company: NORDLYS.name };

const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> => {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
};

describe('latency', () => {
  it('delays the chosen endpoint until it is set back to 0', async () => {
    const sandbox = await startSandbox();
    const { tokens } = await logIn(sandbox, anna);
    await sandbox.admin.addLatency('api', 400);

    const slow = await timed(() => callApi(sandbox, tokens.access_token));
    expect(slow.result.status).toBe(200);
    expect(slow.ms).toBeGreaterThanOrEqual(390);
    const token = await timed(() => refreshWith(sandbox, tokens.refresh_token!));
    expect(token.ms).toBeLessThan(390);

    await sandbox.admin.addLatency('api', 0);
    expect((await timed(() => callApi(sandbox, tokens.access_token))).ms).toBeLessThan(390);
  });
});

describe('failing the next requests with a 5xx', () => {
  it('answers the next N token requests with the chosen status, and the refresh token survives', async () => {
    const sandbox = await startSandbox();
    const { config, tokens } = await logIn(sandbox, anna);
    await sandbox.admin.failNext('token', 2, 503);

    const first = await refreshWith(sandbox, tokens.refresh_token!);
    expect(first.status).toBe(503);
    await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toThrow();
    const third = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(third.access_token).toBeTruthy();
  });

  it('answers the next API call with the chosen status, then serves again', async () => {
    const sandbox = await startSandbox();
    const { tokens } = await logIn(sandbox, anna);
    await sandbox.admin.failNext('api', 1, 502);
    expect((await callApi(sandbox, tokens.access_token)).status).toBe(502);
    expect((await callApi(sandbox, tokens.access_token)).status).toBe(200);
  });

  it('are forgotten by clearFaults', async () => {
    const sandbox = await startSandbox();
    const { tokens } = await logIn(sandbox, anna);
    await sandbox.admin.failNext('any', 5, 500);
    await sandbox.admin.addLatency('any', 1000);
    expect((await sandbox.admin.state()).faults.failNext).toEqual([{ target: 'any', remaining: 5, status: 500 }]);
    await sandbox.admin.clearFaults();
    expect((await callApi(sandbox, tokens.access_token)).status).toBe(200);
    expect((await sandbox.admin.state()).faults).toEqual({ latencyMs: {}, failNext: [], dropNext: [], throttleNext: [] });
  });
});

describe('dropping connections', () => {
  it('closes the next N connections without an answer', async () => {
    const sandbox = await startSandbox();
    const { config, tokens } = await logIn(sandbox, anna);
    await sandbox.admin.dropConnections('token', 1);
    await expect(refreshWith(sandbox, tokens.refresh_token!)).rejects.toThrow(/fetch failed/);
    expect((await client.refreshTokenGrant(config, tokens.refresh_token!)).access_token).toBeTruthy();

    await sandbox.admin.dropConnections('api', 2);
    await expect(callApi(sandbox, tokens.access_token)).rejects.toThrow(/fetch failed/);
    await expect(callApi(sandbox, tokens.access_token)).rejects.toThrow(/fetch failed/);
    expect((await callApi(sandbox, tokens.access_token)).status).toBe(200);
  });
});

describe('request counts', () => {
  it('count what the client sent per endpoint and path, faulted requests included, the API\'s own JWKS reads not', async () => {
    const sandbox = await startSandbox();
    const { tokens } = await logIn(sandbox, anna);
    const afterLogin = await sandbox.admin.requestCounts();
    expect(afterLogin.byEndpoint).toMatchObject({ discovery: 1, authorize: 3, token: 1, api: 0 });
    expect(afterLogin.byPath).toMatchObject({
      'GET /connect/authorize': 1,
      'GET /connect/authorize/:uid': 2, // resumed after the login and after the consent
      'POST /interaction/:uid/login': 1,
      'POST /connect/token': 1,
    });

    await sandbox.admin.resetRequestCounts();
    await sandbox.admin.failNext('api', 1, 500);
    await callApi(sandbox, tokens.access_token);
    await callApi(sandbox, tokens.access_token, '/v1/customer/customerClass');
    const counts = await sandbox.admin.requestCounts();
    expect(counts.byEndpoint).toMatchObject({ api: 2, discovery: 0, jwks: 0, token: 0 });
    expect(counts.byPath).toEqual({
      'GET /v1/organization': 1,
      'GET /v1/customer/customerClass': 1,
    });
  });
});

describe('the admin endpoint', () => {
  it('names the field when an order does not hold', async () => {
    const sandbox = await startSandbox();
    await expect(sandbox.admin.failNext('token', 1, 404)).rejects.toThrow(new SandboxAdminError('fail-next, status: must be a 5xx status'));
    await expect(sandbox.admin.deactivateUser('nobody@example.com')).rejects.toThrow('No user with email "nobody@example.com"');
    await expect(sandbox.admin.setRefreshMode('no-such-client', 're-use')).rejects.toThrow('No client with id "no-such-client"');
  });

  it('reports the live state of users and clients', async () => {
    const sandbox = await startSandbox();
    await sandbox.admin.removeApiUser(ANNA.email, NORDLYS.id);
    await sandbox.admin.setRefreshMode('bridgekeeper', 're-use');
    const state = await sandbox.admin.state();
    expect(state.users.find((u) => u.email === ANNA.email)?.companies).toContainEqual({ id: NORDLYS.id, apiUser: false });
    expect(state.clients.find((c) => c.clientId === 'bridgekeeper')?.refreshMode).toBe('re-use');
  });
});
