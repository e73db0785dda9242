import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox';
import { createMemoryVault } from '../../../src/main/reauth/token-vault';
import { createTranslator } from '../../../src/shared/i18n/translator';
import type { ProfileInput } from '../../../src/shared/profile';
import type { ReauthResult } from '../../../src/shared/reauth';
import { type LoginScript, httpLoginSurface } from '../../helpers/http-login-surface';
import { reauthInEnglish } from '../../helpers/in-english';
import { ordersProfile } from '../../helpers/orders-profile';
import { HttpPerson, expectLeft } from '../../helpers/sandbox/http-person';
import { ANNA, FJELLVIND, NORDLYS, PER } from '../../helpers/sandbox/relying-party';
import { sandboxPerTest } from '../../helpers/sandbox/sandboxes';
import { tempApp } from '../../helpers/temp-app';

/**
 * Issue 23, points 1–3: who logged in is compared with the profile's API user (never a "Connected"
 * for a login as someone else), the one who lacks the API User role is the one named, and a Cancel
 * in Visma's company picker is a cancel — not a consent Deny, and with one full stop.
 */
const newSandbox = sandboxPerTest();

async function setUp(sandbox: Sandbox, scripts: LoginScript[], options: Parameters<typeof tempApp>[1] = {}) {
  const vault = createMemoryVault();
  const app = tempApp(undefined, { vault, loginSurface: httpLoginSurface(...scripts), now: () => new Date(), ...options });
  await app.api.saveEnvironment(sandbox.environment);
  const profile = (overrides: Partial<ProfileInput> = {}) => app.api.createProfile(ordersProfile(sandbox.environment.id, overrides));
  return { app, vault, profile };
}

/** Waits for the reconnect's question about another user, and answers it. */
async function answerWhenAsked(app: ReturnType<typeof tempApp>, answer: 'keep' | 'discard') {
  await expect
    .poll(() => app.events.find((e) => e.type === 'portal-prompt' && e.prompt?.kind === 'other-user'), { timeout: 10_000 })
    .toBeTruthy();
  const asked = app.events.find((e) => e.type === 'portal-prompt' && e.prompt?.kind === 'other-user');
  await app.api.answerOtherUser('orders', answer);
  return asked;
}

describe('who logged in (issue 23)', () => {
  it('refuses a login as another Visma user when the person discards it: named, nothing stored, revoked, never "Connected"', async () => {
    const sandbox = await newSandbox();
    // Per has the API User role for Fjellvind: every check but the user's would pass.
    const { app, vault, profile } = await setUp(sandbox, [{ ...PER, company: FJELLVIND.name }]);
    await profile({ companyId: FJELLVIND.id, companyName: FJELLVIND.name });
    await sandbox.admin.resetRequestCounts();
    const running = app.api.reauthenticate('orders');
    const asked = await answerWhenAsked(app, 'discard');
    expect(asked).toMatchObject({ profileId: 'orders', prompt: { kind: 'other-user', shown: PER.email, apiUser: ANNA.email } });
    const result = reauthInEnglish(await running);
    expect(result.outcome).toBe('wrong-user');
    expect(result.title).toBe(`${PER.email} logged in, not ${ANNA.email}`);
    expect(result.explanation).toContain('Bridgekeeper stored nothing and revoked the tokens');
    expect(await vault.get('orders')).toBeNull();
    expect(app.profiles.get('orders')).toMatchObject({ status: 'never-connected', apiUser: ANNA.email });
    expect((await sandbox.admin.requestCounts()).byEndpoint.revocation).toBe(1);
    // The audit trail says it was refused, never "Connected as another Visma user".
    await expect(app.reauth.listProfileEvents('orders')).resolves.toMatchObject([{ kind: 'reauth', outcome: 'other-user-refused', message: `${PER.email} logged in, not ${ANNA.email}` }]);
    // The question is gone from the dialog once answered.
    expect(app.events.filter((e) => e.type === 'portal-prompt').at(-1)).toMatchObject({ prompt: null });
  });

  it('keeps a login as another user when the person chooses: that user becomes the API user, in the audit trail', async () => {
    const sandbox = await newSandbox();
    const { app, vault, profile } = await setUp(sandbox, [{ ...PER, company: FJELLVIND.name }]);
    await profile({ companyId: FJELLVIND.id, companyName: FJELLVIND.name });
    const running = app.api.reauthenticate('orders');
    await answerWhenAsked(app, 'keep');
    const result = reauthInEnglish(await running);
    expect(result.outcome).toBe('connected');
    expect(result.explanation).toContain(`${PER.email} is now this profile's API user (it was ${ANNA.email})`);
    expect(app.profiles.get('orders')).toMatchObject({ status: 'connected', apiUser: PER.email });
    expect(await vault.get('orders')).toMatchObject({ tenantId: FJELLVIND.id });
    const events = await app.reauth.listProfileEvents('orders');
    expect(events.map((e) => e.outcome)).toEqual(expect.arrayContaining(['api-user-changed', 'connected']));
    expect(events.find((e) => e.outcome === 'api-user-changed')!.message).toBe(
      `API user changed from ${ANNA.email} to ${PER.email}: ${PER.email} logged in, and the person chose to keep that login.`,
    );
  });

  it('in a bulk run, a kept login shows the new API user in the run and its summary too', async () => {
    const sandbox = await newSandbox();
    const { app, profile } = await setUp(sandbox, [{ ...PER, company: FJELLVIND.name }]);
    await profile({ companyId: FJELLVIND.id, companyName: FJELLVIND.name });
    await app.api.startBulkRun(['orders']);
    await app.api.bulkOpen('orders');
    await answerWhenAsked(app, 'keep');
    await expect.poll(async () => (await app.api.getBulkRun())?.items[0]?.state, { timeout: 10_000 }).toBe('connected');
    expect((await app.api.getBulkRun())!.items[0]).toMatchObject({ apiUser: PER.email });
  });

  it('keeping another user on a connected profile revokes the old user’s tokens first', async () => {
    const sandbox = await newSandbox();
    const { app, vault, profile } = await setUp(sandbox, [{ ...ANNA, company: FJELLVIND.name }, { ...PER, company: FJELLVIND.name }]);
    await profile({ companyId: FJELLVIND.id, companyName: FJELLVIND.name });
    expect((await app.api.reauthenticate('orders')).outcome).toBe('connected');
    const annas = (await vault.get('orders'))!.refreshToken;
    await sandbox.admin.resetRequestCounts();
    const running = app.api.reauthenticate('orders');
    await answerWhenAsked(app, 'keep');
    expect((await running).outcome).toBe('connected');
    expect((await sandbox.admin.requestCounts()).byEndpoint.revocation).toBe(1);
    expect((await vault.get('orders'))!.refreshToken).not.toBe(annas);
    expect(app.profiles.get('orders')).toMatchObject({ status: 'connected', apiUser: PER.email });
  });

  it('asks nothing when the API user logged in, whatever the case of the address', async () => {
    const sandbox = await newSandbox();
    const { app, profile } = await setUp(sandbox, [{ ...ANNA, company: NORDLYS.name }]);
    await profile({ apiUser: ANNA.email.toUpperCase() });
    expect((await app.api.reauthenticate('orders')).outcome).toBe('connected');
    expect(app.events.some((e) => e.type === 'portal-prompt' && e.prompt)).toBe(false);
  });

  it('a cancel while the question is open ends the attempt as cancelled and keeps nothing', async () => {
    const sandbox = await newSandbox();
    const { app, vault, profile } = await setUp(sandbox, [{ ...PER, company: FJELLVIND.name }]);
    await profile({ companyId: FJELLVIND.id, companyName: FJELLVIND.name });
    const running = app.api.reauthenticate('orders');
    await expect.poll(() => app.events.some((e) => e.type === 'portal-prompt' && e.prompt?.kind === 'other-user'), { timeout: 10_000 }).toBe(true);
    expect(app.reauth.isChecking('orders')).toBe(false); // the person's part: a cancel still counts
    await app.api.cancelReauth('orders');
    expect((await running).outcome).toBe('cancelled');
    expect(await vault.get('orders')).toBeNull();
    await expect(app.api.answerOtherUser('orders', 'keep')).rejects.toThrow('asking who logged in');
  });

  it('blames the user who logged in, not the profile’s API user, when Visma does not say who (invalid_tenant at login)', async () => {
    const sandbox = await newSandbox();
    // Per lacks API User for Nordlys; the profile is Anna's, who has it.
    const { app, profile } = await setUp(sandbox, [{ ...PER, company: NORDLYS.name }]);
    await profile();
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome: 'api-user-missing', errorCode: 'invalid_tenant' });
    expect(result.title).toBe(`The user who logged in may not use the Visma.net API for ${NORDLYS.name} (${NORDLYS.id})`);
    expect(result.title).not.toContain(ANNA.email);
    expect(result.explanation).toContain(`This profile's API user is ${ANNA.email}.`);
    expect(result.nextStep).toMatch(new RegExp(`^If it was ${ANNA.email} who logged in: Give ${ANNA.email} the role`));
    expect(result.nextStep).toContain(`If someone else did (a name Visma's login page filled in, say), reconnect and log in as ${ANNA.email}.`);
    // Visma's words end their own sentence: one full stop after the quote.
    expect(result.explanation).not.toContain('.".');
  });

  it('names the user who logged in when the API refuses the role (12027), where the ID token says who', async () => {
    const sandbox = await newSandbox();
    const { app, profile } = await setUp(sandbox, [
      async (request) => {
        const { walkLogin } = await import('../../helpers/sandbox/relying-party');
        const url = await walkLogin({ url: request.url, redirectUri: request.redirectUri, codeVerifier: '', state: '', nonce: '' }, { ...PER, company: FJELLVIND.name });
        await sandbox.admin.removeApiUser(PER.email, FJELLVIND.id); // the role goes while the login finishes
        return { kind: 'redirected', url };
      },
    ]);
    await profile({ companyId: FJELLVIND.id, companyName: FJELLVIND.name, apiUser: PER.email });
    const result = reauthInEnglish(await app.api.reauthenticate('orders'));
    expect(result).toMatchObject({ outcome: 'api-user-missing', errorCode: '12027' });
    expect(result.title).toBe(`${PER.email} may not use the Visma.net API for ${FJELLVIND.name} (${FJELLVIND.id})`);
    expect(result.nextStep).toContain(`Give ${PER.email} the role 'API User'`);
  });

  it('reads a Cancel in Visma’s company picker as a cancel, not a consent Deny, with one full stop — in English and Finnish', async () => {
    const sandbox = await newSandbox();
    const cancelAtPicker: LoginScript = async (request) => {
      const person = new HttpPerson(request.redirectUri);
      let outcome = await person.open(request.url);
      if (outcome.kind !== 'page') throw new Error('expected the sign-in page');
      outcome = await person.submit(outcome.page, 'Sign in', { Email: ANNA.email, Password: ANNA.password });
      if (outcome.kind !== 'page' || outcome.page.heading !== 'Choose a company') throw new Error('expected the company picker');
      return { kind: 'redirected', url: expectLeft(await person.submit(outcome.page, 'Cancel')) };
    };
    const { app, vault, profile } = await setUp(sandbox, [cancelAtPicker, cancelAtPicker]);
    await profile();
    const raw: ReauthResult = await app.api.reauthenticate('orders');
    const result = reauthInEnglish(raw);
    expect(result.outcome).toBe('cancelled');
    expect(result.title).toBe("The login was cancelled in Visma's window");
    expect(result.explanation).toBe('Cancel was pressed in Visma\'s login window, so Visma gave no tokens. Visma said: "The user cancelled the login." No access was refused, and nothing was changed.');
    expect(`${result.explanation} ${result.nextStep}`).not.toMatch(/Deny|DataBridge/);
    expect(await vault.get('orders')).toBeNull();
    expect(app.profiles.get('orders')).toMatchObject({ status: 'never-connected' });
    const fi = createTranslator('fi');
    expect(fi.text(raw.title)).toBe('Kirjautuminen peruttiin Visman ikkunassa');
    expect(fi.text(raw.explanation)).toBe('Visman kirjautumisikkunassa painettiin Cancel, joten Visma ei antanut tunnisteita. Visman viesti: "The user cancelled the login." Pääsyä ei evätty, eikä mitään muutettu.');
  });

  it('tells a direct profile that Bridgekeeper, not DataBridge, needs the access a Deny refused', async () => {
    const sandbox = await newSandbox();
    const { app, profile } = await setUp(sandbox, [{ ...ANNA, company: NORDLYS.name, consent: 'deny' }]);
    await profile();
    const raw = await app.api.reauthenticate('orders');
    const result = reauthInEnglish(raw);
    expect(result).toMatchObject({ outcome: 'consent-denied', title: 'Access was not granted' });
    expect(result.nextStep).toBe('Reconnect and choose Accept on the consent page: Bridgekeeper needs that access to reach Visma.net for this profile.');
    expect(result.explanation).toBe('The consent page was answered with Deny, so Visma gave no tokens. Visma said: "The user denied access."');
    expect(createTranslator('sv').text(raw.nextStep!)).not.toContain('DataBridge');
  });
});
