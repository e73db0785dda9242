import { describe, expect, it } from 'vitest';
import type { PageSnapshot } from '../../../src/main/portal/page/page-snapshot';
import type { PortalSite } from '../../../src/main/portal/portal-surface';
import { isSignInPage } from '../../../src/main/portal/sign-in-page';

const site: PortalSite = {
  origin: 'https://my-databridge.infobridgeuniverse.com',
  signInUrl: 'https://my-databridge.infobridgeuniverse.com/Account/Login',
  identityOrigins: ['https://connect.visma.com'],
  signInOrigins: ['https://online.superoffice.com'],
  connectButtonLabel: '',
  connectSection: 'Visma.net',
  connectedMarker: '',
};
const at = (path: string, more: Partial<PageSnapshot> = {}): PageSnapshot => ({ url: `${site.origin}${path}`, title: '', lines: [], alerts: [], notices: [], passwordField: false, codeField: false, userForm: false, signInControls: [], ...more });

describe('a portal’s sign-in page, wherever it is', () => {
  it('is its sign-in address, whatever the query or the case', () => {
    expect(isSignInPage(at('/account/login?ReturnUrl=%2F'), site)).toBe(true);
  });
  it('is a page with "Log in with SuperOffice" and no Visma.net section, or a password or code field', () => {
    expect(isSignInPage(at('/', { signInControls: ['Log in with SuperOffice', 'Log in with email'] }), site)).toBe(true);
    expect(isSignInPage(at('/', { passwordField: true }), site)).toBe(true);
    expect(isSignInPage(at('/Account/Verify', { codeField: true }), site)).toBe(true);
    expect(isSignInPage(at('/?ReturnUrl=%2FIntegrations%2FEdit%2F7', { userForm: true }), site)).toBe(true);
  });
  it('is a page of its sign-in provider', () => {
    expect(isSignInPage({ ...at('/'), url: 'https://online.superoffice.com/login/' }, site)).toBe(true);
  });
  it('is not a signed-in page, also one with a password field inside a profile that has a Visma.net section', () => {
    expect(isSignInPage(at('/'), site)).toBe(false);
    expect(isSignInPage(at('/Profile/Edit/7', { passwordField: true, section: ['Visma.net Financials'] }), site)).toBe(false);
    expect(isSignInPage({ ...at('/'), url: 'https://connect.visma.com/login' }, site)).toBe(false);
  });
  it('is not a signed-in page whose sign-out control begins with a sign-in word ("Kirjaudu ulos"), in any of the six languages', () => {
    for (const signOut of ['Kirjaudu ulos', 'Log out', 'Sign out', 'Logga ut', 'Logg ut', 'Log ud', 'Uitloggen']) {
      expect(isSignInPage(at('/integraatiot', { signInControls: [signOut] }), site), signOut).toBe(false);
    }
    expect(isSignInPage(at('/', { signInControls: ['Kirjaudu ulos', 'Kirjaudu sisään'] }), site)).toBe(true);
    expect(isSignInPage(at('/', { signInControls: ['Kirjaudu'] }), site)).toBe(true);
  });
  it('one address for sign-in and dashboard ("/"): the page decides, not the address', () => {
    const oneUrl = { ...site, signInUrl: `${site.origin}/` };
    expect(isSignInPage(at('/', { passwordField: true }), oneUrl)).toBe(true);
    expect(isSignInPage(at('/', { lines: ['Integrations'] }), oneUrl)).toBe(false);
  });
});
