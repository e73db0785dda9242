/**
 * Portal reconnects (F18) on the DataBridge look-alike as documented (sign-in at /Account/Login,
 * Connected in "Visma.net Financials", a one-time "saved" message the portal definition names), with
 * a person in Chromium typing into the portal's and Visma Connect's pages (loopback).
 *
 * - Machine time per reconnect beyond the person's part, one at a time and per profile in a bulk run
 *   of 20. Goal (issue 19): ≤ 300 ms each. The person's part (and the portal's own work) runs from the
 *   profile's page shown to the portal's last page after Visma's answer loaded; everything else is
 *   Bridgekeeper's: making and seeding the session, loading and reading the profile's page, finding and
 *   pressing Connect, watching, reading the portal's answer and judging it, wiping the session,
 *   recording the outcome.
 * - The person's actions per profile. Goal: the password, the company and the consent, nothing else
 *   when the Connect control is found (no press asked of them, no question about the portal's page).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Page, chromium } from '@playwright/test';
import { startSandbox } from '../sandbox';
import { PORTAL_VARIANTS } from '../sandbox/portal/variants';
import { CHROMIUM } from '../playwright.config';
import { openHarness } from '../test/helpers/harness';
import { pickCompany, signIn } from '../test/helpers/sandbox/chromium-person';
import { signInToPortalIn } from '../test/helpers/sandbox/chromium-portal-person';
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

const keyring = await startPrivateSecretService();
const sandbox = await startSandbox({ portal: { integrations, style: PORTAL_VARIANTS.databridge } });
const browser = await chromium.launch(CHROMIUM);
const dir = await mkdtemp(path.join(os.tmpdir(), 'bk-bench-portal-'));
const bk = await openHarness(await browser.newPage(), dir);
await bk.app.api.savePortal(sandbox.portal.definition);
for (const profile of sandbox.portal.profiles) await bk.app.api.createProfile(profile);

const companyOf = (id: string) => companies[Number(id.slice(-2)) % 2]!.name;
/** What the person does at Visma: the password (with the e-mail), the company, the consent. */
const VISMA_ACTIONS = 3;
async function logIn(window: Page, company: string) {
  await signIn(window, ANNA);
  await pickCompany(window, company);
  await window.getByRole('button', { name: 'Accept' }).click();
}
type Session = (typeof bk.portals.sessions)[number];
/** The person's part and the portal's: from the profile's page shown to the portal's last page after Visma loaded. */
const personMs = (attempt: Session) => attempt.loads.at(-1)!.at - attempt.shownAt!;
/** Anything else asked of the person: a Connect control to press, a question about the portal's page. */
const promptsSoFar = () => bk.events.filter((e) => e.type === 'portal-prompt' && e.prompt).length;

// The portal sign-in, once (not measured: the person types it once a session).
const signedIn = bk.app.api.signInToPortal(sandbox.portal.definition.id, false);
await signInToPortalIn(await bk.portals.nextWindow(), sandbox.portal);
await signedIn;

const single: number[] = [];
/** Where the machine time goes: up to the profile's page shown, and from the portal's last page to the outcome. */
const toShown: number[] = [];
const afterLanding: number[] = [];
/** Of the time to the page shown: the portal's own (its profile page loading in the browser), and Bridgekeeper's glance at it. */
const pageLoad: number[] = [];
const glance: number[] = [];
const promptsBefore = promptsSoFar();
for (let i = 0; i < SINGLES; i++) {
  const id = integrations[i % BULK]!.id;
  const started = performance.now();
  const result = bk.app.api.reauthenticate(id);
  await logIn(await bk.portals.nextWindow(), companyOf(id));
  const outcome = await result;
  const total = performance.now() - started;
  if (outcome.outcome !== 'connected') throw new Error(`reconnect ${i + 1} ended ${outcome.outcome}: ${JSON.stringify(outcome.explanation)}`);
  if (outcome.portal?.evidence !== 'portal-page') throw new Error(`reconnect ${i + 1} was confirmed by ${outcome.portal?.evidence}, not the portal's page`);
  const attempt = bk.portals.sessions.at(-1)!;
  single.push(total - personMs(attempt));
  toShown.push(attempt.shownAt! - started);
  pageLoad.push(attempt.loads[0]!.at - attempt.startedAt);
  glance.push(attempt.shownAt! - attempt.loads[0]!.at);
  afterLanding.push(started + total - attempt.loads.at(-1)!.at);
}
const singlePrompts = promptsSoFar() - promptsBefore;

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
const bulkPerson = bk.portals.sessions.slice(before).reduce((sum, s) => sum + personMs(s), 0);
const extraPerProfile = (promptsSoFar() - promptsBefore) / (SINGLES + BULK);

await bk.close();
await browser.close();
await sandbox.close();
await keyring.stop();
await rm(dir, { recursive: true, force: true });

report('portal-reconnect', {
  reconnects: SINGLES,
  machineMsPerReconnect: summarize(single.length > 1 ? single.slice(1) : single), // the first pays for cold code paths
  toPageShownMs: summarize(toShown.length > 1 ? toShown.slice(1) : toShown),
  ofWhichPortalPageLoadMs: summarize(pageLoad.length > 1 ? pageLoad.slice(1) : pageLoad),
  ofWhichGlanceMs: summarize(glance.length > 1 ? glance.slice(1) : glance),
  fromPortalsAnswerToOutcomeMs: summarize(afterLanding.length > 1 ? afterLanding.slice(1) : afterLanding),
  firstReconnectMachineMs: Math.round(single[0]!),
  bulkProfiles: BULK,
  bulkMachineMsPerProfile: Math.round((bulkTotal - bulkPerson) / BULK),
  personActionsPerProfile: { atVisma: VISMA_ACTIONS, askedBeyond: extraPerProfile, singlesAskedBeyond: singlePrompts },
  goals: { machineMsPerReconnect: 300, bulkMachineMsPerProfile: 300, personActionsPerProfile: VISMA_ACTIONS },
});
