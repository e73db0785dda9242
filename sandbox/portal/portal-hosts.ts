/**
 * The host names the portal family stands on. Every server binds 127.0.0.1; the names are what the
 * browser sees. Browsers keep cookies by host name (not port) and judge "same site" by the registrable
 * domain, so the names decide which cookies travel where:
 * - localhost (the portal) and 127.0.0.1 (Visma Connect): two sites, as in reality;
 * - with cookie.parentDomain, portal.databridge.localhost and sso.databridge.localhost: one site whose
 *   parent domain, databridge.localhost, carries the session cookie to both;
 * - otherwise the SuperOffice look-alike is superoffice.localhost, a site of its own.
 * Chromium resolves every *.localhost name to loopback itself (RFC 6761).
 */
export const PARENT_DOMAIN = 'databridge.localhost';

export interface PortalHosts {
  portal: string;
  /** The federated sign-in's host (SuperOffice CRM Online's look-alike). */
  superOffice: string;
  /** Where Visma's answer goes with callback "other-origin": the portal's host name, another port. */
  callback: string;
}

/** @param parentDomain the style's cookie.parentDomain */
export function portalHosts({ parentDomain }: { parentDomain: boolean }): PortalHosts {
  return parentDomain
    ? { portal: `portal.${PARENT_DOMAIN}`, superOffice: `sso.${PARENT_DOMAIN}`, callback: `portal.${PARENT_DOMAIN}` }
    : { portal: 'localhost', superOffice: 'superoffice.localhost', callback: 'localhost' };
}

/**
 * The address Node itself should use for a URL of the family: Node asks the system resolver, which
 * (unlike a browser) does not know names under .localhost. Every server listens on 127.0.0.1 and
 * none looks at the Host header, so going there directly is the same request.
 */
export function loopbackUrl(url: string | URL): URL {
  const target = new URL(url);
  if (target.hostname.endsWith('.localhost')) target.hostname = '127.0.0.1';
  return target;
}
