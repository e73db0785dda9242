import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/harness';
import { rowAction } from '../helpers/profile-rows';

const HEADER = 'id,name,direction,companyId,companyName,apiUser,environmentId';

/** Import…, Export and Environments… live in the toolbar's More menu. */
async function fromMenu(page: Page, item: string) {
  await page.getByRole('button', { name: 'More', exact: true }).click();
  await page.locator('#profiles-more-menu').getByRole('button', { name: item }).click();
}

async function pickFile(page: Page, button: string, name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  if (button === 'Import…') await fromMenu(page, button);
  else await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

const rowOf = (page: Page, name: string) => page.getByRole('row').filter({ hasText: name });
const names = (page: Page) => page.locator('.profile-body [role=row] .name').allTextContents();

test('a SuperUser adds, edits, finds, sorts, imports and exports profiles', async ({ bk }, testInfo) => {
  const { page } = bk;

  // Add
  await page.getByRole('button', { name: 'Add profile' }).click();
  const form = page.getByRole('dialog', { name: 'Add profile' });
  await form.getByLabel('Id', { exact: true }).fill('orders-in');
  await form.getByLabel('Name', { exact: true }).fill('Orders into Visma');
  await form.getByLabel('Company id').fill('1234567');
  await form.getByLabel('Company name').fill('Acme AS');
  await form.getByLabel('API user').fill('not an email');
  await form.getByRole('button', { name: 'Add profile' }).click();
  await expect(form.getByText('API user must be an email address: there is no "@" in the address')).toBeVisible();
  await form.getByLabel('API user').fill('api@acme.example');
  await form.getByLabel('API user').press('Enter');
  await expect(form).toBeHidden();
  await expect(rowOf(page, 'Orders into Visma')).toContainText('Never connected');
  await expect(rowOf(page, 'Orders into Visma').getByRole('gridcell', { name: 'Import' })).toHaveAttribute('title', 'Import into Visma.net');

  // Edit, by keyboard: the row is active, Enter opens its details, Escape closes them
  await page.getByRole('grid').focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('dialog', { name: 'Orders into Visma' });
  await expect(details).toContainText('Never connected');
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await rowAction(page, 'Orders into Visma', 'Details');
  await details.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Orders into Visma' });
  await expect(edit.getByLabel('Id', { exact: true })).toHaveAttribute('readonly', '');
  await edit.getByLabel('Direction').selectOption('export');
  await edit.getByLabel('Name', { exact: true }).fill('Invoices from Visma');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(rowOf(page, 'Invoices from Visma').getByRole('gridcell', { name: 'Export' })).toHaveAttribute('title', 'Export from Visma.net');

  // Import a CSV with one bad row: nothing imported, the row named
  const bad = [HEADER, 'a1,Alpha,import,111,Alpha AS,a@alpha.example,visma-production', 'b2,Beta,import,222,Beta AS,beta-at-nowhere,visma-production', 'c3,Gamma,export,333,Gamma AS,g@gamma.example,visma-production'].join('\r\n');
  await pickFile(page, 'Import…', 'bad.csv', bad);
  const report = page.getByRole('dialog', { name: 'Nothing was imported from bad.csv' });
  await expect(report.getByRole('list', { name: 'Problems' })).toHaveText('bad.csv, row 3, apiUser: must be an email address: there is no "@" in the address');
  await expect(report.getByText('1 of 3 rows has problems')).toBeVisible();
  await expect(report.getByRole('button', { name: 'Import the 2 valid rows' })).toBeVisible();
  await report.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Showing 1 of 1 profiles')).toBeVisible();

  // Import a good one
  const good = bad.replace('beta-at-nowhere', 'b@beta.example');
  await pickFile(page, 'Import…', 'good.csv', good);
  await expect(page.getByText('Imported 3 profiles from good.csv.')).toBeVisible();
  await expect(page.getByText('Showing 4 of 4 profiles')).toBeVisible();

  // Filter by text and by status
  await page.getByLabel('Search').fill('beta');
  await expect(page.getByText('Showing 1 of 4 profiles')).toBeVisible();
  expect(await names(page)).toEqual(['Beta']);
  await page.getByLabel('Search').fill('');
  await page.getByLabel('Status', { exact: true }).selectOption('connected');
  await expect(page.getByText('No profiles match the search and status filter.')).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption('never-connected');
  await expect(page.getByText('Showing 4 of 4 profiles')).toBeVisible();

  // Sort: by name ascending is the default; then descending; then by company
  expect(await names(page)).toEqual(['Alpha', 'Beta', 'Gamma', 'Invoices from Visma']);
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
  expect(await names(page)).toEqual(['Invoices from Visma', 'Gamma', 'Beta', 'Alpha']);
  await page.getByRole('button', { name: 'Visma.net company' }).click();
  expect(await names(page)).toEqual(['Alpha', 'Beta', 'Gamma', 'Invoices from Visma']);

  // Export: the file holds what the list shows, and re-imports elsewhere
  const downloading = page.waitForEvent('download');
  await fromMenu(page, 'Export CSV');
  const exported = await readFile((await (await downloading).path())!, 'utf8');
  // Every column, the connection kind included (files from before portals import as direct).
  expect(exported.split('\r\n').filter(Boolean)).toEqual([
    '\uFEFFid,name,direction,companyId,companyName,apiUser,connection,environmentId,portalId,portalUrl',
    'a1,Alpha,import,111,Alpha AS,a@alpha.example,direct,visma-production,,',
    'b2,Beta,import,222,Beta AS,b@beta.example,direct,visma-production,,',
    'c3,Gamma,export,333,Gamma AS,g@gamma.example,direct,visma-production,,',
    'orders-in,Invoices from Visma,export,1234567,Acme AS,api@acme.example,direct,visma-production,,',
  ]);

  // The same file again, one company renamed: a preview of the change, then update (or skip)
  await pickFile(page, 'Import…', 'again.csv', good.replace('Gamma AS', 'Gamma Group AS'));
  const preview = page.getByRole('dialog', { name: 'Import again.csv' });
  await expect(preview).toContainText('3 rows: 0 new profiles, 3 already in the list (1 with changes, 2 the same)');
  await expect(preview.getByRole('list', { name: 'Changes' })).toContainText('Company name: Gamma AS → Gamma Group AS');
  await preview.getByRole('radio', { name: 'Skip them: keep them as they are' }).check();
  await preview.getByRole('button', { name: 'Import, skipping 3' }).click();
  await expect(page.getByText('again.csv holds only profiles already in the list; nothing changed.')).toBeVisible();
  await pickFile(page, 'Import…', 'again.csv', good.replace('Gamma AS', 'Gamma Group AS'));
  await preview.getByRole('button', { name: 'Import, updating 1' }).click();
  await expect(page.getByText('From again.csv: 1 updated, 2 left as they were.')).toBeVisible();
  await expect(rowOf(page, 'Gamma')).toContainText('Gamma Group AS');

  // The same as an Excel workbook: a real .xlsx (a zip), not text
  const downloadingWorkbook = page.waitForEvent('download');
  await fromMenu(page, 'Export Excel');
  const workbook = await downloadingWorkbook;
  expect(workbook.suggestedFilename()).toMatch(/^bridgekeeper-profiles-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const bytes = await readFile((await workbook.path())!);
  expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);

  await page.screenshot({ path: testInfo.outputPath('profiles.png') });
  await testInfo.attach('profiles', { path: testInfo.outputPath('profiles.png'), contentType: 'image/png' });

  // Still there after a restart
  await bk.restart();
  await expect(page.getByText('Showing 4 of 4 profiles')).toBeVisible();
});

test('a corrupt settings file is kept aside and the user is told where', async ({ bk }) => {
  const { page } = bk;
  const { writeFile } = await import('node:fs/promises');
  await writeFile(`${bk.dir}/settings.json`, '{ not json');
  await bk.restart();
  const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(alert).toContainText(`${bk.dir}/settings.corrupt-`);
  await expect(page.getByText('Showing 0 of 0 profiles')).toBeVisible();
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toBeHidden();
});

test('environments: the built-in one, a custom one imported from a file, removed only when unused', async ({ bk }) => {
  const { page } = bk;
  await fromMenu(page, 'Environments…');
  const dialog = page.getByRole('dialog', { name: 'Environments' });
  await expect(dialog.getByRole('row', { name: /Visma.net production/ })).toContainText('https://connect.visma.com');

  const sandbox = {
    id: 'sandbox',
    name: 'Local sandbox',
    issuer: 'http://127.0.0.1:4567',
    clientId: 'databridge',
    scopes: 'openid tenants offline_access',
    redirectUri: 'http://127.0.0.1/bridgekeeper/callback',
    apiBaseUrl: 'http://127.0.0.1:4567/API',
    verifyPath: '/controller/api/v1/organization',
  };
  const broken = { ...sandbox, issuer: 'http://connect.example.com' };
  await pickFile(page, 'Import from file…', 'broken-env.json', JSON.stringify(broken));
  await expect(dialog.getByRole('alert')).toContainText('broken-env.json, issuer: must use https');
  await pickFile(page, 'Import from file…', 'sandbox-env.json', JSON.stringify(sandbox));
  await expect(dialog.getByText('Imported environment "Local sandbox" from sandbox-env.json.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Add profile' }).click();
  const form = page.getByRole('dialog', { name: 'Add profile' });
  await form.getByLabel('Id', { exact: true }).fill('s1');
  await form.getByLabel('Name', { exact: true }).fill('Sandbox rehearsal');
  await form.getByLabel('Company id').fill('1');
  await form.getByLabel('API user').fill('u@sandbox.example');
  await form.getByLabel('Environment').selectOption('sandbox');
  await form.getByRole('button', { name: 'Add profile' }).click();
  await expect(rowOf(page, 'Sandbox rehearsal')).toContainText('Local sandbox');

  await fromMenu(page, 'Environments…');
  await dialog.getByRole('button', { name: 'Remove Local sandbox' }).click();
  await expect(dialog.getByRole('alert')).toContainText('used by 1 profile ("Sandbox rehearsal")');
  await page.keyboard.press('Escape');
  await rowAction(page, 'Sandbox rehearsal', 'Details');
  await page.getByRole('dialog', { name: 'Sandbox rehearsal' }).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete profile' }).click();
  await fromMenu(page, 'Environments…');
  await dialog.getByRole('button', { name: 'Remove Local sandbox' }).click();
  await expect(dialog.getByText('Removed "Local sandbox".')).toBeVisible();
});
