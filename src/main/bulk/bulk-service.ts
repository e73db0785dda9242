import { randomUUID } from 'node:crypto';
import type { ApiEvent } from '../../shared/api';
import type { BulkItem, BulkRun } from '../../shared/bulk';
import { compareText } from '../../shared/profile-order';
import type { CsvDelimiter } from '../../shared/severa-check';
import { conflict, invalid, notFound } from '../errors';
import type { ProfileService } from '../profiles/profile-service';
import type { ReauthService } from '../reauth/reauth-service';
import type { SettingsStore } from '../settings/settings-store';
import { exportTable } from '../tables/export-table';

export interface BulkServiceDeps {
  settings: SettingsStore;
  profiles: ProfileService;
  reauth: Pick<ReauthService, 'reauthenticate' | 'cancelReauth'>;
  emit(event: ApiEvent): void;
  now: () => Date;
  /** The list separator of the user's Excel, for the summary CSV (`,` when left out). */
  csvDelimiter?: () => CsvDelimiter;
}

const firstPending = (items: readonly BulkItem[]) => items.findIndex((i) => i.state === 'pending');

/**
 * F8: one isolated login at a time, in company order. The run lives in the settings file and is
 * written after every step, so a crash or close loses nothing: finished profiles stay connected
 * and the rest can be resumed at the next start. The renderer decides when the next login opens
 * (a click, or automatically unless paused); main keeps the queue.
 */
export function createBulkService(deps: BulkServiceDeps) {
  /** What the user asked of the login under way: it decides what "the window closed" means. */
  let interruption: 'skip' | 'cancel' | null = null;
  let runningId: string | null = null;

  const current = (): BulkRun | null => deps.settings.current.bulk ?? null;

  const save = (run: BulkRun | null): BulkRun | null => {
    const next = run ? { ...run, current: firstPending(run.items) } : null;
    deps.settings.update((s) => ({ ...s, bulk: next }));
    deps.emit({ type: 'bulk-changed', run: next });
    return next;
  };

  const requireRun = (): BulkRun => {
    const run = current();
    if (!run) throw notFound('A bulk reconnect');
    return run;
  };

  const setItem = (run: BulkRun, profileId: string, change: Partial<BulkItem>): BulkRun =>
    save({ ...run, items: run.items.map((i) => (i.profileId === profileId ? { ...i, ...change } : i)) })!;

  return {
    /** At start: an item a crash left "running" was never finished — it waits again. */
    recover(): BulkRun | null {
      const run = current();
      if (!run || !run.items.some((i) => i.state === 'running')) return run;
      return save({ ...run, items: run.items.map((i) => (i.state === 'running' ? { ...i, state: 'pending' } : i)) });
    },

    async getBulkRun() {
      return current();
    },

    async startBulkRun(profileIds: string[]) {
      const existing = current();
      if (existing && existing.current !== -1) {
        throw conflict(`A bulk reconnect is still under way (${existing.items.filter((i) => i.state === 'pending').length} left): finish or discard it first.`);
      }
      const items = profileIds.map((id): BulkItem => {
        const p = deps.profiles.get(id);
        if (!p) throw notFound(`Profile "${id}"`);
        return { profileId: p.id, name: p.name, companyId: p.companyId, companyName: p.companyName, apiUser: p.apiUser, state: 'pending' };
      });
      // Company by company: the SuperUser picks the same company for a stretch of logins.
      items.sort((a, b) => compareText(a.companyName || a.companyId, b.companyName || b.companyId) || compareText(a.companyId, b.companyId) || compareText(a.name, b.name));
      return save({ id: randomUUID(), startedAt: deps.now().toISOString(), items, current: 0 })!;
    },

    async bulkReconnectNext() {
      const run = requireRun();
      if (runningId) throw conflict('A login of this bulk reconnect is already open.');
      const item = run.items[run.current];
      if (!item) throw invalid('Every profile of this bulk reconnect has been handled.');
      interruption = null;
      runningId = item.profileId;
      let latest = setItem(run, item.profileId, { state: 'running' });
      try {
        const result = await deps.reauth.reauthenticate(item.profileId);
        latest = requireRun();
        const finishedAt = deps.now().toISOString();
        if (result.outcome === 'connected') return setItem(latest, item.profileId, { state: 'connected', outcome: result.outcome, reason: undefined, finishedAt });
        if (result.outcome === 'cancelled' && interruption === 'skip') return setItem(latest, item.profileId, { state: 'skipped', outcome: result.outcome, reason: 'Skipped by you.', finishedAt });
        // A closed window or a cancel keeps the profile's place: the run goes on from it later.
        if (result.outcome === 'cancelled') return setItem(latest, item.profileId, { state: 'pending' });
        return setItem(latest, item.profileId, { state: 'failed', outcome: result.outcome, reason: [result.title, result.nextStep].filter(Boolean).join('. '), finishedAt });
      } catch (error) {
        latest = requireRun();
        setItem(latest, item.profileId, { state: 'failed', reason: error instanceof Error ? error.message : String(error), finishedAt: deps.now().toISOString() });
        throw error;
      } finally {
        runningId = null;
        interruption = null;
      }
    },

    async bulkSkip() {
      const run = requireRun();
      if (runningId) {
        interruption = 'skip';
        await deps.reauth.cancelReauth(runningId);
        return run;
      }
      const item = run.items[run.current];
      if (!item) throw invalid('Nothing is left to skip.');
      return setItem(run, item.profileId, { state: 'skipped', reason: 'Skipped by you.', finishedAt: deps.now().toISOString() });
    },

    async bulkRetry(profileId: string) {
      const run = requireRun();
      const item = run.items.find((i) => i.profileId === profileId);
      if (!item) throw notFound(`Profile "${profileId}" in this bulk reconnect`);
      if (item.state !== 'failed' && item.state !== 'skipped') throw invalid(`"${item.name}" is ${item.state}, not failed or skipped.`);
      // Next in line: before every other waiting profile.
      const others = run.items.filter((i) => i.profileId !== profileId);
      const at = firstPending(others);
      const retried: BulkItem = { ...item, state: 'pending', reason: undefined, outcome: undefined, finishedAt: undefined };
      const items = at === -1 ? [...others, retried] : [...others.slice(0, at), retried, ...others.slice(at)];
      return save({ ...run, items })!;
    },

    async bulkCancel() {
      const run = requireRun();
      if (runningId) {
        interruption = 'cancel';
        await deps.reauth.cancelReauth(runningId);
      }
      return run;
    },

    async bulkDiscard() {
      if (runningId) throw conflict('Close the open login first (Cancel), then discard the run.');
      save(null);
    },

    async exportBulkSummary() {
      const run = requireRun();
      const rows = run.items.map((i) => [i.name, i.profileId, i.companyName, i.companyId, i.apiUser, i.state, i.outcome ?? '', i.reason ?? '', i.finishedAt ?? '']);
      return exportTable([['profile', 'id', 'company', 'companyId', 'apiUser', 'result', 'outcome', 'reason', 'finishedAt'], ...rows], {
        format: 'csv',
        delimiter: deps.csvDelimiter?.() ?? ',',
        baseName: `bridgekeeper-bulk-reconnect-${run.startedAt.slice(0, 10)}`,
        sheetName: 'Bulk reconnect',
      });
    },
  };
}

export type BulkService = ReturnType<typeof createBulkService>;
