import type { MessageKey } from './i18n/catalog';
import type { Translator } from './i18n/translator';
import type { ProfileEvent } from './reauth';

/** What happened, in English words (older readers); `eventWords` gives them in the reader's language. */
export const EVENT_KIND_WORDS: Record<ProfileEvent['kind'], string> = {
  reauth: 'Reconnect',
  refresh: 'Token refresh',
  disconnect: 'Disconnect',
  verify: 'Health check',
  delete: 'Delete',
  job: 'Job run (confirmation)',
  'portal-list': "The portal's list",
  damaged: 'Damaged record',
};

/** How it ended, in words. Outcomes are reconnect outcomes (REAUTH_OUTCOMES), statuses, or the few below. */
const OUTCOME_WORDS: Record<string, string> = {
  connected: 'Connected',
  expiring: 'Connected, expiring soon',
  'needs-reauth': 'Needs reauthentication',
  error: 'Error (network or Visma)',
  cancelled: 'Cancelled',
  'timed-out': 'Timed out',
  'consent-denied': 'Consent refused',
  'api-user-missing': 'The user lacks the API User role',
  'wrong-company': 'Wrong company picked',
  'no-company': 'No company picked',
  'customer-tenant': 'A customer company was picked',
  'legacy-token': 'An old kind of login',
  'security-check-failed': 'Security check failed',
  'network-error': 'Network problem',
  'server-error': 'Visma server error',
  'not-configured': 'Environment not set up',
  'login-failed': 'Login failed',
  'keychain-failed': 'Could not store in the keychain',
  'portal-failed': 'The portal could not finish the connection',
  'portal-refused': 'The portal refused the connection',
  'portal-page-failed': "The profile's page in the portal failed",
  'wrong-user': 'Connected as another Visma user',
  unconfirmed: 'Login done, not confirmed by the portal',
  'job-failed': 'Reconnected, but the job still fails',
  'rate-limited': 'Visma asked to slow down (HTTP 429)',
  ok: 'The job ran',
  failed: 'The job failed',
  'too-soon': 'Not run: one job per 5 minutes',
  unreachable: 'The job could not be started',
  unverified: 'Logged in, but the API check failed',
  disconnected: 'Disconnected',
  deleted: 'Deleted',
  'revoke-failed': 'Removed here; Visma could not revoke the token',
  added: "Added from the portal's list",
  renamed: "Renamed as in the portal's list",
  removed: "Removed: gone from the portal's list",
};

/** Unknown outcomes (from a newer Bridgekeeper's trail) read as words too, never as a bare code. */
export const outcomeWords = (outcome: string): string => OUTCOME_WORDS[outcome] ?? outcome.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** An event in the reader's words: what happened, how it ended, and its message (events written before words were data show their English message). */
export function eventWords({ t, text }: Pick<Translator, 't' | 'text'>) {
  const known = (key: string): key is MessageKey => t(key as MessageKey) !== key;
  return {
    kind: (kind: ProfileEvent['kind']) => (known(`audit.kind.${kind}`) ? t(`audit.kind.${kind}` as MessageKey) : (EVENT_KIND_WORDS[kind] ?? kind)),
    outcome: (outcome: string) => (known(`audit.outcome.${outcome}`) ? t(`audit.outcome.${outcome}` as MessageKey) : outcomeWords(outcome)),
    message: (event: Pick<ProfileEvent, 'message' | 'words'>) => (event.words ? text(event.words) : event.message),
  };
}
