import type { Page } from '@playwright/test';
import { type Sandbox, startSandbox } from '../../sandbox';
import type { ProfileInput } from '../../src/shared/profile';
import { type Harness, test as base, expect } from './harness';
import { ordersProfile } from './orders-profile';
import { pickCompany, signIn } from './sandbox/chromium-person';

/** The harness with a Visma Connect sandbox of its own per test. */
export const test = base.extend<{ sandbox: Sandbox }>({
  // Playwright reads a fixture's dependencies from its destructured first parameter: none here.
  // eslint-disable-next-line no-empty-pattern
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox();
    await use(sandbox);
    await sandbox.close();
  },
});

export { expect };

/** A profile on the sandbox (Nordlys, Anna unless overridden), added through the API. */
export async function addProfile(bk: Harness, sandbox: Sandbox, overrides: Partial<ProfileInput> = {}) {
  if (!bk.app.environments.exists(sandbox.environment.id)) await bk.app.api.saveEnvironment(sandbox.environment);
  return bk.app.api.createProfile(ordersProfile(sandbox.environment.id, overrides));
}

export async function consent(login: Page, answer: 'Accept' | 'Deny' = 'Accept') {
  await expect(login.getByRole('heading', { name: /^Allow .* access\?$/ })).toBeVisible();
  await login.getByRole('button', { name: answer }).click();
}

/** The person's whole part of a login: sign in, pick the company, accept. */
export async function completeLogin(login: Page, person: { email: string; password: string }, company: string) {
  await signIn(login, person);
  await pickCompany(login, company);
  await consent(login);
}

/** What the token store holds for a profile (the sealed file, as the app reads it). */
export const storedTokens = (bk: Harness, profileId: string) => bk.app.tokens.vault.get(profileId);
