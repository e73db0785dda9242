import { type Sandbox, startSandbox } from '../../sandbox';
import type { PortalStyle } from '../../sandbox/portal/portal-style';
import { PORTAL_VARIANTS, PORTAL_VARIANT_NAMES } from '../../sandbox/portal/variants';
import type { ApiEvent } from '../../src/shared/api';
import type { ReauthResult } from '../../src/shared/reauth';
import { type Harness, expect, test } from '../helpers/harness';
import { signInToPortalIn, vismaPage, walkVismaIn } from '../helpers/sandbox/chromium-portal-person';
import { ANNA, FJELLVIND, NORDLYS, PER } from '../helpers/sandbox/relying-party';

/**
 * F18 across the family of portal look-alikes (sandbox/portal/variants.ts): portals that sign in,
 * render their Connect control, open Visma, take its answer and report the outcome each their own
 * way, in six languages. Bridgekeeper is given what a SuperUser would know of a portal nobody
 * described to it — its address, sign-in page and sign-in providers; no button text, no words for a
 * saved connection — and must reach the right final state in every variant: Connected for the right
 * login (on the person's word the first time, on the words they pointed at after that), and never
 * Connected for a wrong company or a wrong user.
 */

const ALLOWED_FOR_A_SILENT_FAILURE = ['unconfirmed', 'portal-refused', 'portal-failed', 'wrong-company', 'wrong-user'];
const REFUSALS = ['portal-refused', 'portal-failed', 'wrong-company', 'wrong-user'];

/**
 * The person at the keyboard, looking at the portal's page when Bridgekeeper asks: after the right
 * login they say it shows the profile connected and point at the line that says so; after a wrong
 * one they cannot tell (the harshest case: Bridgekeeper alone must not call it Connected).
 */
function person(bk: Harness) {
  let expecting: 'right' | 'wrong' = 'right';
  const asked: string[] = [];
  let seen = bk.events.length;
  const timer = setInterval(() => {
    const fresh = bk.events.slice(seen);
    seen = bk.events.length;
    for (const event of fresh as ApiEvent[]) {
      if (event.type !== 'portal-prompt' || event.prompt?.kind !== 'confirm') continue;
      asked.push(event.profileId);
      const line = event.prompt.lines.find((l) => /@example\.com|tallennettu|sparad|lagret|gemt|opgeslagen|saved/i.test(l));
      void bk.app.api.reportPortalWord(event.profileId, expecting === 'wrong' ? { outcome: 'unsure' } : line ? { outcome: 'connected', marker: line } : { outcome: 'connected' });
    }
  }, 50);
  return {
    asked,
    expect: (what: 'right' | 'wrong') => void (expecting = what),
    stop: () => clearInterval(timer),
  };
}

async function reconnect(bk: Harness, sandbox: Sandbox, id: string, login: { email: string; password: string }, company: string, signIn = false): Promise<ReauthResult> {
  const result = bk.app.api.reauthenticate(id);
  if (signIn) await signInToPortalIn(await bk.portals.nextWindow(), sandbox.portal);
  await walkVismaIn(await vismaPage(await bk.portals.nextWindow()), { ...login, company });
  return result;
}

for (const name of PORTAL_VARIANT_NAMES) {
  test(`${name}: the right login ends Connected, a wrong company or user never; a bulk run of two`, async ({ bk }) => {
    test.setTimeout(180_000);
    const style: PortalStyle = PORTAL_VARIANTS[name];
    const sandbox = await startSandbox({ portal: { style, jobIntervalSeconds: 0 } });
    const someone = person(bk);
    try {
      const { definition } = sandbox.portal;
      await bk.app.api.savePortal({ ...definition, connectButtonLabel: '', connectedMarker: '', connectSection: 'Visma.net' });
      for (const profile of sandbox.portal.profiles) await bk.app.api.createProfile(profile);
      const state = (id: string) => sandbox.portal.admin.integration(id);

      // The right login: Connected, and the portal holds Anna's connection to Nordlys.
      someone.expect('right');
      const right = await reconnect(bk, sandbox, 'nordlys-orders', ANNA, NORDLYS.name, true);
      expect(right.outcome, JSON.stringify(right.explanation)).toBe('connected');
      expect(right.portal?.evidence).toBe('person'); // nobody told Bridgekeeper this portal's words yet
      expect(await state('nordlys-orders')).toMatchObject({ connection: 'connected', connectedAs: ANNA.email, connectedCompanyId: NORDLYS.id });
      expect(bk.app.profiles.get('nordlys-orders')!.status).toBe('connected');

      // A wrong company: never Connected; a portal that says so (banner, error page, 500) is quoted.
      someone.expect('wrong');
      const before = await state('fjellvind-orders');
      const wrongCompany = await reconnect(bk, sandbox, 'fjellvind-orders', ANNA, NORDLYS.name);
      expect(await state('fjellvind-orders')).toMatchObject({ connection: before.connection });
      expect(wrongCompany.outcome).not.toBe('connected');
      expect(style.failure === 'plain' ? ALLOWED_FOR_A_SILENT_FAILURE : REFUSALS, `${wrongCompany.outcome}: ${JSON.stringify(wrongCompany.explanation)}`).toContain(wrongCompany.outcome);
      expect(bk.app.profiles.get('fjellvind-orders')!.status).not.toBe('connected');

      // A wrong user (Per has the API User role for Fjellvind): never Connected, whether the portal refuses him or stores him.
      const wrongUser = await reconnect(bk, sandbox, 'fjellvind-projects', PER, FJELLVIND.name);
      const held = await state('fjellvind-projects');
      expect(wrongUser.outcome).not.toBe('connected');
      if (held.connectedAs === PER.email) expect(['wrong-user', 'unconfirmed']).toContain(wrongUser.outcome);
      else expect(style.failure === 'plain' ? ALLOWED_FOR_A_SILENT_FAILURE : REFUSALS).toContain(wrongUser.outcome);
      expect(bk.app.profiles.get('fjellvind-projects')!.status).not.toBe('connected');

      // A bulk run of two right logins: one portal sign-in held, each in a fresh session, both Connected.
      someone.expect('right');
      await bk.app.api.startBulkRun(['fjellvind-orders', 'nordlys-customers']);
      await bk.app.api.bulkSetAuto(true);
      for (const company of [FJELLVIND, NORDLYS]) await walkVismaIn(await vismaPage(await bk.portals.nextWindow()), { ...ANNA, company: company.name });
      await bk.app.bulk.idle();
      const run = (await bk.app.api.getBulkRun())!;
      expect(run.counts, JSON.stringify(run.items.map((i) => [i.profileId, i.state, i.reason]))).toMatchObject({ connected: 2, unconfirmed: 0, failed: 0 });
      for (const [id, company] of [['fjellvind-orders', FJELLVIND.id], ['nordlys-customers', NORDLYS.id]] as const) {
        expect(await state(id)).toMatchObject({ connection: 'connected', connectedAs: ANNA.email, connectedCompanyId: company });
      }

      // Once the person pointed at the words that say "connected", later right logins need no word of theirs —
      // where the portal shows such words at all.
      const learned = bk.app.portals.get(definition.id)!.connectedMarker;
      if (style.success !== 'nothing') expect(learned).not.toBe('');
      if (learned) expect(someone.asked.filter((id) => id !== 'fjellvind-orders' && id !== 'fjellvind-projects')).toEqual(['nordlys-orders']);
      // Every portal session was closed, and none began with a sign-in provider's cookie — also one on
      // the parent name the provider shares with the portal (superoffice-sso).
      await expect.poll(() => bk.portals.sessions.every((s) => s.closed), { message: 'every portal window closes (Close does not wait for main to close it)' }).toBe(true);
      expect(bk.portals.sessions.flatMap((s) => s.seededWith.map((c) => c.name)).filter((n) => n.startsWith('SuperOffice'))).toEqual([]);
      const signInHeld = (await bk.app.portals.cookies(definition.id)) ?? [];
      expect(signInHeld.length).toBeGreaterThan(0);
      expect(signInHeld.map((c) => c.name).filter((n) => n.startsWith('SuperOffice'))).toEqual([]);
      test.info().annotations.push({
        type: 'outcomes',
        description: JSON.stringify({ right: [right.outcome, right.portal?.evidence], wrongCompany: wrongCompany.outcome, wrongUser: [wrongUser.outcome, held.connectedAs], asked: someone.asked, learned }),
      });
    } finally {
      someone.stop();
      await sandbox.close();
    }
  });
}
