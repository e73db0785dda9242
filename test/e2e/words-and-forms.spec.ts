import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { createTranslator } from '../../src/shared/i18n/translator';
import { expect, test } from '../helpers/harness';
import { SANDBOX_ENVIRONMENT, fillList } from '../helpers/layout';

const fi = createTranslator('fi-FI');
const en = createTranslator('en-GB');
const HEADER = 'id,name,direction,companyId,companyName,apiUser,environmentId';
const FILE = [HEADER, ...Array.from({ length: 20 }, (_, i) => `p${i},Profiili ${i},import,${1000 + i},Yritys ${i} Oy,api${i}@yritys.example,sandbox`)].join('\r\n');

/** Picks a profile file through the toolbar's More menu, by the words the app shows now. */
async function importFile(page: Page, t: (typeof fi)['t'], name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.locator('.toolbar').getByRole('button', { name: t('profiles.more'), exact: true }).click();
  await page.locator('#profiles-more-menu').getByRole('button', { name: t('profiles.import') }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

test.describe('issue 23, point 9: the line that answers an action', () => {
  test('"Imported 20 profiles…" follows a language switch, leaves the count on one line, and can be put away', async ({ bk }) => {
    const { page } = bk;
    await page.setViewportSize({ width: 1024, height: 640 });
    await bk.app.api.saveEnvironment(SANDBOX_ENVIRONMENT);
    await importFile(page, en.t, 'profiilit.csv', FILE);
    await expect(page.getByRole('status').filter({ hasText: en.t('profiles.imported', { count: 20, file: 'profiilit.csv' }) })).toBeVisible();

    await page.locator('.language-switch select').selectOption('fi');
    const line = page.getByRole('status').filter({ hasText: fi.t('profiles.imported', { count: 20, file: 'profiilit.csv' }) });
    await expect(line).toBeVisible();
    await expect(page.getByText(en.t('profiles.imported', { count: 20, file: 'profiilit.csv' }))).toHaveCount(0);
    // "Näytetään 20/20 profiilia" stays one line beside it.
    const count = page.getByText(fi.t('profiles.showing', { shown: 20, total: 20 }));
    expect((await count.boundingBox())!.height).toBeLessThan(26);

    await page.getByRole('button', { name: fi.t('components.message.dismiss') }).click();
    await expect(line).toHaveCount(0);
  });
});

test('"Imported 20 profiles…" goes by itself after 30 seconds', async ({ bk }) => {
  const { page } = bk;
  await page.clock.install();
  await bk.app.api.saveEnvironment(SANDBOX_ENVIRONMENT);
  await importFile(page, en.t, 'profiilit.csv', FILE);
  const line = page.getByRole('status').filter({ hasText: en.t('profiles.imported', { count: 20, file: 'profiilit.csv' }) });
  await expect(line).toBeVisible();
  await page.clock.fastForward(20_000);
  await expect(line).toBeVisible();
  await page.clock.fastForward(11_000);
  await expect(line).toHaveCount(0);
});

test.describe('issue 23, point 11, in Finnish', () => {
  test.use({ language: 'fi' });

  test('Log in with: "looking for browsers…" until main has answered, never a false "No browser found"', async ({ bk }) => {
    const { page } = bk;
    // main answers the browser list only when the test lets it.
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const real = bk.app.api.listBrowsers.bind(bk.app.api);
    bk.app.api.listBrowsers = async () => {
      await answered;
      return real();
    };
    await page.getByRole('button', { name: fi.t('profiles.more'), exact: true }).click();
    await page.locator('#profiles-more-menu').getByRole('button', { name: fi.t('profiles.environments') }).click();
    const dialog = page.getByRole('dialog', { name: fi.t('environments.title') });
    await dialog.getByRole('button', { name: fi.t('environments.add') }).click();
    await expect(dialog.getByText(fi.t('browser.loginWith.looking'))).toBeVisible();
    await expect(dialog.getByText(fi.t('browser.loginWith.none'))).toHaveCount(0);
    answer();
    await expect(dialog.getByText(fi.t('browser.loginWith.looking'))).toHaveCount(0);
  });

  test('an empty environment form: every field’s problem by its field, focus on the first; Edit focuses the first field that can be typed in', async ({ bk }) => {
    const { page } = bk;
    await bk.app.api.saveEnvironment(SANDBOX_ENVIRONMENT);
    await page.getByRole('button', { name: fi.t('profiles.more'), exact: true }).click();
    await page.locator('#profiles-more-menu').getByRole('button', { name: fi.t('profiles.environments') }).click();
    const dialog = page.getByRole('dialog', { name: fi.t('environments.title') });
    await dialog.getByRole('button', { name: fi.t('environments.add') }).click();
    const form = dialog.getByRole('form', { name: fi.t('environments.new') });
    await expect(form.getByLabel(fi.t('environments.field.id'), { exact: true })).toBeFocused();
    for (const field of ['id', 'name', 'issuer', 'clientId', 'redirectUri', 'apiBaseUrl'] as const) await form.getByLabel(fi.t(`environments.field.${field}`), { exact: true }).fill('');
    await form.getByRole('button', { name: fi.t('environments.save') }).click();
    const id = form.getByLabel(fi.t('environments.field.id'), { exact: true });
    const name = form.getByLabel(fi.t('environments.field.name'), { exact: true });
    await expect(id).toBeFocused();
    await expect(id).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    // Each problem under its own field, in Finnish, and read with it.
    await expect(id).toHaveAccessibleDescription(new RegExp(fi.t('components.form.problem', { field: fi.t('environments.field.id'), problem: fi.t('profiles.invalid.required') })));
    await expect(name).toHaveAccessibleDescription(new RegExp(fi.t('components.form.problem', { field: fi.t('environments.field.name'), problem: fi.t('profiles.invalid.required') })));
    expect(await form.locator('.field-error').count()).toBeGreaterThanOrEqual(3);
    await form.getByRole('button', { name: fi.t('components.dialog.cancel') }).click();

    await dialog.getByRole('button', { name: fi.t('environments.edit-label', { name: SANDBOX_ENVIRONMENT.name }) }).click();
    const edit = dialog.getByRole('form', { name: fi.t('environments.edit-label', { name: SANDBOX_ENVIRONMENT.name }) });
    await expect(edit.getByLabel(fi.t('environments.field.id'), { exact: true })).toHaveAttribute('readonly', '');
    await expect(edit.getByLabel(fi.t('environments.field.name'), { exact: true })).toBeFocused();
  });

  test('an environment without a client id offers no Visma login: it says what is missing and leads to Environments', async ({ bk }) => {
    const { page } = bk;
    await bk.app.api.saveEnvironment({ ...SANDBOX_ENVIRONMENT, clientId: '' });
    await bk.app.api.createProfile({ id: 'orders', name: 'Tilaukset', direction: 'import', companyId: '1', companyName: 'Yritys Oy', apiUser: 'api@yritys.example', environmentId: 'sandbox' });
    await page.getByRole('row').filter({ hasText: 'Tilaukset' }).click();
    await page.getByRole('toolbar', { name: fi.t('profiles.selection.label') }).getByRole('button', { name: fi.t('profiles.menu.reconnect') }).click();
    const dialog = page.getByRole('dialog', { name: fi.t('reauth.dialog.title', { profile: 'Tilaukset' }) });
    await expect(dialog).toContainText(fi.t('profiles.form.not-set-up', { environment: SANDBOX_ENVIRONMENT.name, missing: 'client' }));
    await expect(dialog.getByRole('button', { name: fi.t('reauth.dialog.open-login') })).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: fi.t('profiles.environments') })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: fi.t('environments.title') })).toBeVisible();
  });

  test('the same file imported again: "nothing to import", not "Import, updating 0"; Edit of a profile focuses its name, not the read-only id', async ({ bk }) => {
    const { page } = bk;
    await bk.app.api.saveEnvironment(SANDBOX_ENVIRONMENT);
    await importFile(page, fi.t, 'profiilit.csv', FILE);
    await expect(page.getByText(fi.t('profiles.imported', { count: 20, file: 'profiilit.csv' }))).toBeVisible();
    await importFile(page, fi.t, 'profiilit.csv', FILE);
    await expect(page.getByText(fi.t('profiles.import.nothing-new', { file: 'profiilit.csv' }))).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByText(fi.t('profiles.import.updating', { count: 0 }))).toHaveCount(0);

    // One new row among the same ones: the button says what it does.
    await importFile(page, fi.t, 'lisa.csv', `${FILE}\r\np99,Uusi,import,9999,Uusi Oy,uusi@yritys.example,sandbox`);
    const preview = page.getByRole('dialog', { name: fi.t('profiles.import.title', { file: 'lisa.csv' }) });
    await expect(preview.getByRole('button', { name: fi.t('profiles.import.new-only', { count: 1 }) })).toBeFocused();
    await page.keyboard.press('Escape');

    await page.getByRole('row').filter({ hasText: 'Profiili 3' }).first().click();
    await page.getByRole('grid').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: fi.t('profiles.details.edit') }).click();
    const form = page.getByRole('dialog', { name: fi.t('profiles.form.edit', { name: 'Profiili 3' }) });
    await expect(form.getByLabel(fi.t('profiles.field.name'), { exact: true })).toBeFocused();
  });

  test('the selection bar exports the selected profiles to Excel', async ({ bk }) => {
    const { page } = bk;
    await fillList(bk);
    await page.getByRole('row').filter({ hasText: 'fjellvind-03' }).click();
    await page.getByRole('row').filter({ hasText: 'fjellvind-08' }).click({ modifiers: ['Control'] });
    const downloading = page.waitForEvent('download');
    await page.getByRole('toolbar', { name: fi.t('profiles.selection.label') }).getByRole('button', { name: fi.t('profiles.export.xlsx') }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    await expect(page.getByText(fi.t('profiles.exported', { count: 2, format: 'xlsx' }))).toBeVisible();
  });
});
