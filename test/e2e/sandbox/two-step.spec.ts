import { expect, test } from '@playwright/test';
import { type Sandbox, startSandbox, totp } from '../../../sandbox';
import { openLogin, pickCompany, signIn } from '../../helpers/sandbox/chromium-person';
import { HAVBRIS, TOVE, callApi, finishLogin } from '../../helpers/sandbox/relying-party';

let sandbox: Sandbox;
test.beforeAll(async () => {
  sandbox = await startSandbox();
});
test.afterAll(() => sandbox.close());

test('two-step verification asks for the code and says so when it is wrong', async ({ page }) => {
  const { config, login, callback } = await openLogin(page, sandbox);
  await signIn(page, TOVE);
  await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
  await page.getByLabel('Verification code').fill(totp(TOVE.totpSecret) === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toHaveText('The verification code is wrong. Try again.');

  await page.getByLabel('Verification code').fill(totp(TOVE.totpSecret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await pickCompany(page, HAVBRIS.name);
  await page.getByRole('button', { name: 'Accept' }).click();

  const tokens = await finishLogin(config, login, await callback);
  expect(tokens.claims()?.amr).toEqual(['pwd', 'mfa']);
  expect((await callApi(sandbox, tokens.access_token)).status).toBe(200);
});
