import type { AuthorizeSeen, Delivery, PortalAttemptResult, PortalCookie, PortalSite } from './portal-surface';

const parse = (url: string): URL | null => (URL.canParse(url) ? new URL(url) : null);

/** Same origin and path: where a page or an answer is going, whatever its query. */
const samePage = (a: URL, b: URL) => a.origin === b.origin && a.pathname === b.pathname;

/** A request to an identity provider's authorize endpoint: on one of its origins, with the parameters of one. */
export function authorizeOf(url: string, identityOrigins: readonly string[]): AuthorizeSeen | null {
  const u = parse(url);
  if (!u || !identityOrigins.some((o) => parse(o)?.origin === u.origin)) return null;
  const q = u.searchParams;
  const redirectUri = q.get('redirect_uri');
  if (!redirectUri || !q.get('response_type') || !parse(redirectUri)) return null;
  const optional = (name: string, key: keyof AuthorizeSeen) => (q.get(name) ? { [key]: q.get(name)! } : {});
  return {
    origin: u.origin,
    redirectUri,
    ...optional('client_id', 'clientId'),
    ...optional('response_mode', 'responseMode'),
    ...optional('login_hint', 'loginHint'),
    ...optional('prompt', 'prompt'),
  };
}

/** The answer in a request to the redirect URI: by query (GET) or in a form_post body. Only whether a code came, never the code. */
export function deliveryOf(method: string, url: string, body: string | undefined, redirectUri: string): Delivery | null {
  const u = parse(url);
  const target = parse(redirectUri);
  if (!u || !target || !samePage(u, target)) return null;
  const post = method.toUpperCase() === 'POST';
  const params = post ? new URLSearchParams(body ?? '') : u.searchParams;
  const error = params.get('error');
  const description = params.get('error_description');
  if (!params.has('code') && !error) return null;
  return {
    via: post ? 'form_post' : 'query',
    codeDelivered: params.has('code') && !error,
    ...(error ? { error } : {}),
    ...(description ? { errorDescription: description } : {}),
  };
}

export const isSignInPage = (url: string, portal: PortalSite): boolean => {
  const u = parse(url);
  const signIn = parse(portal.signInUrl);
  return !!u && !!signIn && samePage(u, signIn);
};

/** Where a portal window may go: the portal, and the identity providers it sends people to. */
export function portalNavigationAllowed(url: string, portal: PortalSite): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.href === 'about:blank') return true;
  return [portal.origin, ...portal.identityOrigins].some((o) => parse(o)?.origin === u.origin);
}

/**
 * What a surface saw of one reconnect, read the same way by the Electron window and the Chromium
 * twin: the surfaces feed it requests, responses and page loads as they happen; it says when the
 * attempt has an ending. Requests are matched by an id the surface gives (Electron's webRequest id,
 * or a counter over Playwright's request objects).
 */
export function createPortalWatch(portal: PortalSite, onProgress: (step: 'authorize' | 'delivered') => void) {
  let authorize: AuthorizeSeen | undefined;
  let delivered: { requestId: string; delivery: Delivery } | undefined;
  let ending: Exclude<PortalAttemptResult, { kind: 'closed' }> | { kind: 'pending' } = { kind: 'pending' };

  return {
    get authorize() {
      return authorize;
    },
    /** The attempt's ending as far as it is known; cookies are filled in by the surface. */
    get ending() {
      return ending;
    },
    request(requestId: string, method: string, url: string, body?: string) {
      if (ending.kind !== 'pending') return;
      const seen = authorizeOf(url, portal.identityOrigins);
      if (seen) {
        authorize = seen;
        onProgress('authorize');
        return;
      }
      if (!authorize || delivered) return;
      const delivery = deliveryOf(method, url, body, authorize.redirectUri);
      if (delivery) {
        delivered = { requestId, delivery };
        onProgress('delivered');
      }
    },
    /** The portal's answer to a request (a redirect counts: it is the answer's status). */
    response(requestId: string, status: number) {
      if (ending.kind !== 'pending' || !delivered || delivered.requestId !== requestId || !authorize) return;
      ending = { kind: 'answered', authorize, delivery: delivered.delivery, portalStatus: status, cookies: [] };
    },
    /** A page finished loading in a window of the attempt (the top frame). */
    pageLoaded(url: string) {
      if (ending.kind === 'pending' && !delivered && isSignInPage(url, portal)) ending = { kind: 'signed-out' };
    },
    /** The portal's answer never came (the connection broke): the portal did not finish. */
    failed(requestId: string) {
      if (ending.kind !== 'pending' || !delivered || delivered.requestId !== requestId || !authorize) return;
      ending = { kind: 'answered', authorize, delivery: delivered.delivery, portalStatus: 0, cookies: [] };
    },
  };
}

export type PortalWatch = ReturnType<typeof createPortalWatch>;

/** Keeps only the cookies of the portal's own origin (a sign-in may have set others elsewhere). */
export const cookiesOfOrigin = (cookies: readonly PortalCookie[], origin: string): PortalCookie[] => {
  const host = new URL(origin).hostname;
  return cookies.filter((c) => {
    const domain = (c.domain ?? host).replace(/^\./, '');
    return host === domain || host.endsWith(`.${domain}`);
  });
};

/**
 * The URL to set a portal cookie for. A Secure cookie can be set only for an https URL; a portal on
 * this machine over plain http (the sandbox) still gets it back, since Chromium counts
 * http://localhost as a secure context — so such a cookie is set through the https form of the origin.
 */
export const cookieUrl = (origin: string, cookie: Pick<PortalCookie, 'secure' | 'path'>): string =>
  `${cookie.secure ? origin.replace(/^http:/, 'https:') : origin}${cookie.path}`;
