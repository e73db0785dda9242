import { createCookieLedger, portalCookies } from './portal-cookies';
import { portalReader } from './portal-reader';
import type { PortalCookie, PortalSession, PortalSite, PortalSurface } from './portal-surface';
import { onOrigin } from './portal-traffic';
import { isSignInPage } from './sign-in-page';
import { watchUntilSignedIn } from './signed-in-watch';

export interface PortalSignInRequest {
  site: PortalSite;
  /** A sign-in held before (it may still be good: then the portal shows a signed-in page at once). */
  cookies: PortalCookie[];
  /** Where to start: the page a reconnect was asked to open, or the portal's sign-in page. */
  startUrl: string;
  title: string;
  signal: AbortSignal;
}

export type PortalSignInResult = { kind: 'signed-in'; cookies: PortalCookie[] } | { kind: 'closed' };

/**
 * The portal sign-in, in a window of its own. The window follows the portal wherever it sends the
 * person (its own sign-in page, SuperOffice CRM Online, a two-step page) and the sign-in is done when
 * the portal shows a page of its own that is not a sign-in page — not when some URL is reached. Its
 * result is the portal's own cookies: a sign-in provider's never come along.
 */
export async function signInToPortal(surface: PortalSurface, request: PortalSignInRequest): Promise<PortalSignInResult> {
  const { site } = request;
  const ledger = createCookieLedger();
  let finish!: (outcome: 'signed-in' | 'closed') => void;
  const ended = new Promise<'signed-in' | 'closed'>((resolve) => (finish = resolve));
  let session: PortalSession | undefined = undefined;
  let reader: ReturnType<typeof portalReader> | undefined;
  /** A read is about the page that was there when it started: a newer navigation makes it stale. */
  let navigation = 0;
  /** Looking at a sign-in page until it is signed in without loading a page (a single-page app's). */
  let watching = false;
  let done = false;

  session = await surface.open({
    site,
    cookies: request.cookies,
    title: request.title,
    // A sign-in may pass through other sites (SuperOffice, an e-mail provider's login): any https page.
    allowed: (url) => onOrigin(url, [site.origin, ...site.signInOrigins, ...site.identityOrigins]) || (URL.canParse(url) && new URL(url).protocol === 'https:'),
    events: {
      request: () => undefined,
      failed: () => undefined,
      response: ({ url, setCookies }) => ledger.saw(url, setCookies),
      navigating: (windowId) => {
        if (windowId === session?.mainWindow) navigation++;
      },
      loaded: (windowId, url, status) => {
        if (!session || !reader || windowId !== session.mainWindow || !onOrigin(url, [site.origin]) || status >= 400) return;
        const mine = ++navigation;
        void reader.read(windowId).then(async (snapshot) => {
          if (!snapshot || mine !== navigation || !reader) return;
          if (!isSignInPage(snapshot, site)) return finish('signed-in');
          if (watching) return;
          watching = true;
          if (await watchUntilSignedIn(reader, windowId, site, () => done)) finish('signed-in');
          watching = false;
        });
      },
      blocked: () => undefined,
      opened: () => undefined,
      closed: (windowId) => {
        if (windowId === session?.mainWindow) finish('closed');
      },
    },
  });
  reader = portalReader(session, site);
  request.signal.addEventListener('abort', () => finish('closed'), { once: true });
  if (request.signal.aborted) finish('closed');
  else {
    session.load(request.startUrl);
    session.reveal();
  }

  const outcome = await ended;
  done = true;
  try {
    if (outcome === 'closed') return { kind: 'closed' };
    const cookies = portalCookies(await session.cookies(), ledger, {
      portalOrigins: [site.origin],
      providerOrigins: [...site.identityOrigins, ...site.signInOrigins],
      seeded: request.cookies,
    });
    return { kind: 'signed-in', cookies };
  } finally {
    await session.close();
  }
}
