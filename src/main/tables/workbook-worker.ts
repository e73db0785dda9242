/**
 * The worker that reads workbooks, so SheetJS's memory and time are not main's: its own build
 * entry (electron.vite.config.ts), started by read-workbook-isolated.ts with a heap cap. It answers
 * each job posted to it, one at a time, and stays for the next until it is terminated.
 */
import { parentPort } from 'node:worker_threads';
import { readWorkbook } from './read-workbook';
import { WorkbookRefused } from './workbook-limits';
import type { WorkbookJob, WorkbookAnswer } from './read-workbook-isolated';

parentPort!.on('message', (job: WorkbookJob) => {
  let answer: WorkbookAnswer;
  try {
    answer = { ok: true, workbook: readWorkbook(job.bytes, job.sheet, job.limits) };
  } catch (error) {
    answer = error instanceof WorkbookRefused ? { ok: false, refused: error.message } : { ok: false, failed: (error as Error).message ?? String(error) };
  }
  parentPort!.postMessage(answer);
});
