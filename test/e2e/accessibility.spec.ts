import type { Page } from '@playwright/test';
import { axeViolations } from '../helpers/axe';
import { FJELLVIND } from '../helpers/sandbox/relying-party';
import { addProfile, expect, test } from '../helpers/sandbox-harness';
import { rowAction } from '../helpers/profile-rows';

test.use({ bypassCSP: true });

/** B5: the profiles area and every dialog of the reconnect and bulk flows, with no axe violations. */
test('the first run has no axe violations, light or dark', async ({ bk }) => {
  await expect(bk.page.getByRole('region', { name: 'Start here' })).toBeVisible();
  expect(await axeViolations(bk.page)).toEqual([]);
  await bk.page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(bk.page)).toEqual([]);
});

test('the profiles area and its dialogs have no axe violations', async ({ bk, sandbox }) => {
  const { page } = bk;
  await addProfile(bk, sandbox);
  await addProfile(bk, sandbox, { id: 'f1', name: 'Fjellvind orders', companyId: FJELLVIND.id, companyName: FJELLVIND.name });
  bk.app.profiles.setStates([{ id: 'f1', state: { status: 'needs-reauth', statusSince: new Date().toISOString(), statusReason: { code: '12002', message: 'The Visma.net API answered 12002.' } } }]);
  await expect(page.getByText('Showing 2 of 2 profiles')).toBeVisible();
  const check = async (what: string) => expect(await axeViolations(page), what).toEqual([]);
  // Dialogs load lazily: check only once the one asked for is on screen.
  const opened = (name: string | RegExp) => expect(page.getByRole('dialog', { name })).toBeVisible();
  const closeWith = async (p: Page) => {
    await p.keyboard.press('Escape');
    await expect(p.getByRole('dialog')).toHaveCount(0);
  };

  await check('the list');
  await page.getByRole('button', { name: 'Actions for Fjellvind orders' }).click();
  await check('a row menu');
  await page.keyboard.press('Escape');
  await page.getByRole('row').filter({ hasText: 'Fjellvind orders' }).click();
  await check('the list with a selected row');
  await page.getByRole('toolbar', { name: 'Selected profiles' }).getByRole('button', { name: 'Delete…' }).click();
  await opened('Delete Fjellvind orders?');
  await check('the delete dialog');
  await closeWith(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await check('the list in dark mode');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByText('More', { exact: true }).click();
  await check('the More menu');
  await page.getByText('More', { exact: true }).click();

  await page.getByRole('button', { name: 'Add profile' }).click();
  await opened('Add profile');
  await page.getByRole('dialog', { name: 'Add profile' }).getByRole('button', { name: 'Add profile' }).click();
  await check('the add form with its errors');
  await closeWith(page);

  await rowAction(page, 'Fjellvind orders', 'Details');
  await opened('Fjellvind orders');
  await check('profile details');
  await closeWith(page);

  await rowAction(page, 'Orders into Visma', 'Reconnect…');
  await opened('Reconnect Orders into Visma');
  await check('the reconnect dialog');
  await closeWith(page);

  await page.getByRole('button', { name: /^Bulk reconnect/ }).click();
  await opened('Bulk reconnect');
  await check('the bulk chooser');
  await page.getByRole('button', { name: 'Start bulk reconnect (1)' }).click();
  await expect(page.getByRole('region', { name: 'Next login' })).toContainText('Fjellvind orders');
  await check('the bulk run');
  await closeWith(page);

  await page.getByRole('button', { name: 'Explain a log…' }).click();
  await opened('Explain a DataBridge log');
  await check('the explainer, empty');
  await page.getByLabel('Log lines').fill('2024-05-03 10:11:12 ERROR Orders into Visma: Invalid parameter exception: ipp-company-id (12002_12002_3f2c9a1e-8b7d-4c6e-9a1b-2d3e4f5a6b7c)\n2024-05-03 10:12:00 ERROR Feltet er for langt');
  await page.getByRole('button', { name: 'Explain', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Known Visma errors' })).toBeVisible();
  await check('the explainer with a report');
  await closeWith(page);

  await page.getByText('More', { exact: true }).click();
  await page.getByRole('button', { name: 'Audit trail…' }).click();
  await opened('Audit trail');
  await check('the audit trail');
  await closeWith(page);

  await page.getByText('More', { exact: true }).click();
  await page.getByRole('button', { name: 'Environments…' }).click();
  await opened('Environments');
  await check('the environments');
});
