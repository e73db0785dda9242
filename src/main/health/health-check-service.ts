import type { ApiEvent } from '../../shared/api';
import type { Environment } from '../../shared/environment';
import type { HealthCheckSummary } from '../../shared/health';
import type { Profile, ProfileState } from '../../shared/profile';
import { conflict } from '../errors';
import type { EventLog } from '../events/event-log';
import type { Logger } from '../logger';
import type { ProfileService } from '../profiles/profile-service';
import type { TokenManager } from '../reauth/token-manager';
import { type CheckResult, checkProfile } from './check-profile';

export interface HealthCheckDeps {
  profiles: ProfileService;
  environment(id: string): Environment | undefined;
  tokens: TokenManager;
  events: EventLog;
  emit(event: ApiEvent): void;
  log: Logger;
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
      if (running) throw conflict('A health check is already running.');
      const controller = new AbortController();
      running = controller;
      const started = performance.now();
      const chosen = profileIds ? new Set(profileIds) : null;
      const all = deps.profiles.all().filter((p) => (!chosen || chosen.has(p.id)) && p.status !== 'reauthenticating');
      // Never connected: no token to check; they are counted, not touched.
      const toCheck = all.filter((p) => p.status !== 'never-connected');
      const summary: HealthCheckSummary = {
        total: all.length,
        checked: 0,
        connected: 0,
        expiring: 0,
        needsReauth: 0,
        error: 0,
        skipped: all.length - toCheck.length,
        cancelled: false,
        durationMs: 0,
      };
      deps.profiles.setTransient(toCheck.map((p) => p.id), 'checking');
      // Counted from the start: the progress says "0 of 40", never "0 of 0".
      deps.emit({ type: 'health-progress', done: 0, total: toCheck.length, running: true });

      let pending: { id: string; state: Partial<ProfileState> }[] = [];
      let lastFlush = performance.now();
      const flush = () => {
        if (pending.length > 0) deps.profiles.setStates(pending);
        pending = [];
        lastFlush = performance.now();
        deps.emit({ type: 'health-progress', done: summary.checked, total: toCheck.length, running: running === controller });
      };
      const record = (profile: Profile, result: CheckResult) => {
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
        });
        if (performance.now() - lastFlush > FLUSH_EVERY_MS) flush();
      };

      const options = {
        tokens: deps.tokens,
        fetch: deps.fetch,
        now: deps.now,
        attempts: deps.attempts ?? 3,
        baseDelayMs: deps.baseDelayMs ?? 300,
        expiringWithinDays: deps.expiringWithinDays ?? 14,
        signal: controller.signal,
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
                : { state: { status: 'error', statusSince: deps.now().toISOString(), statusReason: { code: 'no-environment', message: `Environment "${profile.environmentId}" no longer exists.` } }, kind: 'verify', outcome: 'error', errorCode: 'no-environment', message: 'Its environment no longer exists.' },
            );
          } catch (error) {
            deps.log.error('health.check-failed', { profileId: profile.id, error: error instanceof Error ? error.message : String(error) });
            record(profile, { state: { status: 'error', statusSince: deps.now().toISOString(), statusReason: { code: 'internal', message: 'The check failed inside Bridgekeeper; the log has the details.' } }, kind: 'verify', outcome: 'error', errorCode: 'internal', message: 'The check failed inside Bridgekeeper.' });
          }
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(concurrency, toCheck.length) }, worker));
      } finally {
        summary.cancelled = controller.signal.aborted;
        running = null;
        flush();
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
