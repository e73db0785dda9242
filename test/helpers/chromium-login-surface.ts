import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { LoginRequest, LoginResult, LoginSurface } from '../../src/main/reauth/login-surface';
import { isRedirect } from '../../src/main/reauth/redirect-uri';

/**
 * The login window's twin in Chromium: a new browser context per attempt (its own cookies and
 * storage: the partition's twin), the first request to the redirect URI caught and never loaded,
 * other origins refused, and the context closed however the attempt ends. Like the Electron
 * surface, it prepares the next fresh context while the person types. The test plays the person: it
 * takes each opened login page from `nextLogin()` and types into it.
 */
export function chromiumLoginSurface(browser: Browser) {
  const waiting: ((page: Page) => void)[] = [];
  const opened: Page[] = [];
  /** Per attempt: when the login page was on screen and when the window's part ended (performance.now()). */
  const contexts: { closed: boolean; shownAt?: number; endedAt?: number }[] = [];
  /** Test-only interference: what an attacker or a misdirected network could do to a login. */
  const tamper: { redirect?: (url: URL) => URL; authorize?: (url: URL) => URL; allowOrigin?: string } = {};
  let spare: Promise<{ context: BrowserContext; page: Page }> | null = null;
  let disposed = false;

  const fresh = async () => {
    const context = await browser.newContext({ viewport: { width: 560, height: 800 } });
    return { context, page: await context.newPage() };
  };

  const surface: LoginSurface = {
    async open(request: LoginRequest): Promise<LoginResult> {
      const { context, page } = await (spare ?? fresh());
      spare = null;
      const state: (typeof contexts)[number] = { closed: false };
      contexts.push(state);
      try {
        const result = new Promise<LoginResult>((resolve) => {
          void context.route('**/*', async (route) => {
            const url = route.request().url();
            if (isRedirect(url, request.redirectUri)) {
              resolve({ kind: 'redirected', url: tamper.redirect ? tamper.redirect(new URL(url)) : new URL(url) });
              await route.abort();
            } else if (request.allowedOrigins.includes(new URL(url).origin) || new URL(url).origin === tamper.allowOrigin) await route.continue();
            else await route.abort('blockedbyclient');
          });
          page.on('close', () => resolve({ kind: 'closed' }));
          if (request.signal.aborted) resolve({ kind: 'closed' });
          request.signal.addEventListener('abort', () => resolve({ kind: 'closed' }), { once: true });
        });
        if (!request.signal.aborted) {
          await page.goto((tamper.authorize ? tamper.authorize(request.url) : request.url).href);
          state.shownAt = performance.now();
          if (!disposed && !spare) spare = fresh(); // while the person types, as the Electron surface does
          const next = waiting.shift();
          if (next) next(page);
          else opened.push(page);
        }
        const outcome = await result;
        state.endedAt = performance.now();
        return outcome;
      } finally {
        state.closed = true;
        await context.close();
      }
    },
  };

  return {
    surface,
    /** The next login page the app opens, for the test to type into. */
    nextLogin(): Promise<Page> {
      const page = opened.shift();
      return page ? Promise.resolve(page) : new Promise((resolve) => waiting.push(resolve));
    },
    /** How many login contexts were opened, and whether all are closed again. */
    contexts,
    tamper,
    async dispose() {
      disposed = true;
      const left = spare;
      spare = null;
      if (left) await (await left).context.close();
    },
  };
}
