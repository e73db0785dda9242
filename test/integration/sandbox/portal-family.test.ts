import { describe, expect, it } from 'vitest';
import { PORTAL_VARIANTS, type Sandbox, loopbackUrl } from '../../../sandbox';
import type { PortalVariantName } from '../../../sandbox/portal/variants';
import { expectPage } from '../../helpers/sandbox/http-person';
import { PortalPerson, SUPERUSER, SUPEROFFICE_SIGN_IN } from '../../helpers/sandbox/portal-person';
import { expectRefusalReported, expectSuccessReported } from '../../helpers/sandbox/portal-reports';
import { ANNA, FJELLVIND, NORDLYS, PER } from '../../helpers/sandbox/relying-party';
import { sandboxPerTest } from '../../helpers/sandbox/sandboxes';

// Each portal look-alike variant walked through over HTTP, as docs/sandbox.md describes it; the
// variants that need script (popups, a late or role="button" control) and the cookie checks against
// Chromium itself are in portal-family-chromium.test.ts.
const sandboxes = sandboxPerTest();
const startVariant = (name: PortalVariantName) => sandboxes({ portal: { style: PORTAL_VARIANTS[name] } });

const company = (c: { name: string; id: string }) => `${c.name} (${c.id})`;

/**
 * The walk every variant gets: a person signs in, picks the wrong company at Visma (refused, reported
 * the variant's way), then the right one (connected as Anna); another person logs in to Visma as Per,
 * who is not the integration's API user: refused under wrongUser "refuse", stored under "accept".
 */
async function walkThrough(sandbox: Sandbox, signedIn?: PortalPerson) {
  const { words, style, admin } = sandbox.portal;
  const person = signedIn ?? new PortalPerson(sandbox);
  if (!signedIn) expect((await person.signIn()).heading).toBe(words.integrations);

  const wrongCompany = await person.connect('nordlys-orders', { ...ANNA, company: FJELLVIND.name });
  expectRefusalReported(sandbox, wrongCompany, 'nordlys-orders', words.wrongCompany(company(FJELLVIND), company(NORDLYS)));
  expect((await admin.integration('nordlys-orders')).connection).toBe('old-style');

  // Visma still has Anna's session (the portal sends no prompt=login): the company picker comes first.
  const right = await person.connect('nordlys-orders', { ...ANNA, company: NORDLYS.name });
  await expectSuccessReported(sandbox, person, right, 'nordlys-orders', words.connectedAs(ANNA.email, company(NORDLYS)));
  expect(await admin.integration('nordlys-orders')).toMatchObject({ connection: 'connected', connectedAs: ANNA.email, connectedCompanyId: NORDLYS.id });
  expect(await admin.runJob('nordlys-orders')).toEqual({ success: true, message: 'Job finished: 2 records exported' });

  const other = new PortalPerson(sandbox);
  await other.signIn();
  const asPer = await other.connect('fjellvind-orders', { ...PER, company: FJELLVIND.name });
  if (style.wrongUser === 'refuse') {
    expectRefusalReported(sandbox, asPer, 'fjellvind-orders', words.wrongUser(PER.email, ANNA.email));
    expect((await admin.integration('fjellvind-orders')).connection).toBe('old-style');
  } else {
    await expectSuccessReported(sandbox, other, asPer, 'fjellvind-orders', words.connectedAs(PER.email, company(FJELLVIND)));
    expect(await admin.integration('fjellvind-orders')).toMatchObject({ connection: 'connected', connectedAs: PER.email });
  }
  return person;
}

describe('the portal look-alike family, over HTTP', () => {
  it('classic: /signin?next=…, the Connected button, the outcome on the integration page (the default)', async () => {
    const sandbox = await startVariant('classic');
    expect({ ...sandbox.portal.style, description: '' }).toEqual((await sandboxes()).portal.style);
    const redirect = await fetch(`${sandbox.portal.url}/integrations/nordlys-orders`, { redirect: 'manual' });
    expect(redirect.headers.get('location')).toBe('/signin?next=%2Fintegrations%2Fnordlys-orders');
    await walkThrough(sandbox);
  });

  it('databridge: / and every page send to /Account/Login?ReturnUrl=…, "Log in with email" asks again after a wrong password, a one-time "saved" message', async () => {
    const sandbox = await startVariant('databridge');
    const { url, words } = sandbox.portal;
    for (const path of ['/', '/integrations/havbris-invoices']) {
      const response = await fetch(`${url}${path}`, { redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(`/Account/Login?ReturnUrl=${encodeURIComponent(path)}`);
    }
    const person = new PortalPerson(sandbox);
    const login = await person.open('/integrations/havbris-invoices');
    expect(login.url.pathname).toBe('/Account/Login');
    expect(login.heading).toBe(words.logInTitle);
    expect(login.document.querySelector('button.superoffice')?.textContent).toBe(words.logInWithSuperOffice);
    // No SuperOffice sign-in behind this portal's red button: it says so.
    expect(expectPage(await person.browser.submit(login, words.logInWithSuperOffice)).alert).toBe(words.superOfficeOff);

    const emailStep = expectPage(await person.browser.submit(login, words.logInWithEmail));
    expect(emailStep.url.pathname).toBe('/Account/Login/Email');
    expect(emailStep.url.searchParams.get('ReturnUrl')).toBe('/integrations/havbris-invoices');
    const wrong = expectPage(await person.browser.submit(emailStep, words.logIn, { [words.email]: SUPERUSER.email, [words.password]: 'wrong' }));
    expect(wrong.heading).toBe(words.logInWithEmailTitle);
    expect(wrong.alert).toBe(words.wrongPassword);
    const landed = await person.signInOn(wrong);
    expect(landed.heading).toBe('Havbris: invoices to Visma.net');
    expect(person.browser.jar.namesFor(new URL(url))).toEqual(['databridge_session']);

    await walkThrough(sandbox, person);
    expect(sandbox.portal.definition).toMatchObject({ signInUrl: `${url}/Account/Login`, connectButtonLabel: 'Connected', connectSection: 'Visma.net Financials', connectedMarker: words.saved });
  });

  it('superoffice-sso: "Log in with SuperOffice" signs in at the look-alike on another origin; the session cookie rides on the parent domain', async () => {
    const sandbox = await startVariant('superoffice-sso');
    const { url, superOfficeUrl, words } = sandbox.portal;
    expect(new URL(url).hostname).toBe('portal.databridge.localhost');
    expect(new URL(superOfficeUrl!).hostname).toBe('sso.databridge.localhost');

    const person = new PortalPerson(sandbox);
    const login = await person.open('/integrations/nordlys-orders');
    const atSuperOffice = expectPage(await person.browser.submit(login, words.logInWithSuperOffice));
    expect(atSuperOffice.url.origin).toBe(superOfficeUrl);
    expect(atSuperOffice.heading).toBe(SUPEROFFICE_SIGN_IN.heading);
    const wrong = expectPage(await person.browser.submit(atSuperOffice, SUPEROFFICE_SIGN_IN.button, { Email: SUPERUSER.email, Password: 'wrong' }));
    expect(wrong.alert).toBe('The username or password is incorrect.');
    const back = expectPage(await person.browser.submit(wrong, SUPEROFFICE_SIGN_IN.button, { Email: SUPERUSER.email, Password: SUPERUSER.password }));
    expect(back.url.href).toBe(`${url}/integrations/nordlys-orders`);
    const callback = person.browser.visits.find((v) => v.url.pathname === '/Account/ExternalLogin/Callback')!;
    expect(callback.url.searchParams.get('ticket')).toMatch(/^\S{20,}$/);
    // Its own cookie on its own host, its device cookie and the portal's on the parent domain they share,
    // so each host gets the other's parent-domain cookie too.
    expect(person.browser.jar.namesFor(new URL(superOfficeUrl!)).sort()).toEqual(['SuperOffice.Device', 'SuperOffice.Session', 'databridge_session']);
    expect(person.browser.jar.namesFor(new URL(url)).sort()).toEqual(['SuperOffice.Device', 'databridge_session']);

    // A ticket and its state count once.
    const again = await fetch(loopbackUrl(callback.url), { redirect: 'manual' });
    expect(again.headers.getSetCookie()).toEqual([]);
    expect(await again.text()).toContain(words.notInProgress);

    await walkThrough(sandbox, person);
    expect(sandbox.portal.definition).toMatchObject({ signInUrl: `${url}/Account/Login`, signInOrigins: [superOfficeUrl], connectButtonLabel: words.connected, connectedMarker: '' });
  });

  it('same-url-strict: / is the sign-in and the dashboard, the Strict cookie stays home when Visma\'s site leads back, the callback answers its own pages', async () => {
    const sandbox = await startVariant('same-url-strict');
    const { url, words, callbackUrl } = sandbox.portal;
    const redirect = await fetch(`${url}/integrations/nordlys-orders`, { redirect: 'manual' });
    expect(redirect.headers.get('location')).toBe('/?returnUrl=%2Fintegrations%2Fnordlys-orders');
    const person = new PortalPerson(sandbox);
    const form = await person.open('/');
    expect(form.url.pathname).toBe('/');
    expect(form.heading).toBe(words.signInTitle);
    expect(form.document.querySelector('form')?.getAttribute('action')).toBe('/');
    const wrong = await person.signInOn(form, { ...SUPERUSER, password: 'wrong' });
    expect(wrong.url.pathname).toBe('/');
    expect(wrong.alert).toBe(words.wrongPassword);
    const dashboard = await person.signInOn(wrong);
    expect(dashboard.url.pathname).toBe('/');
    expect(dashboard.heading).toBe(words.integrations);

    // A page reached from Visma's site comes without the SameSite=Strict session cookie: the sign-in shows.
    const fromVisma = expectPage(await person.browser.openFrom(new URL(sandbox.issuer), `${url}/integrations/nordlys-orders`));
    expect(fromVisma.heading).toBe(words.signInTitle);

    await walkThrough(sandbox, person);
    expect(person.browser.visits.some((v) => v.method === 'GET' && v.url.href.startsWith(`${callbackUrl}?code=`))).toBe(true);
    expect(sandbox.portal.definition).toMatchObject({ signInUrl: `${url}/`, connectButtonLabel: words.connected, connectSection: 'Visma.net ERP' });
  });

  it('par-elsewhere: pushed authorization requests, Visma answering to another port, a session cookie on /integrations only, a slow callback', async () => {
    const sandbox = await startVariant('par-elsewhere');
    const { url, callbackUrl, connectLabel } = sandbox.portal;
    expect(new URL(callbackUrl).origin).not.toBe(url);
    expect(new URL(callbackUrl).hostname).toBe(new URL(url).hostname);
    expect((await fetch(`${url}/`, { redirect: 'manual' })).headers.get('location')).toBe('/integrations');

    const person = new PortalPerson(sandbox);
    await person.signIn();
    expect(person.browser.jar.namesFor(new URL(`${url}/`))).toEqual([]);
    expect(person.browser.jar.namesFor(new URL(`${url}/integrations/nordlys-orders`))).toEqual(['databridge_session']);

    const started = Date.now();
    await walkThrough(sandbox, person);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * sandbox.portal.style.slowMs);
    const authorize = person.browser.visits.find((v) => v.url.pathname === '/connect/authorize')!.url;
    expect([...authorize.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
    expect(person.browser.visits.some((v) => v.method === 'POST' && v.url.href === callbackUrl)).toBe(true);
    expect(sandbox.portal.definition.connectButtonLabel).toBe(connectLabel);
  });

  it('links-and-decoy: the first link with the Connect words is SuperOffice\'s and harmless; the Visma.net section\'s link connects', async () => {
    const sandbox = await startVariant('links-and-decoy');
    const { words, connectLabel, style } = sandbox.portal;
    const person = new PortalPerson(sandbox);
    await person.signIn();
    const page = await person.open('/integrations/nordlys-orders');
    const sections = [...page.document.querySelectorAll('section h2')].map((h) => h.textContent);
    expect(sections.slice(0, 2)).toEqual([words.superOffice, style.connect.section]);
    const decoy = expectPage(await person.browser.press(page, connectLabel));
    expect(decoy.heading).toBe(words.superOffice);
    expect((await sandbox.portal.admin.integration('nordlys-orders')).connection).toBe('old-style');
    expect(person.browser.visits.some((v) => v.url.href.startsWith(sandbox.issuer))).toBe(false);

    await walkThrough(sandbox, person);
    expect(person.browser.visits.some((v) => v.method === 'GET' && v.url.pathname === '/integrations/nordlys-orders/visma/connect')).toBe(true);
  });
});
