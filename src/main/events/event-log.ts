import fs from 'node:fs';
import type { ProfileEvent } from '../../shared/reauth';

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

function readTail(file: string): ProfileEvent[] {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return [];
  }
  try {
    const size = fs.fstatSync(fd).size;
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    fs.readSync(fd, buffer, 0, buffer.length, start);
    const lines = buffer.toString('utf8').split('\n');
    if (start > 0) lines.shift(); // the first line was cut in half
    const events: ProfileEvent[] = [];
    for (const line of lines) {
      try {
        if (line.trim()) events.push(JSON.parse(line) as ProfileEvent);
      } catch {
        // A torn last line after a crash: the rest of the log is still good.
      }
    }
    return events;
  } finally {
    fs.closeSync(fd);
  }
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
  if (file) for (const event of readTail(file)) remember(event);

  return {
    append(partial) {
      const event: ProfileEvent = { time: now().toISOString(), ...partial };
      if (file) fs.appendFileSync(file, JSON.stringify(event) + '\n', { mode: 0o600 });
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
      return fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line) => {
          try {
            return line.trim() ? [JSON.parse(line) as ProfileEvent] : [];
          } catch {
            return [];
          }
        });
    },
  };
}
