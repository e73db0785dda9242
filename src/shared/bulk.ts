import type { ReauthOutcome } from './reauth';

export type BulkItemState = 'pending' | 'running' | 'connected' | 'skipped' | 'failed';

export interface BulkItem {
  profileId: string;
  name: string;
  companyId: string;
  companyName: string;
  apiUser: string;
  state: BulkItemState;
  outcome?: ReauthOutcome;
  /** For failed or skipped items: why, in plain words, with the next step. */
  reason?: string;
  finishedAt?: string;
}

/** A bulk reconnect (F8): one isolated login at a time, in company order; kept on disk so it can be resumed. */
export interface BulkRun {
  id: string;
  startedAt: string;
  items: BulkItem[];
  /** The item the next login is for (the first pending one), or -1 when none is left. */
  current: number;
}

export const BULK_STATE_LABELS: Record<BulkItemState, string> = {
  pending: 'Waiting',
  running: 'Logging in…',
  connected: 'Connected',
  skipped: 'Skipped',
  failed: 'Failed',
};
