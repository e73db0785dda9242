import { Worker } from 'node:worker_threads';
import type { ScanHints } from './log-scanner';
import { ERROR_FRAGMENTS } from './markers';

/**
 * The fragment search on a second thread, for big files: it reads chunks in the same order as the
 * scanner, searches each run of complete lines exactly as the scanner would (one continuous search
 * from the run's start; the scanner's jumps over entries skip only matches inside them), counts the
 * line breaks, and says when a line is longer than the line limit (the scanner then searches itself,
 * because long lines are cut into pieces the search must respect).
 *
 * Its code is a plain script handed to the Worker as text: nothing to bundle, the same in the app, in
 * tests and in the bench. It imports nothing of ours; the regex comes in as its source.
 */
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const fragments = new RegExp(workerData.source, workerData.flags);
const maxLine = workerData.maxLineBytes;
let work = Buffer.alloc(0);
let carried = 0;
let base = 0;
let breaks = 0;
let lastBreak = -1;
let hits = new Float64Array(1024);
let before = new Float64Array(1024);
parentPort.on('message', ({ chunk, length, final }) => {
  // The carried tail and the new chunk in one reused buffer.
  const size = carried + length;
  if (work.length < size) {
    const bigger = Buffer.allocUnsafe(Math.max(size, 2 * work.length));
    work.copy(bigger, 0, 0, carried);
    work = bigger;
  }
  if (chunk) work.set(new Uint8Array(chunk, 0, length), carried);
  const data = work.subarray(0, size);
  const end = final ? data.length : data.lastIndexOf(10) + 1;
  let count = 0;
  let longLine = false;
  if (end > 0) {
    const view = data.latin1Slice(0, end);
    let counted = 0;
    const countTo = (to) => {
      for (let i = view.indexOf('\n', counted); i >= 0 && i < to; i = view.indexOf('\n', counted)) {
        if (base + i - lastBreak > maxLine) longLine = true;
        lastBreak = base + i;
        breaks++;
        counted = i + 1;
      }
      if (to > counted) counted = to;
    };
    fragments.lastIndex = 0;
    for (let m = fragments.exec(view); m !== null; m = fragments.exec(view)) {
      countTo(m.index);
      if (count === hits.length) {
        const moreHits = new Float64Array(2 * count);
        moreHits.set(hits);
        hits = moreHits;
        const moreBefore = new Float64Array(2 * count);
        moreBefore.set(before);
        before = moreBefore;
      }
      hits[count] = base + m.index;
      before[count] = breaks;
      count++;
    }
    countTo(end);
  }
  if (data.length - end >= maxLine) longLine = true;
  if (final && base + end - (lastBreak + 1) >= maxLine) longLine = true;
  data.copyWithin(0, end);
  carried = data.length - end;
  base += end;
  // Typed arrays copy in one piece; plain arrays would be cloned number by number.
  const found = { hits: hits.slice(0, count), breaksBefore: before.slice(0, count) };
  const hints = { end: base, hits: found.hits, breaksBefore: found.breaksBefore, breaks, lastBreak, longLine };
  const transfer = [found.hits.buffer, found.breaksBefore.buffer];
  if (chunk) transfer.push(chunk);
  parentPort.postMessage({ chunk, length, hints }, transfer);
});
`;

export interface ScannedChunk {
  /** The chunk's buffer, handed back. */
  chunk: ArrayBuffer | null;
  length: number;
  hints: ScanHints;
}

export class ScanWorker {
  private readonly worker: Worker;
  private readonly waiting: { resolve: (reply: ScannedChunk) => void; reject: (error: Error) => void }[] = [];
  private failure: Error | null = null;

  constructor(maxLineBytes: number) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { source: ERROR_FRAGMENTS.source, flags: ERROR_FRAGMENTS.flags, maxLineBytes },
    });
    this.worker.on('message', (reply: ScannedChunk) => this.waiting.shift()?.resolve(reply));
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const waiter of this.waiting.splice(0)) waiter.reject(error);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`The scan worker stopped (exit code ${code}).`)));
  }

  /**
   * Searches the next `length` bytes of `chunk` (handed over: do not touch it until it comes back), or,
   * with `final`, the text's last line. Replies come in the order asked.
   */
  scan(chunk: ArrayBuffer | null, length: number, final: boolean): Promise<ScannedChunk> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage({ chunk, length, final }, chunk ? [chunk] : []);
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
