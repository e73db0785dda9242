/**
 * Just enough of a browser's cookie store for top-level navigations: host-only and Domain cookies,
 * Path, expiry, and SameSite as Chromium applies it (ports never count; checked against Chromium
 * in test/integration/sandbox/portal-family-chromium.test.ts):
 * - None: always sent;
 * - Lax (and no SameSite, which Chromium treats as Lax, with its two-minute allowance for a
 *   cross-site POST): not on a cross-site POST;
 * - Strict: only when the navigation and every URL it went through are on the target's site.
 */
type SameSite = 'None' | 'Lax' | 'Strict';

interface StoredCookie {
  name: string;
  value: string;
  /** The host for a host-only cookie, else the Domain attribute's value. */
  domain: string;
  hostOnly: boolean;
  path: string;
  expires: number;
  sameSite: SameSite;
  /** No SameSite attribute given: Lax, but Chromium still sends it on a cross-site POST within two minutes of its creation. */
  sameSiteUnset: boolean;
  createdAt: number;
}

/** How the request the cookies go with was made. */
export interface RequestContext {
  method: string;
  /** The request (or a URL before it in its redirect chain, or the page that started it) is on another site than its target. */
  crossSite: boolean;
}

const LAX_ALLOWING_UNSAFE_MS = 2 * 60_000;

/**
 * The registrable domain, without a public-suffix list: an IP address or a one-label name is its own
 * site, otherwise the last two labels (portal.databridge.localhost → databridge.localhost). Enough for
 * the names the sandbox uses.
 */
export function siteOf(url: URL): string {
  const host = url.hostname;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith('[')) return `${url.protocol}//${host}`;
  return `${url.protocol}//${host.split('.').slice(-2).join('.')}`;
}

/** RFC 6265 §5.1.4: the directory of the request's path. */
const defaultPath = (url: URL) => {
  const last = url.pathname.lastIndexOf('/');
  return last <= 0 ? '/' : url.pathname.slice(0, last);
};

const domainMatches = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);
const pathMatches = (requestPath: string, cookiePath: string) =>
  requestPath === cookiePath || requestPath.startsWith(cookiePath.endsWith('/') ? cookiePath : `${cookiePath}/`);

export class CookieJar {
  private readonly cookies = new Map<string, StoredCookie>();

  store(url: URL, setCookieHeaders: string[]): void {
    for (const header of setCookieHeaders) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const cookie: StoredCookie = {
        name: pair.slice(0, eq),
        value: pair.slice(eq + 1),
        domain: url.hostname,
        hostOnly: true,
        path: defaultPath(url),
        expires: Number.POSITIVE_INFINITY,
        sameSite: 'Lax',
        sameSiteUnset: true,
        createdAt: Date.now(),
      };
      let maxAge: number | undefined;
      for (const attribute of attributes) {
        const eqAt = attribute.indexOf('=');
        const key = (eqAt < 0 ? attribute : attribute.slice(0, eqAt)).toLowerCase();
        const value = eqAt < 0 ? '' : attribute.slice(eqAt + 1);
        if (key === 'path' && value.startsWith('/')) cookie.path = value;
        if (key === 'max-age') maxAge = Number(value);
        if (key === 'expires' && cookie.expires === Number.POSITIVE_INFINITY) cookie.expires = Date.parse(value);
        if (key === 'domain' && value) {
          cookie.domain = value.replace(/^\./, '').toLowerCase();
          cookie.hostOnly = false;
        }
        if (key === 'samesite') {
          const wanted = value.toLowerCase();
          cookie.sameSite = wanted === 'none' ? 'None' : wanted === 'strict' ? 'Strict' : 'Lax';
          cookie.sameSiteUnset = false;
        }
      }
      if (maxAge !== undefined) cookie.expires = Date.now() + maxAge * 1000;
      // A browser refuses a Domain the setting host is not under.
      if (!cookie.hostOnly && !domainMatches(url.hostname, cookie.domain)) continue;
      const key = `${cookie.domain} ${cookie.hostOnly} ${cookie.name} ${cookie.path}`;
      if (cookie.expires <= Date.now()) this.cookies.delete(key);
      else this.cookies.set(key, cookie);
    }
  }

  headerFor(url: URL, context: RequestContext = { method: 'GET', crossSite: false }): string {
    const now = Date.now();
    return [...this.cookies.values()]
      .filter((c) => (c.hostOnly ? c.domain === url.hostname : domainMatches(url.hostname, c.domain)))
      .filter((c) => c.expires > now && pathMatches(url.pathname, c.path))
      .filter((c) => {
        if (!context.crossSite || c.sameSite === 'None') return true;
        if (c.sameSite === 'Strict') return false;
        return context.method === 'GET' || (c.sameSiteUnset && now - c.createdAt < LAX_ALLOWING_UNSAFE_MS);
      })
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  /** The cookies a browser would send to this URL on a same-site request (for tests' assertions). */
  namesFor(url: URL): string[] {
    return this.headerFor(url)
      .split('; ')
      .filter(Boolean)
      .map((pair) => pair.slice(0, pair.indexOf('=')));
  }
}
