import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { totp } from '../../sandbox';
import type { Harness } from '../helpers/harness';
import { axeViolations } from '../helpers/axe';
import { rowAction } from '../helpers/profile-rows';
import { encodeWire } from '../helpers/structured-wire';
import { expect, test } from '../helpers/sandbox-harness';
import { pickCompany, signIn } from '../helpers/sandbox/chromium-person';
import { SUPERUSER } from '../helpers/sandbox/portal-person';
import { ANNA, FJELLVIND, HAVBRIS, NORDLYS, PER, TOVE } from '../helpers/sandbox/relying-party';
import type { Sandbox } from '../../sandbox';

/**
 * F18 end to end: the app in Chromium, the DataBridge portal look-alike and Visma Connect's
 * look-alike, a person typing. Each reconnect opens the profile's page in a browser context of its
 * own, seeded with the portal's cookies alone — the twin of Electron's partition per attempt.
 */

const PORTAL_NAME = 'DataBridge sandbox (local)';

/** The portal file and the profiles the sandbox writes, taken in as a SuperUser would: the portal file through the Portals dialog. */
async function setUpPortal(bk: Harness, sandbox: Sandbox, ids: string[]) {
  const { page } = bk;
  await page.getByText('More', { exact: true }).click();
  await page.getByRole('button', { name: 'Portals…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Portals' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Import from file…' }).click();
  await (await chooser).setFiles({ name: 'portal.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sandbox.portal.definition)) });
  await expect(dialog.getByRole('status')).toContainText(`Added portal "${PORTAL_NAME}" from portal.json.`);
  for (const profile of sandbox.portal.profiles.filter((p) => ids.includes(p.id))) await bk.app.api.createProfile(profile);
  return dialog;
}

/** The portal's sign-in page, in the window the app opened: the SuperUser signs in. */
async function signInToPortal(window: Page) {
  await expect(window.getByRole('heading', { name: 'Sign in to DataBridge' })).toBeVisible();
  await window.getByLabel('Email').fill(SUPERUSER.email);
  await window.getByLabel('Password').fill(SUPERUSER.password);
  await window.getByRole('button', { name: 'Sign in' }).click();
}

/** Reconnect from the row; Bridgekeeper presses Connected (the portal file names the button). */
async function reconnect(bk: Harness, name: string) {
  await rowAction(bk.page, name, 'Reconnect…');
  const dialog = bk.page.getByRole('dialog', { name: `Reconnect ${name}` });
  await dialog.getByRole('button', { name: `Open ${PORTAL_NAME}` }).click();
  return dialog;
}

/** Visma's own pages, inside the portal's flow: the sign-in page must show — no earlier Visma login carried over. */
async function logInAtVisma(window: Page, person: { email: string; password: string; totpSecret?: string }, company: string) {
  await expect(window.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
  await signIn(window, person);
  if (person.totpSecret) {
    await window.getByLabel('Verification code').fill(totp(person.totpSecret));
    await window.getByRole('button', { name: 'Verify' }).click();
  }
  await pickCompany(window, company);
  await expect(window.getByRole('heading', { name: 'Allow DataBridge for SuperOffice access?' })).toBeVisible();
  await window.getByRole('button', { name: 'Accept' }).click();
}

test('sign in to the portal once, then reconnect three profiles as two Visma users, each in a fresh session', async ({ bk, sandbox }, testInfo) => {
  const portals = await setUpPortal(bk, sandbox, ['nordlys-orders', 'havbris-invoices', 'fjellvind-orders']);
  await portals.getByRole('button', { name: `Sign in to ${PORTAL_NAME}` }).click();
  await signInToPortal(await bk.portals.nextWindow());
  await expect(portals.getByRole('status')).toContainText(`Signed in to ${PORTAL_NAME} for this session.`);
  await portals.getByRole('button', { name: 'Close' }).click();

  const jobUrl = await sandbox.portal.admin.triggerUrl('nordlys-orders');
  const jobKey = new URL(jobUrl).searchParams.get('key')!;
  await rowAction(bk.page, 'Nordlys: orders to Visma.net', 'Details');
  const details = bk.page.getByRole('dialog', { name: 'Nordlys: orders to Visma.net' });
  await details.getByLabel('Triggered-job URL').fill(jobUrl);
  await details.getByRole('button', { name: 'Save job URL' }).click();
  await expect(details.getByRole('status')).toContainText('Saved in the system keychain');
  await expect(details).not.toContainText(jobKey);
  await details.getByRole('button', { name: 'Close' }).click();

  const logins = [
    { id: 'nordlys-orders', name: 'Nordlys: orders to Visma.net', person: ANNA, company: NORDLYS },
    { id: 'havbris-invoices', name: 'Havbris: invoices to Visma.net', person: TOVE, company: HAVBRIS },
    { id: 'fjellvind-orders', name: 'Fjellvind: orders to Visma.net', person: ANNA, company: FJELLVIND },
  ];
  for (const [i, { id, name, person, company }] of logins.entries()) {
    const dialog = await reconnect(bk, name);
    await expect(dialog).toContainText(`pick ${company.name} (${company.id})`);
    const window = await bk.portals.nextWindow();
    // Bridgekeeper pressed Connected; Visma asks who you are, though the portal sends no prompt=login.
    await logInAtVisma(window, person, company.name);
    const shows = `Connected as ${person.email} to ${company.name} (${company.id})`;
    if (i === 1) {
      // The portal's page says nothing Bridgekeeper knows to look for, and this profile has no job URL:
      // the person looks at the portal's page, says so, and points at the words that say it.
      await dialog.getByRole('button', { name: 'It shows it connected' }).click();
      await dialog.getByRole('radio', { name: shows }).check();
      await dialog.getByRole('button', { name: 'That is it' }).click();
    }
    const outcome = dialog.getByRole('status').filter({ hasText: 'Connected through' });
    await expect(outcome).toContainText(`Connected through ${PORTAL_NAME}`);
    // What confirmed it: the job (the first has its URL), the person's word, then the words they pointed at.
    if (i === 0) await expect(outcome).toContainText('Its job ran once afterwards and succeeded');
    if (i === 1) await expect(outcome).toContainText(`You confirmed it after seeing the page of ${PORTAL_NAME}.`);
    if (i === 1) await expect(outcome).toContainText('From now on Bridgekeeper looks for “Connected as {user} to {company} ({companyId})”');
    if (i === 2) await expect(outcome).toContainText(`The page of ${PORTAL_NAME} said: “${shows}”.`);
    if (i > 0) await expect(outcome).toContainText(`${PORTAL_NAME} names ${person.email} as the Visma user of the connection`);
    await dialog.screenshot({ path: testInfo.outputPath(`portal-reconnected-${i + 1}.png`) });
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The portal holds the connection, for the right user and company, and the job runs without 12002.
    expect(await sandbox.portal.admin.integration(id)).toMatchObject({ connection: 'connected', connectedAs: person.email, connectedCompanyId: company.id });
    if (i > 0) expect(await sandbox.portal.admin.runJob(id)).toMatchObject({ success: true });
    await expect(bk.page.getByRole('row').filter({ hasText: name })).toContainText('Connected');
  }
  expect((await sandbox.portal.admin.jobLog('nordlys-orders')).includes('12002')).toBe(false);

  // Each attempt began with the portal's cookies and nothing else, and every context is gone.
  const attempts = bk.portals.sessions.filter((c) => c.title.includes(': reconnect '));
  expect(attempts).toHaveLength(3);
  for (const attempt of attempts) {
    expect(attempt.closed).toBe(true);
    expect(attempt.seededWith.map((c) => c.name)).toEqual(['databridge_session']);
  }

  // No portal cookie and no job key outside the keychain: not in settings, audit trail, log or IPC.
  const secrets = [...new Set(attempts.flatMap((a) => a.seededWith.map((c) => c.value))), jobKey];
  const haystacks = {
    settings: await readFile(`${bk.dir}/settings.json`, 'utf8'),
    events: await readFile(`${bk.dir}/events.jsonl`, 'utf8'),
    log: JSON.stringify(bk.logLines),
    // The job URL crosses once, inbound, as the person saves it; never again.
    ipc: bk.payloads.filter((p) => p !== encodeWire(['nordlys-orders', jobUrl])).join('\n'),
    page: await bk.page.content(),
  };
  for (const secret of secrets) {
    for (const [where, text] of Object.entries(haystacks)) expect(text.includes(secret), `a portal secret found in ${where}`).toBe(false);
  }
  expect(haystacks.ipc).toContain('portal-login'); // the scan did see the traffic
});

test('the control: two logins in one shared browser session skip the second Visma login page (the vendor’s problem)', async ({ browser, sandbox }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${sandbox.portal.url}/integrations/nordlys-orders`);
  await signInToPortal(page);
  await page.getByRole('button', { name: 'Connected' }).click();
  await logInAtVisma(page, ANNA, NORDLYS.name);
  await expect(page.getByRole('region', { name: 'Visma.net Financials' })).toContainText(`Connected as ${ANNA.email}`);
  // The next integration, same browser: Visma still knows Anna, so no sign-in page — Per never gets to log in.
  await page.goto(`${sandbox.portal.url}/integrations/fjellvind-orders`);
  await page.getByRole('button', { name: 'Connected' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a company' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toHaveCount(0);
  await context.close();
});

test('what can go wrong: consent denied, no API User, the portal’s callback failing, the window closed', async ({ bk, sandbox }) => {
  await setUpPortal(bk, sandbox, ['nordlys-orders', 'nordlys-invoices']);
  await bk.page.getByRole('dialog', { name: 'Portals' }).getByRole('button', { name: 'Close' }).click();

  // No sign-in held: the first reconnect asks for it, then opens the profile's page.
  let dialog = await reconnect(bk, 'Nordlys: orders to Visma.net');
  await signInToPortal(await bk.portals.nextWindow());
  let window = await bk.portals.nextWindow();
  await signIn(window, ANNA);
  await pickCompany(window, NORDLYS.name);
  await window.getByRole('button', { name: 'Deny' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Access was not granted');
  await dialog.getByRole('button', { name: 'Close' }).click();

  dialog = await reconnect(bk, 'Nordlys: invoices (Per)');
  window = await bk.portals.nextWindow();
  await signIn(window, PER);
  await pickCompany(window, NORDLYS.name);
  // In the portal's flow Visma does not say who logged in: no one is blamed by name, the profile's API user is named as the likely one.
  await expect(dialog.getByRole('alert')).toContainText('The user who logged in may not use the Visma.net API');
  await expect(dialog.getByRole('alert')).toContainText(`This profile's API user is ${PER.email}.`);
  await expect(dialog.getByRole('alert')).toContainText("the role 'API User'");
  await dialog.getByRole('button', { name: 'Close' }).click();

  await sandbox.portal.admin.setFault('callback-500', true);
  dialog = await reconnect(bk, 'Nordlys: orders to Visma.net');
  await logInAtVisma(await bk.portals.nextWindow(), ANNA, NORDLYS.name);
  await expect(dialog.getByRole('alert')).toContainText(`${PORTAL_NAME} could not finish the connection (HTTP 500)`);
  expect(await sandbox.portal.admin.integration('nordlys-orders')).toMatchObject({ connection: 'old-style' });
  await sandbox.portal.admin.setFault('callback-500', false);
  await dialog.getByRole('button', { name: 'Close' }).click();

  dialog = await reconnect(bk, 'Nordlys: orders to Visma.net');
  await (await bk.portals.nextWindow()).close();
  await expect(dialog.getByRole('alert')).toContainText('Reconnect cancelled');
  await expect.poll(() => bk.portals.sessions.every((c) => c.closed), { message: 'every portal window closes (Close does not wait for main to close it)' }).toBe(true);
});

test('a bulk run of four portal profiles: the portal sign-in expires in the middle, the person signs in again, the run finishes', async ({ bk, sandbox }) => {
  const ids = ['fjellvind-orders', 'fjellvind-projects', 'nordlys-customers', 'nordlys-orders'];
  await setUpPortal(bk, sandbox, ids);
  await bk.page.getByRole('dialog', { name: 'Portals' }).getByRole('button', { name: 'Close' }).click();
  await bk.page.getByRole('button', { name: /^Bulk reconnect/ }).click();
  const dialog = bk.page.getByRole('dialog', { name: 'Bulk reconnect' });
  await dialog.getByRole('radio', { name: 'All profiles (4)' }).check();
  await dialog.getByRole('button', { name: 'Start bulk reconnect (4)' }).click();
  await dialog.getByRole('checkbox', { name: 'Open the next login by itself' }).check();

  await signInToPortal(await bk.portals.nextWindow()); // once for the run
  const order = [
    { name: 'Fjellvind: orders to Visma.net', company: FJELLVIND },
    { name: 'Fjellvind: projects from Visma.net', company: FJELLVIND },
    { name: 'Nordlys: customers from Visma.net', company: NORDLYS },
    { name: 'Nordlys: orders to Visma.net', company: NORDLYS },
  ];
  for (const [i, { company }] of order.entries()) {
    const window = await bk.portals.nextWindow();
    await expect(window.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
    if (i === 1) await sandbox.portal.admin.expireSessions();
    await logInAtVisma(window, ANNA, company.name);
    if (i === 0) {
      // The first: the person confirms from the portal's page, and the words they point at confirm the rest.
      await dialog.getByRole('button', { name: 'It shows it connected' }).click();
      await dialog.getByRole('radio', { name: `Connected as ${ANNA.email} to ${company.name} (${company.id})` }).check();
      await dialog.getByRole('button', { name: 'That is it' }).click();
    }
    // The portal sign-in expired while the second login was at Visma: after Visma's answer the portal
    // shows its sign-in page. Bridgekeeper asks for the sign-in again and then reads the profile's page.
    if (i === 1) await signInToPortal(await bk.portals.nextWindow());
    await expect(dialog.getByText(i < 3 ? `${i + 2} of 4` : 'Done: 4 of 4')).toBeVisible();
  }
  await expect(dialog.getByRole('status')).toHaveText('Finished: 4 connected, 0 skipped, 0 failed.');
  for (const id of ids) expect(await sandbox.portal.admin.integration(id)).toMatchObject({ connection: 'connected', connectedAs: ANNA.email });
  expect(bk.portals.sessions.filter((c) => c.title.startsWith('Sign in'))).toHaveLength(2);
});

test.describe('accessibility', () => {
  test.use({ bypassCSP: true });

  test('the portal dialogs have no axe violations', async ({ bk, sandbox }) => {
    const { page } = bk;
    const check = async (what: string) => expect(await axeViolations(page), what).toEqual([]);
    const portals = await setUpPortal(bk, sandbox, ['nordlys-orders']);
    await check('the portals');
    await portals.getByRole('button', { name: 'Add DataBridge for SuperOffice' }).click();
    const form = page.getByRole('dialog', { name: 'Add a portal' });
    await form.getByLabel('Address').fill('not an address');
    await form.getByRole('button', { name: 'Save portal' }).click();
    // The problem stands by its field (issue 23), read with it, and focus is there.
    await expect(form.getByLabel('Address')).toBeFocused();
    await expect(form.getByLabel('Address')).toHaveAccessibleDescription(/^Address: /);
    await check('the portal form with its error');
    await page.keyboard.press('Escape');

    await rowAction(page, 'Nordlys: orders to Visma.net', 'Details');
    await expect(page.getByRole('dialog', { name: 'Nordlys: orders to Visma.net' })).toContainText('Confirm with a job run');
    await check('a portal profile’s details');
    await page.keyboard.press('Escape');

    await rowAction(page, 'Nordlys: orders to Visma.net', 'Reconnect…');
    await expect(page.getByRole('dialog', { name: 'Reconnect Nordlys: orders to Visma.net' })).toContainText('Press Connected');
    await check('the portal reconnect dialog');
  });
});

test('first run leads to the portal file too: importing it sets the app up for portal profiles', async ({ bk, sandbox }) => {
  const start = bk.page.getByRole('region', { name: 'Start here' });
  const chooser = bk.page.waitForEvent('filechooser');
  await start.getByRole('button', { name: 'Import portal file…' }).click();
  await (await chooser).setFiles({ name: 'portal.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sandbox.portal.definition)) });
  await expect(start).toContainText(`Done: ${PORTAL_NAME} is set up.`);
  await start.getByRole('button', { name: 'Add the first profile' }).click();
  await expect(bk.page.getByRole('dialog', { name: 'Add profile' }).getByRole('radio', { name: 'In the portal (DataBridge)' })).toBeChecked();
});
