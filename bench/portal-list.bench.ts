/**
 * Taking profiles from the portal (F19) on the look-alike's integrations list, in Chromium (loopback):
 * the list laid out and paged three ways (a table with numbered pages of 10, cards with Show more by 8,
 * a list with Next links of 25).
 *
 * - Machine time to read the whole list into a review, from "read" to the review's answer (the person
 *   waits for this): per list shape, and per profile. Goal (issue 20): 40 integrations in well under the
 *   person's minute; the person's own part is counted in the E2E (14 actions, no address typed).
 * - The same read with each new profile's page read for the company it names (the portal's
 *   profile-details lines), per profile page.
 * - Machine time to apply the review (46 profiles added, audit trail written).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { DEFAULT_SEED_FILE, loadSeedFile, startSandbox } from '../sandbox';
import { withManyIntegrations } from '../sandbox/portal/many-integrations';
import { PORTAL_VARIANTS } from '../sandbox/portal/variants';
import { CHROMIUM } from '../playwright.config';
import { openHarness } from '../test/helpers/harness';
import { signInToPortalIn } from '../test/helpers/sandbox/chromium-portal-person';
import { ANNA, NORDLYS } from '../test/helpers/sandbox/relying-party';
import { startPrivateSecretService } from '../test/helpers/secret-service';
import { report, sized, summarize } from './report';

const GENERATED = sized(40, 12);
const ROUNDS = sized(5, 1);
const SHAPES = { 'table, numbered pages of 10': PORTAL_VARIANTS.databridge, 'cards, Show more by 8': PORTAL_VARIANTS['superoffice-sso'], 'list, Next links of 25': PORTAL_VARIANTS.classic } as const;

const keyring = await startPrivateSecretService();
const browser = await chromium.launch(CHROMIUM);
const seed = withManyIntegrations(await loadSeedFile(DEFAULT_SEED_FILE), GENERATED);
const results: Record<string, unknown> = {};
for (const [shape, style] of Object.entries(SHAPES)) {
  const sandbox = await startSandbox({ seed, portal: { style } });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bk-bench-list-'));
  const bk = await openHarness(await browser.newPage(), dir);
  const { definition } = sandbox.portal;
  await bk.app.api.savePortal(definition);
  const signedIn = bk.app.api.signInToPortal(definition.id, false);
  await signInToPortalIn(await bk.portals.nextWindow(), sandbox.portal);
  await signedIn;

  const reads: number[] = [];
  let pages = 0;
  let rows = 0;
  let applyMs = 0;
  let detailsMs = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const { listingId } = await bk.app.api.openPortalList(definition.id);
    await bk.portals.nextWindow();
    const started = performance.now();
    const read = await bk.app.api.readPortalList(listingId, { details: false });
    reads.push(performance.now() - started);
    if (read.problem || read.rows.length !== seed.portal.integrations.length) throw new Error(`${shape}: ${JSON.stringify(read.problem)} ${read.rows.length} rows`);
    pages = read.pages;
    rows = read.rows.length;
    if (round === ROUNDS - 1) {
      // Once more, reading each new profile's page for the company its page names.
      const withDetails = performance.now();
      const detailed = await bk.app.api.readPortalList(listingId, {});
      detailsMs = performance.now() - withDetails;
      if (detailed.detailPages !== rows || detailed.rows.some((r) => !r.details?.companyName)) throw new Error(`${shape}: ${detailed.detailPages} pages read for details`);
      const applying = performance.now();
      await bk.app.api.applyPortalList(listingId, { add: read.rows.map((r) => ({ url: r.url, name: r.name, direction: 'export', companyId: NORDLYS.id, companyName: NORDLYS.name, apiUser: ANNA.email })), rename: [], remove: [] });
      applyMs = performance.now() - applying;
    }
    await bk.app.api.closePortalList(listingId);
  }
  results[shape] = { profiles: rows, pages, readMs: summarize(reads), readMsPerProfile: Math.round((summarize(reads).median / rows) * 10) / 10, withProfilePagesMs: Math.round(detailsMs), profilePageMs: Math.round((detailsMs - summarize(reads).median) / rows), applyMs: Math.round(applyMs) };
  await bk.close();
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
}
await browser.close();
await keyring.stop();

report('portal-list', { ...results, goals: { readMsFor46: 'well under the person’s minute (≤ 10 000 ms)' } });
