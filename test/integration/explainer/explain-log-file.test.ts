import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../src/main/api/dispatcher';
import { explainLogFile, explainLogText } from '../../../src/main/explainer/explain-log';
import { createExplainerService } from '../../../src/main/explainer/explainer-service';
import { LogScanner } from '../../../src/main/explainer/log-scanner';
import { createMemoryLogger } from '../../../src/main/logger';
import { MAX_LOG_TEXT_CHARS, type LogExplanation } from '../../../src/shared/log-explanation';
import { generatedProfiles, LogGenerator } from '../../helpers/log-generator';
import { tempApp } from '../../helpers/temp-app';
import { fileBytes } from '../../helpers/file-bytes';
import { inEnglish } from '../../helpers/in-english';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bk-explainer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const at = path.join(dir, name);
  writeFileSync(at, content);
  return at;
};
const profiles = generatedProfiles(60);
afterEach(() => vi.restoreAllMocks());
// Which thread searched: the scanner searches itself in search(), and takes a worker's matches in takeQueued().
const searches = () => ({
  here: vi.spyOn(LogScanner.prototype as unknown as { search: () => number }, 'search'),
  worker: vi.spyOn(LogScanner.prototype as unknown as { takeQueued: () => number }, 'takeQueued'),
});
const countsOf = (report: LogExplanation) => Object.fromEntries(report.known.map((k) => [k.kind, k.count]));
const unknownCount = (report: LogExplanation) => report.unknown.reduce((n, u) => n + u.count, 0) + report.unknownNotListed;

describe('explaining a log file', () => {
  it('finds what the generator wrote, and the worker thread changes nothing in the report', async () => {
    const generator = new LogGenerator({ seed: 11, errorRate: 0.02, profiles });
    const text = generator.block(12 << 20);
    const at = file('generated.log', text);
    const inThread = await explainLogFile(at, { profiles, worker: 'never' });
    const spies = searches();
    const withWorker = await explainLogFile(at, { profiles, worker: 'always' });
    expect(spies.worker).toHaveBeenCalled();
    expect(spies.here).not.toHaveBeenCalled();
    expect(withWorker).toEqual(inThread);
    expect(explainLogText(text, { source: 'generated.log', profiles })).toEqual(inThread);
    expect(countsOf(inThread)).toEqual(Object.fromEntries(Object.entries(generator.counts.entries).filter(([, n]) => n > 0)));
    expect(unknownCount(inThread)).toBe(generator.counts.unknownEntries);
    expect(inThread.lines).toBe(generator.counts.lines);
    // Every profile an error named is offered, with the error entries that named it (company matches may add more).
    for (const [id, entries] of generator.counts.profileEntries) {
      expect(inThread.profiles.find((p) => p.profileId === id)?.errorEntries).toBeGreaterThanOrEqual(entries);
    }
  });

  it('falls back to searching in this thread when a line is longer than the line limit, with the same report', async () => {
    const generator = new LogGenerator({ seed: 12, errorRate: 0.02, profiles });
    const long = `2024-05-03 10:00:00 ERROR ${'Mapping failed; '.repeat(9000)} invalid_grant ${'x'.repeat(80_000)} timed out`;
    const text = `${generator.block(6 << 20)}${long}\r\n${generator.block(6 << 20)}`;
    const at = file('long-line.log', text);
    const inThread = await explainLogFile(at, { profiles, worker: 'never' });
    const spies = searches();
    expect(await explainLogFile(at, { profiles, worker: 'always' })).toEqual(inThread);
    // The worker searched up to the long line, this thread from there on.
    expect(spies.worker).toHaveBeenCalled();
    expect(spies.here).toHaveBeenCalled();
    expect(spies.worker.mock.invocationCallOrder.at(-1)!).toBeLessThan(spies.here.mock.invocationCallOrder[0]!);
    expect(inThread.notes.map(inEnglish).join(' ')).toMatch(/1 line longer than 64 KB was read in pieces/);
    // Small bounds make almost every line long: the worker is not used at all, and nothing changes.
    const limits = { maxLineBytes: 120, maxEntryLines: 4, maxEntryBytes: 600 };
    expect(await explainLogFile(at, { profiles, worker: 'always', limits })).toEqual(await explainLogFile(at, { profiles, worker: 'never', limits }));
  });

  const SAMPLE = [
    '03.05.2024 10:11:12 FEIL Leverandører mot Visma 2: Error calling Visma.net endpoint (https://integration.visma.net/API/controller/api/v1/supplier) Invalid parameter exception: ipp-company-id (12002_12002_0f8fad5b-d9cb-469f-a165-70867728950e)',
    '03.05.2024 10:11:13 FEIL Æøå: No license for this company.',
  ].join('\r\n');

  it('reads UTF-16 files (Windows "Unicode") and says so', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    const report = await explainLogFile(file('utf16.log', utf16), { profiles, worker: 'always' });
    expect(countsOf(report)).toEqual({ 'ipp-company-id': 1, 'no-license': 1 });
    expect(report.profiles.map((p) => p.name)).toContain('Leverandører mot Visma 2');
    expect(report.known[0]!.samples[0]!.text).toContain('Leverandører');
    expect(report.notes.map(inEnglish).join(' ')).toMatch(/UTF-16/);
  });

  it('reads Windows-1252 lines and a UTF-8 byte-order mark the same as UTF-8, in either thread', async () => {
    // ø, å and Æ have the same single bytes in Latin-1 and Windows-1252.
    const cp1252 = Buffer.from(SAMPLE, 'latin1');
    const expected = explainLogText(SAMPLE, { source: 'x', profiles });
    for (const worker of ['never', 'always'] as const) {
      const windows = await explainLogFile(file('cp1252.log', cp1252), { profiles, worker, source: 'x' });
      expect(windows.known).toEqual(expected.known);
      expect(windows.profiles).toEqual(expected.profiles);
      expect(windows.notes.map(inEnglish).join(' ')).toMatch(/Windows-1252/);
      const bom = await explainLogFile(file('bom.log', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)])), { profiles, worker, source: 'x' });
      expect({ ...bom, bytes: 0 }).toEqual({ ...expected, bytes: 0 });
      expect(bom.bytes).toBe(expected.bytes + 3);
      expect(bom.known[0]!.firstSeen).toBe('2024-05-03T10:11:12');
    }
  });

  it('explains an empty file and a file without a final line break', async () => {
    expect(await explainLogFile(file('empty.log', ''), {})).toMatchObject({ bytes: 0, lines: 0, errorEntries: 0, known: [], unknown: [] });
    const report = await explainLogFile(file('no-eol.log', 'x\nError: invalid_grant'), {});
    expect(report).toMatchObject({ lines: 2, errorEntries: 1 });
  });

  it('says plainly when the file is missing or a folder', async () => {
    const service = createExplainerService({ profiles: () => [] });
    await expect(service.explainLogFile(path.join(dir, 'nope.log'))).rejects.toMatchObject({ code: 'not-found' });
    await expect(service.explainLogFile(dir)).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});

describe('the explainLog API method', () => {
  it('explains pasted text against the app’s own profiles', async () => {
    const app = tempApp();
    try {
      // A list from before portals: the columns it names, no connection kind (it imports as direct).
      const imported = await app.api.importProfiles(
        fileBytes('p.csv', 'id,name,direction,companyId,companyName,apiUser,environmentId\nkunder,Kunder til Visma,export,1000001,Nordlys Handel AS,api@nordlys.example,visma-production'),
        'all-or-nothing',
      );
      expect(imported.problems).toEqual([]);
      const report = await app.api.explainLog({ name: 'paste', text: '2024-05-03 10:00:00 ERROR Kunder til Visma: invalid_grant' });
      expect(report.known.map((k) => k.kind)).toEqual(['invalid-grant']);
      expect(report.reconnectProfileIds).toEqual(['kunder']);
      // The report crosses IPC as JSON: nothing in it is lost on the way.
      expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    } finally {
      app.cleanup();
    }
  });

  it('is refused by the contract when the text is over the limit or the name is missing', async () => {
    const app = tempApp();
    try {
      const dispatch = createDispatcher(app.api, createMemoryLogger());
      const tooLong = await dispatch('explainLog', [{ name: 'big.log', text: 'x'.repeat(MAX_LOG_TEXT_CHARS + 1) }]);
      expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      expect(tooLong.ok ? '' : tooLong.error.message).toMatch(/open the log as a file instead/);
      expect(await dispatch('explainLog', [{ text: 'Error' }])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      expect(await dispatch('explainLog', [{ name: 'ok', text: 'Error: access_denied' }])).toMatchObject({ ok: true, value: { errorEntries: 1 } });
    } finally {
      app.cleanup();
    }
  });
});
