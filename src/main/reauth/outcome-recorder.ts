import type { Profile, ProfileState } from '../../shared/profile';
import type { ReauthResult } from '../../shared/reauth';
import type { EventLog } from '../events/event-log';
import { english, inWords } from '../in-words';
import type { Logger } from '../logger';
import type { ProfileService } from '../profiles/profile-service';
import { type Failure, isCancelWords } from './outcomes';

// Not a problem of the user or its roles: the profile has an error, not a need to reconnect differently.
const NETWORK_OUTCOMES = new Set(['network-error', 'server-error', 'portal-failed']);
/** Nothing was tried that could have changed the connection. */
const NOTHING_TRIED = new Set(['cancelled', 'timed-out', 'not-configured', 'browser-failed', 'portal-page-failed']);

/** What a reconnect's ending does to the profile's status and to the audit trail, for direct and portal reconnects alike. */
export function createOutcomeRecorder(deps: { profiles: ProfileService; events: EventLog; log: Logger; now: () => Date }) {
  const iso = () => deps.now().toISOString();
  const setState = (id: string, state: Partial<ProfileState>) => deps.profiles.setStates([{ id, state }]);

  return {
    iso,
    setState,

    /**
     * A failed reconnect. A cancel or time-out, our own setup problem, a wrong company for a profile
     * that never had a connection, or any failure while an older connection still holds changes
     * nothing; otherwise the profile needs a reconnect (or, for network and 5xx, has an error).
     */
    failed(profile: Profile, failure: Failure, explained: ReauthResult) {
      deps.log.info('reauth.failed', { profileId: profile.id, outcome: failure.outcome, errorCode: failure.errorCode ?? null });
      // A direct login as another user was refused, not connected: the trail must not read "Connected as another Visma user".
      // A Cancel in Visma's own pages reaches a portal as access_denied: it is a cancel, not a refused consent.
      const cancelledInLogin = failure.outcome === 'consent-denied' && isCancelWords(failure.detail);
      const outcome = failure.outcome === 'wrong-user' && !failure.connectionReplaced ? 'other-user-refused' : cancelledInLogin ? 'cancelled' : failure.outcome;
      deps.events.append({ profileId: profile.id, kind: 'reauth', outcome, ...(failure.errorCode ? { errorCode: failure.errorCode } : {}), message: english.text(explained.title), words: explained.title });
      const held = profile.status === 'connected' || profile.status === 'expiring';
      const unchanged =
        NOTHING_TRIED.has(failure.outcome) ||
        cancelledInLogin ||
        ((failure.outcome === 'wrong-company' || failure.outcome === 'wrong-user') && profile.status === 'never-connected' && !failure.connectionReplaced) ||
        (held && !failure.connectionReplaced);
      if (unchanged) return;
      setState(profile.id, {
        status: NETWORK_OUTCOMES.has(failure.outcome) ? 'error' : 'needs-reauth',
        statusSince: iso(),
        statusReason: { code: failure.errorCode ?? failure.outcome, ...inWords('reauth.status.reason', { title: explained.title, next: explained.nextStep ?? '' }) },
      });
    },
  };
}

export type OutcomeRecorder = ReturnType<typeof createOutcomeRecorder>;
