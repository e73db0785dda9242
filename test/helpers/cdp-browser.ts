import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, type Page, chromium } from '@playwright/test';
import type { LaunchedBrowser } from '../../src/main/browser/browser-process';

/**
 * Tests only: the flags that let a test reach the browser the app started — the DevTools protocol on
 * a port of the system's choosing (written to the profile folder), headless, and no sandbox as root.
 * The product never passes these.
 */
export const CDP_TEST_ARGS = ['--remote-debugging-port=0', '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** Attaches Playwright to a browser the app started over the DevTools protocol, and finds its first page. */
export async function attachOverCdp(launched: LaunchedBrowser, dataDir = launched.profileDir): Promise<{ browser: Browser; page: Page }> {
  if (!dataDir) throw new Error('attachOverCdp needs the browser’s data folder');
  const portFile = path.join(dataDir, 'DevToolsActivePort');
  // The file may still name an earlier browser of the same folder until this one has written it.
  let browser: Browser | undefined;
  for (let tries = 0; !browser && tries < 100; tries++) {
    const port = (await readFile(portFile, 'utf8').catch(() => '')).split('\n')[0]?.trim();
    browser = port ? await chromium.connectOverCDP(`http://127.0.0.1:${port}`).catch(() => undefined) : undefined;
    if (!browser) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!browser) throw new Error(`no browser answered at the port in ${portFile}`);
  const context = browser.contexts()[0]!;
  const page = context.pages().find((p) => p.url() !== 'about:blank') ?? (await context.waitForEvent('page'));
  return { browser, page };
}

/** The person closes the browser window (and with it the browser). */
export async function closeBrowserAsPerson(browser: Browser): Promise<void> {
  if (!browser.isConnected()) return; // closed already
  const session = await browser.newBrowserCDPSession().catch(() => undefined);
  await session?.send('Browser.close').catch(() => undefined);
}

/**
 * The browsers an app under test starts for its logins (B4), reached as a person would see them:
 * `next()` is the next one started, attached over the DevTools protocol. `dispose()` closes any left.
 */
export function installedBrowsers() {
  const started: LaunchedBrowser[] = [];
  const attached: Browser[] = [];
  const waiting: ((browser: LaunchedBrowser) => void)[] = [];
  return {
    deps: {
      extraArgs: CDP_TEST_ARGS,
      onLaunched: (browser: LaunchedBrowser) => {
        started.push(browser);
        waiting.shift()?.(browser);
      },
    },
    started,
    async next() {
      const launched = started.length > attached.length ? started[attached.length]! : await new Promise<LaunchedBrowser>((resolve) => waiting.push(resolve));
      const found = await attachOverCdp(launched);
      attached.push(found.browser);
      return { launched, ...found };
    },
    async dispose() {
      for (const browser of attached) await closeBrowserAsPerson(browser);
      for (const browser of started) await browser.stop();
    },
  };
}
