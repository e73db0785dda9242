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

/**
 * One login's way to the person and back. The built-in window's catches the environment's
 * redirect URI; a browser's listens on a loopback one (B4). Closed after the login, however it ended.
 */
export interface LoginChannel {
  /** Where Visma sends the answer: the authorize request and the code exchange both name it. */
  redirectUri: string;
  open(request: Omit<LoginRequest, 'redirectUri'>): Promise<LoginResult>;
  close(): Promise<void>;
}

/** The built-in window as a channel: the environment's redirect URI, caught before it loads. */
export const windowChannel = (surface: LoginSurface, redirectUri: string): LoginChannel => ({
  redirectUri,
  open: (request) => surface.open({ ...request, redirectUri }),
  close: async () => undefined,
});
