/**
 * The portal surface (F18), the second seam beside the login surface: "open a fresh isolated session
 * seeded with these cookies of the portal, show this page, and tell me what happens in it". It is
 * window mechanics only. Electron's is platform/portal-window.ts (an in-memory partition per use);
 * the tests' is a Chromium browser context. What to make of the traffic — when the sign-in is done,
 * what the portal's page says, whether a reconnect was confirmed — is decided once, for both, by
 * portal-sign-in.ts and portal-attempt.ts. A surface observes the portal's traffic and never alters it.
 */

/** A cookie of the portal: what a portal sign-in is. */
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

/** A cookie as a session holds it: a domain cookie's domain, or the host of a host-only one. */
export type SessionCookie = Omit<PortalCookie, 'domain'> & { domain: string; hostOnly: boolean };

/** What a surface and the flows need to know of the portal. */
export interface PortalSite {
  origin: string;
  signInUrl: string;
  /** Visma Connect and the sign-ins Visma federates to. */
  identityOrigins: string[];
  /** The portal's own federated sign-ins (SuperOffice CRM Online). */
  signInOrigins: string[];
  /** The Connect control's text; empty: the usual words. */
  connectButtonLabel: string;
  /** The heading of the profile page's Visma.net section. */
  connectSection: string;
  /** The words that confirm a saved connection ("*": any text); empty: none known. */
  connectedMarker: string;
}

/** What happens in a session's windows, as it happens. A window is named by an id the surface gives. */
export interface PortalSessionEvents {
  /** A request leaves a page of the session: top-level navigations and everything else. */
  request(request: { id: string; method: string; url: string; body?: string; topLevel: boolean }): void;
  /** The head of its answer (redirects included): the status and the cookies it sets. */
  response(response: { id: string; url: string; status: number; setCookies: string[] }): void;
  /** No answer came (the connection failed, or the navigation was stopped). */
  failed(request: { id: string; url: string }): void;
  /** A window's top frame starts going to `url` (http or https). */
  navigating(windowId: string, url: string): void;
  /**
   * A window's top frame has loaded `url` (http or https only), which the server answered with `status`. The
   * browser's own error page, for an address that did not answer, is not reported.
   */
  loaded(windowId: string, url: string, status: number): void;
  /** A navigation `allowed` refused (top frame or a frame inside). The page stays where it was. */
  blocked(windowId: string, url: string, topLevel: boolean): void;
  /** A popup of the session opened (window.open, a link opened in a new window). */
  opened(windowId: string): void;
  /** A window closed; the main window's closing means the person closed the session. */
  closed(windowId: string): void;
}

export interface PortalSessionRequest {
  site: PortalSite;
  /** The only cookies the session starts with. One that the browser refuses is left out, never fatal. */
  cookies: PortalCookie[];
  /** The windows' title: whose sign-in or reconnect it is. */
  title: string;
  /** Asked for every navigation and popup, so what is allowed may widen during the use. */
  allowed(url: string): boolean;
  events: PortalSessionEvents;
}

export interface PortalSession {
  readonly mainWindow: string;
  /** Loads `url` in the main window; it shows once `reveal` is called. */
  load(url: string): void;
  /** Shows the main window (a page the person should not see, such as a stale sign-in, never is). */
  reveal(): void;
  /**
   * Runs a page script (page/page-script.ts) in a window and gives its answer. Rejects when the
   * window is gone, its page went away before answering, or `timeoutMs` passed.
   */
  run(windowId: string, script: string, timeoutMs: number): Promise<unknown>;
  /** Every cookie the session holds, on every path, host-only and domain ones. */
  cookies(): Promise<SessionCookie[]>;
  /** Wipes everything of the session and closes its windows; the session is never used again as it was. */
  close(): Promise<void>;
}

export interface PortalSurface {
  open(request: PortalSessionRequest): Promise<PortalSession>;
}
