import { type Message, message } from '../../shared/i18n/message';
import type { UpdateChannel, UpdatePhase, UpdateState, UpdateWait } from '../../shared/updates';
import type { ApiEvent } from '../../shared/api';
import { userError } from '../errors';
import type { Logger } from '../logger';
import { UpdateFailure, type UpdateFeed, type UpdaterPort } from './updater-port';

const DAY = 24 * 60 * 60 * 1000;

export interface UpdateServiceDeps {
  /** The updater; null where none can run (then updates are off). */
  port: UpdaterPort | null;
  /** This copy's version and channel. */
  version: string;
  channel: () => UpdateChannel;
  /** The feed's folder (settings first, then the packaged default); empty: updates are off. */
  feedUrl: () => string;
  /** What is under way that a restart must not end: a login, a portal reconnect, a bulk run; null: nothing. */
  busy: () => UpdateWait | null;
  emit: (event: ApiEvent) => void;
  log: Logger;
  now?: () => Date;
  /** How often to check after the first (a day). */
  everyMs?: number;
  /** How long a check may take before it is given up as "did not answer". */
  checkTimeoutMs?: number;
  /** How long a download may go without a byte before it is given up. */
  stallTimeoutMs?: number;
  /** How often a waiting restart looks again whether what it waits for has ended (it is also poked on every event). */
  waitPollMs?: number;
}

/**
 * Auto-update's policy, in plain Node: check on start and daily, download in the background,
 * install on quit (the updater's own quit handler) or on "Restart now" — and never restart during a
 * login, a portal reconnect or a bulk run: "Restart now" then waits for it to end, and says so.
 * A failed check or download changes nothing: the version running stays, and the state says why.
 */
export function createUpdateService(deps: UpdateServiceDeps) {
  const { port, log, now = () => new Date() } = deps;
  const everyMs = deps.everyMs ?? DAY;
  const checkTimeoutMs = deps.checkTimeoutMs ?? 60_000;
  const stallTimeoutMs = deps.stallTimeoutMs ?? 120_000;
  const waitPollMs = deps.waitPollMs ?? 2_000;

  const feed = (): UpdateFeed | null => {
    const url = deps.feedUrl().trim();
    return port && url ? { url, channel: deps.channel() } : null;
  };
  let state: UpdateState = {
    version: deps.version,
    channel: deps.channel(),
    phase: feed() ? 'idle' : 'off',
    available: null,
    percent: null,
    waitingFor: null,
    words: null,
    checkedAt: null,
  };
  let running: Promise<void> | null = null;
  let daily: ReturnType<typeof setInterval> | null = null;
  let waitTimer: ReturnType<typeof setInterval> | null = null;
  let restarting = false;

  const set = (change: Partial<UpdateState>) => {
    state = { ...state, channel: deps.channel(), ...change };
    deps.emit({ type: 'update-changed', update: state });
  };
  const phase = (): UpdatePhase => state.phase;

  const failureWords = (failure: UpdateFailure, during: 'check' | 'download'): Message =>
    message(`updates.failed.${failure.kind}`, { during, detail: failure.detail });

  function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new UpdateFailure('timeout', `no answer within ${Math.round(ms / 1000)} s`)), ms);
    });
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  }

  async function download(version: string): Promise<void> {
    const controller = new AbortController();
    let stall: ReturnType<typeof setTimeout> | undefined;
    const watch = () => {
      clearTimeout(stall);
      stall = setTimeout(() => controller.abort(new UpdateFailure('timeout', `no data for ${Math.round(stallTimeoutMs / 1000)} s`)), stallTimeoutMs);
    };
    set({ phase: 'downloading', available: version, percent: 0, words: null });
    watch();
    try {
      await port!.download(controller.signal, (percent) => {
        watch();
        const rounded = Math.floor(percent);
        if (rounded !== state.percent) set({ percent: rounded });
      });
    } finally {
      clearTimeout(stall);
    }
    log.info('updates.downloaded', { version });
    set({ phase: 'ready', percent: 100 });
  }

  async function check(): Promise<void> {
    const where = feed();
    if (!where) {
      set({ phase: 'off', words: null });
      return;
    }
    set({ phase: 'checking', words: null });
    let during: 'check' | 'download' = 'check';
    try {
      const answer = await withTimeout(port!.check(where), checkTimeoutMs);
      state = { ...state, checkedAt: now().toISOString() };
      log.info('updates.checked', { offered: answer.version, running: deps.version, newer: answer.newer, channel: where.channel });
      if (answer.newer) {
        during = 'download';
        await download(answer.version);
      } else if (answer.older) {
        log.warn('updates.downgrade-refused', { offered: answer.version, running: deps.version });
        set({ phase: 'idle', available: null, percent: null, words: message('updates.older-refused', { offered: answer.version, version: deps.version }) });
      } else {
        set({ phase: 'idle', available: null, percent: null, words: message('updates.up-to-date', { version: deps.version }) });
      }
    } catch (error) {
      const failure = error instanceof UpdateFailure ? error : new UpdateFailure('other', error instanceof Error ? error.message : String(error));
      log.warn('updates.failed', { during, kind: failure.kind, detail: failure.detail, version: state.available });
      // A failed download leaves nothing to install: no version is "available" until a check finds it again.
      set({ phase: 'failed', available: null, percent: null, words: failureWords(failure, during), checkedAt: state.checkedAt ?? now().toISOString() });
    }
  }

  /** One check at a time; while a download is verified and waiting, none (the next start checks again). */
  function checkNow(): Promise<void> {
    if (phase() === 'ready' || phase() === 'waiting') return Promise.resolve();
    running ??= check().finally(() => {
      running = null;
    });
    return running;
  }

  function restartIfFree(): void {
    if (restarting || phase() !== 'waiting') return;
    const wait = deps.busy();
    if (wait) {
      if (wait !== state.waitingFor) set({ waitingFor: wait });
      return;
    }
    restarting = true;
    if (waitTimer) clearInterval(waitTimer);
    waitTimer = null;
    log.info('updates.restart', { version: state.available });
    port!.restartAndInstall();
  }

  return {
    state: (): UpdateState => state,

    /** The first check now, then one a day (the timer does not keep the app alive). */
    start(): void {
      void checkNow();
      daily ??= setInterval(() => void checkNow(), everyMs);
      daily.unref?.();
    },

    /** Help ▸ Check for updates…: resolves when the check (and a download it starts) has ended. */
    async checkForUpdates(): Promise<UpdateState> {
      await checkNow();
      return state;
    },

    /**
     * "Restart now": installs the verified download at once, or — while a login, a portal reconnect or
     * a bulk run is under way — as soon as it has ended; the state says what it waits for.
     */
    async restartToUpdate(): Promise<UpdateState> {
      if (phase() !== 'ready' && phase() !== 'waiting') throw userError('conflict', 'updates.error.nothing-ready');
      if (phase() === 'ready') {
        set({ phase: 'waiting', waitingFor: deps.busy() });
        waitTimer ??= setInterval(restartIfFree, waitPollMs);
        waitTimer.unref?.();
      }
      restartIfFree();
      return state;
    },

    /** Something changed (an event went to the window): a waiting restart looks again at once. */
    poke(): void {
      if (phase() === 'waiting') restartIfFree();
    },

    stop(): void {
      if (daily) clearInterval(daily);
      if (waitTimer) clearInterval(waitTimer);
      daily = waitTimer = null;
    },
  };
}

export type UpdateService = ReturnType<typeof createUpdateService>;
