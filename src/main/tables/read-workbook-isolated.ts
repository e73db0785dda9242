import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { WorkbookSheet } from './read-workbook';
import { WorkbookRefused, type WorkbookLimits } from './workbook-limits';

/** What a workbook's reading may cost: a heap far above a 100,000-row list's, far below the machine's. */
export const WORKBOOK_ISOLATION = {
  heapMb: 256,
  timeoutMs: 30_000,
};

export type WorkbookIsolation = typeof WORKBOOK_ISOLATION;

export interface WorkbookJob {
  bytes: Uint8Array;
  sheet?: string;
  limits?: WorkbookLimits;
}

export type WorkbookAnswer = { ok: true; workbook: WorkbookSheet } | { ok: false; refused: string } | { ok: false; failed: string };

/**
 * Where the worker's script is: beside this module's source under tsx and vitest (run through tsx's
 * loader), and in the build, out/main/workbook-worker.js, one folder up when this module was put in
 * a shared chunk (out/main/chunks/).
 */
function workerScript(): { script: URL | string; eval: boolean } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // Node 20 gives a worker no loader of its parent's: register tsx in it, then load the source.
    const source = JSON.stringify(new URL('./workbook-worker.ts', here).href);
    return { script: `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${source}); });`, eval: true };
  }
  for (const candidate of ['./workbook-worker.js', '../workbook-worker.js']) {
    const url = new URL(candidate, here);
    if (existsSync(url)) return { script: url, eval: false };
  }
  throw new Error(`the workbook reader (workbook-worker.js) is missing beside ${here}`);
}

/**
 * An .xlsx workbook's sheet, read (limits first, then SheetJS) in a worker thread with a heap cap
 * and a time limit: a workbook that would take main's memory or time is refused in words for that
 * file, and the app goes on. Throws WorkbookRefused, like readWorkbook.
 */
export function readWorkbookIsolated(bytes: Uint8Array, sheet?: string, limits?: WorkbookLimits, isolation: WorkbookIsolation = WORKBOOK_ISOLATION): Promise<WorkbookSheet> {
  const { script, eval: isSource } = workerScript();
  const job: WorkbookJob = { bytes, ...(sheet === undefined ? {} : { sheet }), ...(limits ? { limits } : {}) };
  return new Promise<WorkbookSheet>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(script, {
      eval: isSource,
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: isolation.heapMb, maxYoungGenerationSizeMb: Math.max(4, Math.round(isolation.heapMb / 16)) },
      stdout: false,
      stderr: false,
    });
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(new WorkbookRefused(`reading it took more than ${Math.round(isolation.timeoutMs / 1000)} seconds, far longer than a workbook of users`))),
      isolation.timeoutMs,
    );
    worker.once('message', (answer: WorkbookAnswer) =>
      settle(() => {
        if (answer.ok) resolve(answer.workbook);
        else if ('refused' in answer) reject(new WorkbookRefused(answer.refused));
        else reject(new Error(`reading a workbook failed: ${answer.failed}`));
      }),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          reject(new WorkbookRefused(`reading it needs more than ${isolation.heapMb} MiB of memory, far more than a workbook of users`));
        } else reject(error);
      }),
    );
    worker.once('exit', (code) => settle(() => reject(new Error(`the workbook reader stopped (exit code ${code}) before it answered`))));
  });
}
