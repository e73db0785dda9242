import type { Message } from './i18n/message';
import type { ReauthOutcome } from './reauth';

/** `unconfirmed`: a portal profile's login went through the portal's flow, but nothing confirmed the portal saved it. */
export const BULK_ITEM_STATES = ['pending', 'running', 'connected', 'unconfirmed', 'skipped', 'failed'] as const;
export type BulkItemState = (typeof BULK_ITEM_STATES)[number];

export interface BulkItem {
  profileId: string;
  name: string;
  companyId: string;
  companyName: string;
  apiUser: string;
  state: BulkItemState;
  outcome?: ReauthOutcome;
  /** For failed or skipped items: why, in plain words, with the next step (English; `reasonWords` has it as data). */
  reason?: string;
  /** The reason as words in the catalog, shown in the reader's language; absent in runs saved before words were data. */
  reasonWords?: Message;
  finishedAt?: string;
}

export type BulkCounts = Record<BulkItemState, number> & { total: number };

/**
 * A bulk reconnect (F8): one isolated login at a time, in company order; kept on disk so it can be
 * resumed. Main owns it: every command names the profile it is meant for, and the renderer only
 * shows this state.
 */
export interface BulkRun {
  id: string;
  startedAt: string;
  items: BulkItem[];
  /** Open the next login by itself when one ends (off: each login waits for "Open login"). */
  auto: boolean;
  /** The profile whose login is under way (open, or being checked), if any. */
  active: string | null;
  /** The profile the next login is for: the first waiting one. */
  next: string | null;
  /** Nothing waits and nothing is under way. */
  finished: boolean;
  /** They always add up to `total`. */
  counts: BulkCounts;
}

/** Each state's words are the catalog's `bulk.state.<state>`. */
export const bulkStateKey = (state: BulkItemState) => `bulk.state.${state}` as const;
