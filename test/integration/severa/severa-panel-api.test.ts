import * as XLSX from '@e965/xlsx';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../src/main/api/dispatcher';
import { createMemoryLogger } from '../../../src/main/logger';
import { createSeveraKeychainVault } from '../../../src/main/platform/severa-keychain';
import { parseCsv } from '../../../src/main/csv/parse-csv';
import { readTable } from '../../../src/main/tables/read-table';
import type { JsonReport } from '../../../src/main/severa/report-format';
import type { SeveraCheckState, SeveraVerdictPage, SeveraVerdictView } from '../../../src/shared/severa-panel';
import { MAX_USER_FILE_BYTES } from '../../../src/shared/severa-panel';
import { AZETS_CSV, EXPECTED, SEVERA_CSV, SEVERA_CSV_UNKNOWN_ACTIVE } from '../../helpers/severa-panel-fixtures';
import { LOOKALIKE_CLIENT, type SeveraLookalike, startSeveraLookalike } from '../../helpers/severa-lookalike';
import { azetsCsv, generatePopulation, severaCsv } from '../../helpers/severa-population';
import { tempApp } from '../../helpers/temp-app';
import { english, verdictWords } from '../../helpers/severa-words';

const bytes = (name: string, content: Buffer) => ({ name, base64: content.toString('base64') });

type Result = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/**
 * The panel's API as the renderer reaches it: through the dispatcher that platform/ipc uses,
 * with the Severa credentials in a real keychain (the private Secret Service of the global setup).
 */
function panelApp(keychainService = `Bridgekeeper Severa test ${randomUUID()}`, dir?: string) {
  const vault = createSeveraKeychainVault(keychainService);
  const app = tempApp(dir, { severaCredentials: vault, severaApiOptions: { sleep: async () => undefined } });
  const dispatch = createDispatcher(app.api, createMemoryLogger());
  /** Every answer main sent, as the renderer would receive it: for the secret-leak checks. */
  const answers: string[] = [];
  const call = async (method: string, ...args: unknown[]): Promise<Result> => {
    const result = (await dispatch(method, args)) as Result;
    answers.push(JSON.stringify(result));
    return result;
  };
  const value = async <T>(method: string, ...args: unknown[]): Promise<T> => {
    const result = await call(method, ...args);
    if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const error = async (method: string, ...args: unknown[]) => {
    const result = await call(method, ...args);
    if (result.ok) throw new Error(`${method} succeeded`);
    return result.error;
  };
  return { app, vault, keychainService, call, value, error, answers };
}

let cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

function open(keychainService?: string, dir?: string) {
  const panel = panelApp(keychainService, dir);
  cleanups.push(() => panel.app.cleanup());
  return panel;
}

async function loadedAndRun(panel: ReturnType<typeof panelApp>) {
  await panel.value('loadSeveraFile', 'azets', bytes('azets.csv', AZETS_CSV));
  await panel.value('loadSeveraFile', 'severa', bytes('severa.csv', SEVERA_CSV));
  return panel.value<SeveraCheckState>('runSeveraCheck');
}

const everyone = { reason: 'all', search: '' } as const;

describe('the Severa panel API: arguments are checked before the service runs', () => {
  it.each([
    ['an unknown side', 'loadSeveraFile', ['both', bytes('a.csv', AZETS_CSV)]],
    ['a file that is not base64', 'loadSeveraFile', ['azets', { name: 'a.csv', base64: 'not base64!' }]],
    ['a file sent as text', 'loadSeveraFile', ['azets', { name: 'a.csv', text: 'email\na@x.fi' }]],
    ['a file over 64 MiB', 'loadSeveraFile', ['azets', { name: 'a.csv', base64: 'A'.repeat((Math.ceil(MAX_USER_FILE_BYTES / 3) + 1) * 4) }]],
    ['an unknown column field', 'setSeveraColumns', ['azets', { phone: 'Puhelin' }]],
    ['no email column at all', 'setSeveraColumns', ['azets', { email: null }]],
    ['an unknown add-on state', 'setSeveraOrganization', [{ addon: 'maybe', orgUsesSevera: 'yes' }]],
    ['an API address on another computer over http', 'saveSeveraApiSettings', [{ baseUrl: 'http://severa.example.com/rest-api', addonName: 'Azets Work' }]],
    ['an API address that is no address', 'saveSeveraApiSettings', [{ baseUrl: 'severa', addonName: 'Azets Work' }]],
    ['an empty add-on name', 'saveSeveraApiSettings', [{ baseUrl: 'https://api.severa.visma.com/rest-api', addonName: '  ' }]],
    ['credentials without a secret', 'saveSeveraCredentials', [{ clientId: 'c', clientSecret: ' ', scope: 'users:read' }]],
    ['an unknown reason filter', 'listSeveraVerdicts', [1, { reason: 'BAD', search: '' }, 0, 10]],
    ['a page too large', 'listSeveraVerdicts', [1, everyone, 0, 5000]],
    ['a negative offset', 'listSeveraVerdicts', [1, everyone, -1, 10]],
    ['an empty quick check', 'checkSeveraEmail', ['']],
    ['an unknown export format', 'exportSeveraReport', ['xml']],
  ])('rejects %s', async (_name, method, args) => {
    const panel = open();
    const spies = Object.keys(panel.app.severa).map((name) => vi.spyOn(panel.app.api, name as keyof typeof panel.app.severa));
    const failure = await panel.error(method, ...args);
    expect(failure.code).toBe('invalid-argument');
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('says what is wrong with an API address, naming the field', async () => {
    const failure = await open().error('saveSeveraApiSettings', { baseUrl: 'http://severa.example.com/rest-api', addonName: 'Azets Work' });
    expect(failure.message).toBe('baseUrl must be an https:// address (http:// only on this computer: 127.0.0.1 or localhost)');
  });
});

describe('the Severa panel API: files, mapping, check, pages, quick check, export', () => {
  it('starts empty, with the production API address and the add-on called "Azets Work"', async () => {
    const state = await open().value<SeveraCheckState>('getSeveraCheck');
    expect(state).toMatchObject({
      azets: { status: 'empty' },
      severa: { status: 'empty' },
      organization: { addon: 'unknown', orgUsesSevera: 'unknown', addonSource: { kind: 'hand' } },
      api: { baseUrl: 'https://api.severa.visma.com/rest-api', addonName: 'Azets Work', credentials: { saved: false, storage: 'keychain' } },
      ready: false,
      result: null,
    });
  });

  it('reads a Windows-1252 file from its bytes and shows what it found', async () => {
    const state = await open().value<SeveraCheckState>('loadSeveraFile', 'azets', bytes('azets.csv', AZETS_CSV));
    expect(state.azets).toMatchObject({
      status: 'loaded',
      source: 'file',
      users: 6,
      file: { fileName: 'azets.csv', encoding: 'windows-1252', delimiter: ';', headers: ['Sähköposti', 'Nimi'], dataRows: 6 },
    });
    if (state.azets.status !== 'loaded' || state.azets.source !== 'file') throw new Error('not loaded');
    expect(state.azets.file.columns).toMatchObject({ email: 'Sähköposti', fullName: 'Nimi', active: null });
    expect(state.ready).toBe(false);
  });

  it('names file, row and field when a column is missing, and reads the file again once the mapping is corrected', async () => {
    const panel = open();
    const refused = await panel.value<SeveraCheckState>('loadSeveraFile', 'severa', bytes('severa.csv', SEVERA_CSV_UNKNOWN_ACTIVE));
    expect(refused.severa).toMatchObject({ status: 'problems', fileName: 'severa.csv', file: { headers: ['Email', 'Käyttäjän tila', 'First name', 'Last name'] } });
    if (refused.severa.status !== 'problems') throw new Error('no problems');
    expect(refused.severa.problems).toMatchObject([{ row: 1, field: 'active', message: expect.stringContaining('no active column: the header has "Email", "Käyttäjän tila"') }]);

    const mapped = await panel.value<SeveraCheckState>('setSeveraColumns', 'severa', { active: 'Käyttäjän tila' });
    expect(mapped.severa).toMatchObject({ status: 'loaded', users: 6, mapping: { active: 'Käyttäjän tila' }, file: { columns: { active: 'Käyttäjän tila' } } });

    const wrong = await panel.value<SeveraCheckState>('setSeveraColumns', 'severa', { active: 'First name' });
    if (wrong.severa.status !== 'problems') throw new Error('a name is no activity');
    expect(wrong.severa.problems[0]).toMatchObject({ row: 2, field: 'First name', message: expect.stringMatching(/^"Anna" is not /) });
    expect(wrong.ready).toBe(false);
  });

  it('reads a workbook from the sheet with the users (past a title sheet), and another of its sheets when asked', async () => {
    const panel = open();
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Exported from Severa'], ['by admin']]), 'Info');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Users of Firma Oy'], [], ['Sähköposti', 'Aktiivinen'], ['anna@firma.fi', true], ['liisa@firma.fi', false]]), 'Käyttäjät');
    const workbook = Buffer.from(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const first = await panel.value<SeveraCheckState>('loadSeveraFile', 'severa', bytes('users.csv', workbook));
    expect(first.severa).toMatchObject({ status: 'loaded', users: 2, file: { format: 'xlsx', sheets: ['Info', 'Käyttäjät'], sheet: 'Käyttäjät' } });
    const asked = await panel.value<SeveraCheckState>('setSeveraSheet', 'severa', 'Info');
    expect(asked.severa).toMatchObject({ status: 'problems', file: { format: 'xlsx', sheet: 'Info' } });
    const chosen = await panel.value<SeveraCheckState>('setSeveraSheet', 'severa', 'Käyttäjät');
    expect(chosen.severa).toMatchObject({ status: 'loaded', users: 2, file: { format: 'xlsx', sheet: 'Käyttäjät', headerRow: 3, encoding: null, delimiter: null } });
    expect((await panel.error('setSeveraSheet', 'azets', 'Käyttäjät')).message).toMatch(/Load the Azets Work file first: the sheet belongs to a file/);
  });

  it('refuses a column mapping before any file is loaded', async () => {
    const failure = await open().error('setSeveraColumns', 'azets', { email: 'Mail' });
    expect(failure.message).toBe('Load the Azets Work file first: the column mapping belongs to a file.');
  });

  it('runs the check and pages its verdicts, filtered by reason and searched', async () => {
    const panel = open();
    const refused = await panel.error('runSeveraCheck');
    expect(refused.message).toBe('Load the Azets Work users and the Severa users first.');
    const state = await loadedAndRun(panel);
    expect(state.ready).toBe(true);
    const result = state.result!;
    expect(result.totals).toEqual({ azetsUsers: 6, severaUsers: 6, failing: 5, severaWithoutEmail: 0 });
    expect(result.entries).toBe(7);
    expect(Object.fromEntries(Object.entries(result.summary).filter(([, n]) => n > 0))).toEqual({
      WHITESPACE_OR_INVISIBLE: 1,
      CASE_MISMATCH: 1,
      LIKELY_TYPO: 1,
      EMAIL_NOT_FOUND: 1,
      INACTIVE_IN_SEVERA: 1,
      NOT_IN_AZETS: 1,
      OK: 1,
    });
    expect(result.organization.map((finding) => finding.state)).toEqual(['unknown', 'unknown']);

    const all = await panel.value<SeveraVerdictPage>('listSeveraVerdicts', result.runId, everyone, 0, 100);
    expect(all.total).toBe(7);
    expect(Object.fromEntries(all.rows.filter((row) => row.azets).map((row) => [row.azets!.email, row.reason]))).toEqual(EXPECTED);
    expect(all.rows.map((row) => row.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);

    const page = await panel.value<SeveraVerdictPage>('listSeveraVerdicts', result.runId, everyone, 5, 100);
    expect(page.rows.map((row) => row.reason)).toEqual(['WHITESPACE_OR_INVISIBLE', 'NOT_IN_AZETS']);

    const cases = await panel.value<SeveraVerdictPage>('listSeveraVerdicts', result.runId, { reason: 'CASE_MISMATCH', search: '' }, 0, 100);
    expect(cases.rows).toEqual([
      expect.objectContaining({
        index: 1,
        azets: { email: 'Matti.Makinen@firma.fi', name: 'Matti Mäkinen', row: 3 },
        severa: { email: 'matti.makinen@firma.fi', name: 'Matti Mäkinen', active: true, row: 3, id: null },
        match: 'same-address',
      }),
    ]);
    expect(verdictWords(cases.rows[0]!).fix).toBe(
      'In Severa, change the email of Matti Mäkinen (row 3) to exactly "Matti.Makinen@firma.fi", with upper and lower case as in Azets Work.',
    );
    const failing = await panel.value<SeveraVerdictPage>('listSeveraVerdicts', result.runId, { reason: 'failing', search: '' }, 0, 100);
    expect(failing.total).toBe(5);
    const searched = await panel.value<SeveraVerdictPage>('listSeveraVerdicts', result.runId, { reason: 'all', search: '  NIEMINEN ' }, 0, 100);
    expect(searched.rows.map((row) => row.azets?.email)).toEqual(['jukka.nieminen@firma.fi']);
  });

  it('drops the result when an input changes, and refuses pages of an older run', async () => {
    const panel = open();
    const first = (await loadedAndRun(panel)).result!;
    const changed = await panel.value<SeveraCheckState>('setSeveraOrganization', { addon: 'inactive', orgUsesSevera: 'yes' });
    expect(changed.result).toBeNull();
    expect(changed.organization).toEqual({ addon: 'inactive', orgUsesSevera: 'yes', addonSource: { kind: 'hand' } });
    const stale = await panel.error('listSeveraVerdicts', first.runId, everyone, 0, 10);
    expect(stale).toMatchObject({ code: 'severa-stale-run', message: 'The check has been run again since: the list shows the new results.' });

    const second = (await panel.value<SeveraCheckState>('runSeveraCheck')).result!;
    expect(second.runId).toBeGreaterThan(first.runId);
    expect(second.summary.ADDON_NOT_ACTIVE).toBe(6);
    expect(second.organization.find((finding) => finding.topic === 'addon')).toMatchObject({ reason: 'ADDON_NOT_ACTIVE' });
    const page = await panel.value<SeveraVerdictPage>('listSeveraVerdicts', second.runId, { reason: 'ADDON_NOT_ACTIVE', search: '' }, 0, 10);
    expect(page.rows.find((row) => row.azets?.email === 'Matti.Makinen@firma.fi')?.also).toEqual(['CASE_MISMATCH']);
  });

  it('quick-checks one address against the loaded lists', async () => {
    const panel = open();
    const none = await panel.error('checkSeveraEmail', 'anna@x.fi');
    expect(none.message).toBe('Load the Severa users first: a file, or read them from the Severa API.');
    await loadedAndRun(panel);
    const listed = await panel.value<SeveraVerdictView>('checkSeveraEmail', 'matti.makinen@FIRMA.fi');
    expect(listed).toMatchObject({ reason: 'CASE_MISMATCH', azets: { email: 'Matti.Makinen@firma.fi', row: 3 } });
    const ok = await panel.value<SeveraVerdictView>('checkSeveraEmail', 'anna.virtanen@firma.fi');
    expect(ok.reason).toBe('OK');
    expect(verdictWords(ok).fix).toContain('the cause is the connection between the two systems: contact customer service');
    const unknown = await panel.value<SeveraVerdictView>('checkSeveraEmail', 'olli.vanha@firma.com');
    expect(unknown).toMatchObject({ reason: 'DOMAIN_MISMATCH', azets: { email: 'olli.vanha@firma.com', row: null }, severa: { email: 'olli.vanha@firma.fi' } });
    const nobody = await panel.value<SeveraVerdictView>('checkSeveraEmail', 'nobody@else.fi');
    expect(nobody).toMatchObject({ reason: 'EMAIL_NOT_FOUND', severa: null });
    expect(verdictWords(nobody).detail).toContain('This address is not in the loaded Azets Work list either.');
  });

  it('exports the whole report as CSV and JSON, as the CLI writes it', async () => {
    const panel = open();
    expect((await panel.error('exportSeveraReport', 'csv')).message).toMatch(/^Nothing to export yet/);
    await loadedAndRun(panel);
    const csv = await panel.value<{ fileName: string; mimeType: string; text: string }>('exportSeveraReport', 'csv');
    expect(csv.fileName).toBe('severa-login-check-2026-11-22.csv');
    expect(csv.mimeType).toBe('text/csv');
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''), ',').map((record) => record.cells);
    expect(rows[0]!.slice(0, 3)).toEqual(['reason', 'azetsEmail', 'severaEmail']);
    expect(rows.slice(1).map((row) => row[0])).toEqual([
      'OK',
      'CASE_MISMATCH',
      'INACTIVE_IN_SEVERA',
      'LIKELY_TYPO',
      'EMAIL_NOT_FOUND',
      'WHITESPACE_OR_INVISIBLE',
      'NOT_IN_AZETS',
    ]);
    const workbook = await panel.value<{ fileName: string; mimeType: string; base64: string }>('exportSeveraReport', 'xlsx');
    expect(workbook).toMatchObject({ fileName: 'severa-login-check-2026-11-22.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const sheet = readTable(new Uint8Array(Buffer.from(workbook.base64, 'base64')));
    expect(sheet.ok && sheet.table.records.map((record) => record.cells)).toEqual(rows);
    const json = await panel.value<{ fileName: string; mimeType: string; text: string }>('exportSeveraReport', 'json');
    expect(json).toMatchObject({ fileName: 'severa-login-check-2026-11-22.json', mimeType: 'application/json' });
    const report = JSON.parse(json.text) as JsonReport;
    expect(report.summary.CASE_MISMATCH).toBe(1);
    expect(report.users).toHaveLength(7);
    expect(report.users[6]).toMatchObject({ azetsEmail: null, severaEmail: 'olli.vanha@firma.fi', reason: 'NOT_IN_AZETS' });
  });
});

describe('the Severa panel API with large lists', () => {
  it('keeps 50,000 verdicts in main: the state stays small and a page carries only its rows', async () => {
    const panel = open();
    const population = generatePopulation(50_000, 0.05, 7);
    await panel.value('loadSeveraFile', 'azets', bytes('azets.csv', Buffer.from(azetsCsv(population.azets))));
    await panel.value('loadSeveraFile', 'severa', bytes('severa.csv', Buffer.from(severaCsv(population.severa))));
    const state = await panel.value<SeveraCheckState>('runSeveraCheck');
    expect(state.result!.totals.azetsUsers).toBe(50_000);
    expect(state.result!.entries).toBeGreaterThanOrEqual(50_000);
    expect(JSON.stringify(state).length).toBeLessThan(10_000);

    const last = await panel.value<SeveraVerdictPage>('listSeveraVerdicts', state.result!.runId, everyone, state.result!.entries - 200, 200);
    expect(last.rows).toHaveLength(200);
    expect(last.rows.at(-1)!.index).toBe(state.result!.entries - 1);
    expect(JSON.stringify(last).length).toBeLessThan(200_000);

    const nearMisses = await panel.value<SeveraVerdictPage>('listSeveraVerdicts', state.result!.runId, { reason: 'failing', search: '' }, 0, 1000);
    expect(nearMisses.total).toBe(state.result!.totals.failing);
    expect(nearMisses.rows.every((row) => row.reason !== 'OK' && row.reason !== 'NOT_IN_AZETS')).toBe(true);
  });
});

describe('the Severa panel API: the REST API source', () => {
  let severa: SeveraLookalike;
  const people = [
    { guid: 'g-1', email: 'anna.virtanen@firma.fi', firstName: 'Anna', lastName: 'Virtanen', isActive: true },
    { guid: 'g-2', email: 'matti.makinen@firma.fi', firstName: 'Matti', lastName: 'Mäkinen', isActive: true },
    { guid: 'g-3', email: 'liisa.laine@firma.fi', firstName: 'Liisa', lastName: 'Laine', isActive: false },
    { guid: 'g-4', email: null, firstName: 'No', lastName: 'Mail', isActive: true },
  ];

  async function connected() {
    severa = await startSeveraLookalike(people, ['Resource planning', 'Azets Work']);
    cleanups.push(() => severa.close());
    const panel = open();
    await panel.value('saveSeveraApiSettings', { baseUrl: `${severa.url}/`, addonName: 'azets work' });
    return panel;
  }

  it('keeps the credentials in the keychain and never gives them back', async () => {
    const panel = await connected();
    const saved = await panel.value<SeveraCheckState>('saveSeveraCredentials', { ...LOOKALIKE_CLIENT, clientSecret: ` ${LOOKALIKE_CLIENT.clientSecret}\n` });
    expect(saved.api).toEqual({ baseUrl: severa.url, addonName: 'azets work', credentials: { saved: true, storage: 'keychain' } });
    // In the OS keychain (read back through another vault object on the same service), trimmed.
    expect(await createSeveraKeychainVault(panel.keychainService).load()).toEqual(LOOKALIKE_CLIENT);

    await panel.value('readSeveraUsersFromApi');
    await panel.value('getSeveraCheck');
    for (const answer of panel.answers) {
      expect(answer).not.toContain(LOOKALIKE_CLIENT.clientSecret);
      expect(answer).not.toContain(LOOKALIKE_CLIENT.clientId);
    }

    // Another start of the app over the same keychain and settings folder: still saved, still hidden.
    const again = open(panel.keychainService, panel.app.dir);
    const state = await again.value<SeveraCheckState>('getSeveraCheck');
    expect(state.api).toEqual({ baseUrl: severa.url, addonName: 'azets work', credentials: { saved: true, storage: 'keychain' } });

    const cleared = await again.value<SeveraCheckState>('clearSeveraCredentials');
    expect(cleared.api.credentials.saved).toBe(false);
    expect(await createSeveraKeychainVault(panel.keychainService).load()).toBeNull();
    const none = await again.error('readSeveraUsersFromApi');
    expect(none).toMatchObject({ code: 'severa-no-credentials', message: expect.stringContaining('No Severa API credentials are stored'), words: { key: 'severa.api.noCredentials' } });
  });

  it('reads the users and the add-on from Severa, then checks against them', async () => {
    const panel = await connected();
    await panel.value('saveSeveraCredentials', LOOKALIKE_CLIENT);
    const state = await panel.value<SeveraCheckState>('readSeveraUsersFromApi');
    expect(state.severa).toMatchObject({ status: 'loaded', source: 'api', users: 4, inactive: 1, withoutEmail: 1, baseUrl: severa.url, notes: [] });
    expect(state.organization).toMatchObject({
      addon: 'active',
      addonSource: { kind: 'api', activeAddons: ['Resource planning', 'Azets Work'], addonName: 'azets work' },
    });
    await panel.value('loadSeveraFile', 'azets', bytes('azets.csv', AZETS_CSV));
    const result = (await panel.value<SeveraCheckState>('runSeveraCheck')).result!;
    expect(result.summary).toMatchObject({ OK: 1, CASE_MISMATCH: 1, INACTIVE_IN_SEVERA: 1 });
    expect(result.totals.severaWithoutEmail).toBe(1);

    // Setting the add-on by hand overrides what Severa said.
    const byHand = await panel.value<SeveraCheckState>('setSeveraOrganization', { addon: 'inactive', orgUsesSevera: 'unknown' });
    expect(byHand.organization.addonSource).toEqual({ kind: 'hand' });
  });

  it('quick-checks an address with Severa itself (GET /v1/users?email=) when connected', async () => {
    const panel = await connected();
    await panel.value('saveSeveraCredentials', LOOKALIKE_CLIENT);
    await panel.value('readSeveraUsersFromApi');
    const typed = await panel.value<SeveraVerdictView>('checkSeveraEmail', 'Matti.Makinen@firma.fi');
    expect(typed.live).toEqual({
      baseUrl: severa.url,
      users: [{ email: 'matti.makinen@firma.fi', name: 'Matti Mäkinen', active: true, row: null, id: 'g-2' }],
      exact: false,
      error: null,
    });
    expect(severa.requests.at(-1)).toMatchObject({ path: '/v1/users', query: { email: 'Matti.Makinen@firma.fi' }, clientId: LOOKALIKE_CLIENT.clientId });
    severa.fail('/v1/users', { status: 403, body: { error: { type: 'InsufficientApiScope', message: 'no' } } });
    const refused = await panel.value<SeveraVerdictView>('checkSeveraEmail', 'anna.virtanen@firma.fi');
    expect(refused.severa?.email).toBe('anna.virtanen@firma.fi'); // the list's verdict stands
    expect(english(refused.live?.error ?? null)).toMatch(/InsufficientApiScope/);
  });

  it('says plainly when Severa refuses the credentials, and keeps what was loaded', async () => {
    const panel = await connected();
    await panel.value('loadSeveraFile', 'severa', bytes('severa.csv', SEVERA_CSV));
    await panel.value('saveSeveraCredentials', { ...LOOKALIKE_CLIENT, clientSecret: 'wrong-secret' });
    const failure = await panel.error('readSeveraUsersFromApi');
    expect(failure.code).toBe('severa-credentials-rejected');
    expect(failure.message).toMatch(/^Severa did not accept the API credentials \(HTTP 401/);
    expect(failure.message).not.toContain('wrong-secret');
    const state = await panel.value<SeveraCheckState>('getSeveraCheck');
    expect(state.severa).toMatchObject({ status: 'loaded', source: 'file', users: 6 });
  });

  it('loads the users when Severa will not tell the add-on state, and says to set it by hand', async () => {
    const panel = await connected();
    await panel.value('saveSeveraCredentials', LOOKALIKE_CLIENT);
    severa.fail('/v1/organizationdetails', { status: 403, body: { error: { message: 'Addon required' } } });
    const state = await panel.value<SeveraCheckState>('readSeveraUsersFromApi');
    expect(state.severa).toMatchObject({ status: 'loaded', source: 'api', users: 4 });
    if (state.severa.status !== 'loaded' || state.severa.source !== 'api') throw new Error('not from the API');
    expect(state.severa.notes.map(english)).toEqual([expect.stringMatching(/^The add-on could not be read \(Severa answered 403 "Addon required".*\); set it by hand\.$/)]);
    expect(state.organization).toMatchObject({ addon: 'unknown', addonSource: { kind: 'hand' } });
  });
});
