import path from 'node:path';
import type { BrowserId, DetectedBrowser, LoginWith } from '../../shared/login-with';
import type { LoginChannel } from '../reauth/login-surface';
import { BrowserError } from './browser-error';
import { type LaunchOptions, type LaunchedBrowser, launchBrowser } from './browser-process';
import type { CallbackPage } from './callback-page';
import { KNOWN_BROWSERS } from './known-browsers';
import { listenOnLoopback } from './loopback-listener';

export type BrowserChoice = Extract<LoginWith, { kind: 'browser' }>;

export interface BrowserLoginsDeps {
  detect(): Promise<DetectedBrowser[]>;
  isExecutable(file: string): Promise<boolean>;
  /** The page the browser shows at the loopback redirect, in the reader's language. */
  callbackPage(page: CallbackPage): string;
  launch?: (options: LaunchOptions) => Promise<LaunchedBrowser>;
  /** Tests only: flags that let a test attach over the DevTools protocol. Never set by the product. */
  extraArgs?: readonly string[];
  /** Tests only: told of each browser started, to attach to it. */
  onLaunched?(browser: LaunchedBrowser): void;
}

/** What a login in a browser may have to wait for before it starts. */
export interface BrowserHooks {
  /** The private window of the previous login is still open: the person is asked to close it. */
  waitingForPreviousWindow?(): void;
}

const CUSTOM_IDS: [RegExp, BrowserId][] = [
  [/msedge|edge/i, 'edge'],
  [/brave/i, 'brave'],
  [/firefox/i, 'firefox'],
  [/chrome(?!.*chromium)/i, 'chrome'],
];

/**
 * Logins in a browser on this machine (B4): which browser, started how, and for a direct profile
 * the loopback redirect that brings Visma's answer back without watching the browser.
 */
export function createBrowserLogins(deps: BrowserLoginsDeps) {
  const launch = deps.launch ?? launchBrowser;
  /** Per browser program, the private window we last started, where the browser lets us tell it is open. */
  const privateWindows = new Map<string, LaunchedBrowser>();
  /** Every browser started and not yet stopped: quitting Bridgekeeper must not leave a throw-away profile behind. */
  const live = new Set<LaunchedBrowser>();

  async function resolve(choice: BrowserChoice): Promise<DetectedBrowser> {
    if (choice.browser === 'custom') {
      const file = choice.path ?? '';
      if (!(await deps.isExecutable(file))) throw new BrowserError('browser.error.notProgram', { path: file });
      const id = CUSTOM_IDS.find(([pattern]) => pattern.test(path.basename(file)))?.[1] ?? 'chromium';
      return { id, name: path.basename(file), family: id === 'firefox' ? 'firefox' : 'chromium', path: file };
    }
    const found = (await deps.detect()).find((b) => b.id === choice.browser);
    if (!found) throw new BrowserError('browser.error.notInstalled', { browser: KNOWN_BROWSERS.find((b) => b.id === choice.browser)?.name ?? choice.browser });
    return found;
  }

  /** Starts the browser on the page; undefined when the login was cancelled while the previous private window was still open. */
  async function start(choice: BrowserChoice, url: string, signal: AbortSignal, hooks: BrowserHooks): Promise<LaunchedBrowser | undefined> {
    const browser = await resolve(choice);
    const previous = choice.mode === 'private-window' ? privateWindows.get(browser.path) : undefined;
    if (previous?.running()) {
      // Private windows share one session while any is open: the next login would find the last one's.
      hooks.waitingForPreviousWindow?.();
      await Promise.race([previous.exited, new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }))]);
      if (signal.aborted) return undefined;
    }
    const launched = await launch({ browser, mode: choice.mode, url, ...(deps.extraArgs ? { extraArgs: deps.extraArgs } : {}) });
    if (choice.mode === 'private-window') privateWindows.set(browser.path, launched);
    live.add(launched);
    deps.onLaunched?.(launched);
    return { ...launched, stop: () => launched.stop().finally(() => live.delete(launched)) };
  }

  return {
    listBrowsers: (): Promise<DetectedBrowser[]> => deps.detect(),

    /** On quit: closes every throw-away browser still open and deletes its profile folder (a private window is the person's). */
    stopAll: async (): Promise<void> => {
      await Promise.all([...live].map((launched) => launched.stop()));
      live.clear();
    },

    /** A direct profile's login in the browser: Visma's answer comes back to a loopback listener. */
    async directChannel(redirectUri: string, choice: BrowserChoice, hooks: BrowserHooks = {}): Promise<LoginChannel> {
      const listener = await listenOnLoopback(redirectUri, deps.callbackPage);
      let launched: LaunchedBrowser | undefined;
      return {
        redirectUri: listener.redirectUri,
        async open(request) {
          const state = request.url.searchParams.get('state') ?? '';
          launched = await start(choice, request.url.href, request.signal, hooks);
          if (!launched) return { kind: 'closed' };
          const answer = listener.answer(state, request.signal);
          // A throw-away browser closed by the person ends the login; a private window's browser cannot tell us.
          const closed = choice.mode === 'throwaway-profile' ? launched.exited.then(() => undefined) : new Promise<undefined>(() => undefined);
          const url = await Promise.race([answer, closed]);
          return url ? { kind: 'redirected', url } : { kind: 'closed' };
        },
        async close() {
          await listener.close();
          await launched?.stop();
        },
      };
    },

    /** A page (a portal profile's) in the browser; the caller stops it when the person has said how it went. */
    openPage: (url: string, choice: BrowserChoice, signal: AbortSignal, hooks: BrowserHooks = {}) => start(choice, url, signal, hooks),
  };
}

export type BrowserLogins = ReturnType<typeof createBrowserLogins>;
