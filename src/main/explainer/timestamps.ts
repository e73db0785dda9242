/**
 * Log timestamps: which lines start with one (they start a log entry), and what time they say.
 *
 * Read forms (optionally after "[" or "("):
 *   2024-05-03T10:11:12.123Z, 2024-05-03 10:11:12,123, 2024/05/03 10:11:12, +02:00 style offsets  (year first)
 *   03.05.2024 10:11:12, 03-05-2024 10:11:12, 3.5.2024 10.11.12                                  (day first)
 *   5/3/2024 10:11:12 AM                                                                       (month first; day
 *                                                                                               first when the first
 *                                                                                               number is over 12)
 *   10:11:12                                                                                  (time only: starts an
 *                                                                                               entry, but says no date)
 * A time without a zone is the log machine's wall clock, which the log does not name: it is kept
 * without a zone and compared with others as if it were UTC.
 */

export interface LogTime {
  /** ISO 8601: "2024-05-03T10:11:12.123", with "Z" or "+02:00" when the log said so. */
  iso: string;
  /** For ordering only (a time without a zone counts as UTC). */
  ms: number;
}

// Module-level helpers, not closures: this runs for every line near a hit, and closures made per call cost.
function byteAt(bytes: Uint8Array, i: number, end: number): number {
  return i < end ? bytes[i]! : -1;
}

function digitsAt(bytes: Uint8Array, from: number, end: number, max: number): number {
  let n = 0;
  while (n < max && from + n < end && bytes[from + n]! >= 0x30 && bytes[from + n]! <= 0x39) n++;
  return n;
}

/**
 * Whether the line at `pos` starts with a date and time, or a time alone. Reads no byte at or after
 * `end` (the end of the line or of its piece), and allocates nothing.
 */
export function startsWithTimestamp(bytes: Uint8Array, pos: number, end: number): boolean {
  let p = pos;
  const open = byteAt(bytes, p, end);
  if (open === 0x5b || open === 0x28) p++; // [ (
  const first = digitsAt(bytes, p, end, 5);
  if (first === 4) {
    const sep = byteAt(bytes, p + 4, end);
    if (sep !== 0x2d && sep !== 0x2f && sep !== 0x2e) return false; // - / .
    p += 5;
    const month = digitsAt(bytes, p, end, 3);
    if (month < 1 || month > 2 || byteAt(bytes, p + month, end) !== sep) return false;
    p += month + 1;
    const day = digitsAt(bytes, p, end, 3);
    if (day < 1 || day > 2) return false;
    p += day;
    const gap = byteAt(bytes, p, end);
    if (gap !== 0x54 && gap !== 0x20) return false; // T or space
    p++;
    const hour = digitsAt(bytes, p, end, 3);
    return hour >= 1 && hour <= 2 && byteAt(bytes, p + hour, end) === 0x3a && digitsAt(bytes, p + hour + 1, end, 3) === 2;
  }
  if (first < 1 || first > 2) return false;
  const sep = byteAt(bytes, p + first, end);
  if (sep === 0x3a) {
    // 10:11:12
    p += first + 1;
    return digitsAt(bytes, p, end, 3) === 2 && byteAt(bytes, p + 2, end) === 0x3a && digitsAt(bytes, p + 3, end, 3) === 2;
  }
  if (sep !== 0x2e && sep !== 0x2f && sep !== 0x2d) return false;
  p += first + 1;
  const second = digitsAt(bytes, p, end, 3);
  if (second < 1 || second > 2 || byteAt(bytes, p + second, end) !== sep) return false;
  p += second + 1;
  if (digitsAt(bytes, p, end, 5) !== 4) return false;
  p += 4;
  const gap = byteAt(bytes, p, end);
  if (gap !== 0x20 && gap !== 0x54 && gap !== 0x2c) return false; // space T ,
  p++;
  if (byteAt(bytes, p, end) === 0x20) p++;
  const hour = digitsAt(bytes, p, end, 3);
  const colon = byteAt(bytes, p + hour, end);
  return hour >= 1 && hour <= 2 && (colon === 0x3a || colon === 0x2e) && digitsAt(bytes, p + hour + 1, end, 3) === 2;
}

const YEAR_FIRST = /^[[(]?(\d{4})([-/.])(\d{1,2})\2(\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?: ?(Z|[+-]\d{2}(?::?\d{2})?)(?!\d))?/;
const YEAR_LAST = /^[[(]?(\d{1,2})([./-])(\d{1,2})\2(\d{4})[ T,] ?(\d{1,2})([:.])(\d{2})(?:\6(\d{2})(?:[.,](\d{1,9}))?)?(?: ?([AaPp])\.?[Mm]\.?(?![A-Za-z]))?/;
const ANYWHERE = /(?<![\d.:/-])(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[T ]\d{1,2}:\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{4}[ T,] ?\d{1,2}[:.]\d{2})/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function build(year: number, month: number, day: number, hour: number, minute: number, second: number, fraction: string | undefined, zone: string | undefined): LogTime | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const millis = fraction === undefined ? null : Number(fraction.padEnd(3, '0').slice(0, 3));
  let offsetMinutes = 0;
  let zoneText = '';
  if (zone === 'Z') zoneText = 'Z';
  else if (zone) {
    const digits = zone.replace(':', '');
    const hours = Number(digits.slice(1, 3));
    const minutes = digits.length > 3 ? Number(digits.slice(3, 5)) : 0;
    if (hours > 14 || minutes > 59) return null;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
    zoneText = `${zone[0]}${pad(hours)}:${pad(minutes)}`;
  }
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${millis === null ? '' : `.${pad(millis, 3)}`}${zoneText}`;
  const ms = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millis ?? 0) - offsetMinutes * 60_000;
  return { iso, ms };
}

/** The time at the very start of a line (after an optional "[" or "("), or null. */
export function parseTimestamp(text: string): LogTime | null {
  const iso = YEAR_FIRST.exec(text);
  if (iso) {
    return build(Number(iso[1]), Number(iso[3]), Number(iso[4]), Number(iso[5]), Number(iso[6]), Number(iso[7] ?? 0), iso[8], iso[9]);
  }
  const m = YEAR_LAST.exec(text);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[3]);
  // Dots and dashes are day first (Nordic, German); slashes are month first (US) unless the first number cannot be a month.
  const monthFirst = m[2] === '/' && a <= 12;
  let hour = Number(m[5]);
  const meridiem = m[10]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  return build(Number(m[4]), monthFirst ? a : b, monthFirst ? b : a, hour, Number(m[7]), Number(m[8] ?? 0), m[9], undefined);
}

/** The first date and time anywhere in a line ("ERROR 2024-05-03 10:11:12 …", a JSON "time" field), or null. */
export function findTimestamp(line: string): LogTime | null {
  const at = ANYWHERE.exec(line);
  return at ? parseTimestamp(line.slice(at.index)) : null;
}
