import { generateKeyPairSync } from 'node:crypto';
import * as jose from 'jose';
import { describe, expect, it } from 'vitest';
import { ANNA, FJELLVIND, NORDLYS, PER, callApi, logIn } from '../../helpers/sandbox/relying-party';
import { sandboxPerTest } from '../../helpers/sandbox/sandboxes';
import { refreshWith } from '../../helpers/sandbox/token-endpoint';

const startSandbox = sandboxPerTest();

const IPP_12002 =
  /^\{"ExceptionType":"IPPException","ExceptionMessage":"Invalid parameter exception: ipp-company-id \(12002_12002_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)","ExceptionFaultCode":"12002","ExceptionMessageID":"12002_12002_\1","ExceptionDetails":""\}$/;
const NO_LICENSE =
  /^\{"ExceptionType":"IPPException","ExceptionMessage":"No license for this company.","ExceptionFaultCode":"12027","ExceptionMessageID":"12027_12027_[0-9a-f-]{36}","ExceptionDetails":""\}$/;

describe('12002: a token that needs reauthentication', () => {
  it('answers a legacy token from the seed with exactly Visma\'s body and a fresh guid each time', async () => {
    const sandbox = await startSandbox();
    const [legacy] = sandbox.seed.api.legacyTokens;
    const first = await callApi(sandbox, legacy!);
    const second = await callApi(sandbox, legacy!, '/v1/customer/customerClass');
    expect(first.status).toBe(400);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(first.text).toMatch(IPP_12002);
    expect(second.text).toMatch(IPP_12002);
    expect(IPP_12002.exec(first.text)![1]).not.toBe(IPP_12002.exec(second.text)![1]);
  });

  it('answers a token without a tenant the same way', async () => {
    const sandbox = await startSandbox();
    const { tokens } = await logIn(sandbox, ANNA, { scope: 'openid email offline_access vismanet_erp_interactive_api:read' });
    const answer = await callApi(sandbox, tokens.access_token);
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(IPP_12002);
  });
});

describe('12027: no API User in the token\'s company', () => {
  it('follows the role as an admin removes and grants it', async () => {
    const sandbox = await startSandbox();
    const { tokens } = await logIn(sandbox, { ...PER, company: FJELLVIND.name });
    expect((await callApi(sandbox, tokens.access_token)).status).toBe(200);

    await sandbox.admin.removeApiUser(PER.email, FJELLVIND.id);
    const refused = await callApi(sandbox, tokens.access_token);
    expect(refused.status).toBe(403);
    expect(refused.text).toMatch(NO_LICENSE);

    await sandbox.admin.grantApiUser(PER.email, FJELLVIND.id);
    expect((await callApi(sandbox, tokens.access_token)).status).toBe(200);
  });

  it('uses the HTTP status the seed names', async () => {
    const sandbox = await startSandbox({ api: { noLicenseStatus: 400 } });
    const { tokens } = await logIn(sandbox, { ...ANNA, company: NORDLYS.name });
    await sandbox.admin.removeApiUser(ANNA.email, NORDLYS.id);
    const refused = await callApi(sandbox, tokens.access_token);
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(NO_LICENSE);
  });
});

describe('401', () => {
  it('once the access token has expired', async () => {
    const sandbox = await startSandbox({ clients: { bridgekeeper: { accessTokenLifetimeSeconds: 2 } } });
    const { tokens } = await logIn(sandbox, { ...ANNA, company: NORDLYS.name });
    expect((await callApi(sandbox, tokens.access_token)).status).toBe(200);
    await expect
      .poll(async () => (await callApi(sandbox, tokens.access_token)).status, { timeout: 4000, interval: 200 })
      .toBe(401);
    const refused = await callApi(sandbox, tokens.access_token);
    expect(refused.headers.get('www-authenticate')).toMatch(/invalid_token.*expired/);
  });

  it('for a token not signed by the provider', async () => {
    const sandbox = await startSandbox();
    const { tokens } = await logIn(sandbox, { ...ANNA, company: NORDLYS.name });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = await new jose.SignJWT(jose.decodeJwt(tokens.access_token))
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: jose.decodeProtectedHeader(tokens.access_token).kid! })
      .sign(privateKey);
    expect((await callApi(sandbox, forged)).status).toBe(401);
  });

  it('without a token, or with garbage', async () => {
    const sandbox = await startSandbox();
    expect((await fetch(`${sandbox.apiBaseUrl}/v1/organization`)).status).toBe(401);
    const garbage = await callApi(sandbox, 'not-a-token');
    expect(garbage.status).toBe(401);
    expect(garbage.json).toEqual({ Message: 'Authorization has been denied for this request.' });
  });

  it('when the user picked the customer tenant instead of the company', async () => {
    const sandbox = await startSandbox();
    const { tokens } = await logIn(sandbox, { ...ANNA, company: NORDLYS.customer });
    expect(jose.decodeJwt(tokens.access_token).tenant_id).toBe(NORDLYS.customerId);
    expect((await callApi(sandbox, tokens.access_token)).status).toBe(401);
  });

  it('for a deactivated user, whose refresh then fails with invalid_grant', async () => {
    const sandbox = await startSandbox();
    const { tokens } = await logIn(sandbox, { ...ANNA, company: NORDLYS.name });
    await sandbox.admin.deactivateUser(ANNA.email);
    expect((await callApi(sandbox, tokens.access_token)).status).toBe(401);
    expect((await refreshWith(sandbox, tokens.refresh_token!)).json).toMatchObject({ error: 'invalid_grant' });

    await sandbox.admin.activateUser(ANNA.email);
    expect((await callApi(sandbox, tokens.access_token)).status).toBe(200);
  });

  it("after an admin expires the user's tokens; a new login works again", async () => {
    const sandbox = await startSandbox();
    const { tokens } = await logIn(sandbox, { ...ANNA, company: NORDLYS.name });
    const other = await logIn(sandbox, { ...PER, company: FJELLVIND.name });

    expect(await sandbox.admin.expireTokens(ANNA.email)).toMatchObject({ accessTokens: 1 });
    expect((await callApi(sandbox, tokens.access_token)).status).toBe(401);
    expect((await refreshWith(sandbox, tokens.refresh_token!)).json).toMatchObject({ error: 'invalid_grant' });
    expect((await callApi(sandbox, other.tokens.access_token)).status).toBe(200);

    const fresh = await logIn(sandbox, { ...ANNA, company: NORDLYS.name });
    expect((await callApi(sandbox, fresh.tokens.access_token)).status).toBe(200);
  });
});

describe('the API itself', () => {
  it('answers 404 for resources the sandbox does not have', async () => {
    const sandbox = await startSandbox();
    const { tokens } = await logIn(sandbox, { ...ANNA, company: NORDLYS.name });
    expect((await callApi(sandbox, tokens.access_token, '/v1/salesorder')).status).toBe(404);
  });
});

describe("Visma's base URLs and rate limits (issue 11.9, 11.10)", () => {
  it('serves https://api.finance.visma.net-style paths, and the old integration.visma.net-style base with 429 after its budget', async () => {
    const sandbox = await startSandbox({ api: { legacyCallsPerHour: 2 } });
    const { tokens } = await logIn(sandbox, { ...ANNA, company: NORDLYS.name });
    const legacy = (path: string) => fetch(`${sandbox.legacyApiBaseUrl}${path}`, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    expect((await legacy('/v1/organization')).status).toBe(200);
    expect((await legacy('/v1/customer/customerClass')).status).toBe(200);
    const throttled = await legacy('/v1/organization');
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(throttled.headers.get('x-ratelimit-limit')).toBe('2');
    expect(throttled.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await throttled.text()).toContain('https://api.finance.visma.net');
    // The new form is not throttled.
    for (let i = 0; i < 3; i++) expect((await callApi(sandbox, tokens.access_token, '/v1/organization')).status).toBe(200);
  });

  it('answers 429 with Retry-After and X-RateLimit-* on demand', async () => {
    const sandbox = await startSandbox();
    const { tokens } = await logIn(sandbox, { ...ANNA, company: NORDLYS.name });
    await sandbox.admin.throttle('api', 1, 7);
    const first = await callApi(sandbox, tokens.access_token);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await callApi(sandbox, tokens.access_token)).status).toBe(200);
  });
});
