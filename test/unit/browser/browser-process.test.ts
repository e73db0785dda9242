import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../src/main/browser/browser-process';

/**
 * A real process started the way a login's browser is: a small Node script in the browser's place,
 * which writes the environment it was given to the file named by its first argument.
 */
let dir: string;
let saved: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-browser-env-'));
  saved = { ...process.env };
});
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) Reflect.deleteProperty(process.env, name);
  Object.assign(process.env, saved);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function environmentOfBrowser(): Promise<Record<string, string>> {
  const browser = path.join(dir, 'browser');
  const out = path.join(dir, 'env.json');
  fs.writeFileSync(browser, `#!${process.execPath}\nrequire('fs').writeFileSync(process.argv[2].slice('--env-out='.length), JSON.stringify(process.env));\n`, { mode: 0o755 });
  const launched = await launchBrowser({ browser: { id: 'chrome', family: 'chromium', path: browser }, mode: 'throwaway-profile', url: 'http://127.0.0.1:1/authorize', extraArgs: [`--env-out=${out}`] });
  await launched.exited;
  await launched.stop();
  return JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, string>;
}

describe.skipIf(process.platform === 'win32')('the environment a login’s browser starts with', () => {
  it('lacks what Electron set for itself (CHROME_DESKTOP, ELECTRON_*), and keeps the person’s own', async () => {
    // What Electron's main process holds on Linux: CHROME_DESKTOP from app.setDesktopName, and Electron's switches.
    Object.assign(process.env, {
      CHROME_DESKTOP: 'bridgekeeper.desktop',
      ELECTRON_RUN_AS_NODE: '1',
      ELECTRON_ENABLE_LOGGING: 'true',
      ELECTRON_OZONE_PLATFORM_HINT: 'auto',
      GOOGLE_API_KEY: 'the-persons-own-key',
      HTTPS_PROXY: 'http://proxy.example:3128',
      LANG: 'fi_FI.UTF-8',
    });
    const env = await environmentOfBrowser();
    expect(Object.keys(env).filter((name) => name === 'CHROME_DESKTOP' || name.startsWith('ELECTRON_'))).toEqual([]);
    expect(env).toMatchObject({ GOOGLE_API_KEY: 'the-persons-own-key', HTTPS_PROXY: 'http://proxy.example:3128', LANG: 'fi_FI.UTF-8', PATH: process.env.PATH });
    // Our own environment is left as it was: Electron and Chromium in this process still read CHROME_DESKTOP.
    expect(process.env.CHROME_DESKTOP).toBe('bridgekeeper.desktop');
  });
});
