import { create } from 'zustand';
import type { SeveraCheckState, SeveraReasonFilter, SeveraVerdictRow, SeveraVerdictView } from '../../../../shared/severa-panel';
import { type Phrase, phrase } from '../../../../shared/severa-words';
import { api } from '../../api';
import { errorWords } from './reasons';

/** Verdicts come from main a page at a time, as the table scrolls to them. */
export const PAGE_SIZE = 200;

/** The pages of one run under one filter; `key` says which (see pagesKey). */
export interface VerdictPages {
  key: string;
  /** How many entries pass the filter; null until the first page has come. */
  total: number | null;
  pages: ReadonlyMap<number, SeveraVerdictRow[]>;
  error: Phrase | null;
}

export const pagesKey = (runId: number, reason: SeveraReasonFilter, query: string): string => `${runId}\n${reason}\n${query}`;

const SEARCH_DELAY_MS = 200;

/** What the panel says after a change: words as data, said in the reader's language when shown. */
export interface PanelMessage {
  words: Phrase;
  error: boolean;
}

/**
 * The panel's view of main's Severa check: main's state as last reported, plus what only the
 * panel cares about (the filter, the quick check's answer, what is going on). Every change of
 * input goes to main, and the state main answers with replaces this one whole.
 */
interface SeveraStore {
  state: SeveraCheckState | null;
  /** What main is doing for the panel right now ("Reading azets.csv…"); null when idle. */
  busy: Phrase | null;
  message: PanelMessage | null;
  reason: SeveraReasonFilter;
  /** The search box as typed. */
  search: string;
  /** The search the table asks main for: the box, once typing pauses. */
  query: string;
  verdicts: VerdictPages;
  quick: { email: string; verdict: SeveraVerdictView } | null;
  start(): void;
  /**
   * Runs a change in main under a busy label, adopts the state it answers with, and runs the
   * check when both lists are there and the result was dropped. Resolves false on failure
   * (then the message says why).
   */
  change(busy: Phrase, call: () => Promise<SeveraCheckState>, done?: (state: SeveraCheckState) => Phrase | null): Promise<boolean>;
  /** Takes a state main answered with outside `change` (a dialog that shows its own errors). */
  adopt(state: SeveraCheckState, message?: Phrase): void;
  setReason(reason: SeveraReasonFilter): void;
  setSearch(search: string): void;
  /** Asks main for one page of the current run and filter, unless it is there or on its way. */
  loadPage(runId: number, page: number): void;
  setQuick(quick: SeveraStore['quick']): void;
  say(words: Phrase, error?: boolean): void;
}

export const useSeveraStore = create<SeveraStore>((set, get) => {
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Pages asked for under the current key: reset whenever the key changes. */
  let requested = { key: '', pages: new Set<number>() };
  const runIfReady = async (state: SeveraCheckState): Promise<SeveraCheckState> => {
    if (!state.ready || state.result) return state;
    const azets = state.azets.status === 'loaded' ? state.azets.users : 0;
    set({ state, busy: phrase('severa.panel.busy.checking', { count: azets }) });
    return api.runSeveraCheck();
  };

  return {
    state: null,
    busy: null,
    message: null,
    reason: 'all',
    search: '',
    query: '',
    verdicts: { key: '', total: null, pages: new Map(), error: null },
    quick: null,

    start() {
      api
        .getSeveraCheck()
        .then(runIfReady)
        .then((state) => set({ state, busy: null }))
        .catch((error: unknown) => set({ message: { words: phrase('severa.panel.error.load', { error: errorWords(error) }), error: true }, busy: null }));
    },

    async change(busy, call, done) {
      set({ busy, message: null });
      try {
        const state = await runIfReady(await call());
        // A new result may lack the reason being filtered by: fall back to everyone.
        const reason = get().reason;
        const keep = reason === 'all' || reason === 'failing' || (state.result?.summary[reason] ?? 0) > 0;
        set({ state, busy: null, reason: keep ? reason : 'all', quick: null });
        const words = done?.(state) ?? null;
        if (words) set({ message: { words, error: false } });
        return true;
      } catch (error) {
        set({ busy: null, message: { words: errorWords(error), error: true } });
        // Main may have changed before failing (a run after a load): show what it holds now.
        api.getSeveraCheck().then((state) => set({ state }), () => undefined);
        return false;
      }
    },

    adopt: (state, message) => set({ state, message: message ? { words: message, error: false } : get().message }),
    setReason: (reason) => set({ reason }),
    setSearch(search) {
      set({ search });
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => set({ query: get().search.trim() }), SEARCH_DELAY_MS);
    },

    loadPage(runId, page) {
      const { reason, query } = get();
      const key = pagesKey(runId, reason, query);
      if (requested.key !== key) requested = { key, pages: new Set() };
      if (requested.pages.has(page)) return;
      requested.pages.add(page);
      const asked = requested;
      const current = () => (get().verdicts.key === key ? get().verdicts : { key, total: null, pages: new Map(), error: null });
      api.listSeveraVerdicts(runId, { reason, search: query }, page * PAGE_SIZE, PAGE_SIZE).then(
        (result) => {
          if (requested !== asked) return; // the filter or the run changed meanwhile
          const verdicts = current();
          set({ verdicts: { ...verdicts, total: result.total, pages: new Map(verdicts.pages).set(page, result.rows), error: null } });
        },
        (error: unknown) => {
          if (requested !== asked) return;
          asked.pages.delete(page);
          // A newer run is on its way to the panel: its pages replace these.
          if ((error as { code?: string }).code === 'severa-stale-run') return;
          set({ verdicts: { ...current(), error: errorWords(error) } });
        },
      );
    },

    setQuick: (quick) => set({ quick }),
    say: (words, error = false) => set({ message: { words, error } }),
  };
});
