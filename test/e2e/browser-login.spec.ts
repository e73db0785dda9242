import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axeViolations } from '../helpers/axe';
import { rowAction } from '../helpers/profile-rows';
import { addProfile, completeLogin, expect, test } from '../helpers/sandbox-harness';
import { SUPERUSER } from '../helpers/sandbox/portal-person';
import { ANNA, NORDLYS } from '../helpers/sandbox/relying-party';

/**
 * B4 end to end: the app in Chromium, and Debian's Chromium as the browser installed on this
 * machine, found by the product's own detection and started by it with a throw-away profile. The
 * test reaches that browser over the DevTools protocol and types as the person would.
 */

const PROFILE = 'Nordlys: orders to Visma.net';

// axe is injected as a script tag, which the app's CSP rightly refuses.
test.use({ bypassCSP: true });

async function chooseBrowser(scope: ReturnType<Page['getByRole']>) {
  await scope.getByLabel('Log in with').selectOption({ label: 'Chromium' });
  await scope.getByRole('radio', { name: 'A throw-away browser profile' }).check();
}

test('a direct profile logs in through a throw-away profile of the installed Chromium, chosen for its environment', async ({ bk, sandbox }, testInfo) => {
  await addProfile(bk, sandbox, { name: PROFILE });
  const { page } = bk;
  await page.getByText('More', { exact: true }).click();
  await page.getByRole('button', { name: 'Environments…' }).click();
  const environments = page.getByRole('dialog', { name: 'Environments' });
  await environments.getByRole('button', { name: `Edit ${sandbox.environment.name}` }).click();
  const form = environments.getByRole('form', { name: `Edit ${sandbox.environment.name}` });
  await chooseBrowser(form);
  await expect(form).toContainText('A new, empty profile for this login alone, deleted afterwards');
  expect(await axeViolations(page)).toEqual([]);
  await form.getByRole('button', { name: 'Save environment' }).click();
  await environments.getByRole('button', { name: 'Close' }).click();

  await rowAction(page, PROFILE, 'Reconnect…');
  const dialog = page.getByRole('dialog', { name: `Reconnect ${PROFILE}` });
  await expect(dialog.getByLabel('Log in with')).toHaveValue('as-set');
  await expect(dialog.getByLabel('Log in with').locator('option:checked')).toHaveText(`As set for ${sandbox.environment.name} (Chromium, throw-away profile)`);
  await expect(dialog).toContainText('Chromium opens Visma’s login for this profile in a throw-away profile.');
  expect(await axeViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Open Visma login' }).click();

  const { launched, page: login } = await bk.browsers.next();
  await completeLogin(login, ANNA, NORDLYS.name);
  const outcome = dialog.getByRole('status');
  await expect(outcome).toContainText('Connected');
  await dialog.screenshot({ path: testInfo.outputPath('browser-login-connected.png') });
  expect(existsSync(launched.profileDir!)).toBe(false); // the throw-away profile is gone
  expect(bk.app.profiles.get('orders')).toMatchObject({ status: 'connected' });
});

test('a portal profile opens its page in the installed Chromium, and the person’s word ends it', async ({ bk, sandbox }) => {
  const { page } = bk;
  await bk.app.api.savePortal({ ...sandbox.portal.definition, loginWith: { kind: 'browser', browser: 'chromium', mode: 'throwaway-profile' } });
  const profile = sandbox.portal.profiles.find((p) => p.id === 'nordlys-orders')!;
  await bk.app.api.createProfile(profile);

  await rowAction(page, profile.name, 'Reconnect…');
  const dialog = page.getByRole('dialog', { name: `Reconnect ${profile.name}` });
  await expect(dialog).toContainText(`In a throw-away profile you sign in to ${sandbox.portal.definition.name} first.`);
  await dialog.getByRole('button', { name: `Open ${sandbox.portal.definition.name}` }).click();

  const { launched, page: portal } = await bk.browsers.next();
  // A throw-away profile carries no portal sign-in: the person signs in there too.
  await expect(portal.getByRole('heading', { name: 'Sign in to DataBridge' })).toBeVisible();
  await portal.getByLabel('Email').fill(SUPERUSER.email);
  await portal.getByLabel('Password').fill(SUPERUSER.password);
  await portal.getByRole('button', { name: 'Sign in' }).click();
  await portal.getByRole('button', { name: 'Connected' }).click();
  await completeLogin(portal, ANNA, NORDLYS.name);
  await expect(portal.getByText(`Connected as ${ANNA.email}`)).toBeVisible();

  await expect(dialog).toContainText('Bridgekeeper cannot see what happens in Chromium.');
  expect(await axeViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Done: it is connected' }).click();
  await expect(dialog.getByRole('status')).toContainText(`Connected through ${sandbox.portal.definition.name}`);
  await expect(dialog.getByRole('status')).toContainText(`You confirmed it after seeing the page of ${sandbox.portal.definition.name}.`);
  expect(existsSync(launched.profileDir!)).toBe(false);
  expect(await sandbox.portal.admin.integration('nordlys-orders')).toMatchObject({ connection: 'connected', connectedAs: ANNA.email });
});

test('a portal profile the person says failed needs a reconnect, with their words kept', async ({ bk, sandbox }) => {
  const { page } = bk;
  await bk.app.api.savePortal(sandbox.portal.definition);
  const profile = sandbox.portal.profiles.find((p) => p.id === 'nordlys-orders')!;
  await bk.app.api.createProfile(profile);
  await rowAction(page, profile.name, 'Reconnect…');
  const dialog = page.getByRole('dialog', { name: `Reconnect ${profile.name}` });
  // Overridden for this reconnect only.
  await chooseBrowser(dialog);
  await dialog.getByRole('button', { name: `Open ${sandbox.portal.definition.name}` }).click();
  const { launched } = await bk.browsers.next();
  await dialog.getByRole('button', { name: 'It failed' }).click();
  await dialog.getByLabel(`What did ${sandbox.portal.definition.name} or Visma say?`).fill('Visma said the user has no API User role');
  await dialog.getByRole('button', { name: 'Report the failure' }).click();
  await expect(dialog.getByRole('alert')).toContainText(`You reported that the connection in ${sandbox.portal.definition.name} failed`);
  await expect(dialog.getByRole('alert')).toContainText('"Visma said the user has no API User role"');
  expect(existsSync(launched.profileDir!)).toBe(false);
  expect(bk.app.profiles.get('nordlys-orders')).toMatchObject({ status: 'needs-reauth' });
  // The portal's own choice was not changed by the override.
  expect(bk.app.portals.get(sandbox.portal.definition.id)?.loginWith).toBeUndefined();
});
