import fs from 'node:fs';
import type { ProfileEvent } from '../../shared/reauth';
import { inWords } from '../in-words';

const KEPT_PER_PROFILE = 50;
/** On start only the file's tail is read back: enough for every profile's recent events. */
const TAIL_BYTES = 8 * 1024 * 1024;

export interface EventLog {
  append(event: Omit<ProfileEvent, 'time'>): ProfileEvent;
  /** Newest first. */
  forProfile(profileId: string, limit?: number): ProfileEvent[];
  /** The newest events of all profiles, newest first. */
  recent(limit: number): ProfileEvent[];
  /** The whole trail, oldest first (the file; in memory only what this run saw). */
  readAll(): ProfileEvent[];
}

const KEPT_OVERALL = 10_000;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/** A field of a cut JSON line, when the cut left it whole (`"profileId":"p1"`). */
const fieldOf = (fragment: string, name: string): string | undefined => {
  const found = new RegExp(`"${name}":"((?:[^"\\\\]|\\\\.)*)"`).exec(fragment)?.[1];
  if (found === undefined) return undefined;
  try {
    return JSON.parse(`"${found}"`) as string;
  } catch {
    return undefined;
  }
};

/**
 * A line that is not an event (cut short by a crash, or garbage where a block of the file was
 * lost) as a record that says so and carries the line as it was found: the trail never drops one
 * silently. Its profile and time are the cut event's when the cut left them whole, so it shows in
 * that profile's history too; otherwise `time` is the caller's (the repair's, or the event before it).
 */
export function damagedRecord(fragment: string, time: string): ProfileEvent {
  const ownTime = fieldOf(fragment, 'time');
  return {
    time: ownTime && ISO_TIME.test(ownTime) ? ownTime : time,
    profileId: fieldOf(fragment, 'profileId') ?? '',
    kind: 'damaged',
    outcome: 'damaged',
    ...inWords('audit.damaged', { fragment }),
    fragment,
  };
}

const isEventObject = (value: unknown): value is ProfileEvent => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The lines of the trail as events, oldest first. A line that does not parse is a damaged record;
 * when the repair at open wrote the damaged record for it on the very next line, the two are one.
 */
function parseLines(lines: Iterable<string>): ProfileEvent[] {
  const events: ProfileEvent[] = [];
  let unreadable: string | null = null;
  for (const line of lines) {
    if (!line.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    if (isEventObject(parsed)) {
      if (unreadable !== null && parsed.kind === 'damaged' && parsed.fragment === unreadable) events.pop();
      events.push(parsed);
      unreadable = null;
    } else {
      events.push(damagedRecord(line, events.at(-1)?.time ?? ''));
      unreadable = line;
    }
  }
  return events;
}

/** The file's last `TAIL_BYTES` as text, and whether it begins in the middle of a line. */
function readTail(file: string): { text: string; cut: boolean } | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    fs.readSync(fd, buffer, 0, buffer.length, start);
    return { text: buffer.toString('utf8'), cut: start > 0 };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A file whose last line has no line end was cut by a crash in the middle of an append: the next
 * event would be glued to the fragment and lost with it. Ends the file on a line end and, when the
 * fragment is no event, appends a damaged record carrying it (append only: the fragment stays
 * where it is, the trail is never rewritten). Returns the damaged record, if one was written.
 */
function repairTornEnd(file: string, text: string, now: () => Date): ProfileEvent | null {
  if (text === '' || text.endsWith('\n')) return null;
  const fragment = text.slice(text.lastIndexOf('\n') + 1);
  let whole = false;
  try {
    whole = isEventObject(JSON.parse(fragment));
  } catch {
    // cut in the middle: a damaged record below
  }
  const record = whole ? null : damagedRecord(fragment, now().toISOString());
  fs.appendFileSync(file, record ? `\n${JSON.stringify(record)}\n` : '\n', { mode: 0o600 });
  return record;
}

/**
 * The audit trail (B3): one JSON line per event, appended, never rewritten. A null file keeps
 * events in memory only (tests). Events hold outcomes and error codes, never a token.
 */
export function openEventLog(file: string | null, now: () => Date = () => new Date()): EventLog {
  const recent = new Map<string, ProfileEvent[]>();
  const overall: ProfileEvent[] = [];
  const remember = (event: ProfileEvent) => {
    overall.push(event);
    if (overall.length > KEPT_OVERALL * 2) overall.splice(0, overall.length - KEPT_OVERALL);
    const list = recent.get(event.profileId) ?? [];
    list.push(event);
    if (list.length > KEPT_PER_PROFILE) list.shift();
    recent.set(event.profileId, list);
  };

  /** The file's end still needs its repair (the repair at open could not write): done before the next append. */
  let torn = false;
  const repair = (text: string): string => {
    try {
      const record = repairTornEnd(file!, text, now);
      torn = false;
      return record ? `${text}\n${JSON.stringify(record)}\n` : `${text}\n`;
    } catch {
      torn = true;
      return text;
    }
  };

  if (file) {
    const tail = readTail(file);
    if (tail) {
      const lines = repair(tail.text).split('\n');
      if (tail.cut) lines.shift(); // the first line was cut in half by where the tail starts
      for (const event of parseLines(lines)) remember(event);
    }
  }

  return {
    append(partial) {
      const event: ProfileEvent = { time: now().toISOString(), ...partial };
      if (file) {
        if (torn) repair(readTail(file)?.text ?? '');
        fs.appendFileSync(file, JSON.stringify(event) + '\n', { mode: 0o600 });
      }
      remember(event);
      return event;
    },
    forProfile(profileId, limit = 20) {
      return (recent.get(profileId) ?? []).slice(-limit).reverse();
    },
    recent(limit) {
      return overall.slice(-limit).reverse();
    },
    readAll() {
      if (!file || !fs.existsSync(file)) return [...overall];
      return parseLines(fs.readFileSync(file, 'utf8').split('\n'));
    },
  };
}
