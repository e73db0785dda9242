/** The steps a reconnect dialog shows, in order: a direct reconnect's (F4). */
export const REAUTH_STEPS = ['opening', 'waiting', 'checking', 'verified'] as const;
/** A portal reconnect's (F18): Bridgekeeper sees the portal's flow go by, not its tokens. */
export const PORTAL_REAUTH_STEPS = ['signing-in', 'portal-page', 'portal-login', 'portal-finishing', 'confirming'] as const;
/** A portal reconnect in a browser on this machine (B4): Bridgekeeper cannot watch it, so the person says how it went. */
export const PORTAL_BROWSER_STEPS = ['portal-browser', 'confirming'] as const;
export type ReauthStep = (typeof REAUTH_STEPS)[number] | (typeof PORTAL_REAUTH_STEPS)[number] | (typeof PORTAL_BROWSER_STEPS)[number] | 'close-previous';

export const REAUTH_STEP_LABELS: Record<ReauthStep, string> = {
  opening: 'Opening the Visma login',
  waiting: 'Waiting for you to log in, pick the company and consent',
  checking: 'Checking the tokens and the company',
  verified: 'Verified against the Visma.net API',
  'signing-in': 'Signing in to the portal (once for this session)',
  'portal-page': "Opening the profile's page in the portal",
  'portal-login': 'Waiting for you to press Connect, log in, pick the company and consent',
  'portal-finishing': 'The portal is finishing the connection',
  confirming: "Running the profile's job once to confirm",
  'portal-browser': 'Waiting for you to connect in the browser and say how it went',
  'close-previous': 'Waiting for you to close the private window of the previous login',
};

/**
 * Every way a reconnect ends. Each has words for the user (outcomes.ts in main);
 * only 'connected' stores anything.
 */
export const REAUTH_OUTCOMES = [
  'connected',
  'cancelled',
  'timed-out',
  'consent-denied',
  'api-user-missing',
  'wrong-company',
  'no-company',
  'customer-tenant',
  'legacy-token',
  'security-check-failed',
  'network-error',
  'server-error',
  'rate-limited',
  'not-configured',
  'login-failed',
  'keychain-failed',
  /** Portal profiles: the portal answered the Visma login's return with an error (4xx/5xx). */
  'portal-failed',
  /** Portal profiles: the portal took the login, but the confirming job still failed with a Visma error. */
  'job-failed',
  /** B4: the chosen browser could not be used (not installed, not startable, or no loopback redirect URI). */
  'browser-failed',
  /** B4, portal profiles in a browser: the person said the connection failed. */
  'reported-failed',
] as const;
export type ReauthOutcome = (typeof REAUTH_OUTCOMES)[number];

export interface ReauthResult {
  profileId: string;
  outcome: ReauthOutcome;
  /** One line: what happened. */
  title: string;
  /** What it means, in plain words, with the names (company, user) filled in. */
  explanation: string;
  /** What to do next; empty when nothing is needed. */
  nextStep: string;
  /** The error code behind it, when there is one (access_denied, invalid_tenant, 12027, …). */
  errorCode?: string;
  /** Portal profiles: what Bridgekeeper saw of the portal's own Visma login. */
  portal?: PortalSeen;
  /** Portal profiles with a triggered-job URL: how the confirming job run went. */
  confirmation?: JobConfirmation;
}

/** What Bridgekeeper can see of a portal's connection: never its tokens. */
export interface PortalSeen {
  /** The Visma client the portal used (its client_id in the authorize request). */
  clientId?: string;
  /** The user the portal suggested to Visma, when it sent a login hint. */
  loginHint?: string;
  /** How Visma's answer went back to the portal. */
  via?: 'query' | 'form_post';
  /** The portal's HTTP status for that answer. */
  portalStatus?: number;
}

export interface JobConfirmation {
  state: 'ok' | 'failed' | 'too-soon' | 'unreachable';
  /** The portal's own message (its JSON `message`), or why the job did not run. */
  message: string;
  /** For a Visma error in the message: what it means and what to do, from the error explainer. */
  explanation?: string;
}

/** Something that happened to a profile: kept for its detail view and the audit trail. Never a secret. */
export interface ProfileEvent {
  time: string;
  profileId: string;
  kind: 'reauth' | 'refresh' | 'disconnect' | 'verify' | 'delete' | 'job';
  outcome: string;
  errorCode?: string;
  message: string;
}
