import { inWords } from '../in-words';
import type { ApiEvent } from '../../shared/api';
import type { Environment } from '../../shared/environment';
import type { HealthCheckSummary } from '../../shared/health';
import type { Profile, ProfileState } from '../../shared/profile';
import { userError } from '../errors';
import type { EventLog } from '../events/event-log';
import type { Logger } from '../logger';
import type { ProfileService } from '../profiles/profile-service';
import type { TokenManager } from '../reauth/token-manager';
import type { Notice } from '../../shared/notice';
import { type CheckResult, checkProfile } from './check-profile';
import { redact } from '../redact';
import { createRateGate } from './rate-gate';
import { accessEndedNotices } from './access-ended';
import { namesOldErpApiHost } from '../../shared/visma-api';

export interface HealthCheckDeps {
  profiles: ProfileService;
  environment(id: string): Environment | undefined;
  tokens: TokenManager;
  events: EventLog;
  emit(event: ApiEvent): void;
  log: Logger;
  /** Where "Visma ended every connection of <user>" goes: once, with the profiles to reconnect. */
  postNotice?: (notice: Notice) => void;
  fetch: typeof fetch;
  now: () => Date;
  concurrency?: number;
  attempts?: number;
  baseDelayMs?: number;
  expiringWithinDays?: number;
}

/** Results are written and shown in batches: 1,000 profiles must not mean 1,000 file writes. */
const FLUSH_EVERY_MS = 150;

/** F9: all or chosen profiles against the ERP API, a bounded number at a time, results live in the list. */
export function createHealthCheckService(deps: HealthCheckDeps) {
  const concurrency = deps.concurrency ?? 6;
  let running: AbortController | null = null;

  return {
    async runHealthCheck(profileIds: string[] | null): Promise<HealthCheckSummary> {
      if (running) throw userError('conflict', 'health.error.running');
      const controller = new AbortController();
      running = controller;
      const started = performance.now();
      const chosen = profileIds ? new Set(profileIds) : null;
      const all = deps.profiles.all().filter((p) => (!chosen || chosen.has(p.id)) && p.status !== 'reauthenticating');
      // Never connected: no token to check. Portal profiles: the portal holds the connection and
      // checks it itself (its job log, a job run). Both are counted, not touched.
      const portal = all.filter((p) => p.connection === 'portal').length;
      const toCheck = all.filter((p) => p.status !== 'never-connected' && p.connection !== 'portal');
      const summary: HealthCheckSummary = {
        total: all.length,
        checked: 0,
        connected: 0,
        expiring: 0,
        needsReauth: 0,
        error: 0,
        skipped: all.length - toCheck.length - portal,
        portal,
        unconfirmed: all.filter((p) => p.connection === 'portal' && p.status === 'unconfirmed').length,
        cancelled: false,
        durationMs: 0,
      };
      deps.profiles.setTransient(toCheck.map((p) => p.id), 'checking');
      for (const id of new Set(toCheck.map((p) => p.environmentId))) {
        const environment = deps.environment(id);
        if (!environment || !namesOldErpApiHost(environment.apiBaseUrl)) continue;
        const uses = toCheck.filter((p) => p.environmentId === id).length;
        deps.postNotice?.({
          id: `old-base-url-${id}`,
          level: 'warning',
          ...inWords('notices.old-base-url', { environment: environment.name, count: uses }),
        });
      }
      // Counted from the start: the progress says "0 of 40", never "0 of 0".
      deps.emit({ type: 'health-progress', done: 0, total: toCheck.length, running: true });

      let pending: { id: string; state: Partial<ProfileState> }[] = [];
      let lastFlush = performance.now();
      // Each write of the states rewrites the settings file, on main, with an fsync (tens of ms for 1,000
      // profiles on a busy machine): spaced so that writing takes at most a tenth of main's time.
      let flushEvery = FLUSH_EVERY_MS;
      let waitingUntil: number | null = null;
      const flush = () => {
        const writing = performance.now();
        if (pending.length > 0) deps.profiles.setStates(pending);
        pending = [];
        lastFlush = performance.now();
        flushEvery = Math.max(FLUSH_EVERY_MS, (lastFlush - writing) * 10);
        deps.emit({
          type: 'health-progress',
          done: summary.checked,
          total: toCheck.length,
          running: running === controller,
          ...(waitingUntil !== null && running === controller ? { waitingUntil: new Date(waitingUntil).toISOString() } : {}),
        });
      };
      const gate = createRateGate(
        () => deps.now().getTime(),
        (until) => {
          waitingUntil = until;
          if (until !== null) deps.log.info('health.rate-limited', { waitingUntil: new Date(until).toISOString() });
          flush();
        },
      );
      const refused: { profile: Profile; result: CheckResult }[] = [];
      const record = (profile: Profile, result: CheckResult) => {
        if (result.errorCode === 'invalid_grant') refused.push({ profile, result });
        pending.push({ id: profile.id, state: result.state });
        summary.checked++;
        const status = result.state.status;
        if (status === 'connected') summary.connected++;
        else if (status === 'expiring') summary.expiring++;
        else if (status === 'needs-reauth') summary.needsReauth++;
        else summary.error++;
        deps.events.append({
          profileId: profile.id,
          kind: result.kind,
          outcome: result.outcome,
          ...(result.errorCode ? { errorCode: result.errorCode } : {}),
          message: result.message,
          words: result.words,
        });
        if (performance.now() - lastFlush > flushEvery) flush();
      };

      const options = {
        tokens: deps.tokens,
        fetch: deps.fetch,
        now: deps.now,
        attempts: deps.attempts ?? 3,
        baseDelayMs: deps.baseDelayMs ?? 300,
        expiringWithinDays: deps.expiringWithinDays ?? 14,
        signal: controller.signal,
        gate,
      };
      let next = 0;
      const worker = async () => {
        while (next < toCheck.length && !controller.signal.aborted) {
          const profile = toCheck[next++]!;
          const environment = deps.environment(profile.environmentId);
          try {
            record(
              profile,
              environment
                ? await checkProfile(profile, environment, options)
                : {
                    state: { status: 'error', statusSince: deps.now().toISOString(), statusReason: { code: 'no-environment', ...inWords('health.no-environment.reason', { environment: profile.environmentId }) } },
                    kind: 'verify',
                    outcome: 'error',
                    errorCode: 'no-environment',
                    ...inWords('health.no-environment.event'),
                  },
            );
          } catch (error) {
            deps.log.error('health.check-failed', { profileId: profile.id, error: redact(error instanceof Error ? error.message : String(error)) });
            record(profile, {
              state: { status: 'error', statusSince: deps.now().toISOString(), statusReason: { code: 'internal', ...inWords('health.internal.reason') } },
              kind: 'verify',
              outcome: 'error',
              errorCode: 'internal',
              ...inWords('health.internal.event'),
            });
          }
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(concurrency, toCheck.length) }, worker));
      } finally {
        summary.cancelled = controller.signal.aborted;
        running = null;
        waitingUntil = null;
        flush();
        const ended = accessEndedNotices(refused);
        for (const { notice, states } of ended) {
          deps.profiles.setStates(states);
          deps.postNotice?.(notice);
          deps.log.warn('health.access-ended', { profiles: notice.profileIds?.length ?? 0 });
        }
        deps.profiles.setTransient(toCheck.map((p) => p.id), null); // the ones a cancel left unchecked
        summary.durationMs = Math.round(performance.now() - started);
        deps.log.info('health.done', { ...summary });
      }
      return summary;
    },

    async cancelHealthCheck(): Promise<void> {
      running?.abort();
    },
  };
}

export type HealthCheckService = ReturnType<typeof createHealthCheckService>;
