import { missingDetails } from '../../shared/missing-details';
import { randomUUID } from 'node:crypto';
import type { ApiEvent } from '../../shared/api';
import type { BulkItem, BulkRun } from '../../shared/bulk';
import { textOrder } from '../../shared/profile-order';
import type { CsvDelimiter } from '../../shared/severa-check';
import { message } from '../../shared/i18n/message';
import { createTranslator } from '../../shared/i18n/translator';
import { userError } from '../errors';
import { english, inWords } from '../in-words';
import type { Logger } from '../logger';
import type { ProfileService } from '../profiles/profile-service';
import type { ReauthService } from '../reauth/reauth-service';
import type { SettingsStore } from '../settings/settings-store';
import { type StoredBulkRun, viewOf } from './bulk-run';
import { exportTable } from '../tables/export-table';

export interface BulkServiceDeps {
  settings: SettingsStore;
  profiles: ProfileService;
  reauth: Pick<ReauthService, 'reauthenticate' | 'cancelReauth' | 'confirmPortalConnection'> & Partial<Pick<ReauthService, 'isChecking'>>;
  emit(event: ApiEvent): void;
  log: Logger;
  now: () => Date;
  /** The list separator of the user's Excel, for the summary CSV (`,` when left out). */
  csvDelimiter?: () => CsvDelimiter;
  /** The user's locale: the summary CSV's words are in its language (English when left out). */
  locale?: () => string;
}

const skippedByYou = () => { const { message: reason, words: reasonWords } = inWords('bulk.reason.skipped'); return { reason, reasonWords }; };

/**
 * F8 as one state machine owned by main. Every command names the profile it is meant for and is
 * refused for any other, so a click that arrives a moment late (the login it meant has just ended)
 * can never act on the next profile. One login at a time; with `auto`, main opens the next one
 * itself when one ends. The run is written after every change, so a crash loses nothing: finished
 * profiles stay connected and the rest can be resumed at the next start.
 */
export function createBulkService(deps: BulkServiceDeps) {
  /** What the person asked of the login under way: it decides what "the window closed" means. */
  let interruption: { profileId: string; kind: 'skip' | 'cancel' } | null = null;
  /** The login under way, to wait for (tests, discard). */
  let underway: Promise<void> | null = null;

  const stored = (): StoredBulkRun | null => deps.settings.current.bulk ?? null;

  const save = (run: StoredBulkRun | null): BulkRun | null => {
    deps.settings.update((s) => ({ ...s, bulk: run }));
    const view = run && viewOf(run);
    deps.emit({ type: 'bulk-changed', run: view });
    return view;
  };

  const requireRun = (): StoredBulkRun => {
    const run = stored();
    if (!run) throw userError('not-found', 'bulk.error.no-run');
    return run;
  };

  const itemOf = (run: StoredBulkRun, profileId: string): BulkItem => {
    const item = run.items.find((i) => i.profileId === profileId);
    if (!item) throw userError('not-found', 'bulk.error.not-in-run', { id: profileId });
    return item;
  };

  const setItem = (profileId: string, change: Partial<BulkItem>): BulkRun => {
    const run = requireRun();
    return save({ ...run, items: run.items.map((i) => (i.profileId === profileId ? { ...i, ...change } : i)) })!;
  };

  /** Where an item stands, in words: the start of every refusal about it. */
  const describe = (item: BulkItem) => message('bulk.error.item-state', { name: item.name, state: item.state });

  /** Runs one login (or a confirmation) to its end and records it; then, with auto on, the next. */
  async function runLogin(profileId: string, attempt: 'reconnect' | 'confirm', before: BulkItem): Promise<void> {
    let change: Partial<BulkItem>;
    try {
      const result = await (attempt === 'confirm' ? deps.reauth.confirmPortalConnection(profileId) : deps.reauth.reauthenticate(profileId));
      const finishedAt = deps.now().toISOString();
      const asked = interruption?.profileId === profileId ? interruption.kind : null;
      const reasonWords = result.nextStep ? message('reauth.status.reason', { title: result.title, next: result.nextStep }) : result.title;
      if (result.outcome === 'connected') change = { state: 'connected', outcome: result.outcome, reason: undefined, reasonWords: undefined, finishedAt };
      // Counted apart: the login went through the portal's flow, but nothing confirmed the portal saved it.
      else if (result.outcome === 'unconfirmed') change = { state: 'unconfirmed', outcome: result.outcome, reason: english.text(reasonWords), reasonWords, finishedAt };
      else if ((result.outcome === 'cancelled' || result.outcome === 'timed-out') && asked === 'skip' && attempt === 'reconnect') change = { state: 'skipped', outcome: result.outcome, ...skippedByYou(), finishedAt };
      // A closed window or a cancel keeps the profile's place: the run goes on from it later.
      // A confirmation closed before it ended leaves the profile as it was.
      else if (result.outcome === 'cancelled' || result.outcome === 'timed-out') change = attempt === 'confirm' ? before : { state: 'pending', outcome: undefined, reason: undefined, reasonWords: undefined };
      else change = { state: 'failed', outcome: result.outcome, reason: english.text(reasonWords), reasonWords, finishedAt };
    } catch (error) {
      deps.log.warn('bulk.login-failed', { profileId, error: error instanceof Error ? error.message : String(error) });
      change = { state: 'failed', reason: error instanceof Error ? error.message : String(error), reasonWords: undefined, finishedAt: deps.now().toISOString() };
    }
    const wasCancelled = interruption?.profileId === profileId && interruption.kind === 'cancel';
    interruption = null;
    if (!stored()) return; // discarded meanwhile
    // The login may have made another Visma user this profile's API user (kept when asked): the run says who it is now.
    const apiUser = deps.profiles.get(profileId)?.apiUser;
    const run = setItem(profileId, apiUser === undefined ? change : { ...change, apiUser });
    if (attempt === 'confirm') return; // asked for one profile: the run's order is not touched
    // A cancelled or closed login pauses the run: the person said stop.
    if (change.state === 'pending' || wasCancelled) {
      if (run.auto) save({ ...requireRun(), auto: false });
      return;
    }
    if (run.auto && run.next) open(run.next);
  }

  function open(profileId: string, attempt: 'reconnect' | 'confirm' = 'reconnect'): BulkRun {
    const before = itemOf(requireRun(), profileId);
    const view = setItem(profileId, { state: 'running', outcome: undefined, reason: undefined, reasonWords: undefined, finishedAt: undefined });
    const login = runLogin(profileId, attempt, before).finally(() => {
      if (underway === login) underway = null;
    });
    underway = login;
    return view;
  }

  return {
    /** At start: an item a crash left "running" was never finished — it waits again, and nothing opens by itself. */
    recover(): BulkRun | null {
      const run = stored();
      if (!run) return null;
      if (!run.items.some((i) => i.state === 'running') && !run.auto) return viewOf(run);
      return save({ ...run, auto: false, items: run.items.map((i) => (i.state === 'running' ? { ...i, state: 'pending' } : i)) });
    },

    /** Resolves when no login of the run is under way (the next one auto opened included). */
    async idle(): Promise<void> {
      while (underway) await underway;
    },

    async getBulkRun() {
      const run = stored();
      return run && viewOf(run);
    },

    async startBulkRun(profileIds: string[]) {
      const existing = stored();
      if (existing && !viewOf(existing).finished) {
        throw userError('conflict', 'bulk.error.under-way', { count: viewOf(existing).counts.pending });
      }
      const unique = [...new Set(profileIds)];
      const items = unique.map((id): BulkItem => {
        const p = deps.profiles.get(id);
        if (!p) throw userError('not-found', 'profiles.error.not-found', { id });
        const missing = missingDetails(p);
        if (missing.length > 0) throw userError('invalid-argument', 'reauth.error.needs-details', { name: p.name, missing: missing.join(' ') });
        return { profileId: p.id, name: p.name, companyId: p.companyId, companyName: p.companyName, apiUser: p.apiUser, state: 'pending' };
      });
      // Company by company: the SuperUser picks the same company for a stretch of logins (in the user's alphabet).
      const { compareText } = textOrder(deps.locale?.() ?? 'en');
      items.sort((a, b) => compareText(a.companyName || a.companyId, b.companyName || b.companyId) || compareText(a.companyId, b.companyId) || compareText(a.name, b.name));
      return save({ id: randomUUID(), startedAt: deps.now().toISOString(), items, auto: false })!;
    },

    /** Opens the login for `profileId`, which must be the one next in line while nothing else is under way. */
    async bulkOpen(profileId: string) {
      const run = viewOf(requireRun());
      const item = itemOf(run, profileId);
      if (run.active) throw userError('conflict', 'bulk.error.login-open', { name: itemOf(run, run.active).name });
      if (run.next !== profileId) throw userError('conflict', run.next ? 'bulk.error.not-next' : 'bulk.error.none-next', { state: describe(item), next: run.next ? itemOf(run, run.next).name : '' });
      return open(profileId);
    },

    /** Skips `profileId`: a waiting one at once; one logging in has its window closed and is marked skipped. */
    async bulkSkip(profileId: string) {
      const run = requireRun();
      const item = itemOf(run, profileId);
      if (item.state === 'running') {
        // Once its login has come back it is checked to its end, whenever the click lands: said, never silently ignored (issue 23).
        if (deps.reauth.isChecking?.(profileId)) throw userError('conflict', 'bulk.error.skip-too-late', { name: item.name });
        interruption = { profileId, kind: 'skip' };
        await deps.reauth.cancelReauth(profileId);
        return viewOf(run);
      }
      if (item.state !== 'pending') throw userError('conflict', 'bulk.error.nothing-to-skip', { state: describe(item) });
      const view = setItem(profileId, { state: 'skipped', ...skippedByYou(), finishedAt: deps.now().toISOString() });
      return view;
    },

    /**
     * A portal profile the run left unconfirmed: its page once more, for its job or the person's word
     * (refused while a login is under way).
     */
    async bulkConfirm(profileId: string) {
      const run = viewOf(requireRun());
      const item = itemOf(run, profileId);
      if (run.active) throw userError('conflict', 'bulk.error.login-open', { name: itemOf(run, run.active).name });
      if (item.state !== 'unconfirmed') throw userError('conflict', 'bulk.error.not-unconfirmed', { state: describe(item) });
      return open(profileId, 'confirm');
    },

    /** Puts a failed, skipped or unconfirmed profile back in the queue, next in line. */
    async bulkRetry(profileId: string) {
      const run = requireRun();
      const item = itemOf(run, profileId);
      if (item.state !== 'failed' && item.state !== 'skipped' && item.state !== 'unconfirmed') throw userError('invalid-argument', 'bulk.error.not-retryable', { state: describe(item) });
      const others = run.items.filter((i) => i.profileId !== profileId);
      const at = others.findIndex((i) => i.state === 'pending');
      const retried: BulkItem = { ...item, state: 'pending', reason: undefined, reasonWords: undefined, outcome: undefined, finishedAt: undefined };
      const items = at === -1 ? [...others, retried] : [...others.slice(0, at), retried, ...others.slice(at)];
      return save({ ...run, items })!;
    },

    /** Closes the login under way for `profileId`; it keeps its place and the run pauses. */
    async bulkCancel(profileId: string) {
      const run = requireRun();
      const item = itemOf(run, profileId);
      if (item.state !== 'running') throw userError('conflict', 'bulk.error.no-login-open', { state: describe(item) });
      if (deps.reauth.isChecking?.(profileId)) throw userError('conflict', 'bulk.error.cancel-too-late', { name: item.name });
      interruption = { profileId, kind: 'cancel' };
      await deps.reauth.cancelReauth(profileId);
      return viewOf(requireRun());
    },

    /** Auto on: the next login opens by itself now (if none is under way) and after each one. Off: pause after this login. */
    async bulkSetAuto(auto: boolean) {
      const run = save({ ...requireRun(), auto })!;
      if (auto && !run.active && run.next) return open(run.next);
      return run;
    },

    async bulkDiscard() {
      const run = stored();
      if (run && viewOf(run).active) throw userError('conflict', 'bulk.error.discard-open');
      save(null);
    },

    async exportBulkSummary() {
      const run = requireRun();
      const words = deps.locale ? createTranslator(deps.locale()) : english;
      const rows = run.items.map((i) => [i.name, i.profileId, i.companyName, i.companyId, i.apiUser, i.state, i.outcome ?? '', i.reasonWords ? words.text(i.reasonWords) : (i.reason ?? ''), i.finishedAt ?? '']);
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
