import type { PortalCookie } from './portal-surface';

/**
 * Reading the portal's Visma login as it goes by: the request to the identity provider's authorize
 * endpoint, and Visma's answer delivered back to the portal. Only facts about them are kept, never
 * the code itself.
 */

const parse = (url: string): URL | null => (URL.canParse(url) ? new URL(url) : null);

/** Whether `url` is on one of `origins`. */
export const onOrigin = (url: string, origins: readonly string[]): boolean => {
  const u = parse(url);
  return !!u && origins.some((o) => parse(o)?.origin === u.origin);
};

/** The portal's request to the identity provider's authorize endpoint, as seen going by. */
export interface AuthorizeSeen {
  /** The identity provider's origin. */
  origin: string;
  clientId?: string;
  /** Where Visma will send its answer; absent when the portal pushed its request first (PAR). */
  redirectUri?: string;
  responseMode?: string;
  /** The user the portal suggested, if it sent one. */
  loginHint?: string;
  prompt?: string;
}

/** The identity provider's answer, delivered to the portal. Never the code itself. */
export interface Delivery {
  via: 'query' | 'form_post';
  codeDelivered: boolean;
  error?: string;
  errorDescription?: string;
}

/**
 * A request to an identity provider's authorize endpoint: on one of its origins, with the parameters
 * of one — a redirect URI and a response type, or a pushed request's `request_uri` (PAR).
 */
export function authorizeOf(url: string, identityOrigins: readonly string[]): AuthorizeSeen | null {
  const u = parse(url);
  if (!u || !onOrigin(url, identityOrigins)) return null;
  const q = u.searchParams;
  const redirectUri = q.get('redirect_uri');
  const pushed = !!q.get('request_uri') && !!q.get('client_id');
  if (!pushed && !(redirectUri && q.get('response_type') && parse(redirectUri))) return null;
  const optional = (name: string, key: keyof AuthorizeSeen) => (q.get(name) ? { [key]: q.get(name)! } : {});
  return {
    origin: u.origin,
    ...(redirectUri && parse(redirectUri) ? { redirectUri } : {}),
    ...optional('client_id', 'clientId'),
    ...optional('response_mode', 'responseMode'),
    ...optional('login_hint', 'loginHint'),
    ...optional('prompt', 'prompt'),
  };
}

/**
 * Visma's answer in a request: by query (GET) or in a form_post body, to the redirect URI the
 * authorize request named — or, when the request was pushed and named none, to any page off the
 * identity providers that carries an answer and its state.
 */
export function deliveryOf(method: string, url: string, body: string | undefined, authorize: AuthorizeSeen, identityOrigins: readonly string[]): Delivery | null {
  const u = parse(url);
  if (!u) return null;
  if (authorize.redirectUri) {
    const target = parse(authorize.redirectUri)!;
    if (u.origin !== target.origin || u.pathname !== target.pathname) return null;
  } else if (onOrigin(url, identityOrigins)) return null;
  const post = method.toUpperCase() === 'POST';
  const params = post ? new URLSearchParams(body ?? '') : u.searchParams;
  const error = params.get('error');
  const description = params.get('error_description');
  if (!params.has('code') && !error) return null;
  if (!authorize.redirectUri && !params.has('state')) return null;
  return {
    via: post ? 'form_post' : 'query',
    codeDelivered: params.has('code') && !error,
    ...(error ? { error } : {}),
    ...(description ? { errorDescription: description } : {}),
  };
}

/**
 * The URL to set a portal cookie for. A Secure cookie can be set only for a secure URL; a portal on
 * this machine over plain http (the sandbox) still gets it back, since Chromium counts
 * http://localhost as a secure context — so such a cookie is set through the https form of the origin.
 */
export const cookieUrl = (origin: string, cookie: Pick<PortalCookie, 'secure' | 'path'>): string =>
  `${cookie.secure ? origin.replace(/^http:/, 'https:') : origin}${cookie.path}`;
