import type { Browser, BrowserContext, Cookie, Frame, Page, Request, Route } from '@playwright/test';
import type { PortalCookie, PortalSession, PortalSessionRequest, PortalSurface, SessionCookie } from '../../src/main/portal/portal-surface';
import { cookieUrl } from '../../src/main/portal/portal-traffic';

const toSessionCookie = (c: Cookie): SessionCookie => ({
  name: c.name,
  value: c.value,
  domain: c.domain,
  hostOnly: !c.domain.startsWith('.'),
  path: c.path,
  secure: c.secure,
  httpOnly: c.httpOnly,
  sameSite: c.sameSite,
  ...(c.expires > 0 ? { expires: c.expires } : {}),
});

/** Like Electron's seeding: one cookie at a time; one Chromium refuses is tried once as Secure, else left out. */
async function seed(context: BrowserContext, origin: string, cookies: readonly PortalCookie[]) {
  const add = (c: PortalCookie) =>
    context.addCookies([
      {
        name: c.name,
        value: c.value,
        ...(c.domain ? { domain: c.domain, path: c.path } : { url: cookieUrl(origin, c) }),
        secure: c.secure,
        httpOnly: c.httpOnly,
        ...(c.sameSite === 'unspecified' ? {} : { sameSite: c.sameSite }),
        ...(c.expires ? { expires: c.expires } : {}),
      },
    ]);
  for (const cookie of cookies) {
    try {
      await add(cookie);
    } catch {
      if (cookie.sameSite === 'None' && !cookie.secure) await add({ ...cookie, secure: true }).catch(() => undefined);
    }
  }
}

/** A request's frame; none yet for a popup's first navigation (Playwright throws for it). */
const frameOf = (r: Request): Frame | null => {
  try {
    return r.frame();
  } catch {
    return null;
  }
};

/** One session the app opened: what the tests check (its seed, that it closed) and the times the bench reads. */
export interface SessionRecord {
  title: string;
  seededWith: PortalCookie[];
  closed: boolean;
  startedAt: number;
  shownAt?: number;
  /** Every top-level page load, with when it finished (performance.now()). */
  loads: { url: string; status: number; at: number }[];
  /** Navigations `allowed` refused. */
  blocked: string[];
  closedAt?: number;
}

/**
 * The portal window's twin in Chromium: what platform/portal-window.ts does with a partition, a
 * browser context does here — and no kinder than Electron: a navigation the session does not allow
 * is stopped where it starts and the page stays (not turned into a failed request the portal
 * seemed to answer), a popup to where the session may not go never opens, cookies are read on every
 * path, and a cookie Chromium refuses is left out, not fatal.
 */
export function chromiumPortalSurface(browser: Browser) {
  const waiting: ((page: Page) => void)[] = [];
  const opened: Page[] = [];
  const sessions: SessionRecord[] = [];

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
    if (disposed || spare) return;
    // Made while the person works: the browser may be closed by then (a test ending), which is no error of the attempt's.
    const made = fresh();
    made.catch(() => undefined);
    spare = made;
  };

  const surface: PortalSurface = {
    async open(request: PortalSessionRequest): Promise<PortalSession> {
      const { events, allowed } = request;
      const record: SessionRecord = { title: request.title, seededWith: request.cookies, closed: false, startedAt: performance.now(), loads: [], blocked: [] };
      sessions.push(record);
      const { context, page } = await (spare ?? fresh()).catch(fresh);
      spare = null;
      await seed(context, request.site.origin, request.cookies);

      const pages = new Map<string, Page>();
      const idOf = new WeakMap<Page, string>();
      let pageCount = 0;
      const requestIds = new WeakMap<Request, string>();
      let requestCount = 0;
      const rid = (r: Request) => {
        let id = requestIds.get(r);
        if (!id) requestIds.set(r, (id = `r${++requestCount}`));
        return id;
      };
      /** Navigations stopped because the session may not go there: no failed request for the portal to have answered. */
      const stopped = new WeakSet<Request>();
      let closing = false;

      const follow = (p: Page) => {
        const id = `w${++pageCount}`;
        pages.set(id, p);
        idOf.set(p, id);
        let status = 0;
        p.on('response', (response) => {
          const r = response.request();
          if (r.isNavigationRequest() && r.frame() === p.mainFrame()) status = response.status();
        });
        p.on('load', () => {
          const url = p.url();
          if (!/^https?:/.test(url)) return; // an error page of the browser's own, not the portal's
          record.loads.push({ url, status, at: performance.now() });
          events.loaded(id, url, status);
        });
        p.on('close', () => {
          pages.delete(id);
          if (!closing && !neverOpened.has(p)) events.closed(id);
        });
        return id;
      };
      const main = follow(page);

      /** Popups whose first page was refused: Electron's window-open handler would have opened none. */
      let refusedPopups = 0;
      const neverOpened = new WeakSet<Page>();
      await context.route('**/*', (route: Route) => {
        const r = route.request();
        if (!r.isNavigationRequest() || allowed(r.url())) return void route.continue().catch(() => undefined);
        // Electron's will-frame-navigate / will-redirect / window-open handler: the navigation never starts.
        stopped.add(r);
        record.blocked.push(r.url());
        const frame = frameOf(r);
        if (!frame) refusedPopups++;
        const owner = frame?.page() ?? page;
        events.blocked(idOf.get(owner) ?? main, r.url(), !frame || frame === owner.mainFrame());
        void route.abort('aborted').catch(() => undefined);
      });
      context.on('page', (popup) => {
        if (popup === page) return;
        const id = follow(popup);
        // Its first navigation decides: refused, the popup goes as if it never opened.
        setTimeout(() => {
          if (refusedPopups > 0 && popup.url() === 'about:blank') {
            refusedPopups--;
            neverOpened.add(popup);
            void popup.close().catch(() => undefined);
            return;
          }
          events.opened(id);
        }, 50);
      });
      context.on('request', (r) => {
        const frame = frameOf(r);
        const owner = frame?.page();
        const topLevel = r.isNavigationRequest() && (!frame || frame === owner?.mainFrame());
        const windowId = (owner && idOf.get(owner)) ?? main;
        if (topLevel && frame && allowed(r.url())) events.navigating(windowId, r.url());
        events.request({ id: rid(r), method: r.method(), url: r.url(), ...(r.postData() !== null ? { body: r.postData()! } : {}), topLevel });
      });
      context.on('response', (response) => {
        // Set-Cookie is among the headers Playwright gives only asynchronously.
        void response
          .headerValues('set-cookie')
          .catch(() => [])
          .then((setCookies) => events.response({ id: rid(response.request()), url: response.url(), status: response.status(), setCookies }));
      });
      context.on('requestfailed', (r) => {
        if (!stopped.has(r)) events.failed({ id: rid(r), url: r.url() });
      });

      let handed = false;
      return {
        mainWindow: main,
        load(url) {
          void page.goto(url).catch(() => undefined);
        },
        reveal() {
          if (handed || closing) return;
          handed = true;
          record.shownAt = performance.now();
          hand(page);
          prepareNext(); // while the person works in this one, as the Electron surface does
        },
        async run(windowId, script, timeoutMs) {
          const target = pages.get(windowId);
          if (!target || target.isClosed()) throw new Error('the window is closed');
          return Promise.race([target.evaluate(script), new Promise((_resolve, reject) => setTimeout(() => reject(new Error('the page did not answer')), timeoutMs))]);
        },
        async cookies() {
          return (await context.cookies()).map(toSessionCookie);
        },
        async close() {
          if (closing) return;
          closing = true;
          record.closed = true;
          record.closedAt = performance.now();
          await context.close().catch(() => undefined);
        },
      };
    },
  };

  return {
    surface,
    /** The next portal window the app shows (a sign-in or a profile's page), for the test to use. */
    nextWindow(): Promise<Page> {
      const page = opened.shift();
      return page ? Promise.resolve(page) : new Promise((resolve) => waiting.push(resolve));
    },
    sessions,
    async dispose() {
      disposed = true;
      const left = spare;
      spare = null;
      if (left) await left.then(({ context }) => context.close()).catch(() => undefined);
    },
  };
}
