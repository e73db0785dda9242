import type { Sandbox } from '../../../sandbox';
import { HttpPerson, type Outcome, type Page, expectPage } from './http-person';
import { type Person, walkVismaPages } from './relying-party';

/** The default seed's portal user. */
export const SUPERUSER = { email: 'superuser@example.com', password: 'Portal-sandbox-1' } as const;

/**
 * A SuperUser in the DataBridge portal look-alike, over HTTP: one cookie jar for the portal and
 * Visma Connect (kept apart by host, as a browser keeps them), following every redirect and
 * form_post, the portal's callback included.
 */
export class PortalPerson {
  readonly browser = new HttpPerson();

  constructor(private readonly sandbox: Sandbox) {}

  async signIn(user: { email: string; password: string } = SUPERUSER, at: string = this.sandbox.portal.signInUrl): Promise<Page> {
    const page = expectPage(await this.browser.open(at));
    return expectPage(await this.browser.submit(page, 'Sign in', { Email: user.email, Password: user.password }));
  }

  async open(path: string): Promise<Page> {
    return expectPage(await this.browser.open(new URL(path, this.sandbox.portal.url)));
  }

  /** Presses Connected on the integration's page, then goes through whichever of Visma's pages show. */
  async connect(integrationId: string, person: Person): Promise<Outcome> {
    const page = await this.open(`/integrations/${integrationId}`);
    return walkVismaPages(this.browser, await this.browser.submit(page, 'Connected'), person);
  }
}

/** The section that shows an integration's Visma.net connection. */
export const connectionOf = (page: Page) => page.document.getElementById('connection')?.textContent?.trim();
