import { expect, test } from '@playwright/test';
import { NOT_ENTITLED, type Sandbox, startSandbox } from '../../../sandbox';
import { openLogin, pickCompany, signIn } from '../../helpers/sandbox/chromium-person';
import { ANNA, NORDLYS, PER, callApi, finishLogin } from '../../helpers/sandbox/relying-party';

// The flows about the pages themselves, in Chromium; the many protocol cases run over HTTP in test/integration/sandbox.
let sandbox: Sandbox;
test.beforeAll(async () => {
  sandbox = await startSandbox();
});
test.afterAll(() => sandbox.close());

test('login → company → consent → code → tokens → the ERP API answers 200', async ({ page }) => {
  const { config, login, callback } = await openLogin(page, sandbox, ANNA.email);
  await expect(page.getByLabel('Email')).toHaveValue(ANNA.email);
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');

  await signIn(page, ANNA);
  await expect(page.getByRole('radio')).toHaveCount(3);
  await pickCompany(page, NORDLYS.name);
  await expect(page.getByRole('heading', { name: 'Allow Bridgekeeper access?' })).toBeVisible();
  await expect(page.getByText(`in ${NORDLYS.name}`)).toBeVisible();
  await page.getByRole('button', { name: 'Accept' }).click();

  const tokens = await finishLogin(config, login, await callback);
  expect(tokens.claims()?.email).toBe(ANNA.email);
  const organization = await callApi(sandbox, tokens.access_token);
  expect(organization.status).toBe(200);
  expect(organization.json).toMatchObject({ organizationId: NORDLYS.id });
});

test('a company where the user lacks API User ends in invalid_tenant', async ({ page }) => {
  const { config, login, callback } = await openLogin(page, sandbox, PER.email);
  await signIn(page, PER);
  await pickCompany(page, NORDLYS.name);
  const url = await callback;
  expect(url.searchParams.get('error')).toBe('invalid_tenant');
  expect(url.searchParams.get('error_description')).toBe(NOT_ENTITLED);
  await expect(finishLogin(config, login, url)).rejects.toMatchObject({ error: 'invalid_tenant' });
});
