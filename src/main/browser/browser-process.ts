import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserMode, DetectedBrowser } from '../../shared/login-with';
import { BrowserError } from './browser-error';
import { FIREFOX_QUIET_PREFS, launchArgs } from './launch-args';

/** A browser started for one login. */
export interface LaunchedBrowser {
  /** The throw-away profile folder; none for a private window. */
  profileDir?: string;
  /** Settles when the process we started ends. For a private window handed to a browser already running, that is at once. */
  exited: Promise<void>;
  /** Whether the process we started still runs (a throw-away browser, or a private window whose browser we started). */
  running(): boolean;
  /**
   * Ends the login's browser: a throw-away one is closed and its profile folder removed, whatever
   * state it is in. A private window belongs to the person's browser and is left to them.
   */
  stop(): Promise<void>;
}

export interface LaunchOptions {
  browser: Pick<DetectedBrowser, 'id' | 'family' | 'path'>;
  mode: BrowserMode;
  url: string;
  /** Tests only: flags to attach to the browser over the DevTools protocol and run it headless. Never set by the product. */
  extraArgs?: readonly string[];
}

/**
 * The environment the person's browser starts with: ours, less what Electron put there for itself.
 * - CHROME_DESKTOP: Electron sets it on Linux as it starts (lib/browser/init.ts calls
 *   app.setDesktopName, "bridgekeeper.desktop"). Chrome reads it for its own desktop identity: a
 *   Chrome that inherits it groups its windows under Bridgekeeper's icon and asks about our .desktop
 *   file when it checks whether it is the default browser.
 * - ELECTRON_*: Electron's own switches (ELECTRON_RUN_AS_NODE turns any Electron-built program into a
 *   bare Node, ELECTRON_ENABLE_LOGGING, ELECTRON_OZONE_PLATFORM_HINT, …); a browser has no use for them.
 * Electron sets nothing else that lasts (LC_ALL and GDK_GL are set for a moment at start and put back;
 * GOOGLE_API_KEY it only reads): the rest — proxy, locale, display, the person's own keys — is theirs
 * and passes on. Names are compared without case, as Windows does.
 */
export function browserEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !isElectronsOwn(name)));
}

const isElectronsOwn = (name: string): boolean => name.toUpperCase() === 'CHROME_DESKTOP' || name.toUpperCase().startsWith('ELECTRON_');

/** Starts the browser; resolves once it is running (or failed to start). */
export async function launchBrowser(options: LaunchOptions): Promise<LaunchedBrowser> {
  const throwaway = options.mode === 'throwaway-profile';
  const profileDir = throwaway ? await mkdtemp(path.join(os.tmpdir(), 'bridgekeeper-browser-')) : undefined;
  if (profileDir && options.browser.family === 'firefox') await writeFile(path.join(profileDir, 'user.js'), FIREFOX_QUIET_PREFS);
  const removeProfile = async () => {
    // Windows may hold a file of the just-ended browser a moment longer: retry.
    if (profileDir) await rm(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };

  let child: ChildProcess;
  try {
    child = spawn(options.browser.path, [...(options.extraArgs ?? []), ...launchArgs(options.browser, options.mode, options.url, profileDir)], {
      stdio: 'ignore',
      env: browserEnvironment(),
      // Its own process group, so the whole browser (its helper processes too) can be ended together.
      detached: process.platform !== 'win32',
      windowsHide: false,
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
  } catch (error) {
    await removeProfile();
    const code = (error as NodeJS.ErrnoException).code;
    throw new BrowserError('browser.error.cannotStart', { path: options.browser.path, reason: code ?? (error as Error).message });
  }

  let alive = true;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => (alive = false));
  if (!throwaway) child.unref(); // the person's browser lives on without us

  let stopping: Promise<void> | undefined;
  return {
    ...(profileDir ? { profileDir } : {}),
    exited,
    running: () => alive,
    stop() {
      stopping ??= (async () => {
        if (!throwaway) return;
        if (alive) {
          endProcessTree(child, 'SIGTERM');
          const ended = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000).unref())]);
          if (!ended) endProcessTree(child, 'SIGKILL');
          await exited;
        }
        await removeProfile();
      })();
      return stopping;
    },
  };
}

function endProcessTree(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (process.platform === 'win32') spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    else process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}
