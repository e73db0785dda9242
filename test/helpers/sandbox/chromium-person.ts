import { type Page, expect } from '@playwright/test';
import type { Sandbox } from '../../../sandbox';
import { SUPERUSER } from './portal-person';
import { beginLogin, discover } from './relying-party';

/**
 * A person in Chromium on the sandbox's pages, with openid-client as the app: the authorization
 * URL is opened in the page and, like the app's login window, the first request to the redirect
 * URI is caught and never loaded.
 */
export async function openLogin(page: Page, sandbox: Sandbox, loginHint?: string) {
  const { redirectUri, scopes } = sandbox.environment;
  const config = await discover(sandbox);
  const login = await beginLogin(config, { redirectUri, scope: scopes, ...(loginHint ? { loginHint } : {}) });
  let caught!: (url: URL) => void;
  const callback = new Promise<URL>((resolve) => (caught = resolve));
  await page.route(
    (url) => url.href.startsWith(redirectUri),
    async (route) => {
      caught(new URL(route.request().url()));
      await route.fulfill({ status: 204 });
    },
  );
  await page.goto(login.url.href);
  return { config, login, callback };
}

export async function signIn(page: Page, person: { email: string; password: string }) {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function pickCompany(page: Page, name: string) {
  await expect(page.getByRole('heading', { name: 'Choose a company' })).toBeVisible();
  await page.getByRole('radio', { name, exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** The DataBridge portal look-alike's sign-in page, filled as a person would. */
export async function signInToPortal(page: Page, user: { email: string; password: string } = SUPERUSER) {
  await expect(page.getByRole('heading', { name: 'Sign in to DataBridge' })).toBeVisible();
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
