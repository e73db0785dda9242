import type { Locator, Page } from '@playwright/test';
import type { SandboxPortal } from '../../../sandbox';
import { SUPERUSER, SUPEROFFICE_SIGN_IN } from './portal-person';
import type { Person } from './relying-party';

/**
 * A person in Chromium on a portal look-alike of any style, for vitest (which has no Playwright
 * `expect`: these wait for what a person would see, and the tests assert with vitest's).
 */

/** Signs in on the portal's sign-in page the browser shows, the way its style asks. */
export async function signInToPortalIn(page: Page, portal: SandboxPortal, user: { email: string; password: string } = SUPERUSER): Promise<void> {
  const { style, words } = portal;
  const fill = async (labels: { email: string; password: string }, button: string) => {
    await page.getByLabel(labels.email, { exact: true }).fill(user.email);
    await page.getByLabel(labels.password, { exact: true }).fill(user.password);
    await page.getByRole('button', { name: button, exact: true }).click();
  };
  switch (style.signIn) {
    case 'account-login':
      await page.getByRole('button', { name: words.logInWithEmail, exact: true }).click();
      await page.getByRole('heading', { name: words.logInWithEmailTitle }).waitFor();
      return fill(words, words.logIn);
    case 'federated':
      await page.getByRole('button', { name: words.logInWithSuperOffice, exact: true }).click();
      await page.getByRole('heading', { name: SUPEROFFICE_SIGN_IN.heading }).waitFor();
      return fill({ email: 'Email', password: 'Password' }, SUPEROFFICE_SIGN_IN.button);
    default:
      await page.getByRole('heading', { name: words.signInTitle }).waitFor();
      return fill(words, words.signIn);
  }
}

/** The Connect control inside the Visma.net section: a button (also an input or a role="button") or a link. */
export function connectControlIn(page: Page, portal: SandboxPortal): Locator {
  const { style, connectLabel } = portal;
  return page.getByRole('region', { name: style.connect.section }).getByRole(style.connect.kind === 'link' ? 'link' : 'button', { name: connectLabel, exact: true });
}

/** Visma's pages, in the portal's window or in the popup it opened: whichever shows them. */
export async function vismaPage(window: Page): Promise<Page> {
  for (let i = 0; i < 300; i++) {
    for (const page of [window, ...window.context().pages()]) {
      if (page.isClosed()) continue;
      if (await page.getByRole('heading', { name: /^(Sign in|Choose a company)$/ }).isVisible().catch(() => false)) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Visma’s login never showed');
}

/** Visma Connect's pages as they come: sign in (skipped over a Visma session), the company, consent. */
export async function walkVismaIn(page: Page, person: Person): Promise<void> {
  const first = page.getByRole('heading', { name: /^(Sign in|Choose a company)$/ });
  await first.waitFor();
  if ((await first.textContent()) === 'Sign in') {
    await page.getByLabel('Email', { exact: true }).fill(person.email);
    await page.getByLabel('Password', { exact: true }).fill(person.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Choose a company' }).waitFor();
  }
  await page.getByRole('radio', { name: person.company!, exact: true }).check();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.getByRole('heading', { name: /^Allow .* access\?$/ }).waitFor();
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
}

/** Presses Connect and answers the popup the portal opens. */
export async function connectInPopup(page: Page, portal: SandboxPortal, press: (control: Locator) => Promise<void> = (control) => control.click()): Promise<Page> {
  const opened = page.waitForEvent('popup');
  await press(connectControlIn(page, portal));
  return opened;
}

/** Visma's pages in a popup that closes itself at the end (the portal's passing page); listens for the close first, which may come at once. */
export async function walkVismaInClosingPopup(popup: Page, person: Person): Promise<void> {
  const closed = popup.waitForEvent('close');
  await walkVismaIn(popup, person);
  await closed;
}
