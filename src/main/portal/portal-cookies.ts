import type { PortalCookie, SessionCookie } from './portal-surface';

/**
 * Which cookies of a session are the portal's sign-in. A browser sends the portal every cookie whose
 * domain matches its host, on every path; among those may be an identity provider's (Visma,
 * SuperOffice, Microsoft, Google) when the two share a parent domain or a host. Carrying one of
 * those into the next profile's attempt would carry that provider's login with it — the very thing
 * each attempt's fresh session is for. So every cookie's setter is known from the Set-Cookie lines
 * seen going by, and only the portal's own are kept.
 */

const hostOf = (url: string): string | null => (URL.canParse(url) ? new URL(url).hostname.toLowerCase() : null);
const originOf = (url: string): string | null => (URL.canParse(url) ? new URL(url).origin : null);
const bareDomain = (domain: string) => domain.toLowerCase().replace(/^\./, '');

/** Whether a cookie of this domain goes to `host` (RFC 6265 domain-match). */
export function domainMatches(cookie: Pick<SessionCookie, 'domain' | 'hostOnly'>, host: string): boolean {
  const domain = bareDomain(cookie.domain);
  return cookie.hostOnly ? host === domain : host === domain || host.endsWith(`.${domain}`);
}

/** RFC 6265's default path: the request path up to its last "/". */
const defaultPath = (url: URL) => {
  const path = url.pathname;
  const last = path.lastIndexOf('/');
  return last <= 0 ? '/' : path.slice(0, last);
};

const keyOf = (name: string, domain: string, hostOnly: boolean, path: string) => `${name}\u0000${hostOnly ? '' : '.'}${bareDomain(domain)}\u0000${path}`;

/** Name, domain and path of a Set-Cookie line, as the browser stores it; null for a line it would refuse. */
export function parseSetCookie(line: string, url: string): { key: string; name: string } | null {
  if (!URL.canParse(url)) return null;
  const at = new URL(url);
  const [pair = '', ...attributes] = line.split(';');
  const eq = pair.indexOf('=');
  const name = (eq === -1 ? '' : pair.slice(0, eq)).trim();
  let domain: string | undefined;
  let path: string | undefined;
  for (const attribute of attributes) {
    const [rawKey = '', ...rest] = attribute.split('=');
    const key = rawKey.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (key === 'domain' && value) domain = bareDomain(value);
    if (key === 'path' && value.startsWith('/')) path = value;
  }
  const host = at.hostname.toLowerCase();
  if (domain && !(host === domain || host.endsWith(`.${domain}`))) return null; // a browser refuses a domain not its own
  return { key: keyOf(name, domain ?? host, !domain, path ?? defaultPath(at)), name };
}

/** Who set which cookie, from the answers seen in one session. */
export function createCookieLedger() {
  const setBy = new Map<string, string>();
  return {
    saw(url: string, setCookies: readonly string[]) {
      const origin = originOf(url);
      if (!origin) return;
      for (const line of setCookies) {
        const parsed = parseSetCookie(line, url);
        if (parsed) setBy.set(parsed.key, origin);
      }
    },
    /** The origin whose answer last set this cookie; undefined when none was seen (seeded, or set by a page's script). */
    setter: (cookie: SessionCookie): string | undefined => setBy.get(keyOf(cookie.name, cookie.domain, cookie.hostOnly, cookie.path)),
  };
}
export type CookieLedger = ReturnType<typeof createCookieLedger>;

export interface PortalCookieScope {
  /** The portal's origins: its own, and where it took Visma's answer in this session. */
  portalOrigins: readonly string[];
  /** Identity providers and sign-in providers: a cookie of theirs is never the portal's. */
  providerOrigins: readonly string[];
  /** The sign-in the session started with: the portal's already. */
  seeded: readonly PortalCookie[];
}

const sameCookie = (a: SessionCookie, b: PortalCookie, portalHost: string) =>
  a.name === b.name && a.path === b.path && (a.hostOnly ? !b.domain && bareDomain(a.domain) === portalHost : !!b.domain && bareDomain(a.domain) === bareDomain(b.domain));

/** The portal's sign-in among a session's cookies: those its pages get, set by the portal itself. */
export function portalCookies(all: readonly SessionCookie[], ledger: CookieLedger, scope: PortalCookieScope): PortalCookie[] {
  const portalHost = hostOf(scope.portalOrigins[0] ?? '') ?? '';
  const providerHosts = scope.providerOrigins.map(hostOf).filter((h): h is string => !!h);
  return all
    .filter((cookie) => {
      if (!domainMatches(cookie, portalHost)) return false;
      const setter = ledger.setter(cookie);
      if (setter) return scope.portalOrigins.includes(setter);
      // Set by a page's script, or seeded: a host-only one lives on the portal's host alone.
      if (cookie.hostOnly) return true;
      // A domain cookie a provider's pages get too may be the provider's: kept only if the portal had it already.
      return !providerHosts.some((host) => domainMatches(cookie, host)) || scope.seeded.some((s) => sameCookie(cookie, s, portalHost));
    })
    .map(({ domain, hostOnly, ...cookie }) => ({ ...cookie, ...(hostOnly ? {} : { domain: domain.startsWith('.') ? domain : `.${domain}` }) }));
}
