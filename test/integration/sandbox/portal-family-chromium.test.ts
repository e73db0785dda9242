import { type Browser, type BrowserContext, type Page, chromium } from '@playwright/test';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../../../playwright.config';
import { PORTAL_VARIANTS, type Sandbox } from '../../../sandbox';
import type { PortalVariantName } from '../../../sandbox/portal/variants';
import { connectControlIn, connectInPopup, signInToPortalIn, walkVismaIn, walkVismaInClosingPopup } from '../../helpers/sandbox/chromium-portal-person';
import { ANNA, FJELLVIND, NORDLYS, PER } from '../../helpers/sandbox/relying-party';
import { sandboxPerTest } from '../../helpers/sandbox/sandboxes';

// The portal look-alikes that need a real browser — a popup, a control a script draws late, a
// span with role="button" — walked through in Chromium, and what Chromium does with the family's
// cookies: *.localhost names, a Domain cookie on databridge.localhost, SameSite across Visma's site.
const sandboxes = sandboxPerTest();
const startVariant = (name: PortalVariantName) => sandboxes({ portal: { style: PORTAL_VARIANTS[name] } });
const company = (c: { name: string; id: string }) => `${c.name} (${c.id})`;

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await chromium.launch(CHROMIUM);
});
afterAll(() => browser.close());
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

/** A fresh browser (no cookies at all) with one page, signed in to the portal. */
async function signedIn(sandbox: Sandbox, at = sandbox.portal.signInUrl): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(at);
  await signInToPortalIn(page, sandbox.portal);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { context, page };
}

const connectionLine = (page: Page) => page.locator('#connection');

describe('the portal look-alike family, in Chromium', () => {
  it('popup-late: the role="button" appears after load, answers Enter, opens Visma in a popup; errors stay in the popup as alert-danger boxes', async () => {
    const sandbox = await startVariant('popup-late');
    const { url, words, admin } = sandbox.portal;
    const { context, page } = await signedIn(sandbox);
    await page.goto(`${url}/integrations/nordlys-orders`);
    expect(await page.locator('#connect-control').count()).toBe(0); // drawn a moment after load
    const control = connectControlIn(page, sandbox.portal);
    await control.waitFor();
    expect(await control.evaluate((el) => [el.tagName, el.getAttribute('role'), el.getAttribute('tabindex')])).toEqual(['SPAN', 'button', '0']);

    // Wrong company, the control pressed with the keyboard: the popup shows the error page and stays.
    const wrongPopup = await connectInPopup(page, sandbox.portal, async (c) => {
      await c.focus();
      await page.keyboard.press('Enter');
    });
    await page.getByText(words.waitingForPopup).waitFor();
    expect(new URL(wrongPopup.url()).origin).toBe(sandbox.issuer);
    await walkVismaIn(wrongPopup, { ...ANNA, company: FJELLVIND.name });
    await wrongPopup.locator('.alert.alert-danger').waitFor();
    expect(await wrongPopup.locator('.alert.alert-danger').textContent()).toBe(words.wrongCompany(company(FJELLVIND), company(NORDLYS)));
    expect(await wrongPopup.getByRole('alert').count()).toBe(0);
    expect((await admin.integration('nordlys-orders')).connection).toBe('old-style');
    await wrongPopup.close();

    // The right company: the popup closes and the page's status line says it.
    await page.reload();
    const popup = await connectInPopup(page, sandbox.portal);
    await walkVismaInClosingPopup(popup, { ...ANNA, company: NORDLYS.name });
    await page.getByText(words.connectedAs(ANNA.email, company(NORDLYS))).waitFor();
    expect(await page.getByText(words.saved).count()).toBe(0);
    expect(await admin.integration('nordlys-orders')).toMatchObject({ connection: 'connected', connectedAs: ANNA.email, connectedCompanyId: NORDLYS.id });

    // Another user than the integration's API user (Visma's session gone, the portal's kept): refused (wrongUser "refuse").
    await context.clearCookies({ domain: new URL(sandbox.issuer).hostname });
    await page.goto(`${url}/integrations/fjellvind-orders`);
    await connectControlIn(page, sandbox.portal).waitFor();
    const perPopup = await connectInPopup(page, sandbox.portal);
    await walkVismaIn(perPopup, { ...PER, company: FJELLVIND.name });
    await perPopup.locator('.alert.alert-danger').waitFor();
    expect(await perPopup.locator('.alert.alert-danger').textContent()).toBe(words.wrongUser(PER.email, ANNA.email));
    expect((await admin.integration('fjellvind-orders')).connection).toBe('old-style');
  });

  it('popup-via-portal: the popup opens the portal\'s start page first; the decoy is harmless; the antiforgery cookie rides on /integrations; a flash once', async () => {
    const sandbox = await startVariant('popup-via-portal');
    const { url, words, connectLabel, admin } = sandbox.portal;
    const { context, page } = await signedIn(sandbox);
    expect(new URL(page.url()).pathname).toBe('/integrations');
    const cookies = await context.cookies();
    expect(cookies.map((c) => [c.name, c.path, c.sameSite]).sort()).toEqual([
      ['databridge_antiforgery', '/integrations', 'Strict'],
      ['databridge_session', '/', 'None'],
    ]);
    // Asked for the portal's origin, Playwright (like a cookie export by URL) leaves the narrower one out.
    expect((await context.cookies(`${url}/`)).map((c) => c.name)).toEqual(['databridge_session']);

    await page.goto(`${url}/integrations/nordlys-orders`);
    await page.getByRole('button', { name: connectLabel, exact: true }).first().click(); // the decoy comes first
    await page.getByRole('heading', { name: words.superOffice }).waitFor();
    expect((await admin.integration('nordlys-orders')).connection).toBe('old-style');
    await page.goBack();

    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    const wrongPopup = await connectInPopup(page, sandbox.portal);
    await walkVismaInClosingPopup(wrongPopup, { ...ANNA, company: FJELLVIND.name });
    // The popup's first stop is the portal's own start page, which redirects to Visma's authorize URL.
    const start = requested.indexOf(`${url}/integrations/nordlys-orders/visma/start`);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(requested[start + 1]?.startsWith(`${sandbox.issuer}/connect/authorize?`)).toBe(true);
    expect(requested.slice(0, start).some((u) => u.startsWith(sandbox.issuer))).toBe(false);
    await page.getByRole('alert').filter({ hasText: words.wrongCompanyTitle }).waitFor();
    expect(await page.getByRole('alert').textContent()).toBe(words.wrongCompany(company(FJELLVIND), company(NORDLYS)));

    const popup = await connectInPopup(page, sandbox.portal);
    await walkVismaInClosingPopup(popup, { ...ANNA, company: NORDLYS.name });
    await page.getByText(words.saved).waitFor();
    expect(await connectionLine(page).textContent()).toBe(words.connectedAs(ANNA.email, company(NORDLYS)));
    await page.reload();
    await connectionLine(page).waitFor();
    expect(await page.getByText(words.saved).count()).toBe(0);
    expect(await admin.integration('nordlys-orders')).toMatchObject({ connection: 'connected', connectedAs: ANNA.email });

    // Without the antiforgery cookie (a browser given only the cookies of the portal's root) the start page answers 400.
    const rootOnly = await browser.newContext();
    contexts.push(rootOnly);
    await rootOnly.addCookies(await context.cookies(`${url}/`));
    const bare = await rootOnly.newPage();
    const refused = await bare.goto(`${url}/integrations/fjellvind-orders/visma/start`);
    expect(refused?.status()).toBe(400);
    expect(await bare.getByRole('heading', { level: 1 }).textContent()).toBe(words.formExpired);

    await context.clearCookies({ domain: new URL(sandbox.issuer).hostname });
    await page.goto(`${url}/integrations/fjellvind-orders`);
    const perPopup = await connectInPopup(page, sandbox.portal);
    await walkVismaInClosingPopup(perPopup, { ...PER, company: FJELLVIND.name });
    await page.getByRole('alert').filter({ hasText: PER.email }).waitFor();
    expect(await page.getByRole('alert').textContent()).toBe(words.wrongUser(PER.email, ANNA.email));
    expect((await admin.integration('fjellvind-orders')).connection).toBe('old-style');
  });

  it('superoffice-sso: Chromium takes *.localhost names and a Domain=databridge.localhost cookie, and carries the Lax session back from Visma', async () => {
    const sandbox = await startVariant('superoffice-sso');
    const { url, superOfficeUrl, words, admin } = sandbox.portal;
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${url}/integrations/nordlys-orders`);
    expect(new URL(page.url()).pathname).toBe('/Account/Login');
    await signInToPortalIn(page, sandbox.portal);
    await page.getByRole('heading', { name: 'Nordlys: orders to Visma.net' }).waitFor();
    expect(page.url()).toBe(`${url}/integrations/nordlys-orders`);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'databridge_session')).toMatchObject({ domain: '.databridge.localhost', path: '/', sameSite: 'Lax', secure: true, httpOnly: true });
    expect(cookies.find((c) => c.name === 'SuperOffice.Session')).toMatchObject({ domain: new URL(superOfficeUrl!).hostname });

    await connectControlIn(page, sandbox.portal).click();
    await walkVismaIn(page, { ...ANNA, company: NORDLYS.name });
    // The form_post back is cross-site (no Lax cookie, none needed); the redirect to the page that follows carries it.
    await connectionLine(page).filter({ hasText: words.connectedAs(ANNA.email, company(NORDLYS)) }).waitFor();
    expect(page.url()).toBe(`${url}/integrations/nordlys-orders`);
    expect(await admin.integration('nordlys-orders')).toMatchObject({ connection: 'connected', connectedAs: ANNA.email });
  });

  it('same-url-strict: the Strict session stays home when Visma\'s site leads back; the callback\'s own page links home with it', async () => {
    const sandbox = await startVariant('same-url-strict');
    const { url, words, admin, seed } = sandbox.portal;
    const { page } = await signedIn(sandbox, `${url}/`);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(words.integrations);

    await page.goto(`${url}/integrations/nordlys-orders`);
    await connectControlIn(page, sandbox.portal).click();
    await walkVismaIn(page, { ...ANNA, company: NORDLYS.name });
    await page.getByRole('heading', { name: words.connected }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/visma/callback');
    await page.getByRole('link', { name: words.backTo(seed.integrations[0]!.name) }).click();
    await connectionLine(page).filter({ hasText: words.connectedAs(ANNA.email, company(NORDLYS)) }).waitFor();
    expect(await admin.integration('nordlys-orders')).toMatchObject({ connection: 'connected', connectedAs: ANNA.email });

    // From a page on Visma's site to the portal: the Strict cookie is not sent, the sign-in form shows.
    await page.goto(`${sandbox.issuer}/.well-known/openid-configuration`);
    await page.evaluate((target) => (location.href = target), `${url}/integrations/nordlys-orders`);
    await page.getByRole('heading', { name: words.signInTitle }).waitFor();
    expect(new URL(page.url()).search).toBe('?returnUrl=%2Fintegrations%2Fnordlys-orders');
  });
});
