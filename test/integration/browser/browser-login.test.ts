import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox';
import type { LaunchedBrowser } from '../../../src/main/browser/browser-process';
import { createMemoryVault } from '../../../src/main/reauth/token-vault';
import type { LoginWith } from '../../../src/shared/login-with';
import { CDP_TEST_ARGS, attachOverCdp, closeBrowserAsPerson } from '../../helpers/cdp-browser';
import { ordersProfile } from '../../helpers/orders-profile';
import { ANNA, FJELLVIND, NORDLYS } from '../../helpers/sandbox/relying-party';
import { sandboxPerTest } from '../../helpers/sandbox/sandboxes';
import { tempApp } from '../../helpers/temp-app';

/**
 * B4 with a real browser: Debian's Chromium is the installed browser, found by the product's own
 * detection; the test reaches the window the app started over the DevTools protocol and types as a
 * person would. The app itself only starts the browser and listens on its loopback redirect.
 */

const newSandbox = sandboxPerTest();
const THROWAWAY: LoginWith = { kind: 'browser', browser: 'chromium', mode: 'throwaway-profile' };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(sandbox: Sandbox, options: { loginTimeoutMs?: number; extraArgs?: string[] } = {}) {
  const launched: LaunchedBrowser[] = [];
  const waiting: ((browser: LaunchedBrowser) => void)[] = [];
  const vault = createMemoryVault();
  const app = tempApp(undefined, {
    vault,
    now: () => new Date(),
    ...(options.loginTimeoutMs ? { loginTimeoutMs: options.loginTimeoutMs } : {}),
    browserLogins: {
      extraArgs: options.extraArgs ?? CDP_TEST_ARGS,
      onLaunched: (browser) => {
        launched.push(browser);
        waiting.shift()?.(browser);
      },
    },
  });
  cleanups.push(() => app.cleanup());
  cleanups.push(async () => {
    for (const browser of launched) await browser.stop();
  });
  await app.api.saveEnvironment(sandbox.environment);
  await app.api.createProfile(ordersProfile(sandbox.environment.id));
  /** The next browser the app starts, and its page, reached over the DevTools protocol. */
  const nextBrowser = async (dataDir?: (b: LaunchedBrowser) => string) => {
    const browser = await new Promise<LaunchedBrowser>((resolve) => waiting.push(resolve));
    const attached = await attachOverCdp(browser, dataDir?.(browser));
    cleanups.push(() => closeBrowserAsPerson(attached.browser));
    return { launched: browser, ...attached };
  };
  return { app, vault, launched, nextBrowser };
}

async function logInAsPerson(page: Page, person: { email: string; password: string }, company: string) {
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('radio', { name: company, exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Accept' }).click();
}

describe('a direct reconnect in a throw-away profile of the installed Chromium', () => {
  it('connects through the loopback redirect, with the same checks as the built-in window, and leaves no profile folder', async () => {
    const sandbox = await newSandbox();
    const { app, vault, nextBrowser } = await setUp(sandbox);
    expect(await app.api.listBrowsers()).toContainEqual(expect.objectContaining({ id: 'chromium', path: '/usr/bin/chromium' }));
    const result = app.api.reauthenticate('orders', { loginWith: THROWAWAY });
    const { launched, page } = await nextBrowser();
    // Visma's own sign-in page, in a browser with nothing of anyone's: a profile folder made for this login.
    expect(launched.profileDir).toMatch(/bridgekeeper-browser-/);
    expect(new URL(page.url()).origin).toBe(new URL(sandbox.environment.issuer).origin);
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in', exact: true }).isVisible()).toBe(true);
    await logInAsPerson(page, ANNA, NORDLYS.name);
    expect(await result).toMatchObject({ outcome: 'connected', title: 'Connected' });
    expect(await vault.get('orders')).toMatchObject({ tenantId: NORDLYS.id });
    expect(app.profiles.get('orders')).toMatchObject({ status: 'connected' });
    // The browser is closed and its profile folder gone before the app says so.
    expect(launched.running()).toBe(false);
    expect(existsSync(launched.profileDir!)).toBe(false);
  });

  it('refuses the wrong company exactly as the built-in window does, and still removes the profile folder', async () => {
    const sandbox = await newSandbox();
    const { app, vault, nextBrowser } = await setUp(sandbox);
    const result = app.api.reauthenticate('orders', { loginWith: THROWAWAY });
    const { launched, page } = await nextBrowser();
    await logInAsPerson(page, ANNA, FJELLVIND.name);
    expect(await result).toMatchObject({ outcome: 'wrong-company' });
    expect(await vault.get('orders')).toBeNull();
    expect(existsSync(launched.profileDir!)).toBe(false);
  });

  it('ends as cancelled when the person closes the browser, and when the app cancels; no folder left either way', async () => {
    const sandbox = await newSandbox();
    const { app, nextBrowser } = await setUp(sandbox);
    const closedByPerson = app.api.reauthenticate('orders', { loginWith: THROWAWAY });
    const first = await nextBrowser();
    await closeBrowserAsPerson(first.browser);
    expect(await closedByPerson).toMatchObject({ outcome: 'cancelled' });
    expect(existsSync(first.launched.profileDir!)).toBe(false);

    const cancelled = app.api.reauthenticate('orders', { loginWith: THROWAWAY });
    const second = await nextBrowser();
    await app.api.cancelReauth('orders');
    expect(await cancelled).toMatchObject({ outcome: 'cancelled' });
    expect(second.launched.running()).toBe(false);
    expect(existsSync(second.launched.profileDir!)).toBe(false);
  });

  it('times out like the built-in window, closing the browser and removing its folder', async () => {
    const sandbox = await newSandbox();
    const { app, nextBrowser } = await setUp(sandbox, { loginTimeoutMs: 3000 });
    const result = app.api.reauthenticate('orders', { loginWith: THROWAWAY });
    const { launched } = await nextBrowser();
    expect(await result).toMatchObject({ outcome: 'timed-out' });
    expect(existsSync(launched.profileDir!)).toBe(false);
  });

  it('follows the environment’s choice when the reconnect names none', async () => {
    const sandbox = await newSandbox();
    const { app, nextBrowser } = await setUp(sandbox);
    await app.api.saveEnvironment({ ...sandbox.environment, loginWith: THROWAWAY });
    const result = app.api.reauthenticate('orders');
    const { page } = await nextBrowser();
    await logInAsPerson(page, ANNA, NORDLYS.name);
    expect(await result).toMatchObject({ outcome: 'connected' });
  });
});

describe('a bulk reconnect in the browser', () => {
  it('uses the environment’s choice: one browser per profile, closed and its folder removed before the next opens', async () => {
    const sandbox = await newSandbox();
    const { app, launched, nextBrowser } = await setUp(sandbox);
    await app.api.createProfile(ordersProfile(sandbox.environment.id, { id: 'orders-2', name: 'Nordlys: orders (2)' }));
    await app.api.saveEnvironment({ ...sandbox.environment, loginWith: THROWAWAY });
    await app.api.startBulkRun(['orders', 'orders-2']);
    await app.api.bulkSetAuto(true); // opens the first login, and each next one by itself
    const first = await nextBrowser();
    await logInAsPerson(first.page, ANNA, NORDLYS.name);
    const second = await nextBrowser();
    // The second browser started only once the first was closed and its profile folder gone.
    expect(first.launched.running()).toBe(false);
    expect(existsSync(first.launched.profileDir!)).toBe(false);
    expect(second.launched.profileDir).not.toBe(first.launched.profileDir);
    await logInAsPerson(second.page, ANNA, NORDLYS.name);
    await app.bulk.idle();
    expect((await app.api.getBulkRun())?.counts).toMatchObject({ connected: 2, total: 2 });
    expect(launched.every((b) => !b.running() && !existsSync(b.profileDir!))).toBe(true);
  });
});

describe('quitting Bridgekeeper during a login in a browser', () => {
  it('closes the throw-away browser and deletes its profile folder', async () => {
    const sandbox = await newSandbox();
    const { app, nextBrowser } = await setUp(sandbox);
    const result = app.api.reauthenticate('orders', { loginWith: THROWAWAY });
    const { launched } = await nextBrowser();
    await app.browsers.stopAll();
    expect(launched.running()).toBe(false);
    expect(existsSync(launched.profileDir!)).toBe(false);
    expect(await result).toMatchObject({ outcome: 'cancelled' });
  });
});

describe('what stops a browser login before it starts', () => {
  it('says so when the chosen browser is not on this computer, or the redirect URI is not a loopback one', async () => {
    const sandbox = await newSandbox();
    const { app, launched } = await setUp(sandbox);
    expect(await app.api.reauthenticate('orders', { loginWith: { kind: 'browser', browser: 'custom', path: '/nowhere/browser', mode: 'throwaway-profile' } })).toMatchObject({
      outcome: 'browser-failed',
      explanation: '/nowhere/browser is not a program on this computer. Nothing was changed.',
    });
    await app.api.saveEnvironment({ ...sandbox.environment, redirectUri: 'bridgekeeper://callback' });
    const refused = await app.api.reauthenticate('orders', { loginWith: THROWAWAY });
    expect(refused.outcome).toBe('browser-failed');
    expect(refused.explanation).toContain('A login in a browser needs a loopback redirect URI (http://127.0.0.1/…) registered with Visma, not “bridgekeeper://callback”');
    expect(launched).toEqual([]);
    expect(app.profiles.get('orders')).toMatchObject({ status: 'never-connected' });
  });
});

describe('a private window of the person’s own browser', () => {
  it('waits for the previous login’s private window to be closed before it opens the next, where the browser lets it tell', async () => {
    const sandbox = await newSandbox();
    // The person's own browser: here a Chromium with a data folder of its own, started by the first login.
    const own = await mkdtemp(path.join(os.tmpdir(), 'own-chromium-'));
    cleanups.push(() => rm(own, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }));
    const { app, nextBrowser } = await setUp(sandbox, { extraArgs: [...CDP_TEST_ARGS, `--user-data-dir=${own}`] });
    const steps: string[] = [];
    const PRIVATE: LoginWith = { kind: 'browser', browser: 'chromium', mode: 'private-window' };
    const first = app.api.reauthenticate('orders', { loginWith: PRIVATE });
    const one = await nextBrowser(() => own);
    await logInAsPerson(one.page, ANNA, NORDLYS.name);
    expect(await first).toMatchObject({ outcome: 'connected' });
    expect(one.launched.running()).toBe(true); // a private window is the person's to close

    const unsubscribe = app.events.length;
    const second = app.api.reauthenticate('orders', { loginWith: PRIVATE });
    await expect.poll(() => app.events.slice(unsubscribe).some((e) => e.type === 'reauth-progress' && e.step === 'close-previous')).toBe(true);
    steps.push('asked to close');
    await closeBrowserAsPerson(one.browser);
    const two = await nextBrowser(() => own);
    await logInAsPerson(two.page, ANNA, NORDLYS.name);
    expect(await second).toMatchObject({ outcome: 'connected' });
    await closeBrowserAsPerson(two.browser);
    expect(steps).toEqual(['asked to close']);
  });
});
