import { type Message, message } from '../../shared/i18n/message';
import { type FileHandle, open } from 'node:fs/promises';
import path from 'node:path';
import type { LogExplanation, ProfileMatchField } from '../../shared/log-explanation';
import { decodeEntry } from './decode-entry';
import { examineEntry } from './examine-entry';
import { InputDecoder } from './input-decoder';
import { DEFAULT_LIMITS, type ScanLimits } from './limits';
import { LogScanner, type RawEntry, type ScanHints } from './log-scanner';
import { ProfileMatcher, type ProfileRef } from './profile-matcher';
import { ReportBuilder } from './report-builder';
import { faultSignature, signatureOf } from './unknown-signature';
import { type ScannedChunk, ScanWorker } from './scan-worker';

export interface ExplainOptions {
  /** The file's or paste's name, shown in the report; profiles named in it count for every error. */
  source: string;
  /** The profiles to look for near errors. */
  profiles?: readonly ProfileRef[];
  /** Smaller bounds for tests; the defaults suit real logs. */
  limits?: ScanLimits;
}

const NONE: ReadonlyMap<number, ReadonlySet<ProfileMatchField>> = new Map();
const NAME_FIELDS: ReadonlySet<'id' | 'name'> = new Set(['id', 'name']);

/**
 * Explains a log fed in pieces: `push` chunks (bytes or strings, any size), then `finish`.
 * Memory stays flat: what is kept is bounded by the limits in limits.ts, not by the log's size.
 */
export class LogExplainer {
  private readonly matcher: ProfileMatcher;
  private readonly report: ReportBuilder;
  private readonly scanner: LogScanner;
  private readonly input: InputDecoder;
  private readonly limits: ScanLimits;
  private windows1252 = false;
  private result: LogExplanation | null = null;

  constructor(private readonly options: ExplainOptions) {
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.matcher = new ProfileMatcher(options.profiles ?? []);
    const fromName = new Map<number, ReadonlySet<ProfileMatchField>>();
    for (const [profile] of this.matcher.match(path.basename(options.source).replace(/\.(log|txt|json|csv)$/i, '').toLowerCase(), NAME_FIELDS)) {
      fromName.set(profile, new Set(['sourceName']));
    }
    this.report = new ReportBuilder(options.profiles ?? [], fromName);
    this.scanner = new LogScanner((entry) => this.examine(entry), this.limits);
    this.input = new InputDecoder((bytes) => this.scanner.push(bytes));
  }

  push(chunk: Uint8Array | string): void {
    if (this.result) throw new Error('This log has been explained already.');
    if (typeof chunk === 'string') this.input.pushText(chunk);
    else this.input.pushBytes(chunk);
  }

  /** A chunk whose fragment search a scan worker did (explainLogFile): UTF-8 bytes, after any byte-order mark. */
  pushScanned(chunk: Uint8Array, hints: ScanHints, byteOrderMark = 0): void {
    if (this.result) throw new Error('This log has been explained already.');
    this.input.passedThrough(chunk.length + byteOrderMark, byteOrderMark > 0);
    this.scanner.pushScanned(chunk, hints);
  }

  /** `lastHints`: the worker's search of the last line, when the chunks came through pushScanned. */
  finish(lastHints: ScanHints | null = null): LogExplanation {
    if (this.result) return this.result;
    this.input.end();
    const stats = this.scanner.end(lastHints);
    const notes: Message[] = [];
    const encoding = this.input.encoding;
    if (encoding === 'utf-16le' || encoding === 'utf-16be') notes.push(message('explainer.note.utf16', { endian: encoding === 'utf-16le' ? 'little' : 'big' }));
    if (this.windows1252) notes.push(message('explainer.note.windows-1252'));
    if (stats.longLines > 0) {
      notes.push(message('explainer.note.long-lines', { count: stats.longLines, kb: Math.round(this.limits.maxLineBytes / 1024) }));
    }
    this.result = this.report.build(this.options.source, { bytes: this.input.bytesIn, lines: stats.lines }, notes);
    return this.result;
  }

  private examine(entry: RawEntry): void {
    const { text, windows1252 } = decodeEntry(entry.bytes);
    const findings = examineEntry(text, entry.timed);
    if (!findings) return;
    if (windows1252) this.windows1252 = true;
    const named = this.matcher.empty ? NONE : this.matcher.match(findings.context);
    let signature: string | null = null;
    if (findings.unknown) {
      // The profiles' own names are blanked too, so one error met by several profiles is listed once.
      const message = named.size > 0 ? blankProfiles(findings.unknown.message, named, this.matcher.profiles) : findings.unknown.message;
      signature = findings.unknown.faultCode ? faultSignature(findings.unknown.faultCode, message || null) : signatureOf(message);
    }
    this.report.add(findings, entry.line, named, signature);
  }
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && (/[0-9]/.test(c) || c.toLowerCase() !== c.toUpperCase());

/** `text` with every whole-word, any-case occurrence of `value` replaced by `by`. */
function replaceWord(text: string, value: string, by: string): string {
  const lower = text.toLowerCase();
  const needle = value.toLowerCase();
  // Lower-casing a few letters changes their length; then the positions would not line up.
  if (lower.length !== text.length || needle.length !== value.length) return text;
  let out = '';
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
    if (isWordChar(text[at - 1]) || isWordChar(text[at + needle.length])) continue;
    out += text.slice(from, at) + by;
    from = at + needle.length;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** The message with the named profiles' ids, names and companies replaced by <profile> and <company>. */
function blankProfiles(message: string, named: ReadonlyMap<number, ReadonlySet<ProfileMatchField>>, profiles: readonly ProfileRef[]): string {
  let text = message;
  for (const [index, fields] of named) {
    const profile = profiles[index]!;
    for (const field of fields) {
      if (field === 'sourceName') continue;
      const value = profile[field].trim();
      if (value.length >= 3) text = replaceWord(text, value, field === 'companyId' || field === 'companyName' ? '<company>' : '<profile>');
    }
  }
  return text;
}

/** Text is fed in slices of this many characters, so the UTF-8 copy of a big paste is never made whole. */
const TEXT_SLICE = 1 << 20;

/** Explains pasted or uploaded text. */
export function explainLogText(text: string, options: ExplainOptions): LogExplanation {
  const explainer = new LogExplainer(options);
  for (let at = 0; at < text.length; at += TEXT_SLICE) explainer.push(text.slice(at, at + TEXT_SLICE));
  return explainer.finish();
}

/** The same, letting other work (IPC, timers) run between slices: what the app's main process uses. */
export async function explainLogTextYielding(text: string, options: ExplainOptions): Promise<LogExplanation> {
  const explainer = new LogExplainer(options);
  for (let at = 0; at < text.length; at += TEXT_SLICE) {
    explainer.push(text.slice(at, at + TEXT_SLICE));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return explainer.finish();
}

/** Explains a log read from a stream (a file, a socket): bytes or strings, in any chunks. */
export async function explainLogStream(source: AsyncIterable<Uint8Array | string>, options: ExplainOptions): Promise<LogExplanation> {
  const explainer = new LogExplainer(options);
  for await (const chunk of source) explainer.push(chunk);
  return explainer.finish();
}

/** Bytes read from a file at a time: big enough that per-chunk costs vanish, small enough to stay flat. */
const FILE_CHUNK = 4 << 20;

/** From this size on, a worker thread searches while this one examines. */
const WORKER_FROM_BYTES = 32 << 20;

export interface FileOptions extends Omit<ExplainOptions, 'source'> {
  source?: string;
  /** Search on a worker thread: by size (default), always, or never. */
  worker?: 'auto' | 'always' | 'never';
}

/**
 * Explains a log file of any size, streaming it from disk in chunks read into reused buffers (a file
 * stream allocates a buffer per chunk: measured five times slower to read). From 32 MB on, a worker
 * thread does the fragment search while this thread examines what it found; the report is the same.
 */
export async function explainLogFile(file: string, options: FileOptions = {}): Promise<LogExplanation> {
  const { worker: workerChoice = 'auto', source, ...rest } = options;
  const explainer = new LogExplainer({ ...rest, source: source ?? path.basename(file) });
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const first = Buffer.allocUnsafe(Math.min(FILE_CHUNK, Math.max(size, 1)));
    const { bytesRead } = await handle.read(first, 0, first.length, 0);
    const head = first.subarray(0, bytesRead);
    const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
    const useWorker = !utf16 && (workerChoice === 'always' || (workerChoice === 'auto' && size >= WORKER_FROM_BYTES));
    if (!useWorker) {
      explainer.push(head);
      const buffer = Buffer.allocUnsafe(FILE_CHUNK);
      let position = bytesRead;
      for (let n = (await handle.read(buffer, 0, FILE_CHUNK, position)).bytesRead; n > 0; n = (await handle.read(buffer, 0, FILE_CHUNK, position)).bytesRead) {
        position += n;
        explainer.push(buffer.subarray(0, n));
      }
      return explainer.finish();
    }
    const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    return await explainWithWorker(handle, explainer, head.subarray(bom), bom, bytesRead, rest.limits?.maxLineBytes ?? DEFAULT_LIMITS.maxLineBytes);
  } finally {
    await handle.close();
  }
}

/** Reads ahead into three buffers that travel to the worker and back; examines each as its search comes back. */
async function explainWithWorker(
  handle: FileHandle,
  explainer: LogExplainer,
  first: Uint8Array,
  bom: number,
  firstRead: number,
  maxLineBytes: number,
): Promise<LogExplanation> {
  const worker = new ScanWorker(maxLineBytes);
  try {
    const free = [new ArrayBuffer(FILE_CHUNK), new ArrayBuffer(FILE_CHUNK), new ArrayBuffer(FILE_CHUNK)];
    const inFlight: Promise<ScannedChunk>[] = [];
    let more = true;
    let position = firstRead;
    let bomLeft = bom;
    const firstBuffer = free.pop()!;
    new Uint8Array(firstBuffer).set(first);
    inFlight.push(worker.scan(firstBuffer, first.length, false));
    const readAhead = async () => {
      if (!more || free.length === 0) return;
      const buffer = free.pop()!;
      const { bytesRead } = await handle.read(new Uint8Array(buffer), 0, FILE_CHUNK, position);
      position += bytesRead;
      if (bytesRead === 0) {
        more = false;
        free.push(buffer);
        return;
      }
      inFlight.push(worker.scan(buffer, bytesRead, false));
    };
    await readAhead();
    await readAhead();
    while (inFlight.length > 0) {
      const { chunk, length, hints } = await inFlight.shift()!;
      explainer.pushScanned(new Uint8Array(chunk!, 0, length), hints, bomLeft);
      bomLeft = 0;
      free.push(chunk!);
      await readAhead();
    }
    const last = await worker.scan(null, 0, true);
    return explainer.finish(last.hints);
  } finally {
    await worker.close();
  }
}
