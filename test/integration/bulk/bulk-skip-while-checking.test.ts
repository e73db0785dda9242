import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox';
import { createMemoryVault } from '../../../src/main/reauth/token-vault';
import type { Message } from '../../../src/shared/i18n/message';
import { createTranslator } from '../../../src/shared/i18n/translator';
import { type LoginScript, httpLoginSurface } from '../../helpers/http-login-surface';
import { ANNA, NORDLYS, walkLogin } from '../../helpers/sandbox/relying-party';
import { sandboxPerTest } from '../../helpers/sandbox/sandboxes';
import { tempApp } from '../../helpers/temp-app';

/**
 * Issue 23, point 7: a Skip (or Cancel) of a bulk run's login is decided at one moment — the login's
 * return. Before it, the login ends as skipped and nothing is kept; after it ("Checking the tokens
 * and the company") it is refused in words and the login is checked to its end. Never silently either.
 */
const newSandbox = sandboxPerTest();

async function setUp(sandbox: Sandbox, scripts: LoginScript[], fetchImpl: typeof fetch = fetch) {
  const vault = createMemoryVault();
  const app = tempApp(undefined, { vault, loginSurface: httpLoginSurface(...scripts), now: () => new Date(), fetch: fetchImpl });
  await app.api.saveEnvironment(sandbox.environment);
  await app.api.createProfile({ id: 'n1', name: 'Nordlys orders', direction: 'import', companyId: NORDLYS.id, companyName: NORDLYS.name, apiUser: ANNA.email, environmentId: sandbox.environment.id });
  await app.api.startBulkRun(['n1']);
  return { app, vault };
}

/** The ERP API's verification call waits until released: a login held in "Checking the tokens and the company". */
function heldVerification(sandbox: Sandbox) {
  let release!: () => void;
  const verifying = new Promise<void>((resolve) => (release = resolve));
  let started = false;
  const held: typeof fetch = async (input, init) => {
    if (String(input instanceof Request ? input.url : input).startsWith(`${sandbox.apiBaseUrl}${sandbox.environment.verifyPath}`)) {
      started = true;
      await verifying;
    }
    return fetch(input, init);
  };
  return { fetch: held, started: () => started, release: () => release() };
}

describe('Skip while a bulk login is being checked (issue 23)', () => {
  it('a Skip that lands as the login comes back is honoured: skipped, nothing kept', async () => {
    const sandbox = await newSandbox();
    const holder: { app?: ReturnType<typeof tempApp> } = {};
    const { app, vault } = await setUp(sandbox, [
      async (request) => {
        const url = await walkLogin({ url: request.url, redirectUri: request.redirectUri, codeVerifier: '', state: '', nonce: '' }, { ...ANNA, company: NORDLYS.name });
        await holder.app!.api.bulkSkip('n1'); // the click lands while the code is on its way back
        return { kind: 'redirected', url };
      },
    ]);
    holder.app = app;
    await app.api.bulkOpen('n1');
    await app.bulk.idle();
    const run = (await app.api.getBulkRun())!;
    expect(run.items[0]).toMatchObject({ profileId: 'n1', state: 'skipped', reason: 'Skipped by you.' });
    expect(await vault.get('n1')).toBeNull();
    expect(app.profiles.get('n1')!.status).toBe('never-connected');
  });

  it('a Skip or Cancel while the tokens and company are checked is refused in words, and the login ends as it ends', async () => {
    const sandbox = await newSandbox();
    const held = heldVerification(sandbox);
    const { app, vault } = await setUp(sandbox, [{ ...ANNA, company: NORDLYS.name }], held.fetch);
    await app.api.bulkOpen('n1');
    await expect.poll(() => held.started(), { timeout: 10_000 }).toBe(true);
    expect(app.reauth.isChecking('n1')).toBe(true);
    await expect(app.api.bulkSkip('n1')).rejects.toThrow(
      'Nordlys orders was not skipped: its login had already come back, and Bridgekeeper is checking it. Its result shows in a moment.',
    );
    await expect(app.api.bulkCancel('n1')).rejects.toThrow('The login of Nordlys orders was not cancelled');
    // In the reader's language too.
    const refusal = (await app.api.bulkSkip('n1').then(
      () => undefined,
      (e: unknown) => e,
    )) as { words?: Message } | undefined;
    expect(createTranslator('nl').text(refusal!.words!)).toBe('Nordlys orders is niet overgeslagen: de aanmelding was al teruggekomen en Bridgekeeper controleert die nu. Het resultaat verschijnt zo.');
    held.release();
    await app.bulk.idle();
    const run = (await app.api.getBulkRun())!;
    expect(run.items[0]).toMatchObject({ profileId: 'n1', state: 'connected' });
    expect(await vault.get('n1')).not.toBeNull();
  });

  it("the reconnect dialog's Cancel login while the login is checked is refused in words too, never silently dropped", async () => {
    const sandbox = await newSandbox();
    const held = heldVerification(sandbox);
    const { app, vault } = await setUp(sandbox, [{ ...ANNA, company: NORDLYS.name }], held.fetch);
    const reconnect = app.api.reauthenticate('n1');
    await expect.poll(() => held.started(), { timeout: 10_000 }).toBe(true);
    await expect(app.api.cancelReauth('n1')).rejects.toThrow('The login of Nordlys orders was not cancelled: it had already come back, and Bridgekeeper is checking it.');
    held.release();
    expect((await reconnect).outcome).toBe('connected');
    expect(await vault.get('n1')).not.toBeNull();
  });
});
