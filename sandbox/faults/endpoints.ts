import { ROUTES } from '../identity/create-provider';

/** The sandbox's endpoints by name: request counts and faults are kept per name. */
export const ENDPOINTS = ['discovery', 'jwks', 'authorize', 'token', 'userinfo', 'revocation', 'endsession', 'pages', 'api', 'other'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export const ADMIN_PREFIX = '/sandbox/admin';
/**
 * The ERP API's paths as Visma serves them now, from the base https://api.finance.visma.net
 * (`/v1/organization`): here the base is the sandbox's origin itself. The old base,
 * integration.visma.net/API/controller/api, lives on under LEGACY_API_PREFIX (throttled).
 */
export const API_VERSION_PREFIX = '/v1';
export const LEGACY_API_PREFIX = '/API/controller/api';

const under = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);

export function endpointOf(pathname: string): Endpoint | 'admin' {
  if (under(pathname, ADMIN_PREFIX)) return 'admin';
  if (under(pathname, API_VERSION_PREFIX) || under(pathname, '/API')) return 'api';
  if (pathname === ROUTES.jwks) return 'jwks';
  if (pathname === '/.well-known/openid-configuration') return 'discovery';
  if (under(pathname, ROUTES.authorization)) return 'authorize'; // the resume step /connect/authorize/:uid too
  if (pathname === ROUTES.pushed_authorization_request) return 'authorize'; // its first, pushed half
  if (pathname === ROUTES.token) return 'token';
  if (pathname === ROUTES.userinfo) return 'userinfo';
  if (pathname === ROUTES.revocation) return 'revocation';
  if (under(pathname, ROUTES.end_session)) return 'endsession';
  if (under(pathname, '/interaction')) return 'pages';
  return 'other';
}

/** The path with per-login ids folded, so counts of one endpoint add up across logins. */
export const pathPattern = (pathname: string): string =>
  pathname.replace(/^\/interaction\/[^/]+/, '/interaction/:uid').replace(/^\/connect\/authorize\/[^/]+/, '/connect/authorize/:uid');
