import type { Harness } from '../helpers/harness';
import { expect, test } from '../helpers/harness';
import { CLEAN, SANDBOX_ENVIRONMENT, sideways } from '../helpers/layout';

/** Profiles with the long names, companies and addresses real lists have; two direct on production, which is not set up. */
async function fillList(bk: Harness) {
  await bk.app.api.saveEnvironment(SANDBOX_ENVIRONMENT);
  const parts = ['K', 'Kundereskontra og leverandørreskontra', 'Ordre', 'Faktura', 'Prosjekt'];
  for (let i = 0; i < 24; i++) {
    const part = parts[i % parts.length]!;
    await bk.app.api.createProfile({
      id: `fjellvind-${String(i).padStart(2, '0')}-${part.toLowerCase().replace(/\W+/g, '-')}`,
      name: `Fjellvind – ${part}${i >= parts.length ? ` ${i}` : ''}`,
      direction: i % 2 ? 'export' : 'import',
      companyId: String(1000000 + i),
      companyName: 'Fjellvind Bygg og Anlegg Vestlandet AS',
      apiUser: `integrasjon.brukar.${i}@fjellvind-bygg-og-anlegg.example`,
      environmentId: i < 2 ? 'visma-production' : 'sandbox',
    });
  }
  const statuses = ['needs-reauth', 'error', 'expiring', 'connected'] as const;
  bk.app.profiles.setStates(
    bk.app.profiles
      .all()
      .slice(0, 8)
      .map((p, i) => ({ id: p.id, state: { status: statuses[i % 4]!, statusSince: new Date().toISOString(), statusReason: { code: 'x', message: 'Set by the test.' } } })),
  );
  await expect(bk.page.getByText('Showing 24 of 24 profiles')).toBeVisible();
  await expect(bk.page.getByLabel('Status')).toContainText('Needs reauthentication (2)');
}

for (const viewport of [
  { width: 1024, height: 640 },
  { width: 1280, height: 800 },
]) {
  test(`the list fits ${viewport.width}×${viewport.height}: nothing clipped, no sideways scroll when tabbing`, async ({ bk }, testInfo) => {
    const { page } = bk;
    await page.setViewportSize(viewport);
    await fillList(bk);
    expect(await sideways(page)).toEqual(CLEAN);

    // Every row's actions are on screen, in its menu.
    const first = page.getByRole('row').filter({ hasText: 'Fjellvind – K' }).first();
    await first.getByRole('button', { name: /^Actions for / }).click();
    const menu = page.locator('#profile-row-menu');
    await expect(menu.getByRole('button', { name: 'Delete…' })).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath(`list-${viewport.width}-menu.png`) });
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();

    // Tab through everything on the page: nothing scrolls sideways on the way.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      expect(await sideways(page), `after ${i + 1} Tab presses`).toEqual(CLEAN);
    }

    // A cut cell gives its whole text on hover (title), and the active row in full while the grid has focus.
    const company = first.getByRole('gridcell').nth(3);
    await expect(company).toHaveAttribute('title', /Fjellvind Bygg og Anlegg Vestlandet AS/);
    await page.getByRole('grid').focus();
    await expect(page.locator('.row-readout')).toBeVisible();
    await expect(page.locator('.row-readout')).toContainText('integrasjon.brukar.');

    // Production is not set up: those rows say so before anyone tries to reconnect.
    await expect(page.getByRole('row').filter({ hasText: 'fjellvind-00' })).toContainText('Not set up');
    await page.screenshot({ path: testInfo.outputPath(`list-${viewport.width}.png`) });

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('row').filter({ hasText: 'fjellvind-03' }).click();
    await page.screenshot({ path: testInfo.outputPath(`list-${viewport.width}-dark.png`) });
    expect(await page.evaluate(() => getComputedStyle(document.body.parentElement!).backgroundColor)).toBe('rgb(18, 22, 28)');
  });
}

test('a column is resized by dragging its edge or by the arrow keys, and the list still fits', async ({ bk }) => {
  const { page } = bk;
  await page.setViewportSize({ width: 1024, height: 640 });
  await fillList(bk);
  const header = page.getByRole('columnheader', { name: 'API user' });
  const before = (await header.boundingBox())!.width;
  const handle = header.getByRole('separator', { name: 'Resize column' });
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 80, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  expect((await header.boundingBox())!.width).toBeGreaterThan(before + 40);
  await handle.focus();
  const dragged = (await header.boundingBox())!.width;
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  expect((await header.boundingBox())!.width).toBeLessThan(dragged - 20);
  expect(await sideways(page)).toEqual(CLEAN);
});

test('rows are selected by mouse and keyboard, and the selection is acted on', async ({ bk }) => {
  const { page } = bk;
  await fillList(bk);
  const rows = page.locator('.profile-body [role=row]');
  const selectedNames = () => page.locator('.profile-body [role=row][aria-selected=true] .name').allTextContents();

  // Mouse: click selects one row, Shift-click a range, Ctrl-click adds or removes one, the box too.
  await rows.nth(0).click();
  expect(await selectedNames()).toEqual([await rows.nth(0).locator('.name').textContent()]);
  await rows.nth(2).click({ modifiers: ['Shift'] });
  expect(await selectedNames()).toHaveLength(3);
  await rows.nth(5).click({ modifiers: ['Control'] });
  expect(await selectedNames()).toHaveLength(4);
  await rows.nth(1).click({ modifiers: ['Control'] });
  expect(await selectedNames()).toHaveLength(3);
  await rows.nth(7).getByRole('checkbox').click();
  expect(await selectedNames()).toHaveLength(4);
  await expect(page.getByRole('toolbar', { name: 'Selected profiles' })).toContainText('4 profiles selected');

  // Keyboard: Escape clears, Space picks the active row, Shift+Down extends, Ctrl+A takes all shown.
  await page.getByRole('grid').focus();
  await page.keyboard.press('Escape');
  expect(await selectedNames()).toEqual([]);
  await page.keyboard.press('Home');
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  expect(await selectedNames()).toHaveLength(3);
  await page.keyboard.press('Control+a');
  await expect(page.getByRole('toolbar', { name: 'Selected profiles' })).toContainText('24 profiles selected');

  // Bulk reconnect starts its chooser with the selection.
  await page.keyboard.press('Escape');
  await rows.nth(0).click();
  await rows.nth(1).click({ modifiers: ['Shift'] });
  await page.getByRole('toolbar', { name: 'Selected profiles' }).getByRole('button', { name: 'Reconnect in bulk…' }).click();
  const bulk = page.getByRole('dialog', { name: 'Bulk reconnect' });
  await expect(bulk.getByRole('radio').first()).toBeChecked();
  await expect(bulk.getByRole('radio').first()).toHaveAccessibleName(/\(2\)$/);
  await page.keyboard.press('Escape');
  await page.getByRole('grid').focus();
  await page.keyboard.press('Control+a');

  // A search narrows what the buttons act on to what is shown.
  await page.getByLabel('Search').fill('Fjellvind – K');
  // Every word is found somewhere in every profile (the API users' "brukar" has a k), but the whole phrase first.
  await expect(page.getByText('Showing 24 of 24 profiles')).toBeVisible();
  const found = await page.locator('.profile-body [role=row] .name').allTextContents();
  expect(found.slice(0, 10)).toEqual(['Fjellvind – K', 'Fjellvind – K 5', 'Fjellvind – K 10', 'Fjellvind – K 15', 'Fjellvind – K 20', 'Fjellvind – Kundereskontra og leverandørreskontra', 'Fjellvind – Kundereskontra og leverandørreskontra 6', 'Fjellvind – Kundereskontra og leverandørreskontra 11', 'Fjellvind – Kundereskontra og leverandørreskontra 16', 'Fjellvind – Kundereskontra og leverandørreskontra 21']);
  expect(found.slice(10).some((name) => name.includes('– K'))).toBe(false);
  await page.getByLabel('Search').fill('Kundereskontra');
  await expect(page.getByText('Showing 5 of 24 profiles')).toBeVisible();
  const shown = await page.locator('.profile-body [role=row] .name').allTextContents();
  const bar = page.getByRole('toolbar', { name: 'Selected profiles' });
  await expect(bar).toContainText(`${shown.length} profiles selected`);

  // Delete the selection: the list loses them at once, Undo brings them back.
  await bar.getByRole('button', { name: 'Delete…' }).click();
  const confirm = page.getByRole('dialog', { name: `Delete ${shown.length} profiles?` });
  await expect(confirm).toContainText('DataBridge itself is untouched');
  await expect(confirm).toContainText("nothing in this computer's keychain changes");
  await confirm.getByRole('button', { name: `Delete ${shown.length} profiles` }).click();
  await page.getByLabel('Search').fill('');
  await expect(page.getByText(`Showing ${24 - shown.length} of ${24 - shown.length} profiles`)).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Showing 24 of 24 profiles')).toBeVisible();
  await expect(page.getByText(`Brought back ${shown.length} profiles; nothing was revoked.`)).toBeVisible();
});

test('sorting by status puts the worst first', async ({ bk }) => {
  const { page } = bk;
  await fillList(bk);
  await page.getByRole('button', { name: 'Status' }).click();
  const statuses = () => page.locator('.profile-body [role=row] .status').allTextContents();
  await expect.poll(async () => (await statuses()).slice(0, 9)).toEqual([
    'Needs reauthentication',
    'Needs reauthentication',
    'Error',
    'Error',
    'Expiring',
    'Expiring',
    'Never connected',
    'Never connected',
    'Never connected',
  ]);
  await page.getByRole('grid').focus();
  await page.keyboard.press('End');
  await expect.poll(async () => (await statuses()).at(-1)).toBe('Connected');
});

test('first run: an empty app says what to do first, and leads there', async ({ bk }, testInfo) => {
  const { page } = bk;
  await page.setViewportSize({ width: 1024, height: 640 });
  const start = page.getByRole('region', { name: 'Start here' });
  await expect(start).toContainText('Import the environment (or portal) file your admin or the sandbox gave you');
  await expect(page.getByText('No profiles match')).toHaveCount(0);
  expect(await page.title()).toBe('Profiles — Bridgekeeper');

  const chooser = page.waitForEvent('filechooser');
  await start.getByRole('button', { name: 'Import environment file…' }).click();
  await (await chooser).setFiles({ name: 'sandbox.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(SANDBOX_ENVIRONMENT)) });
  await expect(start).toContainText('Done: Local sandbox is set up.');
  await page.screenshot({ path: testInfo.outputPath('first-run.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('first-run-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  // The new profile starts on the environment that is set up, not on production.
  await start.getByRole('button', { name: 'Add the first profile' }).click();
  const form = page.getByRole('dialog', { name: 'Add profile' });
  await expect(form.getByLabel('Environment')).toHaveValue('sandbox');
  await form.getByLabel('Environment').selectOption('visma-production');
  await expect(form.getByText('Visma.net production is not set up yet: it has no client id and redirect URI.')).toBeVisible();
  await form.getByLabel('Environment').selectOption('sandbox');
  await form.getByLabel('Id', { exact: true }).fill('first');
  await form.getByLabel('Name', { exact: true }).fill('First profile');
  await form.getByLabel('Company id').fill('1');
  await form.getByLabel('API user').fill('u@sandbox.example');
  await form.getByRole('button', { name: 'Add profile' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'First profile' })).toContainText('Local sandbox');
  await expect(start).toBeHidden();

  await page.getByRole('tab', { name: 'Severa login check' }).click();
  expect(await page.title()).toBe('Severa login check — Bridgekeeper');
});

test('the More menu closes on Escape and on a click outside', async ({ bk }) => {
  const { page } = bk;
  const more = page.getByRole('button', { name: 'More' });
  const items = page.getByRole('button', { name: 'Audit trail…' });
  await more.click();
  await expect(items).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(items).toBeHidden();
  await more.click();
  await expect(items).toBeVisible();
  await page.getByText('Showing 0 of 0 profiles').click();
  await expect(items).toBeHidden();
});

test('the Environments dialog and the Severa panel never break a word at 1024 px', async ({ bk }) => {
  const { page } = bk;
  await page.setViewportSize({ width: 1024, height: 640 });
  // Long addresses, as a staging environment behind a gateway has them.
  const base = 'https://integration-staging.gateway.example.com/tenants/fjellvind-bygg-og-anlegg/visma-connect';
  await bk.app.api.saveEnvironment({ ...SANDBOX_ENVIRONMENT, name: 'A sandbox with a rather long name for its column', issuer: base, apiBaseUrl: `${base}/finance/api/version-one`, clientId: 'isv_fjellvind_bygg_og_anlegg_integration_client' });
  // A label that wrapped lies on more than one line: its text's boxes have more than one top.
  const wrapped = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('button')]
        .filter((b) => b.checkVisibility())
        .filter((b) => {
          const range = document.createRange();
          range.selectNodeContents(b);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
        })
        .map((b) => b.textContent),
    );
  await page.getByRole('button', { name: 'More', exact: true }).click();
  await page.locator('#profiles-more-menu').getByRole('button', { name: 'Environments…' }).click();
  await expect(page.getByRole('dialog', { name: 'Environments' })).toContainText('A sandbox with a rather long name');
  expect(await wrapped()).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Severa login check' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Severa login check' })).toBeVisible();
  expect(await wrapped()).toEqual([]);
});
