import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page, expect, test } from '@playwright/test';
import { type Sandbox, startSandbox } from '../../sandbox';
import type { ApiResult } from '../../src/shared/api-result';
import { electronBinary } from '../helpers/electron-binary';
import { ordersProfile } from '../helpers/orders-profile';
import { completeLogin } from '../helpers/sandbox-harness';
import { ANNA, NORDLYS } from '../helpers/sandbox/relying-party';

const binary = electronBinary();

test.skip(!binary, 'No Electron binary here: its download needs github.com, which this machine cannot reach; runs wherever `npm start` works.');

/**
 * What only a real Electron shows: the second instance leaving at once, our title over the login
 * page's, sessions that are never freed, contextBridge's copying. The harness and the fake stand
 * in for these everywhere else.
 */
let userData: string;
test.beforeEach(async () => {
  userData = await mkdtemp(path.join(os.tmpdir(), 'bk-electron-'));
});
test.afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

const MAIN = path.resolve('out/main/index.js');
const env = () => ({ ...process.env, BRIDGEKEEPER_USER_DATA: userData });
const launch = () => electron.launch({ executablePath: binary!, args: [MAIN], env: env() });

/** Calls the bridge in the page: what crosses contextBridge is a result, never a thrown error. */
type Bridge = Record<string, (...args: unknown[]) => Promise<ApiResult<unknown>>>;
const call = (page: Page, method: string, ...args: unknown[]) =>
  page.evaluate(([name, list]) => (window as unknown as { bridgekeeper: Bridge }).bridgekeeper[name]!(...list), [method, args] as const);

async function withSandboxProfile(window: Page, sandbox: Sandbox) {
  expect(await call(window, 'saveEnvironment', sandbox.environment)).toMatchObject({ ok: true });
  expect(await call(window, 'createProfile', ordersProfile(sandbox.environment.id))).toMatchObject({ ok: true });
  await expect(window.getByRole('row').filter({ hasText: 'Orders into Visma' })).toBeVisible();
}

/** Reconnect ▸ Open Visma login; the login window as a Playwright page. */
async function openLogin(app: ElectronApplication, window: Page): Promise<Page> {
  await window.getByRole('button', { name: 'Reconnect Orders into Visma' }).click();
  const dialog = window.getByRole('dialog', { name: 'Reconnect Orders into Visma' });
  const opened = app.waitForEvent('window');
  await dialog.getByRole('button', { name: 'Open Visma login' }).click();
  return opened;
}

test('the real app launches, shows its window, and keeps a profile across a restart', async () => {
  let app = await launch();
  let window = await app.firstWindow();
  await expect(window.getByRole('tab', { name: 'Profiles' })).toBeVisible();
  // The page has the bridge and nothing of Node.
  expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(await window.evaluate(() => typeof (window as unknown as { bridgekeeper: { listProfiles: unknown } }).bridgekeeper.listProfiles)).toBe('function');

  await window.getByRole('button', { name: 'Add profile' }).click();
  const form = window.getByRole('dialog', { name: 'Add profile' });
  await form.getByLabel('Id', { exact: true }).fill('smoke');
  await form.getByLabel('Name', { exact: true }).fill('Smoke test');
  await form.getByLabel('Company id').fill('1');
  await form.getByLabel('API user').fill('smoke@example.com');
  await form.getByRole('button', { name: 'Add profile' }).click();
  await expect(window.getByText('Showing 1 of 1 profiles')).toBeVisible();
  await app.close();

  app = await launch();
  window = await app.firstWindow();
  await expect(window.getByRole('row').filter({ hasText: 'Smoke test' })).toBeVisible();
  // The log file is written where Help ▸ Open log folder points.
  expect(await readFile(path.join(userData, 'logs', 'bridgekeeper.log'), 'utf8')).toContain('"event":"app.start"');
  await app.close();
});

test('a failed call crosses contextBridge as a result with its code', async () => {
  const app = await launch();
  const window = await app.firstWindow();
  await expect(window.getByRole('tab', { name: 'Profiles' })).toBeVisible();
  expect(await call(window, 'deleteEnvironment', 'no-such-environment')).toMatchObject({ ok: false, error: { code: expect.any(String) } });
  expect(await call(window, 'listProfiles', -1, 10)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  await app.close();
});

test('a second instance exits at once and leaves the first one running', async () => {
  const app = await launch();
  const window = await app.firstWindow();
  await expect(window.getByRole('tab', { name: 'Profiles' })).toBeVisible();
  const started = Date.now();
  const second = spawn(binary!, [MAIN], { env: env(), stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
  expect(code).toBe(0);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  await app.close();
});

test.describe('login windows', () => {
  let sandbox: Sandbox;
  test.beforeEach(async () => {
    sandbox = await startSandbox();
  });
  test.afterEach(async () => {
    await sandbox.close();
  });

  test("keep our title over the login page's <title>", async () => {
    const app = await launch();
    const window = await app.firstWindow();
    await withSandboxProfile(window, sandbox);
    const login = await openLogin(app, window);
    await expect(login.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    expect(await login.title()).toContain('Visma Connect sandbox'); // the page has a title of its own …
    const titles = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.getTitle()));
    expect(titles).toContain('Visma login for Orders into Visma'); // … and the window keeps ours
    await completeLogin(login, ANNA, NORDLYS.name);
    await expect(window.getByRole('dialog', { name: 'Reconnect Orders into Visma' }).getByRole('status')).toContainText('accepted them');
    await app.close();
  });

  test('50 logins in a row leave main’s memory where it was', async () => {
    test.setTimeout(15 * 60_000);
    const app = await launch();
    const window = await app.firstWindow();
    await withSandboxProfile(window, sandbox);
    const memory = () =>
      app.evaluate(async ({ app: electronApp }) => {
        (globalThis as { gc?: () => void }).gc?.();
        const metrics = electronApp.getAppMetrics();
        // (Older Electrons leave `memory` out on Linux.)
        const allKb = metrics.reduce((sum, m) => sum + ((m.memory as typeof m.memory | undefined)?.workingSetSize ?? 0), 0);
        return { mainRss: process.memoryUsage().rss, allKb };
      });
    const dialog = window.getByRole('dialog', { name: 'Reconnect Orders into Visma' });
    const once = async () => {
      const login = await openLogin(app, window);
      await completeLogin(login, ANNA, NORDLYS.name);
      await expect(dialog.getByRole('status')).toContainText('accepted them');
      await dialog.getByRole('button', { name: 'Close' }).click();
    };
    for (let i = 0; i < 5; i++) await once(); // warm up
    const before = await memory();
    for (let i = 0; i < 50; i++) await once();
    const after = await memory();
    const grownMb = (after.mainRss - before.mainRss) / 1024 / 1024;
    test.info().annotations.push({ type: 'memory', description: `main RSS ${(before.mainRss / 2 ** 20).toFixed(0)} → ${(after.mainRss / 2 ** 20).toFixed(0)} MB; all processes ${(before.allKb / 1024).toFixed(0)} → ${(after.allKb / 1024).toFixed(0)} MB` });
    // A session per login (Electron frees none) cost several MB each; a few reused partitions do not grow with the count.
    expect(grownMb).toBeLessThan(60);
    await app.close();
  });
});
