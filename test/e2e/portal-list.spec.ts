import { userInfo } from 'node:os';
import { DEFAULT_SEED_FILE, type Sandbox, loadSeedFile, startSandbox } from '../../sandbox';
import { withManyIntegrations } from '../../sandbox/portal/many-integrations';
import { PORTAL_VARIANTS, PORTAL_VARIANT_NAMES } from '../../sandbox/portal/variants';
import type { ListRead } from '../../src/shared/portal-listing';
import { type Harness, expect, test } from '../helpers/harness';
import { signInToPortalIn, vismaPage, walkVismaIn } from '../helpers/sandbox/chromium-portal-person';
import { ANNA, NORDLYS } from '../helpers/sandbox/relying-party';

/**
 * F19 across the family of portal look-alikes: a list of 46 integrations laid out and paged each its
 * own way (a list, a table with Edit and Job log links, cards named only in their heading; Next links,
 * numbered pages, Show more, one page), on a portal Bridgekeeper was told nothing about but its address
 * and sign-in. From a signed-out start the person signs in, points at one profile of the list, and
 * gets every integration — each once, named as the portal names it — then a bulk reconnect over them.
 */

const GENERATED = 40;

// Each test has its own sandbox: they may share the two workers.
test.describe.configure({ mode: 'parallel' });

async function sandboxWith(style: (typeof PORTAL_VARIANTS)[keyof typeof PORTAL_VARIANTS]): Promise<Sandbox> {
  const seed = withManyIntegrations(await loadSeedFile(DEFAULT_SEED_FILE), GENERATED);
  return startSandbox({ seed, portal: { style, jobIntervalSeconds: 0 } });
}

/** The person at the keyboard in the portal's reconnect windows: says it is connected after the right login. */
function confirmer(bk: Harness) {
  let seen = bk.events.length;
  const timer = setInterval(() => {
    const fresh = bk.events.slice(seen);
    seen = bk.events.length;
    for (const event of fresh) {
      if (event.type === 'portal-prompt' && event.prompt?.kind === 'confirm') void bk.app.api.reportPortalWord(event.profileId, { outcome: 'connected' });
    }
  }, 50);
  return () => clearInterval(timer);
}

/** Takes the list as the person would: open it (signing in), read, point at the first generated integration. */
async function takeList(bk: Harness, sandbox: Sandbox, signIn: boolean): Promise<ListRead> {
  const opening = bk.app.api.openPortalList(sandbox.portal.definition.id);
  if (signIn) await signInToPortalIn(await bk.portals.nextWindow(), sandbox.portal);
  const { listingId } = await opening;
  await bk.portals.nextWindow(); // the list's window: the reconnects' windows come after it
  const first = await bk.app.api.readPortalList(listingId, {});
  if (!first.problem) return first;
  expect(first.problem.code).toBe('no-pattern');
  const example = first.links.find((link) => link.url.endsWith('/integrations/int-001'));
  expect(example, JSON.stringify(first.links.slice(0, 20))).toBeDefined();
  return bk.app.api.readPortalList(listingId, { example: example!.url });
}

for (const name of PORTAL_VARIANT_NAMES) {
  test(`${name}: every integration of a paged list, once, from one example; then a bulk reconnect`, async ({ bk }) => {
    test.setTimeout(240_000);
    const style = PORTAL_VARIANTS[name];
    const sandbox = await sandboxWith(style);
    const stop = confirmer(bk);
    try {
      const { definition } = sandbox.portal;
      // What a SuperUser knows of a portal nobody described: its address and sign-in. Not its list, not its links.
      await bk.app.api.savePortal({ ...definition, listUrl: '', profilePattern: '', profileDetails: '', connectButtonLabel: '', connectedMarker: '', connectSection: 'Visma.net' });
      const integrations = sandbox.seed.portal.integrations;
      expect(integrations).toHaveLength(GENERATED + 6);

      const started = Date.now();
      const read = await takeList(bk, sandbox, true);
      const readMs = Date.now() - started;
      expect(read.problem, JSON.stringify(read.problem)).toBeUndefined();
      expect(read.pattern).toBe('/integrations/{id}');
      expect(read.patternSource).toBe('example');
      expect(read.complete).toBe(true);
      // Each integration once, in the list's order, named as the portal names it (a card's heading, a table's name cell).
      expect(read.rows.map((r) => [r.state, r.name, r.url])).toEqual(integrations.map((i) => ['new', i.name, `${definition.origin}/integrations/${i.id}`]));

      const listingId = read.listingId;
      const generated = read.rows.filter((r) => r.url.includes('/integrations/int-'));
      const report = await bk.app.api.applyPortalList(listingId, {
        add: read.rows.map((r) =>
          generated.includes(r)
            ? { url: r.url, name: r.name, direction: 'export', companyId: NORDLYS.id, companyName: NORDLYS.name, apiUser: ANNA.email }
            : { url: r.url, name: r.name, direction: 'export', companyId: '', companyName: '', apiUser: '' },
        ),
        rename: [],
        remove: [],
      });
      expect(report).toEqual({ added: GENERATED + 6, renamed: 0, removed: 0 });
      await bk.app.api.closePortalList(listingId);
      // The list's page and the learned pattern are the portal's now.
      expect(bk.app.portals.get(definition.id)).toMatchObject({ profilePattern: '/integrations/{id}' });
      expect(bk.app.portals.get(definition.id)!.listUrl).toMatch(/\/integrations|\/$/);

      // Those left without company and API user are told apart: a reconnect refuses them, saying what is missing.
      const incomplete = bk.app.profiles.all().filter((p) => p.companyId === '');
      expect(incomplete).toHaveLength(6);
      await expect(bk.app.api.reauthenticate(incomplete[0]!.id)).rejects.toThrow(/needs its Visma company and API user/);
      await expect(bk.app.api.startBulkRun([incomplete[0]!.id])).rejects.toThrow(/needs its Visma company and API user/);

      // A bulk reconnect over taken profiles: each in the portal's own flow, each Connected.
      const bulk = name === 'classic' ? generated : generated.slice(0, 3);
      const ids = bulk.map((r) => bk.app.profiles.all().find((p) => p.portalUrl === r.url)!.id);
      await bk.app.api.startBulkRun(ids);
      await bk.app.api.bulkSetAuto(true);
      for (let i = 0; i < ids.length; i++) await walkVismaIn(await vismaPage(await bk.portals.nextWindow()), { ...ANNA, company: NORDLYS.name });
      await bk.app.bulk.idle();
      const run = (await bk.app.api.getBulkRun())!;
      expect(run.counts, JSON.stringify(run.items.map((i) => [i.profileId, i.state, i.reason]))).toMatchObject({ connected: ids.length, failed: 0 });
      for (const r of bulk) {
        const id = r.url.split('/').at(-1)!;
        expect(await sandbox.portal.admin.integration(id)).toMatchObject({ connection: 'connected', connectedAs: ANNA.email, connectedCompanyId: NORDLYS.id });
      }

      // Read again later: a profile renamed here is renamed back, one deleted here is new again, one
      // whose page the portal no longer lists is gone — offered, never removed unless ticked.
      const [renamed, deleted] = bk.app.profiles.all().filter((p) => p.portalUrl.includes('/integrations/int-0'));
      await bk.app.api.updateProfile(renamed!.id, { ...renamed!, name: 'Renamed here' });
      await bk.app.api.deleteProfiles([deleted!.id]);
      const stale = await bk.app.api.createProfile({ id: 'stale', name: 'Stale', direction: 'export', companyId: NORDLYS.id, companyName: NORDLYS.name, apiUser: ANNA.email, connection: 'portal', portalId: definition.id, portalUrl: `${definition.origin}/integrations/int-999` });
      const again = await takeList(bk, sandbox, false);
      expect(again.patternSource).toBe('definition');
      const states = (state: string) => again.rows.filter((r) => r.state === state);
      expect(states('renamed').map((r) => [r.profileId, r.oldName])).toEqual([[renamed!.id, 'Renamed here']]);
      expect(states('new').map((r) => r.url)).toEqual([deleted!.portalUrl]);
      expect(states('gone').map((r) => r.profileId)).toEqual([stale.id]);
      expect(states('unchanged')).toHaveLength(GENERATED + 6 - 2);
      await bk.app.api.applyPortalList(again.listingId, { add: [], rename: [{ profileId: renamed!.id, name: states('renamed')[0]!.name }], remove: [stale.id] });
      await bk.app.api.closePortalList(again.listingId);
      expect(bk.app.profiles.get(renamed!.id)!.name).toBe(states('renamed')[0]!.name);
      expect(bk.app.profiles.get('stale')).toBeUndefined();
      // The audit trail: who, from which page of the portal.
      const trail = await bk.app.api.listProfileEvents(renamed!.id);
      expect(trail[0]).toMatchObject({ kind: 'portal-list', outcome: 'renamed' });
      expect(trail[0]!.message).toContain(`by ${userInfo().username}`);
      expect(trail[0]!.message).toContain(definition.origin);
      expect((await bk.app.api.listProfileEvents('stale'))[0]).toMatchObject({ kind: 'portal-list', outcome: 'removed' });
      // Every portal window was closed.
      await expect.poll(() => bk.portals.sessions.every((s) => s.closed), { message: 'every portal window closes (Close does not wait for main to close it)' }).toBe(true);
      test.info().annotations.push({ type: 'read', description: JSON.stringify({ pages: read.pages, readMs, rows: read.rows.length }) });
    } finally {
      stop();
      await sandbox.close();
    }
  });
}

test('a SuperUser takes 46 integrations through the dialog: sign in, point at one, fill company and API user once, apply; each page names its company', async ({ bk }) => {
  test.setTimeout(120_000);
  const sandbox = await sandboxWith(PORTAL_VARIANTS.databridge);
  try {
    const { page } = bk;
    const { definition } = sandbox.portal;
    // The look-alike's definition names the line its integration pages name their company in ("Exports to … company X.").
    await bk.app.api.savePortal({ ...definition, listUrl: '', profilePattern: '' });
    expect(definition.profileDetails).toContain('{company}');
    let actions = 0;
    const act = async (action: Promise<unknown>) => {
      actions++;
      await action;
    };
    const started = Date.now();
    await act(page.getByText('More', { exact: true }).click());
    await act(page.getByRole('button', { name: 'Portals…' }).click());
    await act(page.getByRole('button', { name: `Take profiles from ${definition.name}` }).click());
    const dialog = page.getByRole('dialog', { name: `Take profiles from ${definition.name}` });
    // Signed out: the portal's sign-in comes first (three actions of the person's own in that window).
    await signInToPortalIn(await bk.portals.nextWindow(), sandbox.portal);
    actions += 3;
    await bk.portals.nextWindow(); // the list's window
    await expect(dialog.getByText(/The portal window shows .*\/integrations/)).toBeVisible();
    await act(dialog.getByRole('button', { name: 'Read the list' }).click());
    await expect(dialog.getByRole('alert')).toContainText('does not know what a profile link of this portal looks like');
    const first = sandbox.seed.portal.integrations[0]!;
    await act(dialog.getByLabel('Which of these links is a profile? Point at one').selectOption({ label: `${first.name} — ${definition.origin}/integrations/${first.id}` }));
    await act(dialog.getByRole('button', { name: 'This is a profile: read the list' }).click());
    // The list's 5 pages, then each new profile's page for the company it names (the dialog counts them out).
    await expect(dialog.getByText(/Reading the new profiles' pages for their company: \d+ of 46…/)).toBeVisible({ timeout: 30_000 });
    await expect(dialog.getByRole('status')).toContainText('Read 5 pages: 46 new, 0 renamed, 0 already here, 0 gone from the portal.', { timeout: 60_000 });
    await expect(dialog.getByLabel('Profile pages look like')).toHaveValue('/integrations/{id}');
    await expect(dialog.getByText('Learned from the profile you pointed at.', { exact: false })).toBeVisible();
    await expect(dialog.getByRole('row')).toHaveCount(47);
    await expect(dialog.getByText(`Its page says: ${NORDLYS.name}`, { exact: false }).first()).toBeVisible();
    await act(dialog.getByLabel('Company id').fill(NORDLYS.id));
    await act(dialog.getByLabel('Company name').fill(NORDLYS.name));
    await act(dialog.getByLabel('API user (email)').fill(ANNA.email));
    await act(dialog.getByRole('button', { name: 'Add 46, rename 0, remove 0' }).click());
    await expect(dialog.getByRole('status')).toHaveText('Added 46 profiles, renamed 0, removed 0.');
    const seconds = (Date.now() - started) / 1000;
    // Back to the portals, the list's window closed.
    await act(dialog.getByRole('button', { name: 'Close' }).click());
    await expect(page.getByRole('dialog', { name: 'Portals' })).toBeVisible();
    // Each profile's company is what its own page says (Fjellvind's and Havbris's too, whatever was filled in), the API user the fill's.
    const companyName = (id: string) => sandbox.seed.companies.find((c) => c.id === id)!.name;
    const taken = bk.app.profiles.all().filter((p) => p.portalId === definition.id);
    expect(taken).toHaveLength(46);
    for (const integration of sandbox.seed.portal.integrations) {
      const profile = taken.find((p) => p.portalUrl.endsWith(`/integrations/${integration.id}`))!;
      expect([profile.companyName, profile.companyId, profile.apiUser]).toEqual([companyName(integration.companyId), integration.companyId, ANNA.email]);
    }
    expect(new Set(taken.map((p) => p.companyId)).size).toBeGreaterThan(1);
    const added = (await bk.app.api.listProfileEvents(taken[0]!.id))[0]!;
    expect(added.message).toMatch(/; its company as its page says \("(Ex|Im)ports (to|from) Visma\.net company .+ \(\d+\)\."\)\.$/);
    await expect.poll(() => bk.portals.sessions.every((s) => s.closed), { message: 'every portal window closes (Close does not wait for main to close it)' }).toBe(true);
    // The person's part: fourteen actions, none of them an address typed.
    expect(actions).toBe(14);
    test.info().annotations.push({ type: 'person', description: JSON.stringify({ actions, seconds }) });
  } finally {
    await sandbox.close();
  }
});

test('bad input changes nothing and says what to do: everything, nothing, over the limit, not in the review, signed out, the window closed', async ({ bk }) => {
  test.setTimeout(120_000);
  const sandbox = await sandboxWith(PORTAL_VARIANTS.classic);
  try {
    const { definition } = sandbox.portal;
    await bk.app.api.savePortal({ ...definition, profileDetails: '' });
    const opening = bk.app.api.openPortalList(definition.id);
    await signInToPortalIn(await bk.portals.nextWindow(), sandbox.portal);
    const { listingId } = await opening;
    const window = await bk.portals.nextWindow();
    const problem = async (options: Parameters<typeof bk.app.api.readPortalList>[1]) => {
      const read = await bk.app.api.readPortalList(listingId, options);
      expect(read.rows).toEqual([]);
      return read.problem;
    };

    // A pattern that takes the site's own menu ("Integrations" is /integrations) matches everything.
    expect(await problem({ pattern: '/{id}' })).toMatchObject({ code: 'matches-everything', words: { params: { example: 'Integrations' } } });
    expect(await problem({ pattern: '/Profile/Edit/{id}' })).toMatchObject({ code: 'matches-nothing' });
    expect(await problem({ pattern: '/integrations' })).toMatchObject({ code: 'bad-pattern' });
    // More than the limit: nothing taken, the limit named.
    expect(await problem({ limit: 10 })).toMatchObject({ code: 'over-limit', words: { params: { limit: 10, max: 2000 } } });
    // Only rows of the last read can be applied; a read with a problem leaves none.
    await expect(bk.app.api.applyPortalList(listingId, { add: [{ url: `${definition.origin}/integrations/int-001`, name: 'x', direction: 'export', companyId: '', companyName: '', apiUser: '' }], rename: [], remove: [] })).rejects.toThrow(/Read the list first/);
    const good = await bk.app.api.readPortalList(listingId, {});
    expect(good.rows).toHaveLength(46);
    await expect(bk.app.api.applyPortalList(listingId, { add: [{ url: `${definition.origin}/integrations/elsewhere`, name: 'x', direction: 'export', companyId: '', companyName: '', apiUser: '' }], rename: [], remove: [] })).rejects.toThrow(/is not in the last read of the list/);
    await expect(bk.app.api.applyPortalList(listingId, { add: [], rename: [], remove: ['nordlys-orders'] })).rejects.toThrow(/not in the last read/);

    // The portal's sign-in ran out: the list shows the sign-in page; the held sign-in is forgotten.
    await sandbox.portal.admin.expireSessions();
    await window.reload();
    expect(await problem({})).toMatchObject({ code: 'signed-out' });
    expect((await bk.app.api.listPortals()).find((p) => p.id === definition.id)!.signedIn).toBe(false);

    // The person closed the portal window: a read says so.
    await window.close();
    await expect(bk.app.api.readPortalList(listingId, {})).rejects.toThrow(/portal window of this list is closed/);
    expect(bk.app.profiles.all()).toEqual([]);
    await bk.app.api.closePortalList(listingId);
  } finally {
    await sandbox.close();
  }
});
