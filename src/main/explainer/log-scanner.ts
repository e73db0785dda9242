import { continuesLine, isBlank } from './continuation';
import { DEFAULT_LIMITS, lookbackBytes, type ScanLimits } from './limits';
import { ERROR_FRAGMENTS } from './markers';
import { startsWithTimestamp } from './timestamps';

/** One log entry around a hit: a line and its continuation lines. */
export interface RawEntry {
  /** The entry's bytes, line breaks included. Valid only during the callback: copy what you keep. */
  bytes: Buffer;
  /** Line number (1-based, counting "\n") of its first line. */
  line: number;
  /** Its first line starts with a timestamp. */
  timed: boolean;
}

/**
 * The fragment search done elsewhere (scan-worker.ts) for one run of complete lines: every match of
 * ERROR_FRAGMENTS in it, as one continuous search from its start, and the line breaks counted on the way.
 */
export interface ScanHints {
  /** Where the run ends (whole text): after its last line break, or at the text's end when `final`. */
  end: number;
  /** Where each match starts (whole text), in order. */
  hits: ArrayLike<number>;
  /** For each match, the line breaks before it in the whole text. */
  breaksBefore: ArrayLike<number>;
  /** Line breaks in the whole text up to `end`, and where the last of them is (-1: none). */
  breaks: number;
  lastBreak: number;
  /** A line longer than maxLineBytes is in the run or after it: the scanner then searches itself from here on. */
  longLine: boolean;
}

export interface ScanStats {
  bytes: number;
  lines: number;
  /** Lines longer than the line limit, read in pieces. */
  longLines: number;
}

const EMPTY = Buffer.alloc(0);
const NL = 0x0a;

/**
 * The streaming core. Bytes go in by `push` in chunks of any size; every log entry that holds an error
 * fragment (see markers.ts) comes out once, in order, through `onEntry`; the rest of the text is never
 * split into lines or decoded.
 *
 * An entry is a line that starts with a timestamp plus the lines after it that do not, up to a blank
 * line (see continuation.ts for text without timestamps), at most `maxEntryLines` lines and
 * `maxEntryBytes` bytes. It is found by walking from the hit's line back to its first line and forward to its end.
 * Each chunk is scanned up to its last complete line; the bytes after it, and enough before it for the
 * walk back, are carried into the next chunk, and an entry that reaches the end of a chunk is finished
 * with the next one. Every rule looks at the text alone, so any chunking gives the same entries.
 *
 * The search for fragments is the costliest step. `pushScanned` takes chunks whose search a worker
 * thread has done (ScanHints): the same matches, so the same entries, while this thread examines.
 */
export class LogScanner {
  /** The carried bytes (its first `carried` bytes: lookback, then unscanned or unfinished lines), then room for a chunk. */
  private work: Buffer = EMPTY;
  private carried = 0;
  /** Where the carried bytes start in the whole text. Every other position below is in the whole text too. */
  private base = 0;
  /** Where the line holding data[0] starts (before `base` when data starts inside a long line). */
  private dataLineStart = 0;
  /** Where the next scan for hits begins (the start of an unfinished entry, or the end of the scanned text). */
  private scanFrom = 0;
  /** Where the complete lines in `data` end. */
  private tailStart = 0;
  /** The end of the last entry given out: hits before it are inside it. */
  private skipUntil = 0;
  /** Line breaks are counted up to here. */
  private countedTo = 0;
  private newlines = 0;
  private lastNewline = -1;
  private longLines = 0;
  private total = 0;
  private lastByte = -1;
  /** Its own copy: the search's position is state. */
  private readonly fragments = new RegExp(ERROR_FRAGMENTS);
  private readonly lookback: number;
  /** The run's text as Latin-1 (searched in this thread), or null (searched by a worker: search the bytes). */
  private view: string | null = null;
  /** Matches found by a worker and not yet used, with the line breaks before each. */
  private queuedHits: number[] = [];
  private queuedBreaks: number[] = [];
  private queueHead = 0;
  /** A worker's search is no longer used (a long line was seen): this thread searches. */
  private searchHere = false;
  private hinted = false;

  constructor(
    private readonly onEntry: (entry: RawEntry) => void,
    private readonly limits: ScanLimits = DEFAULT_LIMITS,
  ) {
    this.lookback = lookbackBytes(limits);
  }

  push(chunk: Uint8Array): void {
    if (this.hinted && !this.searchHere) throw new Error('A scan fed by a worker takes every chunk from it.');
    this.searchHere = true;
    this.append(chunk, null);
  }

  /** A chunk whose fragment search a worker has done (see scan-worker.ts); `hints` covers this chunk's complete lines. */
  pushScanned(chunk: Uint8Array, hints: ScanHints): void {
    this.hinted = true;
    if (hints.longLine) this.searchHere = true;
    this.append(chunk, this.searchHere ? null : hints);
  }

  private append(chunk: Uint8Array, hints: ScanHints | null): void {
    if (chunk.length === 0) return;
    this.total += chunk.length;
    this.lastByte = chunk[chunk.length - 1]!;
    // One buffer for the carried bytes and the new chunk, reused chunk after chunk: nothing is allocated per chunk.
    const size = this.carried + chunk.length;
    if (this.work.length < size) {
      const bigger = Buffer.allocUnsafe(Math.max(size, 2 * this.work.length));
      this.work.copy(bigger, 0, 0, this.carried);
      this.work = bigger;
    }
    this.work.set(chunk, this.carried);
    this.run(this.work.subarray(0, size), false, hints);
  }

  /** The text has ended: its last line is complete, and so is every entry. `hints` covers that last line when a worker searched. */
  end(hints: ScanHints | null = null): ScanStats {
    if (hints?.longLine) this.searchHere = true;
    this.run(this.work.subarray(0, this.carried), true, this.searchHere || !this.hinted ? null : hints);
    this.work = EMPTY;
    this.carried = 0;
    const lastLineLength = this.total - this.lastNewline - 1;
    if (lastLineLength > this.limits.maxLineBytes) this.longLines++;
    return {
      bytes: this.total,
      lines: this.newlines + (this.total > 0 && this.lastByte !== NL ? 1 : 0),
      longLines: this.longLines,
    };
  }

  private run(data: Buffer, final: boolean, hints: ScanHints | null): void {
    const base = this.base;
    const { maxLineBytes } = this.limits;
    let end: number;
    if (final) end = data.length;
    else {
      const tail = this.tailStart - base;
      const lastBreak = data.lastIndexOf(NL);
      end = lastBreak >= tail ? lastBreak + 1 : tail;
      // A long line without a break yet: its whole pieces are complete.
      const lineStart = this.trueLineStart(data, end);
      const pieces = Math.floor((data.length - lineStart) / maxLineBytes);
      if (pieces > 0) end = Math.max(end, lineStart + pieces * maxLineBytes);
    }
    if (hints && hints.end !== base + end) {
      // The worker read other lines than these (it never should): search here from now on, which is always right.
      this.searchHere = true;
      hints = null;
    }
    if (hints) {
      for (let i = 0; i < hints.hits.length; i++) {
        this.queuedHits.push(hints.hits[i]!);
        this.queuedBreaks.push(hints.breaksBefore[i]!);
      }
    }
    if (!final && end === this.tailStart - base) {
      // Nothing new is complete: keep every byte.
      this.carried = data.length;
      return;
    }

    this.view = hints ? null : data.toString('latin1', 0, end);
    const unfinished = hints ? this.takeQueued(data, end, final) : this.search(data, end, final);

    const nextScan = unfinished >= 0 ? unfinished : end;
    // Count every line break the carry is about to drop (takeQueued has set the counts for an unfinished entry).
    if (!hints) this.countTo(data, nextScan);
    else if (unfinished < 0) {
      this.newlines = hints.breaks;
      this.lastNewline = hints.lastBreak;
      this.countedTo = base + end;
    }
    if (!hints) this.dropQueue();
    this.view = null;
    if (final) return;
    const wanted = nextScan - this.lookback;
    const keepFrom = wanted <= 0 ? 0 : this.pieceStart(data, wanted);
    this.dataLineStart = base + this.trueLineStart(data, keepFrom);
    data.copyWithin(0, keepFrom);
    this.carried = data.length - keepFrom;
    this.base = base + keepFrom;
    this.scanFrom = base + nextScan;
    this.tailStart = base + end;
  }

  /** Searches the run here; returns where an entry that goes on past it starts, or -1. */
  private search(data: Buffer, end: number, final: boolean): number {
    const base = this.base;
    const view = this.view!;
    const maxLineBytes = this.limits.maxLineBytes;
    const fragments = this.fragments;
    fragments.lastIndex = this.scanFrom - base;
    for (let hit = fragments.exec(view); hit !== null; hit = fragments.exec(view)) {
      const at = hit.index;
      if (at + base < this.skipUntil) {
        // Inside the entry just given out: go on after it.
        fragments.lastIndex = this.skipUntil - base;
        continue;
      }
      const line = this.pieceStart(data, at);
      if (at + hit[0].length >= line + maxLineBytes) {
        // A fragment across (or up to) the cut between two pieces of a long line is not there: the search
        // goes on from the cut, as it does when a chunk ends there.
        fragments.lastIndex = line + maxLineBytes;
        continue;
      }
      const entryEnd = this.giveEntry(data, line, end, final, -1);
      if (entryEnd < 0) return this.pendingStart;
      fragments.lastIndex = entryEnd;
    }
    return -1;
  }

  /** Uses a worker's matches for the run (no long lines in it, so no pieces); returns as search() does. */
  private takeQueued(data: Buffer, end: number, final: boolean): number {
    const base = this.base;
    while (this.queueHead < this.queuedHits.length) {
      const at = this.queuedHits[this.queueHead]! - base;
      if (at >= end) break;
      if (at + base < this.skipUntil) {
        this.queueHead++;
        continue;
      }
      const line = this.trueLineStart(data, at);
      const breaks = this.queuedBreaks[this.queueHead]!;
      const entryEnd = this.giveEntry(data, line, end, final, breaks);
      if (entryEnd < 0) {
        // Counted up to the unfinished entry's hit: the carry may drop what lies before it.
        this.newlines = breaks;
        this.lastNewline = base + line - 1;
        this.countedTo = base + line;
        this.compactQueue();
        return this.pendingStart;
      }
      this.queueHead++;
    }
    this.compactQueue();
    return -1;
  }

  private pendingStart = -1;

  /**
   * Finds the entry around the hit's line and gives it out; returns its end, or -1 when it may go on
   * past the run (its start is then in `pendingStart`). `breaksBefore` is the count of line breaks before
   * the line when a worker counted them, else -1.
   */
  private giveEntry(data: Buffer, line: number, end: number, final: boolean, breaksBefore: number): number {
    const lineEnd = this.nextPieceStart(data, line, end);
    const back = this.walkBack(data, line, lineEnd, end);
    const entryEnd = this.walkForward(data, back, line, lineEnd, end, final);
    if (entryEnd < 0) {
      this.pendingStart = back.start;
      return -1;
    }
    if (breaksBefore >= 0) {
      this.newlines = breaksBefore;
      this.lastNewline = this.base + line - 1;
      this.countedTo = this.base + line;
    } else this.countTo(data, line);
    const startLine = this.newlines + 1 - this.countBreaks(data, back.start, line);
    this.onEntry({ bytes: data.subarray(back.start, entryEnd), line: startLine, timed: back.timed });
    this.skipUntil = this.base + entryEnd;
    return entryEnd;
  }

  private compactQueue(): void {
    if (this.queueHead === 0) return;
    this.queuedHits = this.queuedHits.slice(this.queueHead);
    this.queuedBreaks = this.queuedBreaks.slice(this.queueHead);
    this.queueHead = 0;
  }

  private dropQueue(): void {
    this.queuedHits = [];
    this.queuedBreaks = [];
    this.queueHead = 0;
  }

  private indexOfBreak(data: Buffer, from: number): number {
    return this.view !== null ? this.view.indexOf('\n', from) : data.indexOf(NL, from);
  }

  private lastIndexOfBreak(data: Buffer, from: number): number {
    return this.view !== null ? this.view.lastIndexOf('\n', from) : data.lastIndexOf(NL, from);
  }

  /** Where the line holding position `pos` starts (its true start, not its piece's). */
  private trueLineStart(data: Buffer, pos: number): number {
    if (pos <= 0) return this.dataLineStart - this.base;
    const before = this.lastIndexOfBreak(data, pos - 1);
    return before >= 0 ? before + 1 : this.dataLineStart - this.base;
  }

  /** Where the line, or the piece of a long line, holding `pos` starts. */
  private pieceStart(data: Buffer, pos: number): number {
    const start = this.trueLineStart(data, pos);
    return start + Math.floor((pos - start) / this.limits.maxLineBytes) * this.limits.maxLineBytes;
  }

  /** Where the line or piece after the one starting at `start` begins. */
  private nextPieceStart(data: Buffer, start: number, end: number): number {
    const lineBreak = this.indexOfBreak(data, start);
    const lineEnd = lineBreak < 0 ? end : lineBreak + 1;
    return Math.min(lineEnd, start + this.limits.maxLineBytes, end);
  }

  private prevPieceStart(data: Buffer, start: number): number {
    if (data[start - 1] === NL) return this.pieceStart(data, start - 1);
    return start - this.limits.maxLineBytes;
  }

  private isTrueLineStart(data: Buffer, pos: number): boolean {
    return pos > 0 ? data[pos - 1] === NL : this.base + pos === this.dataLineStart;
  }

  private isHead(data: Buffer, pos: number, end: number): boolean {
    return this.isTrueLineStart(data, pos) && startsWithTimestamp(data, pos, this.nextPieceStart(data, pos, end));
  }

  /** Does the line at `start` carry on the one at `prevStart` by the rules for text without timestamps? */
  private joinsUntimed(data: Buffer, prevStart: number, start: number, next: number): boolean {
    if (!this.isTrueLineStart(data, start)) return true; // a piece of a long line
    return !isBlank(data, prevStart, start) && !isBlank(data, start, next) && continuesLine(data, prevStart, start, start, next);
  }

  /** From the hit's line back to its entry's first line. */
  private walkBack(data: Buffer, line: number, lineEnd: number, end: number): { start: number; timed: boolean; lines: number } {
    if (this.isHead(data, line, end)) return { start: line, timed: true, lines: 1 };
    const { maxEntryLines, maxEntryBytes } = this.limits;
    const floor = this.skipUntil - this.base;
    let current = line;
    let currentEnd = lineEnd;
    let lines = 1;
    let breakAt = -1;
    let breakLines = 0;
    while (current > 0 && current > floor && this.base + current > 0 && lines < maxEntryLines) {
      const prev = this.prevPieceStart(data, current);
      if (lineEnd - prev > maxEntryBytes) break;
      if (this.isTrueLineStart(data, current) && isBlank(data, prev, current)) {
        // A blank line ends every entry.
        if (breakAt < 0) {
          breakAt = current;
          breakLines = lines;
        }
        break;
      }
      if (breakAt < 0 && !this.joinsUntimed(data, prev, current, currentEnd)) {
        breakAt = current;
        breakLines = lines;
      }
      currentEnd = current;
      current = prev;
      lines++;
      if (this.isHead(data, current, end)) return { start: current, timed: true, lines };
    }
    return breakAt >= 0 ? { start: breakAt, timed: false, lines: breakLines } : { start: current, timed: false, lines };
  }

  /** From the hit's line forward to its entry's end; -1 when the entry may go on past the complete text. */
  private walkForward(data: Buffer, entry: { start: number; timed: boolean; lines: number }, line: number, lineEnd: number, end: number, final: boolean): number {
    const { maxEntryLines, maxEntryBytes } = this.limits;
    let lines = entry.lines;
    let prev = line;
    let current = lineEnd;
    for (;;) {
      if (current >= end) return final ? end : -1;
      if (lines >= maxEntryLines || this.isHead(data, current, end)) return current;
      const next = this.nextPieceStart(data, current, end);
      if (this.isTrueLineStart(data, current) && isBlank(data, current, next)) return current;
      if (next - entry.start > maxEntryBytes) return current;
      if (!entry.timed && !this.joinsUntimed(data, prev, current, next)) return current;
      prev = current;
      current = next;
      lines++;
    }
  }

  /** Counts line breaks from where counting stopped up to `to` (noting lines longer than the limit). */
  private countTo(data: Buffer, to: number): void {
    let pos = this.countedTo - this.base;
    if (pos >= to) return;
    for (let next = this.indexOfBreak(data, pos); next >= 0 && next < to; next = this.indexOfBreak(data, pos)) {
      const at = this.base + next;
      if (at - this.lastNewline - 1 > this.limits.maxLineBytes) this.longLines++;
      this.lastNewline = at;
      this.newlines++;
      pos = next + 1;
    }
    this.countedTo = this.base + to;
  }

  private countBreaks(data: Buffer, from: number, to: number): number {
    let n = 0;
    for (let i = this.indexOfBreak(data, from); i >= 0 && i < to; i = this.indexOfBreak(data, i + 1)) n++;
    return n;
  }
}
