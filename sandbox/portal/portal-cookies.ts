import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { PARENT_DOMAIN } from './portal-hosts';
import type { PortalStyleInForce } from './portal-style';

/** The portal's sign-in cookie. */
export const SESSION_COOKIE = 'databridge_session';
/** With cookie.extraPathCookie: the antiforgery cookie the Connect request needs, on the integrations' path only. */
export const ANTIFORGERY_COOKIE = 'databridge_antiforgery';
export const ANTIFORGERY_PATH = '/integrations';

export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Whether a cookie of this Path is sent with a request for this path (RFC 6265 §5.1.4). */
export function pathMatches(cookiePath: string, requestPath: string): boolean {
  return requestPath === cookiePath || requestPath.startsWith(cookiePath.endsWith('/') ? cookiePath : `${cookiePath}/`);
}

/** The portal's cookies as its style sets them. */
export function createPortalCookies(style: PortalStyleInForce['cookie']) {
  const antiforgeryKey = randomBytes(32);
  const antiforgeryFor = (sessionId: string) => createHmac('sha256', antiforgeryKey).update(sessionId).digest('base64url');
  /**
   * Today's default is SameSite=None: Visma's form_post back is a cross-site POST, which carries no
   * Lax or Strict cookie. Secure always: browsers take it from http://localhost and *.localhost too.
   */
  const session = (id: string) =>
    `${SESSION_COOKIE}=${id}; Path=${style.path}; ${style.parentDomain ? `Domain=${PARENT_DOMAIN}; ` : ''}HttpOnly; Secure; SameSite=${style.sameSite}`;
  return {
    session,
    /** What sign-in sets: the session cookie, and with extraPathCookie the antiforgery one (Strict, as ASP.NET's is). */
    signedIn: (sessionId: string): string[] => [
      session(sessionId),
      ...(style.extraPathCookie ? [`${ANTIFORGERY_COOKIE}=${antiforgeryFor(sessionId)}; Path=${ANTIFORGERY_PATH}; HttpOnly; Secure; SameSite=Strict`] : []),
    ],
    sessionId: (req: IncomingMessage) => cookieValue(req, SESSION_COOKIE),
    /** With extraPathCookie: whether the request carries the antiforgery cookie made for its session. */
    antiforgeryHolds(req: IncomingMessage): boolean {
      if (!style.extraPathCookie) return true;
      const sessionId = cookieValue(req, SESSION_COOKIE);
      return sessionId !== undefined && cookieValue(req, ANTIFORGERY_COOKIE) === antiforgeryFor(sessionId);
    },
    /** Whether a page at this path can see the session cookie at all. */
    reaches: (pathname: string) => pathMatches(style.path, pathname),
  };
}

export type PortalCookies = ReturnType<typeof createPortalCookies>;
