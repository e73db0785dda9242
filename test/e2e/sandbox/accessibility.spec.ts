import { expect, test } from '@playwright/test';
import { type Sandbox, startSandbox, totp } from '../../../sandbox';
import { openLogin, pickCompany, signIn } from '../../helpers/sandbox/chromium-person';
import { HAVBRIS, TOVE } from '../../helpers/sandbox/relying-party';
import { axeViolations } from '../../helpers/axe';

let sandbox: Sandbox;
test.beforeAll(async () => {
  sandbox = await startSandbox();
});
test.afterAll(() => sandbox.close());

// axe is injected as a script, which the pages' CSP (no scripts at all) would otherwise refuse.
test.use({ bypassCSP: true });

test('every login page passes axe', async ({ page }) => {
  await openLogin(page, sandbox);
  expect(await axeViolations(page)).toEqual([]);
  await signIn(page, TOVE);
  await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Verification code').fill(totp(TOVE.totpSecret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a company' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await pickCompany(page, HAVBRIS.name);
  await expect(page.getByRole('heading', { name: 'Allow Bridgekeeper access?' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});
