import type { BrowserWindow } from 'electron';
import type { ApiEvent } from '../../shared/api';

/** No bar. */
const NONE = -1;
/** Electron shows a value above 1 as "busy, amount unknown". */
const INDETERMINATE = 2;

/**
 * The taskbar button (Windows, Linux's Unity launcher) or Dock icon shows how far a long job is:
 * the health check and a bulk reconnect by their events, the explainer while it reads a file.
 * The health check wins over a bulk run left open: it is the one running now.
 */
export function createTaskbarProgress(window: () => BrowserWindow | null) {
  let health = NONE;
  let bulk = NONE;
  let explaining = 0;
  const show = () => {
    const target = window();
    if (!target || target.isDestroyed()) return;
    target.setProgressBar(health !== NONE ? health : explaining > 0 ? INDETERMINATE : bulk);
  };
  return {
    follow(event: ApiEvent): void {
      if (event.type === 'health-progress') health = event.running && event.total > 0 ? event.done / event.total : NONE;
      else if (event.type === 'bulk-changed') bulk = bulkFraction(event.run);
      else return;
      show();
    },
    /** Wraps a job without events of its own (explaining a log file). */
    async during<T>(job: () => Promise<T>): Promise<T> {
      explaining++;
      show();
      try {
        return await job();
      } finally {
        explaining--;
        show();
      }
    },
  };
}

function bulkFraction(run: Extract<ApiEvent, { type: 'bulk-changed' }>['run']): number {
  if (!run || run.finished || run.counts.total === 0) return NONE;
  return (run.counts.connected + run.counts.skipped + run.counts.failed) / run.counts.total;
}
