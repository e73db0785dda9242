import type { Browser, BrowserContext, Cookie, Page, Request } from '@playwright/test';
import { pressConnect } from '../../src/main/portal/press-connect';
import type { PortalAttemptRequest, PortalAttemptResult, PortalCookie, PortalSignInRequest, PortalSignInResult, PortalSite, PortalSurface } from '../../src/main/portal/portal-surface';
import { cookieUrl, createPortalWatch, isSignInPage, portalNavigationAllowed } from '../../src/main/portal/portal-watch';

const toPortalCookie = (c: Cookie): PortalCookie => ({
  name: c.name,
  value: c.value,
  ...(c.domain.startsWith('.') ? { domain: c.domain } : {}),
  path: c.path,
  secure: c.secure,
  httpOnly: c.httpOnly,
  sameSite: c.sameSite,
  ...(c.expires > 0 ? { expires: c.expires } : {}),
});

async function seed(context: BrowserContext, origin: string, cookies: readonly PortalCookie[]) {
  if (cookies.length === 0) return;
  await context.addCookies(
    cookies.map((c) => ({
      name: c.name,
      value: c.value,
      ...(c.domain ? { domain: c.domain, path: c.path } : { url: cookieUrl(origin, c) }),
      secure: c.secure,
      httpOnly: c.httpOnly,
      ...(c.sameSite === 'unspecified' ? {} : { sameSite: c.sameSite }),
      ...(c.expires ? { expires: c.expires } : {}),
    })),
  );
}

const cookiesOf = async (context: BrowserContext, origin: string) => (await context.cookies(origin)).map(toPortalCookie);

/** The portal window's twin in Chromium: what platform/portal-window.ts does with a partition, with a browser context. */
export function chromiumPortalSurface(browser: Browser) {
  const waiting: ((page: Page) => void)[] = [];
  const opened: Page[] = [];
  /** Every context an attempt or sign-in used: the tests check that each started with the portal's cookies only, and was closed. */
  /** Times are performance.now(): shown to the person, the ending known (the portal's answer), the context closed. */
  const contexts: { kind: 'sign-in' | 'reconnect'; seededWith: PortalCookie[]; closed: boolean; startedAt: number; shownAt?: number; answeredAt?: number; endedAt?: number }[] = [];

  const hand = (page: Page) => {
    const next = waiting.shift();
    if (next) next(page);
    else opened.push(page);
  };

  /** Like the Electron surface, the next fresh context is made while the person types: it has never shown anything. */
  let spare: Promise<{ context: BrowserContext; page: Page }> | null = null;
  let disposed = false;
  const fresh = async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 760 } });
    return { context, page: await context.newPage() };
  };
  const prepareNext = () => {
    if (!disposed && !spare) spare = fresh();
  };

  const open = async (kind: 'sign-in' | 'reconnect', portal: PortalSite, cookies: PortalCookie[], allowed: (url: string) => boolean) => {
    const record: (typeof contexts)[number] = { kind, seededWith: cookies, closed: false, startedAt: performance.now() };
    contexts.push(record);
    const { context, page } = await (spare ?? fresh());
    spare = null;
    await seed(context, portal.origin, cookies);
    await context.route('**/*', (route) => (allowed(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
    const close = async () => {
      record.closed = true;
      record.endedAt = performance.now();
      await context.close();
    };
    return { context, page, record, close };
  };

  const surface: PortalSurface = {
    async signIn(request: PortalSignInRequest): Promise<PortalSignInResult> {
      const { portal } = request;
      const { context, page, close } = await open('sign-in', portal, request.cookies, (url) => portalNavigationAllowed(url, portal) || url.startsWith('https:'));
      try {
        const result = new Promise<PortalSignInResult>((resolve) => {
          let visitedSignIn = false;
          page.on('framenavigated', (frame) => {
            if (frame !== page.mainFrame()) return;
            const url = frame.url();
            if (isSignInPage(url, portal)) visitedSignIn = true;
            else if (visitedSignIn && URL.canParse(url) && new URL(url).origin === portal.origin) void cookiesOf(context, portal.origin).then((cookies) => resolve({ kind: 'signed-in', cookies }));
          });
          page.on('close', () => resolve({ kind: 'closed' }));
          request.signal.addEventListener('abort', () => resolve({ kind: 'closed' }), { once: true });
        });
        if (!request.signal.aborted) {
          await page.goto(portal.signInUrl);
          hand(page);
          prepareNext();
        }
        return await result;
      } finally {
        await close();
      }
    },

    async reconnect(request: PortalAttemptRequest): Promise<PortalAttemptResult> {
      const { portal } = request;
      const { context, page, record, close } = await open('reconnect', portal, request.cookies, (url) => portalNavigationAllowed(url, portal));
      const watch = createPortalWatch(portal, request.onProgress);
      const ids = new WeakMap<Request, string>();
      let counter = 0;
      const idOf = (r: Request) => {
        let id = ids.get(r);
        if (!id) ids.set(r, (id = String(++counter)));
        return id;
      };
      let settled = false;
      try {
        const result = new Promise<PortalAttemptResult>((resolve) => {
          const settle = async (closed: boolean) => {
            const ending = watch.ending;
            if (settled || (!closed && ending.kind === 'pending')) return;
            settled = true;
            record.answeredAt = performance.now();
            const cookies = await cookiesOf(context, portal.origin).catch(() => []);
            if (!closed && ending.kind === 'answered') resolve({ ...ending, cookies });
            else if (!closed && ending.kind === 'signed-out') resolve(ending);
            else resolve({ kind: 'closed', ...(watch.authorize ? { authorize: watch.authorize } : {}), cookies });
          };
          context.on('request', (r) => watch.request(idOf(r), r.method(), r.url(), r.postData() ?? undefined));
          context.on('response', (r) => {
            watch.response(idOf(r.request()), r.status());
            void settle(false);
          });
          context.on('requestfailed', (r) => {
            watch.failed(idOf(r));
            void settle(false);
          });
          const follow = (p: Page) =>
            p.on('framenavigated', (frame) => {
              if (frame !== p.mainFrame()) return;
              watch.pageLoaded(frame.url());
              void settle(false);
            });
          follow(page);
          context.on('page', follow); // a login popup
          page.on('close', () => void settle(true));
          request.signal.addEventListener('abort', () => void settle(true), { once: true });
        });
        if (!request.signal.aborted) {
          await page.goto(request.pageUrl);
          record.shownAt = performance.now();
          if (!settled) {
            if (portal.connectButtonLabel && new URL(page.url()).pathname === new URL(request.pageUrl).pathname) await page.evaluate(pressConnect, portal.connectButtonLabel);
            hand(page); // an attempt that already ended (its page landed on the sign-in page) is no window for the person
          }
          prepareNext();
        }
        return await result;
      } finally {
        await close();
      }
    },
  };

  return {
    surface,
    /** The next portal window the app opens (a sign-in or a profile's page), for the test to use. */
    nextWindow(): Promise<Page> {
      const page = opened.shift();
      return page ? Promise.resolve(page) : new Promise((resolve) => waiting.push(resolve));
    },
    contexts,
    async dispose() {
      disposed = true;
      const left = spare;
      spare = null;
      if (left) await (await left).context.close();
    },
  };
}
