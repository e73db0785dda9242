import type { Message } from './i18n/message';
import type { PortalEvidence } from './profile';

/** The steps a reconnect dialog shows, in order: a direct reconnect's (F4). */
export const REAUTH_STEPS = ['opening', 'waiting', 'checking', 'verified'] as const;
/** A portal reconnect's (F18): Bridgekeeper sees the portal's flow go by, not its tokens. */
export const PORTAL_REAUTH_STEPS = ['signing-in', 'portal-page', 'portal-login', 'portal-finishing', 'portal-reading', 'confirming'] as const;
/** Confirming a portal profile's connection: its page once more, then its job or the person's word. */
export const PORTAL_CONFIRM_STEPS = ['signing-in', 'portal-page', 'confirming'] as const;
/** A portal reconnect in a browser on this machine (B4): Bridgekeeper cannot watch it, so the person says how it went. */
export const PORTAL_BROWSER_STEPS = ['portal-browser', 'confirming'] as const;
export type ReauthStep = (typeof REAUTH_STEPS)[number] | (typeof PORTAL_REAUTH_STEPS)[number] | (typeof PORTAL_BROWSER_STEPS)[number] | 'close-previous';

/** Each step's words are the catalog's `reauth.step.<step>`. */
export const reauthStepKey = (step: ReauthStep) => `reauth.step.${step}` as const;

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
  /** Portal profiles: the portal answered the Visma login's return with an HTTP error (4xx/5xx) or not at all. */
  'portal-failed',
  /** Portal profiles: the portal's page showed an error after Visma's answer (quoted). */
  'portal-refused',
  /** Portal profiles: the profile's page in the portal itself answered with an HTTP error (a wrong address). */
  'portal-page-failed',
  /** Portal profiles: the portal shows the connection made as another Visma user than the profile's API user. */
  'wrong-user',
  /** Portal profiles: the login went through the portal's flow, but nothing confirmed that the portal saved it. */
  'unconfirmed',
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
  /** One line: what happened (words as data: the reader's language is the renderer's or the CLI's business). */
  title: Message;
  /** What it means, in plain words, with the names (company, user) filled in. */
  explanation: Message;
  /** What to do next; absent when nothing is needed. */
  nextStep?: Message;
  /** The error code behind it, when there is one (access_denied, invalid_tenant, 12027, …). */
  errorCode?: string;
  /** Portal profiles: what Bridgekeeper saw of the portal's own Visma login. */
  portal?: PortalSeen;
  /** Portal profiles with a triggered-job URL: how the confirming job run went. */
  confirmation?: JobConfirmation;
}

/** Why a portal reconnect is not confirmed: no words to look for, the words missing, the words as before, the sign-in page shown, no page at all, the person could not tell. */
export const UNCONFIRMED_REASONS = ['no-marker', 'marker-missing', 'marker-as-before', 'signed-out', 'no-page', 'person-unsure'] as const;
export type UnconfirmedReason = (typeof UNCONFIRMED_REASONS)[number];

/** What a reconnect asks of the person while it is under way: a portal's, while its page is on screen; a direct one's, about who logged in. */
export type PortalPrompt =
  /** Bridgekeeper pressed nothing: which control to press, where (as the portal definition names them). */
  | { kind: 'press'; label: string; section: string; found: 'none' | 'several' | 'came-back'; names: string[]; sectionFound: boolean }
  /** No evidence either way: does the portal's page show the profile connected? `lines`: its new lines, to point at. */
  | { kind: 'confirm'; why: UnconfirmedReason; lines: string[] }
  /** Direct profiles: `shown` logged in, not the profile's API user `apiUser`: keep the login (shown becomes the API user) or discard it. */
  | { kind: 'other-user'; shown: string; apiUser: string };

/** The person's answer to a login made as another Visma user than the profile's API user. */
export type OtherUserAnswer = 'keep' | 'discard';

/**
 * The person's word on a portal reconnect, after seeing the portal's own page: connected (with the
 * line that says so, for Bridgekeeper to look for next time), failed (with what it said), or unsure.
 */
export type PortalWord = { outcome: 'connected'; marker?: string } | { outcome: 'failed'; detail?: string } | { outcome: 'unsure' };

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
  /** What confirmed the connection, and the portal's own words that did. */
  evidence?: PortalEvidence;
  said?: string;
  /** The Visma user the portal's page names for the connection, when it names one. */
  user?: string;
}

export interface JobConfirmation {
  state: 'ok' | 'failed' | 'too-soon' | 'unreachable';
  /** The portal's own message (its JSON `message`), or why the job did not run (then in English, and `words` has it as data). */
  message: string;
  /** Bridgekeeper's own words for `message`, when they are Bridgekeeper's (not the portal's). */
  words?: Message;
  /** For a Visma error in the message: what it means and what to do, from the error explainer. */
  explanation?: Message;
}

/** Something that happened to a profile: kept for its detail view and the audit trail. Never a secret. */
export interface ProfileEvent {
  time: string;
  profileId: string;
  /** 'damaged': a record of the trail that could not be read (cut short by a crash), kept and shown as such. */
  kind: 'reauth' | 'refresh' | 'disconnect' | 'verify' | 'delete' | 'job' | 'portal-list' | 'damaged';
  outcome: string;
  errorCode?: string;
  /** English: what the trail's older readers (and events written before words were data) show. */
  message: string;
  /** The message as words in the catalog, shown in the reader's language; absent in older events. */
  words?: Message;
  /** A damaged record only: the text of the line as it was found in the file. */
  fragment?: string;
}
