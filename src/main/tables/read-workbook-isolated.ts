import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
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
  // tsx's tsImport (the CLI's bin in a checkout) adds a ?tsx-namespace= query to the module's URL.
  if (new URL(here).pathname.endsWith('.ts')) {
    // Node 20 gives a worker no loader of its parent's: register tsx in it, then load the source.
    // tsx is found from here, not from the working folder (the CLI runs from anywhere).
    const source = JSON.stringify(new URL('./workbook-worker.ts', here).href);
    const tsxApi = JSON.stringify(pathToFileURL(createRequire(new URL('./', here)).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href);
    return { script: `import(${tsxApi}).then((tsx) => { tsx.register(); return import(${source}); });`, eval: true };
  }
  for (const candidate of ['./workbook-worker.js', '../workbook-worker.js']) {
    const url = new URL(candidate, here);
    if (existsSync(url)) return { script: url, eval: false };
  }
  throw new Error(`the workbook reader (workbook-worker.js) is missing beside ${here}`);
}

/**
 * A worker that has read a workbook this big is ended, not kept: its heap stays as large as the
 * read made it (nothing collects an idle worker's garbage), tens of MB for a 100,000-row list.
 */
const KEEP_WORKER_BELOW_BYTES = 1024 * 1024;

/** The one worker kept between reads, with the heap cap it was started with. */
let idle: { worker: Worker; heapMb: number } | null = null;
/** Reads go one at a time through the one worker. */
let queue: Promise<unknown> = Promise.resolve();

function startWorker(isolation: WorkbookIsolation): Worker {
  const { script, eval: isSource } = workerScript();
  const worker = new Worker(script, {
    eval: isSource,
    resourceLimits: { maxOldGenerationSizeMb: isolation.heapMb, maxYoungGenerationSizeMb: Math.max(4, Math.round(isolation.heapMb / 16)) },
    stdout: false,
    stderr: false,
  });
  // An idle worker never keeps the process alive; one at work is ref'd while it works.
  worker.unref();
  worker.on('exit', () => {
    if (idle?.worker === worker) idle = null;
  });
  // Between jobs nothing should fail; if something does, the exit above drops the worker.
  worker.on('error', () => undefined);
  return worker;
}

/** The idle worker when its cap is the one asked for, else a fresh one (the other is ended). */
function takeWorker(isolation: WorkbookIsolation): Worker {
  const kept = idle;
  idle = null;
  if (kept && kept.heapMb === isolation.heapMb) return kept.worker;
  if (kept) void kept.worker.terminate();
  return startWorker(isolation);
}

function readOnce(job: WorkbookJob, isolation: WorkbookIsolation): Promise<WorkbookSheet> {
  const worker = takeWorker(isolation);
  worker.ref();
  return new Promise<WorkbookSheet>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void, keep: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      worker.unref();
      if (keep && idle === null) idle = { worker, heapMb: isolation.heapMb };
      else void worker.terminate();
      outcome();
    };
    const onMessage = (answer: WorkbookAnswer): void =>
      settle(() => {
        if (answer.ok) resolve(answer.workbook);
        else if ('refused' in answer) reject(new WorkbookRefused(answer.refused));
        else reject(new Error(`reading a workbook failed: ${answer.failed}`));
      }, job.bytes.byteLength < KEEP_WORKER_BELOW_BYTES);
    const onError = (error: Error & { code?: string }): void =>
      settle(() => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          reject(new WorkbookRefused(`reading it needs more than ${isolation.heapMb} MiB of memory, far more than a workbook of users`));
        } else reject(error);
      }, false);
    const onExit = (code: number): void => settle(() => reject(new Error(`the workbook reader stopped (exit code ${code}) before it answered`)), false);
    const timer = setTimeout(
      () => settle(() => reject(new WorkbookRefused(`reading it took more than ${Math.round(isolation.timeoutMs / 1000)} seconds, far longer than a workbook of users`)), false),
      isolation.timeoutMs,
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job);
  });
}

/**
 * An .xlsx workbook's sheet, read (limits first, then SheetJS) in a worker thread with a heap cap
 * and a time limit: a workbook that would take main's memory or time is refused in words for that
 * file, and the app goes on. Throws WorkbookRefused, like readWorkbook. One worker is kept idle
 * between reads (a fresh one after one that died, ran out of time or read a big workbook); reads
 * wait their turn.
 */
export function readWorkbookIsolated(bytes: Uint8Array, sheet?: string, limits?: WorkbookLimits, isolation: WorkbookIsolation = WORKBOOK_ISOLATION): Promise<WorkbookSheet> {
  const job: WorkbookJob = { bytes, ...(sheet === undefined ? {} : { sheet }), ...(limits ? { limits } : {}) };
  const read = queue.then(() => readOnce(job, isolation));
  // The queue waits for this read, and keeps nothing of it: a kept result would hold every row until the next read.
  queue = read.then(
    () => undefined,
    () => undefined,
  );
  return read;
}

/** Ends the idle worker (on quit); the next read starts a fresh one. */
export async function stopWorkbookReader(): Promise<void> {
  const kept = idle;
  idle = null;
  if (kept) await kept.worker.terminate();
}
