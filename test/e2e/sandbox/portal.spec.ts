import { readFile } from 'node:fs/promises';
import { type BrowserContext, type Page, expect, test } from '@playwright/test';
import { type Sandbox, startSandbox, totp } from '../../../sandbox';
import { axeViolations } from '../../helpers/axe';
import { pickCompany, signIn, signInToPortal } from '../../helpers/sandbox/chromium-person';
import { SUPERUSER } from '../../helpers/sandbox/portal-person';
import { ANNA, FJELLVIND, HAVBRIS, NORDLYS, TOVE } from '../../helpers/sandbox/relying-party';

// The DataBridge portal look-alike in plain Chromium, a person typing; the protocol cases run over HTTP (test/integration/sandbox/portal*.test.ts).
let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await startSandbox();
});
test.afterEach(() => sandbox.close());

/** After Visma's sign-in (or without it, over a Visma session): the company and consent. */
async function pickAndAccept(page: Page, company: string) {
  await pickCompany(page, company);
  await expect(page.getByRole('heading', { name: 'Allow DataBridge for SuperOffice access?' })).toBeVisible();
  await page.getByRole('button', { name: 'Accept' }).click();
}

/** Presses Connected and logs in at Visma as Anna, Visma's sign-in page included. */
async function connectAsAnna(page: Page, company: string) {
  await page.getByRole('button', { name: 'Connected' }).click();
  await signIn(page, ANNA);
  await pickAndAccept(page, company);
}

const vismaSection = (page: Page) => page.getByRole('region', { name: 'Visma.net Financials' });

test('a SuperUser signs in to the portal, reconnects an integration at Visma, and its job runs', async ({ page, context }) => {
  const callbacks: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${sandbox.portal.url}/visma/callback`)) callbacks.push(`${request.method()} ${/(^|&)code=/.test(request.postData() ?? '')}`);
  });
  await page.goto(`${sandbox.portal.url}/integrations/nordlys-orders`);
  await expect(page).toHaveURL(/\/signin\?next=%2Fintegrations%2Fnordlys-orders$/);
  await page.getByLabel('Email').fill(SUPERUSER.email);
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
  await signInToPortal(page);

  await expect(page.getByRole('heading', { name: 'Nordlys: orders to Visma.net' })).toBeVisible();
  await expect(vismaSection(page)).toContainText('Old-style connection: reconnect');
  await connectAsAnna(page, NORDLYS.name);

  await expect(page).toHaveURL(`${sandbox.portal.url}/integrations/nordlys-orders`);
  expect(callbacks).toEqual(['POST true']); // form_post, carried across sites with the portal's session cookie
  await expect(vismaSection(page)).toContainText(`Connected as ${ANNA.email} to ${NORDLYS.name} (${NORDLYS.id})`);
  await page.getByRole('button', { name: 'Run job now' }).click();
  await expect(page.getByText(/Last job .*Job finished: 2 records exported/)).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Job log' }).click();
  expect(await readFile(await (await download).path(), 'utf8')).toMatch(/INFO {2}DataBridge\.Sync - Job finished: 2 records exported/);

  // Cookies by host: the portal's on localhost, Visma Connect's on 127.0.0.1, none shared.
  const cookies = await context.cookies();
  const portalCookies = cookies.filter((c) => c.domain === 'localhost');
  expect(portalCookies.map((c) => c.name)).toEqual(['databridge_session']);
  expect(portalCookies[0]).toMatchObject({ httpOnly: true, secure: true, sameSite: 'None' });
  expect(cookies.filter((c) => c.domain === '127.0.0.1').map((c) => c.name)).toContain('_session');
  expect(cookies.every((c) => c.domain === 'localhost' || c.domain === '127.0.0.1')).toBe(true);
  expect(await sandbox.portal.admin.integration('nordlys-orders')).toMatchObject({ connection: 'connected', connectedAs: ANNA.email, connectedCompanyId: NORDLYS.id });
});

test('control: in one browser the second Visma login is skipped; a new browser with only the portal cookies shows it again', async ({ page, context, browser }) => {
  await page.goto(sandbox.portal.signInUrl);
  await signInToPortal(page);
  await page.getByRole('link', { name: 'Nordlys: orders to Visma.net' }).click();
  await connectAsAnna(page, NORDLYS.name);
  await expect(vismaSection(page)).toContainText(`Connected as ${ANNA.email} to ${NORDLYS.name}`);

  // Integration B in the same browser: Visma still has its session and the portal sends no prompt=login.
  await page.goto(`${sandbox.portal.url}/integrations/fjellvind-orders`);
  await page.getByRole('button', { name: 'Connected' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a company' })).toBeVisible();
  await pickAndAccept(page, FJELLVIND.name);
  await expect(vismaSection(page)).toContainText(`Connected as ${ANNA.email} to ${FJELLVIND.name} (${FJELLVIND.id})`);

  // A fresh browser that carries only the portal's cookies: still signed in to the portal, not to Visma.
  const portalCookies = (await context.cookies()).filter((c) => c.domain === 'localhost');
  const fresh: BrowserContext = await browser.newContext();
  try {
    await fresh.addCookies(portalCookies);
    const other = await fresh.newPage();
    await other.goto(`${sandbox.portal.url}/integrations/nordlys-customers`);
    await expect(other.getByRole('heading', { name: 'Nordlys: customers from Visma.net' })).toBeVisible();
    await other.getByRole('button', { name: 'Connected' }).click();
    await expect(other.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(other.getByLabel('Email')).toHaveValue('');
  } finally {
    await fresh.close();
  }
});

test('query mode: the code comes back in the query string, and the connection is made the same way', async ({ page }) => {
  await sandbox.portal.admin.configure({ responseMode: 'query' });
  const callbacks: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${sandbox.portal.url}/visma/callback`)) callbacks.push(`${request.method()} ${new URL(request.url()).searchParams.has('code')}`);
  });
  await page.goto(`${sandbox.portal.url}/integrations/havbris-invoices`);
  await signInToPortal(page);
  await page.getByRole('button', { name: 'Connected' }).click();
  await signIn(page, TOVE);
  await page.getByLabel('Verification code').fill(totp(TOVE.totpSecret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await pickAndAccept(page, HAVBRIS.name);
  await expect(vismaSection(page)).toContainText(`Connected as ${TOVE.email} to ${HAVBRIS.name} (${HAVBRIS.id})`);
  expect(callbacks).toEqual(['GET true']);
});

test('popup mode: Connected opens Visma in a popup; the popup closes and the page shows the connection', async ({ page }) => {
  await sandbox.portal.admin.configure({ loginIn: 'popup' });
  await page.goto(sandbox.portal.signInUrl);
  await signInToPortal(page);
  await page.getByRole('link', { name: 'Fjellvind: orders to Visma.net' }).click();
  const opened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Connected' }).click();
  const popup = await opened;
  await expect(page.getByText('Waiting for the Visma.net login in the other window…')).toBeVisible();
  expect(new URL(popup.url()).origin).toBe(sandbox.issuer);
  await signIn(popup, ANNA);
  await pickAndAccept(popup, FJELLVIND.name);
  await popup.waitForEvent('close');
  await expect(vismaSection(page)).toContainText(`Connected as ${ANNA.email} to ${FJELLVIND.name} (${FJELLVIND.id})`);
});

test.describe('accessibility', () => {
  // axe is injected as a script, which the pages' CSP refuses.
  test.use({ bypassCSP: true });

  test('the portal pages pass axe', async ({ page }) => {
    await page.goto(sandbox.portal.signInUrl);
    expect(await axeViolations(page)).toEqual([]);
    await signInToPortal(page);
    await expect(page.getByRole('heading', { name: 'Integrations' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Havbris: invoices to Visma.net' }).click();
    await expect(page.getByRole('heading', { name: 'Havbris: invoices to Visma.net' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
});
