/**
 * When a line without a timestamp carries on the line before it. In a log with timestamps no rule is
 * needed: every line without one belongs to the last line with one (stack traces, wrapped messages,
 * JSON bodies), up to a blank line. Text without timestamps (a paste, a trace without times) uses these
 * rules, which look only at the two lines themselves:
 *
 * - the line starts with a space or a tab ("   at System.Net…"), a lowercase ASCII letter (a sentence
 *   wrapped mid-way), or a closing or joining mark: ) ] } > , . ; : - " '
 * - or the line before ends with an opening or joining mark: : , ( [ { - = / \
 * - or the line before is Visma's "Error calling Visma.net endpoint (<url>)" with the message still to come.
 *
 * A blank line always ends an entry.
 */

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;

const STARTS_CONTINUATION = new Set([...')]}>,.;:-"'].map((c) => c.charCodeAt(0)));
const ENDS_OPEN = new Set([...':,([{-=/\\'].map((c) => c.charCodeAt(0)));

const isSpace = (b: number | undefined): boolean => b === SPACE || b === TAB || b === CR || b === LF;

/** The line [start, end) holds nothing but spaces, tabs and line breaks. */
export function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(bytes[i])) return false;
  return true;
}

function lastVisible(bytes: Uint8Array, start: number, end: number): number {
  let i = end - 1;
  while (i >= start && isSpace(bytes[i])) i--;
  return i;
}

const ENDPOINT_AT_END = /endpoint \(https?:\/\/[^\s)]*\)$/i;

/** Whether the line [start, end) carries on the line [prevStart, prevEnd) in text without timestamps. */
export function continuesLine(bytes: Buffer, prevStart: number, prevEnd: number, start: number, end: number): boolean {
  const first = bytes[start];
  if (first === undefined || start >= end) return false;
  if (first === SPACE || first === TAB) return true;
  if (first >= 0x61 && first <= 0x7a) return true;
  if (STARTS_CONTINUATION.has(first)) return true;
  const last = lastVisible(bytes, prevStart, prevEnd);
  if (last < prevStart) return false;
  if (ENDS_OPEN.has(bytes[last]!)) return true;
  if (bytes[last] !== 0x29) return false; // )
  const tailFrom = Math.max(prevStart, last - 2048);
  return ENDPOINT_AT_END.test(bytes.toString('latin1', tailFrom, last + 1));
}
