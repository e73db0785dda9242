/**
 * The portal surface (F18), the second seam beside the login surface: "open this page of the portal
 * in a fresh isolated session seeded with these cookies of the portal's origin, and tell me what
 * happens". Electron's is platform/portal-window.ts (an in-memory partition per attempt); the tests'
 * is a new Chromium browser context per attempt. Either way it observes the portal's own Visma login
 * and never alters its traffic; what it observed is read by one shared watcher (portal-watch.ts).
 */

/** A cookie of the portal's origin: all a portal sign-in is. */
export interface PortalCookie {
  name: string;
  value: string;
  /** Set for a domain cookie (".example.com"); left out for a host-only one. */
  domain?: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: 'Strict' | 'Lax' | 'None' | 'unspecified';
  /** Seconds since 1970; left out for a session cookie. */
  expires?: number;
}

/** What a surface needs to know of the portal. */
export interface PortalSite {
  origin: string;
  signInUrl: string;
  /** Visma Connect and the federated sign-ins the portal may send people to. */
  identityOrigins: string[];
  /** The Connect button's text, for the surface to press; empty: the person presses it. */
  connectButtonLabel: string;
}

export interface PortalSignInRequest {
  portal: PortalSite;
  /** The window's title: which portal this is. */
  title: string;
  /** A sign-in held before (it may still be good: then the portal skips its sign-in page). */
  cookies: PortalCookie[];
  signal: AbortSignal;
}

export type PortalSignInResult = { kind: 'signed-in'; cookies: PortalCookie[] } | { kind: 'closed' };

/** The portal's request to the identity provider's authorize endpoint, as seen going by. */
export interface AuthorizeSeen {
  /** The identity provider's origin. */
  origin: string;
  clientId?: string;
  redirectUri: string;
  responseMode?: string;
  /** The user the portal suggested, if it sent one. */
  loginHint?: string;
  prompt?: string;
}

/** The identity provider's answer, delivered to the portal's redirect URI. Never the code itself. */
export interface Delivery {
  via: 'query' | 'form_post';
  codeDelivered: boolean;
  error?: string;
  errorDescription?: string;
}

export interface PortalAttemptRequest {
  portal: PortalSite;
  /** The profile's page in the portal. */
  pageUrl: string;
  /** The portal sign-in: the only cookies the attempt's session starts with. */
  cookies: PortalCookie[];
  title: string;
  signal: AbortSignal;
  /** As the portal's Visma login goes by: for the dialog's steps. */
  onProgress(step: 'authorize' | 'delivered'): void;
}

export type PortalAttemptResult =
  /** The answer reached the portal, and the portal answered with this HTTP status. */
  | { kind: 'answered'; authorize: AuthorizeSeen; delivery: Delivery; portalStatus: number; cookies: PortalCookie[] }
  /** The page landed on the portal's sign-in page: the sign-in has expired. */
  | { kind: 'signed-out' }
  /** The window was closed (by the person, a cancel or the time-out) before the portal answered. */
  | { kind: 'closed'; authorize?: AuthorizeSeen; cookies: PortalCookie[] };

export interface PortalSurface {
  signIn(request: PortalSignInRequest): Promise<PortalSignInResult>;
  reconnect(request: PortalAttemptRequest): Promise<PortalAttemptResult>;
}
