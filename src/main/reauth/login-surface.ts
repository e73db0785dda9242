/** What the reauth flow asks of a login window. */
export interface LoginRequest {
  /** The authorize URL to open. */
  url: URL;
  /** The first request to this URL is caught, never loaded, and handed back. */
  redirectUri: string;
  /** Origins the window may visit: the identity provider's, and any it federates to. */
  allowedOrigins: string[];
  /** For the window's title: whose login this is. */
  title: string;
  /** Aborted on cancel or time-out: the window closes. */
  signal: AbortSignal;
}

export type LoginResult = { kind: 'redirected'; url: URL } | { kind: 'closed' };

/**
 * "Open this URL in a fresh, isolated session and give me the first request to the redirect URI."
 * Electron's is platform/login-window.ts (an in-memory partition per attempt); the tests' is a new
 * Chromium browser context per attempt. Either way, nothing of one login carries into the next.
 */
export interface LoginSurface {
  open(request: LoginRequest): Promise<LoginResult>;
}
