import type { PageSnapshot } from './page/page-snapshot';
import type { SeenPage } from './portal-evidence';
import { createCookieLedger, portalCookies } from './portal-cookies';
import { portalReader } from './portal-reader';
import type { PortalCookie, PortalSession, PortalSite, PortalSurface } from './portal-surface';
import { onOrigin } from './portal-traffic';
import { isSignInPage } from './sign-in-page';

export interface PortalLookRequest {
  site: PortalSite;
  pageUrl: string;
  cookies: PortalCookie[];
  title: string;
  signal: AbortSignal;
  /**
   * Runs once the page has loaded, its window still hidden: `reveal` shows it, when the person is to
   * look at it. `windowClosed` aborts when they close it.
   */
  whileShown(page: SeenPage, windowClosed: AbortSignal, reveal: () => void): Promise<void>;
}

export type PortalLookResult = { kind: 'shown'; cookies: PortalCookie[] } | { kind: 'signed-out' } | { kind: 'page-failed'; status: number } | { kind: 'closed' };

/**
 * A profile's page in the portal, read, and shown for the person to look at when they are to: no
 * Connect pressed, nothing watched but the page itself. How a reconnect that was not confirmed gets
 * confirmed, and how the portal's word is read after a reconnect that ended on its sign-in page.
 */
export async function runPortalLook(surface: PortalSurface, request: PortalLookRequest): Promise<PortalLookResult> {
  const { site } = request;
  const ledger = createCookieLedger();
  const windowClosed = new AbortController();
  let session: PortalSession | undefined = undefined;
  let reader: ReturnType<typeof portalReader> | undefined;
  let shown!: (page: { snapshot: PageSnapshot; status: number } | null) => void;
  const first = new Promise<{ snapshot: PageSnapshot; status: number } | null>((resolve) => (shown = resolve));

  session = await surface.open({
    site,
    cookies: request.cookies,
    title: request.title,
    allowed: (url) => url === 'about:blank' || onOrigin(url, [site.origin]),
    events: {
      request: () => undefined,
      response: ({ url, setCookies }) => ledger.saw(url, setCookies),
      failed: () => undefined,
      navigating: () => undefined,
      loaded: (windowId, _url, status) => {
        if (windowId !== session?.mainWindow || !reader) return;
        void reader.read(windowId).then((snapshot) => shown(snapshot ? { snapshot, status } : null));
      },
      blocked: (_windowId, url, topLevel) => {
        if (topLevel && onOrigin(url, site.signInOrigins)) shown({ snapshot: { url, title: '', lines: [], alerts: [], notices: [], passwordField: true, codeField: false, userForm: false, signInControls: [] }, status: 200 });
      },
      opened: () => undefined,
      closed: (windowId) => {
        if (windowId !== session?.mainWindow) return;
        windowClosed.abort();
        shown(null);
      },
    },
  });
  reader = portalReader(session, site);
  request.signal.addEventListener('abort', () => shown(null), { once: true });
  if (request.signal.aborted) shown(null);
  else session.load(request.pageUrl);
  try {
    const page = await first;
    if (!page) return { kind: 'closed' };
    if (page.status >= 400) return { kind: 'page-failed', status: page.status };
    if (isSignInPage(page.snapshot, site)) return { kind: 'signed-out' };
    await request.whileShown(page, AbortSignal.any([windowClosed.signal, request.signal]), () => session?.reveal());
    const cookies = portalCookies(await session.cookies().catch(() => []), ledger, { portalOrigins: [site.origin], providerOrigins: [...site.identityOrigins, ...site.signInOrigins], seeded: request.cookies });
    return { kind: 'shown', cookies };
  } finally {
    await session.close();
  }
}
