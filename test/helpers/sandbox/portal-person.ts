import type { Sandbox } from '../../../sandbox';
import { HttpPerson, type Outcome, type Page, expectPage } from './http-person';
import { type Person, walkVismaPages } from './relying-party';

/** The default seed's portal user. */
export const SUPERUSER = { email: 'superuser@example.com', password: 'Portal-sandbox-1' } as const;

/** The SuperOffice CRM Online look-alike's sign-in page (its own words, whatever the portal's language). */
export const SUPEROFFICE_SIGN_IN = { heading: 'Log in to SuperOffice', button: 'Log in' } as const;

/**
 * A SuperUser in the DataBridge portal look-alike, over HTTP: one cookie jar for the portal, Visma
 * Connect and the SuperOffice look-alike (kept apart by host and site, as a browser keeps them),
 * following every redirect and form_post, the portal's callback included. It reads the portal's
 * words and shape from `sandbox.portal` (its style), so one walk fits every variant.
 */
export class PortalPerson {
  readonly browser = new HttpPerson();

  constructor(private readonly sandbox: Sandbox) {}

  /**
   * Opens `at` (the portal's sign-in page by default) and signs in the way the portal asks.
   * @param how with account-login or federated: "Log in with email" or "Log in with SuperOffice" (federated's default)
   */
  async signIn(user: { email: string; password: string } = SUPERUSER, at: string = this.sandbox.portal.signInUrl, how?: 'email' | 'superoffice'): Promise<Page> {
    return this.signInOn(expectPage(await this.browser.open(at)), user, how);
  }

  /** Fills in the sign-in page the person is on; answers the page that follows (the one asked for, or the same step with its alert). */
  async signInOn(page: Page, user: { email: string; password: string } = SUPERUSER, how?: 'email' | 'superoffice'): Promise<Page> {
    const { style, words } = this.sandbox.portal;
    const credentials = { [words.email]: user.email, [words.password]: user.password };
    if (style.signIn === 'signin-page' || style.signIn === 'same-url') return expectPage(await this.browser.submit(page, words.signIn, credentials));
    if ((how ?? (style.signIn === 'federated' ? 'superoffice' : 'email')) === 'superoffice') {
      const next = expectPage(await this.browser.submit(page, words.logInWithSuperOffice));
      // Still signed in at SuperOffice: it sends the person straight back.
      if (next.heading !== SUPEROFFICE_SIGN_IN.heading) return next;
      return expectPage(await this.browser.submit(next, SUPEROFFICE_SIGN_IN.button, { Email: user.email, Password: user.password }));
    }
    const step = page.heading === words.logInTitle ? expectPage(await this.browser.submit(page, words.logInWithEmail)) : page;
    return expectPage(await this.browser.submit(step, words.logIn, credentials));
  }

  async open(path: string): Promise<Page> {
    return expectPage(await this.browser.open(new URL(path, this.sandbox.portal.url)));
  }

  /** Presses the Connect control in the Visma.net section of the integration's page, then goes through whichever of Visma's pages show. */
  async connect(integrationId: string, person: Person): Promise<Outcome> {
    const page = await this.open(`/integrations/${integrationId}`);
    return walkVismaPages(this.browser, await this.pressConnect(page), person);
  }

  /** The Connect control as the page has it: a button, an input or a link, inside the section its style names. */
  pressConnect(page: Page): Promise<Outcome> {
    const { connectLabel, style } = this.sandbox.portal;
    return this.browser.press(page, connectLabel, { within: style.connect.section });
  }
}

/** The section that shows an integration's Visma.net connection. */
export const connectionOf = (page: Page) => page.document.getElementById('connection')?.textContent?.trim();
