/** The steps a reconnect dialog shows, in order. */
export const REAUTH_STEPS = ['opening', 'waiting', 'checking', 'verified'] as const;
export type ReauthStep = (typeof REAUTH_STEPS)[number];

export const REAUTH_STEP_LABELS: Record<ReauthStep, string> = {
  opening: 'Opening the Visma login',
  waiting: 'Waiting for you to log in, pick the company and consent',
  checking: 'Checking the tokens and the company',
  verified: 'Verified against the Visma.net API',
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
}

/** Something that happened to a profile: kept for its detail view and the audit trail. Never a secret. */
export interface ProfileEvent {
  time: string;
  profileId: string;
  kind: 'reauth' | 'refresh' | 'disconnect' | 'verify' | 'delete';
  outcome: string;
  errorCode?: string;
  message: string;
}
