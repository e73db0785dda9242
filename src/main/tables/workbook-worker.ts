/**
 * The worker that reads a workbook, so SheetJS's memory and time are not main's: its own build
 * entry (electron.vite.config.ts), started by read-workbook-isolated.ts with a heap cap. It reads
 * one job from workerData, answers once and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readWorkbook } from './read-workbook';
import { WorkbookRefused } from './workbook-limits';
import type { WorkbookJob, WorkbookAnswer } from './read-workbook-isolated';

const job = workerData as WorkbookJob;
let answer: WorkbookAnswer;
try {
  answer = { ok: true, workbook: readWorkbook(job.bytes, job.sheet, job.limits) };
} catch (error) {
  answer = error instanceof WorkbookRefused ? { ok: false, refused: error.message } : { ok: false, failed: (error as Error).message ?? String(error) };
}
parentPort!.postMessage(answer);
