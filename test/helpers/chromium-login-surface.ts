import type { Browser, Page } from '@playwright/test';
import type { LoginRequest, LoginResult, LoginSurface } from '../../src/main/reauth/login-surface';
import { isRedirect } from '../../src/main/reauth/redirect-uri';

/**
 * The login window's twin in Chromium: a new browser context per attempt (its own cookies and
 * storage: the partition's twin), the first request to the redirect URI caught and never loaded,
 * other origins refused, and the context closed however the attempt ends. The test plays the
 * person: it takes each opened login page from `nextLogin()` and types into it.
 */
export function chromiumLoginSurface(browser: Browser) {
  const waiting: ((page: Page) => void)[] = [];
  const opened: Page[] = [];
  const contexts: { closed: boolean }[] = [];

  const surface: LoginSurface = {
    async open(request: LoginRequest): Promise<LoginResult> {
      const context = await browser.newContext({ viewport: { width: 560, height: 800 } });
      const state = { closed: false };
      contexts.push(state);
      try {
        const page = await context.newPage();
        const result = new Promise<LoginResult>((resolve) => {
          void context.route('**/*', async (route) => {
            const url = route.request().url();
            if (isRedirect(url, request.redirectUri)) {
              resolve({ kind: 'redirected', url: new URL(url) });
              await route.abort();
            } else if (request.allowedOrigins.includes(new URL(url).origin)) await route.continue();
            else await route.abort('blockedbyclient');
          });
          page.on('close', () => resolve({ kind: 'closed' }));
          if (request.signal.aborted) resolve({ kind: 'closed' });
          request.signal.addEventListener('abort', () => resolve({ kind: 'closed' }), { once: true });
        });
        if (!request.signal.aborted) {
          await page.goto(request.url.href);
          const next = waiting.shift();
          if (next) next(page);
          else opened.push(page);
        }
        return await result;
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
  };
}
