import { setTimeout as sleep } from 'node:timers/promises';
import * as jose from 'jose';
import * as client from 'openid-client';
import { describe, expect, it } from 'vitest';
import { ANNA, FJELLVIND, NORDLYS, PER, callApi, logIn } from '../../helpers/sandbox/relying-party';
import { sandboxPerTest } from '../../helpers/sandbox/sandboxes';
import { postForm, refreshWith } from '../../helpers/sandbox/token-endpoint';

const startSandbox = sandboxPerTest();
const anna = { ...ANNA, company: NORDLYS.name };

describe('one-time refresh tokens (rotation)', () => {
  it('give a new refresh token each time; the old one works during the grace period, then invalid_grant', async () => {
    const sandbox = await startSandbox({ clients: { bridgekeeper: { refreshTokens: { mode: 'one-time', graceSeconds: 1, revokeOnReplay: false } } } });
    const { config, tokens } = await logIn(sandbox, anna);
    const first = tokens.refresh_token!;

    const rotated = await client.refreshTokenGrant(config, first);
    // Inside the grace period the old token still answers (a client that lost the first answer retries).
    const retried = await refreshWith(sandbox, first);
    expect(retried.status).toBe(200);

    expect(rotated.refresh_token).toBeTruthy();
    expect(rotated.refresh_token).not.toBe(first);
    expect(jose.decodeJwt(rotated.access_token).tenant_id).toBe(NORDLYS.id);
    expect((await callApi(sandbox, rotated.access_token)).status).toBe(200);

    await sleep(1100);
    const late = await refreshWith(sandbox, first);
    expect(late.status).toBe(400);
    expect(late.json).toMatchObject({ error: 'invalid_grant' });

    // Without revokeOnReplay, the replacement is unaffected by the late replay.
    const next = await client.refreshTokenGrant(config, rotated.refresh_token!);
    expect(next.access_token).toBeTruthy();
  });

  it("by default (Visma's behaviour), a late replay revokes all access of that client and user, and nobody else's", async () => {
    const sandbox = await startSandbox({ clients: { bridgekeeper: { refreshTokens: { mode: 'one-time', graceSeconds: 1 } } } });
    const { config, tokens } = await logIn(sandbox, anna);
    const secondProfile = await logIn(sandbox, { ...ANNA, company: FJELLVIND.name }); // another profile, same API user
    const otherUser = await logIn(sandbox, { ...PER, company: FJELLVIND.name });
    const otherClient = await logIn(sandbox, anna, { clientId: 'bridgekeeper-reuse' });
    const rotated = await client.refreshTokenGrant(config, tokens.refresh_token!);
    await sleep(1100);
    expect((await refreshWith(sandbox, tokens.refresh_token!)).json).toMatchObject({ error: 'invalid_grant' });
    // Every login of Anna with this client is gone, refresh and access tokens alike.
    expect((await refreshWith(sandbox, rotated.refresh_token!)).json).toMatchObject({ error: 'invalid_grant' });
    expect((await refreshWith(sandbox, secondProfile.tokens.refresh_token!)).json).toMatchObject({ error: 'invalid_grant' });
    expect((await callApi(sandbox, rotated.access_token)).status).toBe(401);
    expect((await callApi(sandbox, secondProfile.tokens.access_token)).status).toBe(401);
    // Per's login and Anna's login with another client are untouched.
    expect((await refreshWith(sandbox, otherUser.tokens.refresh_token!)).status).toBe(200);
    expect((await refreshWith(sandbox, otherClient.tokens.refresh_token!, 'bridgekeeper-reuse')).status).toBe(200);
  });
});

describe('re-use refresh tokens', () => {
  it('give the same refresh token back until its absolute expiry, then invalid_grant', async () => {
    const sandbox = await startSandbox({ clients: { bridgekeeper: { refreshTokens: { mode: 're-use', lifetimeSeconds: 2 } } } });
    const { config, tokens } = await logIn(sandbox, anna);
    const issuedAt = Date.now();
    const again = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(again.refresh_token).toBe(tokens.refresh_token);
    expect(again.access_token).not.toBe(tokens.access_token);
    expect((await callApi(sandbox, again.access_token)).status).toBe(200);
    expect((await client.refreshTokenGrant(config, tokens.refresh_token!)).refresh_token).toBe(tokens.refresh_token);

    await sleep(Math.max(0, issuedAt + 2100 - Date.now()));
    const expired = await refreshWith(sandbox, tokens.refresh_token!);
    expect(expired.status).toBe(400);
    expect(expired.json).toMatchObject({ error: 'invalid_grant' });
  });

  it('is the mode of the seed\'s second demo client', async () => {
    const sandbox = await startSandbox();
    const { config, tokens } = await logIn(sandbox, anna, { clientId: 'bridgekeeper-reuse' });
    expect((await client.refreshTokenGrant(config, tokens.refresh_token!)).refresh_token).toBe(tokens.refresh_token);
  });
});

describe('switching a client\'s refresh mode', () => {
  it('applies from the next interactive login', async () => {
    const sandbox = await startSandbox();
    const before = await logIn(sandbox, anna);
    await sandbox.admin.setRefreshMode('bridgekeeper', 're-use');

    const old = await client.refreshTokenGrant(before.config, before.tokens.refresh_token!);
    expect(old.refresh_token).not.toBe(before.tokens.refresh_token);

    const after = await logIn(sandbox, anna);
    expect((await client.refreshTokenGrant(after.config, after.tokens.refresh_token!)).refresh_token).toBe(after.tokens.refresh_token);
  });

  it('applies to logins already made when asked to', async () => {
    const sandbox = await startSandbox({ clients: { bridgekeeper: { refreshTokens: { mode: 're-use' } } } });
    const { config, tokens } = await logIn(sandbox, anna);
    await sandbox.admin.setRefreshMode('bridgekeeper', 'one-time', { existingLogins: true });
    expect((await client.refreshTokenGrant(config, tokens.refresh_token!)).refresh_token).not.toBe(tokens.refresh_token);
  });
});

describe('offline access', () => {
  it('gives no refresh token to a client without Offline Access', async () => {
    const sandbox = await startSandbox({ clients: { bridgekeeper: { offlineAccess: false } } });
    const { tokens } = await logIn(sandbox, anna);
    expect(tokens.refresh_token).toBeUndefined();
    expect((await callApi(sandbox, tokens.access_token)).status).toBe(200);
  });
});

describe('revocation', () => {
  it('removes a refresh token (client_id in the body, as openid-client sends it)', async () => {
    const sandbox = await startSandbox();
    const { config, tokens } = await logIn(sandbox, anna);
    await client.tokenRevocation(config, tokens.refresh_token!, { token_type_hint: 'refresh_token' });
    expect((await refreshWith(sandbox, tokens.refresh_token!)).json).toMatchObject({ error: 'invalid_grant' });
  });

  it('accepts a public client as HTTP Basic "client_id:" with an empty secret', async () => {
    const sandbox = await startSandbox();
    const { tokens } = await logIn(sandbox, anna);
    const basic = `Basic ${Buffer.from('bridgekeeper:').toString('base64')}`;
    const answer = await postForm(sandbox, '/connect/revocation', { token: tokens.refresh_token!, token_type_hint: 'refresh_token' }, { authorization: basic });
    expect(answer.status).toBe(200);
    expect((await refreshWith(sandbox, tokens.refresh_token!)).json).toMatchObject({ error: 'invalid_grant' });
  });

  it('accepts the same Basic form for a refresh at the token endpoint', async () => {
    const sandbox = await startSandbox();
    const { tokens } = await logIn(sandbox, anna);
    const basic = `Basic ${Buffer.from('bridgekeeper:').toString('base64')}`;
    const answer = await postForm(sandbox, '/connect/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! }, { authorization: basic });
    expect(answer.status).toBe(200);
    expect(answer.json).toHaveProperty('access_token');
  });

  it('revokes refresh tokens only: an access token stays valid until it expires', async () => {
    const sandbox = await startSandbox();
    const { tokens } = await logIn(sandbox, anna);
    const answer = await postForm(sandbox, '/connect/revocation', { token: tokens.access_token, client_id: 'bridgekeeper' });
    expect(answer.json).toMatchObject({ error: 'unsupported_token_type' });
    expect((await callApi(sandbox, tokens.access_token)).status).toBe(200);
  });

  it("does not let one client revoke another's token", async () => {
    const sandbox = await startSandbox();
    const { tokens } = await logIn(sandbox, anna);
    await postForm(sandbox, '/connect/revocation', { token: tokens.refresh_token!, client_id: 'bridgekeeper-reuse' });
    expect((await refreshWith(sandbox, tokens.refresh_token!)).status).toBe(200);
  });
});
