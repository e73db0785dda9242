/**
 * Portal reconnects (F18), with a person in Chromium typing into the DataBridge look-alike's and
 * Visma Connect's pages (loopback): Bridgekeeper's machine time per reconnect beyond the person's
 * part, one at a time and per profile in a bulk run of 20. Goal (issue 9): ≤ 300 ms each.
 *
 * Machine time = the whole reconnect − the time from the profile's page shown to the portal's answer
 * (the person's typing, Visma's pages and the portal's own work). It covers making the fresh context,
 * seeding the portal's cookies, loading the page, watching, closing and wiping the context, and
 * recording the outcome.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Page, chromium } from '@playwright/test';
import { startSandbox } from '../sandbox';
import { CHROMIUM } from '../playwright.config';
import { openHarness } from '../test/helpers/harness';
import { pickCompany, signIn } from '../test/helpers/sandbox/chromium-person';
import { SUPERUSER } from '../test/helpers/sandbox/portal-person';
import { ANNA, FJELLVIND, NORDLYS } from '../test/helpers/sandbox/relying-party';
import { startPrivateSecretService } from '../test/helpers/secret-service';
import { report, sized, summarize } from './report';

const SINGLES = sized(15, 2);
const BULK = sized(20, 2);
const companies = [NORDLYS, FJELLVIND];
const integrations = Array.from({ length: BULK }, (_, i) => ({
  id: `bench-${String(i).padStart(2, '0')}`,
  name: `Bench ${String(i).padStart(2, '0')}`,
  companyId: companies[i % 2]!.id,
  apiUser: ANNA.email,
  direction: 'export' as const,
  connection: 'old-style' as const,
}));

const stopKeyring = await startPrivateSecretService();
const sandbox = await startSandbox({ portal: { integrations } });
const browser = await chromium.launch(CHROMIUM);
const dir = await mkdtemp(path.join(os.tmpdir(), 'bk-bench-portal-'));
const bk = await openHarness(await browser.newPage(), dir);
await bk.app.api.savePortal(sandbox.portal.definition);
for (const profile of sandbox.portal.profiles) await bk.app.api.createProfile(profile);

const companyOf = (id: string) => companies[Number(id.slice(-2)) % 2]!.name;
async function logIn(window: Page, company: string) {
  await signIn(window, ANNA);
  await pickCompany(window, company);
  await window.getByRole('button', { name: 'Accept' }).click();
}
/** The person's part and the portal's: from the profile's page shown to the portal's last page after Visma loaded. */
const personMs = (attempt: (typeof bk.portals.sessions)[number]) => attempt.loads.at(-1)!.at - attempt.shownAt!;

// The portal sign-in, once (not measured: the person types it once a session).
const signedIn = bk.app.api.signInToPortal(sandbox.portal.definition.id, false);
const signInPage = await bk.portals.nextWindow();
await signInPage.getByLabel('Email').fill(SUPERUSER.email);
await signInPage.getByLabel('Password').fill(SUPERUSER.password);
await signInPage.getByRole('button', { name: 'Sign in' }).click();
await signedIn;

const single: number[] = [];
for (let i = 0; i < SINGLES; i++) {
  const id = integrations[i % BULK]!.id;
  const started = performance.now();
  const result = bk.app.api.reauthenticate(id);
  await logIn(await bk.portals.nextWindow(), companyOf(id));
  const outcome = await result;
  const total = performance.now() - started;
  if (outcome.outcome !== 'connected') throw new Error(`reconnect ${i + 1} ended ${outcome.outcome}: ${outcome.explanation}`);
  single.push(total - personMs(bk.portals.sessions.at(-1)!));
}

const before = bk.portals.sessions.length;
const bulkStarted = performance.now();
await bk.app.api.startBulkRun(integrations.map((i) => i.id));
await bk.app.api.bulkSetAuto(true);
for (let i = 0; i < BULK; i++) {
  const window = await bk.portals.nextWindow();
  const id = new URL(window.url()).pathname.split('/').at(-1)!;
  await logIn(window, companyOf(id));
}
await bk.app.bulk.idle();
const bulkTotal = performance.now() - bulkStarted;
const run = (await bk.app.api.getBulkRun())!;
if (run.counts.connected !== BULK) throw new Error(`the bulk run ended with ${JSON.stringify(run.counts)}`);
const bulkPerson = bk.portals.sessions.slice(before).reduce((sum, c) => sum + personMs(c), 0);

await bk.close();
await browser.close();
await sandbox.close();
stopKeyring();
await rm(dir, { recursive: true, force: true });

report('portal-reconnect', {
  reconnects: SINGLES,
  machineMsPerReconnect: summarize(single.slice(1)), // the first pays for cold code paths
  firstReconnectMachineMs: Math.round(single[0]!),
  bulkProfiles: BULK,
  bulkMachineMsPerProfile: Math.round((bulkTotal - bulkPerson) / BULK),
  goals: { machineMsPerReconnect: 300, bulkMachineMsPerProfile: 300 },
});
