import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportAuditTrail } from '../../../src/main/events/audit-trail';
import { openEventLog } from '../../../src/main/events/event-log';
import { readTable } from '../../../src/main/tables/read-table';
import { eventWords } from '../../../src/shared/event-words';
import { LANGUAGES } from '../../../src/shared/i18n/languages';
import { createTranslator } from '../../../src/shared/i18n/translator';
import type { ProfileEvent } from '../../../src/shared/reauth';
import { exportedBytes } from '../../helpers/file-bytes';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-events-'));
  file = path.join(dir, 'events.jsonl');
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const at = (iso: string) => () => new Date(iso);
const line = (event: ProfileEvent) => `${JSON.stringify(event)}\n`;
const first: ProfileEvent = { time: '2026-11-20T10:00:00.000Z', profileId: 'p1', kind: 'reauth', outcome: 'connected', message: 'Connected.' };
const cut: ProfileEvent = { time: '2026-11-21T11:00:00.000Z', profileId: 'p2', kind: 'refresh', outcome: 'error', errorCode: 'invalid_grant', message: 'Visma refused the refresh token.' };
/** What a crash in the middle of an append leaves: the last line cut inside the JSON. */
const fragment = line(cut).slice(0, 90);
const next = { profileId: 'p3', kind: 'verify', outcome: 'connected', message: 'Checked.' } as const;

describe('a torn audit trail', () => {
  it('loses no event after a crash cut its last line: the next event reads back whole, the fragment is kept as a damaged record', () => {
    fs.writeFileSync(file, line(first) + fragment);
    const events = openEventLog(file, at('2026-11-22T09:00:00.000Z'));
    const appended = events.append(next);

    const all = events.readAll();
    expect(all.map((e) => e.kind)).toEqual(['reauth', 'damaged', 'verify']);
    expect(all[2]).toEqual(appended);
    expect(all[1]).toMatchObject({ kind: 'damaged', outcome: 'damaged', fragment, profileId: 'p2', time: cut.time, words: { key: 'audit.damaged', params: { fragment } } });
    expect(all[1]!.message).toContain(fragment);
    // The file ends on a line end and every line is an event again; the fragment is still where it was.
    const text = fs.readFileSync(file, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.startsWith(line(first) + fragment + '\n')).toBe(true);
    // Opened again (a restart): the same trail, the damaged record once.
    const reopened = openEventLog(file, at('2026-11-23T09:00:00.000Z'));
    expect(reopened.readAll()).toEqual(all);
    expect(reopened.recent(10).map((e) => e.kind)).toEqual(['verify', 'damaged', 'reauth']);
    expect(reopened.forProfile('p2')).toEqual([all[1]]);
  });

  it('still starts when the repair cannot be written at open, and repairs before the next append', () => {
    fs.writeFileSync(file, line(first) + fragment);
    const refused = vi.spyOn(fs, 'appendFileSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
    });
    const events = openEventLog(file, at('2026-11-22T09:00:00.000Z'));
    expect(refused).toHaveBeenCalledTimes(1);
    expect(fs.readFileSync(file, 'utf8')).toBe(line(first) + fragment);
    events.append(next);
    expect(events.readAll().map((e) => e.kind)).toEqual(['reauth', 'damaged', 'verify']);
  });

  it('shows the damaged record in recent() from the start, before anything is appended', () => {
    fs.writeFileSync(file, line(first) + fragment);
    const events = openEventLog(file, at('2026-11-22T09:00:00.000Z'));
    expect(events.recent(10).map((e) => [e.kind, e.profileId])).toEqual([
      ['damaged', 'p2'],
      ['reauth', 'p1'],
    ]);
  });

  it('repairs only what is torn: a last line that is whole but lacks its line end is an event, and a trail that ends well is not written to', () => {
    fs.writeFileSync(file, line(first) + line(cut).trimEnd());
    const events = openEventLog(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(line(first) + line(cut));
    expect(events.readAll()).toEqual([first, cut]);

    const whole = line(first) + line(cut);
    fs.writeFileSync(file, whole);
    openEventLog(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(whole);
  });

  it('never drops an unreadable line silently: garbage in the middle (an earlier crash, a lost block) reads as a damaged record', () => {
    const glued = fragment + line(cut); // what an earlier Bridgekeeper wrote after a crash: the next event glued to the fragment
    fs.writeFileSync(file, line(first) + glued + '\u0000\u0000\u0000\n' + line(cut));
    const all = openEventLog(file).readAll();
    expect(all.map((e) => e.kind)).toEqual(['reauth', 'damaged', 'damaged', 'refresh']);
    expect(all[1]).toMatchObject({ fragment: glued.trimEnd(), profileId: 'p2', time: cut.time });
    // Nothing of its own to tell: no profile, and the time of the record before it.
    expect(all[2]).toMatchObject({ fragment: '\u0000\u0000\u0000', profileId: '', time: cut.time });
  });

  it('is said as a damaged record in every language', () => {
    fs.writeFileSync(file, fragment);
    const [damaged] = openEventLog(file, at('2026-11-22T09:00:00.000Z')).readAll();
    for (const language of LANGUAGES) {
      const said = eventWords(createTranslator(language));
      expect(said.kind(damaged!.kind), language).not.toMatch(/^damaged$|audit\./);
      expect(said.outcome(damaged!.outcome), language).not.toMatch(/^Damaged$|audit\./);
      expect(said.message(damaged!), language).toContain(fragment);
    }
  });

  it.each([',', ';'] as const)('exports the damaged record in the audit CSV ("%s") beside the events around it', (delimiter) => {
    fs.writeFileSync(file, line(first) + fragment);
    const events = openEventLog(file, at('2026-11-22T09:00:00.000Z'));
    events.append(next);
    const exported = exportAuditTrail(events, new Date('2026-11-22T12:00:00.000Z'), delimiter, (id) => `Name of ${id}`);
    const read = readTable(exportedBytes(exported));
    if (!read.ok) throw new Error('the export did not read back');
    const rows = read.table.records.slice(1).map((record) => record.cells);
    expect(rows.map((cells) => [cells[1], cells[3], cells[5]])).toEqual([
      ['p1', 'reauth', 'connected'],
      ['p2', 'damaged', 'damaged'],
      ['p3', 'verify', 'connected'],
    ]);
    expect(rows[1]![4]).toBe('Damaged record');
    expect(rows[1]![8]).toContain(fragment);
  });
});
