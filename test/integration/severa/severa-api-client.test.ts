import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSeveraApiClient, type SeveraApiOptions } from '../../../src/main/severa/api/severa-api-client';
import { SeveraApiError } from '../../../src/main/severa/api/severa-api-error';
import { fixedCredentials } from '../../../src/main/severa/api/severa-credentials';
import { LOOKALIKE_CLIENT, type LookalikeUser, type SeveraLookalike, startSeveraLookalike } from '../../helpers/severa-lookalike';

const people = (count: number): LookalikeUser[] =>
  Array.from({ length: count }, (_, i) => ({ guid: `g-${i}`, email: `user${i}@x.fi`, firstName: 'User', lastName: `${i}`, isActive: i % 10 !== 0 }));

let severa: SeveraLookalike;
/** Every wait the client asked for, in ms: the tests check them instead of sleeping through them. */
let waits: number[];

beforeEach(async () => {
  severa = await startSeveraLookalike(people(250), ['Resource planning', 'Azets Work']);
  waits = [];
});

afterEach(async () => {
  await severa.close();
});

const client = (options: Partial<SeveraApiOptions> = {}) =>
  createSeveraApiClient({
    baseUrl: severa.url,
    credentials: fixedCredentials(LOOKALIKE_CLIENT),
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });

/** The error a call fails with, so its code and message can be checked together. */
async function failure(call: Promise<unknown>): Promise<SeveraApiError> {
  const error = await call.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SeveraApiError);
  return error as SeveraApiError;
}

const calls = (path: string) => severa.requests.filter((request) => request.path === path).length;

describe('the Severa API client against a local look-alike', () => {
  it('reads every user through NextPageToken paging, with one token and both auth headers', async () => {
    const users = await client({ pageSize: 100 }).listUsers();
    expect(users).toHaveLength(250);
    expect(users[0]).toEqual({ email: 'user0@x.fi', active: false, name: 'User 0', id: 'g-0', row: null });
    expect(users[249]).toMatchObject({ email: 'user249@x.fi', active: true });
    const pages = severa.requests.filter((r) => r.path === '/v1/users');
    expect(pages.map((r) => r.query.rowCount)).toEqual(['100', '100', '100']);
    expect(pages.map((r) => r.query.pageToken !== undefined)).toEqual([false, true, true]);
    expect(pages.every((r) => r.authorization?.startsWith('Bearer ') && r.clientId === LOOKALIKE_CLIENT.clientId)).toBe(true);
    expect(calls('/v1/token')).toBe(1);
  });

  it('decides the add-on from activeAddons, by name without case or spaces, and shows what it saw', async () => {
    await expect(client().readAddonState('azets work')).resolves.toEqual({ state: 'active', activeAddons: ['Resource planning', 'Azets Work'] });
    severa.activeAddons = ['Resource planning'];
    await expect(client().readAddonState('Azets Work')).resolves.toMatchObject({ state: 'inactive', activeAddons: ['Resource planning'] });
  });

  it('says the credentials were refused (401 at /v1/token), without retrying and without quoting the secret', async () => {
    const error = await failure(client({ credentials: fixedCredentials({ ...LOOKALIKE_CLIENT, clientSecret: 'wrong' }) }).listUsers());
    expect(error.severaCode).toBe('credentials-rejected');
    expect(error.message).toMatch(/did not accept the API credentials \(HTTP 401: "Invalid client credentials"\)\. Check the client id, secret and scope/);
    expect(error.message).not.toContain('wrong');
    expect(calls('/v1/token')).toBe(1);
  });

  it('an error that quotes the client secret or the access token: both redacted from the message (issue 11.1)', async () => {
    severa.fail('/v1/token', { status: 400, body: { error: { message: `secret ${LOOKALIKE_CLIENT.clientSecret} is not valid` } } });
    const refused = await failure(client().listUsers());
    expect(refused.message).toContain('secret [client secret] is not valid');
    expect(refused.message).not.toContain(LOOKALIKE_CLIENT.clientSecret);
    const api = client();
    await api.listActiveAddons(); // a token is held now
    const bearer = severa.requests.at(-1)!.authorization!.replace(/^Bearer /, '');
    severa.fail('/v1/organizationdetails', { status: 409, body: { error: { message: `token ${bearer} conflicts` } } });
    const quoted = await failure(api.listActiveAddons());
    expect(quoted.message).toContain('token [access token] conflicts');
  });

  it('an answer larger than the cap ends the call as a bad response (issue 11.2)', async () => {
    severa.fail('/v1/organizationdetails', { status: 200, body: { activeAddons: ['x'.repeat(17 * 1024 * 1024)] } });
    const error = await failure(client().listActiveAddons());
    expect(error.severaCode).toBe('bad-response');
    expect(error.message).toContain('larger than 16 MiB');
  });

  it('gets a new token once when Severa refuses an expired one (401), and carries on', async () => {
    const api = client();
    await api.listActiveAddons();
    severa.expireTokens();
    await expect(api.listActiveAddons()).resolves.toContain('Azets Work');
    expect(calls('/v1/token')).toBe(2);
  });

  it('explains 403 "Addon required" and does not retry it', async () => {
    severa.fail('/v1/users', { status: 403, body: { error: { httpStatusCode: 403, message: 'Addon required' } } });
    const error = await failure(client().listUsers());
    expect(error.severaCode).toBe('addon-required');
    expect(error.message).toMatch(/Severa answered 403 "Addon required" for \/v1\/users: the organization lacks an add-on/);
    expect(calls('/v1/users')).toBe(1);
  });

  it('asks Severa about one address (GET /v1/users?email=) with the Client_Id header', async () => {
    const found = await client().findUsersByEmail('USER7@x.fi');
    expect(found).toEqual([{ email: 'user7@x.fi', active: true, name: 'User 7', id: 'g-7', row: null }]);
    const asked = severa.requests.find((r) => r.path === '/v1/users')!;
    expect(asked.query.email).toBe('USER7@x.fi');
    expect(asked.clientId).toBe(LOOKALIKE_CLIENT.clientId);
    await expect(client().findUsersByEmail('nobody@x.fi')).resolves.toEqual([]);
  });

  it.each([
    ['AddonMissing', 403, 'severa-addon-required', /AddonMissing .*lacks an add-on.*Features and integrations/],
    ['OrganizationNotActive', 403, 'severa-organization-not-active', /OrganizationNotActive: the organization's Severa is not active.*contact Visma Severa customer service/],
    ['InsufficientApiScope', 403, 'severa-insufficient-scope', /InsufficientApiScope for \/v1\/users.*users:read and organization:read/],
  ])('explains Severa\'s %s error type, without retrying', async (type, status, code, message) => {
    severa.fail('/v1/users', { status, body: { error: { httpStatusCode: status, type, message: 'nope' } } });
    const error = await failure(client().listUsers());
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(calls('/v1/users')).toBe(1);
  });

  it('explains OrganizationNotActive at the token endpoint too', async () => {
    severa.fail('/v1/token', { status: 400, body: { error: { type: 'OrganizationNotActive', message: 'Organization is not active' } } });
    expect((await failure(client().listUsers())).code).toBe('severa-organization-not-active');
  });

  it('waits as long as a 429 Retry-After asks, then succeeds', async () => {
    severa.fail('/v1/organizationdetails', { status: 429, headers: { 'Retry-After': '3' } });
    await expect(client().listActiveAddons()).resolves.toContain('Azets Work');
    expect(waits).toEqual([3000]);
    expect(calls('/v1/organizationdetails')).toBe(2);
  });

  it('gives up on endless 429s after a bounded number of attempts, and on a Retry-After too long to wait', async () => {
    severa.fail('/v1/organizationdetails', ...Array.from({ length: 4 }, () => ({ status: 429 })));
    const error = await failure(client().listActiveAddons());
    expect(error.severaCode).toBe('rate-limited');
    expect(error.message).toMatch(/kept limiting requests \(HTTP 429\) for 4 attempts/);
    expect(waits).toEqual([1000, 2000, 4000]);

    severa.fail('/v1/organizationdetails', { status: 429, headers: { 'Retry-After': '600' } });
    expect((await failure(client().listActiveAddons())).message).toMatch(/asks to wait 600 s/);
  });

  it('retries 5xx with growing pauses, and names the failure when it persists', async () => {
    severa.fail('/v1/users', { status: 503 }, { status: 502 });
    await expect(client({ pageSize: 1000 }).listUsers()).resolves.toHaveLength(250);
    expect(waits).toEqual([1000, 2000]);

    waits = [];
    severa.fail('/v1/users', ...Array.from({ length: 4 }, () => ({ status: 500, body: { error: { message: 'Internal error' } } })));
    const error = await failure(client().listUsers());
    expect(error.severaCode).toBe('server-error');
    expect(error.message).toBe(`Severa's API failed 4 times on /v1/users?rowCount=100 (HTTP 500: "Internal error"). This is on Severa's side: try again later.`);
  });

  it('says Severa cannot be reached when nothing answers', async () => {
    const address = severa.url;
    await severa.close();
    const error = await failure(client({ baseUrl: address, retry: { maxAttempts: 2 } }).listUsers());
    expect(error.severaCode).toBe('network');
    expect(error.message).toMatch(new RegExp(`Could not reach Severa at ${address.replaceAll('.', '\\.')} .*after 2 attempts`));
    severa = await startSeveraLookalike([], []); // for afterEach
  });

  it('says so when no credentials are stored', async () => {
    const error = await failure(client({ credentials: { load: async () => null } }).listUsers());
    expect(error.severaCode).toBe('no-credentials');
    expect(severa.requests).toHaveLength(0);
  });
});
