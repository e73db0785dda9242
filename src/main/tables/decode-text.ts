import type { TextEncodingName } from '../../shared/severa-check';
import { decodeWindows1252, undefinedIn1252 } from './windows-1252';

/**
 * Why a line could not be read cleanly: it is not UTF-8 in a file that otherwise is (the file mixes
 * encodings), it holds a byte that is no character in UTF-8 or Windows-1252, or it holds half of a
 * UTF-16 surrogate pair.
 */
export type LineDamage = 'not-utf-8' | 'undefined-byte' | 'broken-utf-16';

export interface DamagedLine {
  /** 1-based, counting CRLF, CR and LF line breaks in the decoded text as the CSV parser does. */
  line: number;
  damage: LineDamage;
}

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Lines whose text is a guess or holds replacement characters: the caller reports their rows. */
  damaged: DamagedLine[];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const CR = 0x0d;
const LF = 0x0a;

/** UTF-16 without a BOM: plain-ASCII text then has a zero byte in every other place. */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros === 0) return 'utf-16be';
  return null;
}

function strictUtf8OrNull(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** A line of bytes: its content [start, end) and where the next line starts (after CRLF, CR or LF). */
interface ByteLine {
  start: number;
  end: number;
  next: number;
}

function byteLines(bytes: Uint8Array): ByteLine[] {
  const lines: ByteLine[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte !== CR && byte !== LF) continue;
    const next = byte === CR && bytes[i + 1] === LF ? i + 2 : i + 1;
    lines.push({ start, end: i, next });
    start = next;
    i = next - 1;
  }
  lines.push({ start, end: bytes.length, next: bytes.length });
  return lines;
}

/**
 * The marks UTF-8 leaves that Windows-1252 text practically never holds: a Latin-1 letter (C2/C3 and
 * a continuation byte, which Windows-1252 reads as "Ã¤", "Â ") or typographic punctuation and € (E2
 * 80–82 …, read as "â€™"). Other valid sequences (C5 80 is "Å€" as well as "ŀ") prove nothing.
 */
function utf8Marks(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0xc2 || byte === 0xc3 || byte === 0xe2) return strictUtf8OrNull(bytes) !== null;
  }
  return false;
}

/** Line by line: UTF-8 where a line is valid UTF-8, else Windows-1252 as a guess, reported. */
function decodeByLine(bytes: Uint8Array, lines: readonly ByteLine[]): { text: string; damaged: DamagedLine[] } {
  const damaged: DamagedLine[] = [];
  let text = '';
  lines.forEach(({ start, end, next }, index) => {
    const content = bytes.subarray(start, end);
    const utf8 = strictUtf8OrNull(content);
    if (utf8 === null) damaged.push({ line: index + 1, damage: undefinedIn1252(content) ? 'undefined-byte' : 'not-utf-8' });
    text += (utf8 ?? decodeWindows1252(content)) + decodeWindows1252(bytes.subarray(end, next));
  });
  return { text, damaged };
}

/** UTF-16, strictly: the lines holding half of a surrogate pair (or a last odd byte) are damaged. */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes), encoding, damaged: [] };
  } catch {
    // Found below, line by line.
  }
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  const le = encoding === 'utf-16le';
  const unitAt = (i: number): number => (le ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  const units = bytes.length >> 1;
  const lines = new Set<number>();
  let line = 1;
  for (let u = 0; u < units; u++) {
    const unit = unitAt(u * 2);
    if (unit === CR) {
      if (u + 1 < units && unitAt(u * 2 + 2) === LF) u++;
      line++;
    } else if (unit === LF) {
      line++;
    } else if (unit >= 0xd800 && unit <= 0xdbff) {
      const low = u + 1 < units ? unitAt(u * 2 + 2) : -1;
      if (low >= 0xdc00 && low <= 0xdfff) u++;
      else lines.add(line);
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      lines.add(line);
    }
  }
  if (bytes.length % 2 === 1) lines.add(line);
  return { text, encoding, damaged: [...lines].map((damagedLine) => ({ line: damagedLine, damage: 'broken-utf-16' })) };
}

/**
 * Exports come as UTF-8 (with or without a BOM) or, from older Excel, Windows-1252; Excel's
 * "Unicode text" is UTF-16, with a BOM or without. The encoding is decided on evidence:
 * - a BOM names it; UTF-16 is decoded strictly, and a UTF-8 file's lines that are not UTF-8 are damaged;
 * - bytes that are valid UTF-8 are UTF-8 (Windows-1252 text with letters is almost never valid UTF-8);
 * - otherwise, unless some line carries UTF-8's marks (`utf8Marks`), Windows-1252, whose lines with
 *   undefined bytes are damaged;
 * - otherwise the file mixes encodings (a UTF-8 export with a line pasted from elsewhere): each line
 *   is read as UTF-8 where it is valid, and the others are damaged, so one stray byte never turns
 *   every name of the file into mojibake.
 * Damaged lines are reported by the caller as rows that could not be read cleanly, never stored as
 * names. The BOM is dropped from the text.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    const text = strictUtf8OrNull(body);
    if (text !== null) return { text, encoding: 'utf-8-bom', damaged: [] };
    return { ...decodeByLine(body, byteLines(body)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return decodeUtf16(bytes, utf16);
  const text = strictUtf8OrNull(bytes);
  if (text !== null) return { text, encoding: 'utf-8', damaged: [] };
  const lines = byteLines(bytes);
  if (lines.some(({ start, end }) => utf8Marks(bytes.subarray(start, end)))) return { ...decodeByLine(bytes, lines), encoding: 'utf-8' };
  const damaged: DamagedLine[] = [];
  lines.forEach(({ start, end }, index) => {
    if (undefinedIn1252(bytes.subarray(start, end))) damaged.push({ line: index + 1, damage: 'undefined-byte' });
  });
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', damaged };
}
