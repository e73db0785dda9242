import { BULK_ITEM_STATES, type BulkCounts, type BulkItem, type BulkRun } from '../../shared/bulk';

/** What is kept on disk: the items and the auto setting. Everything else of a run is derived from them. */
export interface StoredBulkRun {
  id: string;
  startedAt: string;
  items: BulkItem[];
  auto: boolean;
}

/** The run as the renderer sees it: who is under way, who is next, the counts — derived, so they cannot disagree. */
export function viewOf(run: StoredBulkRun): BulkRun {
  const counts = Object.fromEntries(BULK_ITEM_STATES.map((s) => [s, 0])) as BulkCounts;
  for (const item of run.items) counts[item.state]++;
  counts.total = run.items.length;
  const active = run.items.find((i) => i.state === 'running')?.profileId ?? null;
  const next = run.items.find((i) => i.state === 'pending')?.profileId ?? null;
  return { ...run, active, next, finished: active === null && next === null, counts };
}
