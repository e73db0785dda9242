import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { parseCsv } from '../../../src/main/csv/parse-csv';
import { readTable } from '../../../src/main/tables/read-table';
import type { JsonReport } from '../../../src/main/severa/report-format';
import { LANGUAGES } from '../../../src/shared/i18n/languages';

const repo = path.resolve(import.meta.dirname, '../../..');
let dir: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The CLI as a user runs it: `npx bridgekeeper-severa-check …` inside the repository (npx finds
 * the project's own bin there), or the file npx runs, which starts faster.
 */
function cli(args: string[], via: 'npx' | 'node' = 'node', env: Record<string, string> = {}): Promise<Run> {
  const [command, prefix] = via === 'npx' ? ['npx', ['bridgekeeper-severa-check']] : [process.execPath, [path.join(repo, 'bin/bridgekeeper-severa-check.mjs')]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...prefix, ...args], { cwd: via === 'npx' ? repo : dir, env: { ...process.env, NO_COLOR: '1', LC_ALL: 'C.UTF-8', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'severa-cli-'));
  await writeFile(file('azets-ok.csv'), '\uFEFFSähköposti;Etunimi;Sukunimi\r\nanna@x.fi;Anna;Virtanen\r\nmatti@x.fi;Matti;Mäkinen\r\n');
  await writeFile(file('severa-ok.csv'), 'Email,Active,First name,Last name\nanna@x.fi,true,Anna,Virtanen\nmatti@x.fi,true,Matti,Mäkinen\n');
  await writeFile(file('azets.csv'), 'Email;Name\nanna@x.fi;Anna Virtanen\nKaisa@x.fi;Kaisa Laine\nmatti\u00a0@x.fi;Matti Mäkinen\n');
  await writeFile(file('severa.csv'), 'Email,Active,Name\nanna@x.fi,true,Anna Virtanen\nkaisa@x.fi,true,Kaisa Laine\nmatti@x.fi,yes,Matti Mäkinen\nold@x.fi,no,Olli Vanha\n');
  await writeFile(file('severa-bad.csv'), 'Email;Aktiivinen\nanna@x.fi;kyllä\nkaisa@x.fi;maybe\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bridgekeeper-severa-check', () => {
  it('runs through npx inside the repository and exits 0 when every Azets Work user is OK', async () => {
    const run = await cli(['--azets', file('azets-ok.csv'), '--severa', file('severa-ok.csv'), '--addon', 'active', '--org-uses-severa', 'yes'], 'npx');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/2 Azets Work users, 2 Severa users/);
    expect(run.stdout).toMatch(/OK\s+2/);
  });

  it('writes the three formats and exits 1 when someone would fail', async () => {
    const args = ['--azets', file('azets.csv'), '--severa', file('severa.csv')];
    const [table, json, csv] = await Promise.all([cli(args), cli([...args, '--format', 'json']), cli([...args, '--format', 'csv'])]);

    expect([table.code, json.code, csv.code]).toEqual([1, 1, 1]);
    expect(table.stdout).toMatch(/CASE_MISMATCH\s+Kaisa@x\.fi\s+kaisa@x\.fi/);
    expect(table.stdout).toMatch(/matti⟨U\+00A0⟩@x\.fi/); // the invisible character, spelled out
    expect(table.stdout).toMatch(/fix: In Severa, change the email of Kaisa Laine \(row 3\) to exactly "Kaisa@x.fi"/);

    const report = JSON.parse(json.stdout) as JsonReport;
    expect(report.summary).toMatchObject({ OK: 1, CASE_MISMATCH: 1, WHITESPACE_OR_INVISIBLE: 1, NOT_IN_AZETS: 1, EMAIL_NOT_FOUND: 0 });
    expect(report.users.map((u) => [u.azetsEmail, u.severaEmail, u.reason])).toEqual([
      ['anna@x.fi', 'anna@x.fi', 'OK'],
      ['Kaisa@x.fi', 'kaisa@x.fi', 'CASE_MISMATCH'],
      ['matti\u00a0@x.fi', 'matti@x.fi', 'WHITESPACE_OR_INVISIBLE'],
      [null, 'old@x.fi', 'NOT_IN_AZETS'],
    ]);
    expect(report.users.every((u) => u.detail.length > 0 && u.fix.length > 0)).toBe(true);

    const [header, ...rows] = parseCsv(csv.stdout);
    expect(header!.cells.slice(0, 5)).toEqual(['reason', 'azetsEmail', 'severaEmail', 'detail', 'fix']);
    expect(rows.map((row) => row.cells[0])).toEqual(['OK', 'CASE_MISMATCH', 'WHITESPACE_OR_INVISIBLE', 'NOT_IN_AZETS']);
  });

  it('carries an inactive add-on to every user, and writes --out whole', async () => {
    const run = await cli(['--azets', file('azets-ok.csv'), '--severa', file('severa-ok.csv'), '--addon', 'inactive', '--format', 'json', '--out', file('report.json')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Wrote the report to .*report\.json: 2 Azets Work users, 2 would not get into Severa/);
    const report = JSON.parse(await readFile(file('report.json'), 'utf8')) as JsonReport;
    expect(report.users.map((u) => u.reason)).toEqual(['ADDON_NOT_ACTIVE', 'ADDON_NOT_ACTIVE']);
    expect(report.organization.find((f) => f.topic === 'addon')?.reason).toBe('ADDON_NOT_ACTIVE');
  });

  it('reads workbooks, writes one with --format xlsx, and CSV in the delimiter of the locale or --delimiter', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Ohje'], ['Käyttäjät on toisella välilehdellä']]), 'Ohje');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Email', 'Active', 'Name'], ['anna@x.fi', true, 'Anna Virtanen'], ['kaisa@x.fi', 'TOSI', '=Kaisa Laine'], ['matti@x.fi', false, 'Matti Mäkinen']]), 'Users');
    // A workbook named .csv is still read as a workbook.
    await writeFile(file('severa-book.csv'), Buffer.from(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    const args = ['--azets', file('azets.csv'), '--severa', file('severa-book.csv'), '--severa-sheet', 'Users'];
    const [workbook, finnish, tabs, noOut, noSheet] = await Promise.all([
      cli([...args, '--format', 'xlsx', '--out', file('report.xlsx')]),
      cli([...args, '--format', 'csv'], 'node', { LC_ALL: 'fi_FI.UTF-8' }),
      cli([...args, '--format', 'csv', '--delimiter', 'tab'], 'node', { LC_ALL: 'fi_FI.UTF-8' }),
      cli([...args, '--format', 'xlsx']),
      cli(['--azets', file('azets.csv'), '--severa', file('severa-book.csv'), '--severa-sheet', 'Sheet9']),
    ]);
    expect(workbook.code).toBe(1);
    const written = readTable(new Uint8Array(await readFile(file('report.xlsx'))));
    expect(written.ok && written.table.records.map((record) => record.cells[0])).toEqual(['reason', 'OK', 'CASE_MISMATCH', 'WHITESPACE_OR_INVISIBLE']);
    expect(written.ok && written.table.records[2]!.cells[10]).toBe('=Kaisa Laine'); // a text cell: no formula in a workbook
    expect(finnish.stdout.split('\r\n')[0]).toBe('\uFEFFreason;azetsEmail;severaEmail;detail;fix;also;match;azetsRow;azetsName;severaRow;severaName');
    expect(finnish.stdout).toContain(";'=Kaisa Laine"); // a name that would be a formula in Excel, neutralised
    expect(tabs.stdout.split('\r\n')[0]).toBe('\uFEFFreason\tazetsEmail\tseveraEmail\tdetail\tfix\talso\tmatch\tazetsRow\tazetsName\tseveraRow\tseveraName');
    expect(noOut).toMatchObject({ code: 2, stdout: '' });
    expect(noOut.stderr).toContain('--format xlsx writes a workbook: name it with --out FILE');
    expect(noSheet.code).toBe(2);
    expect(noSheet.stderr).toContain(`${file('severa-book.csv')}: is an Excel workbook that cannot be used: the workbook has no sheet "Sheet9" (it has "Ohje", "Users")`);
  });

  it('exits 2 naming the file, row and field of bad input, and writes no report', async () => {
    const [badRow, noEmail, missing, badOption] = await Promise.all([
      cli(['--azets', file('azets.csv'), '--severa', file('severa-bad.csv')]),
      cli(['--azets', file('severa-bad.csv'), '--severa', file('azets.csv'), '--azets-column', 'email=Mail']),
      cli(['--azets', file('nowhere.csv'), '--severa', file('severa.csv')]),
      cli(['--azets', file('azets.csv'), '--severa', file('severa.csv'), '--addon', 'maybe']),
    ]);
    expect(badRow).toMatchObject({ code: 2, stdout: '' });
    expect(badRow.stderr).toContain(`${file('severa-bad.csv')}, row 3, Aktiivinen: "maybe" is not yes or no`);
    expect(noEmail.code).toBe(2);
    expect(noEmail.stderr).toContain(`${file('severa-bad.csv')}, row 1, email: the column mapping names "Mail", but the header has no such column`);
    expect(noEmail.stderr).toContain(`${file('azets.csv')}, row 1, active: no active column`);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain(`${file('nowhere.csv')}: cannot read the file (it does not exist)`);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('--addon must be one of active, inactive, unknown, not "maybe"');
  });
});

describe('bridgekeeper-severa-check in the reader’s language', () => {
  const args = () => ['--azets', file('azets.csv'), '--severa', file('severa.csv')];

  it('says the table in Finnish with --lang fi, codes still codes, and exits as in English', async () => {
    const [finnish, english] = await Promise.all([cli([...args(), '--lang', 'fi']), cli(args())]);
    expect([finnish.code, english.code]).toEqual([1, 1]);
    expect(finnish.stdout).toMatch(/^Azets Work → Severa -kirjautumistarkistus: 3 Azets Work -käyttäjää, 4 Severa-käyttäjää\n/);
    expect(finnish.stdout).toMatch(/CASE_MISMATCH\s+1\s+Kirjainkoko eroaa/);
    expect(finnish.stdout).toMatch(/CASE_MISMATCH\s+Kaisa@x\.fi\s+kaisa@x\.fi/);
    expect(finnish.stdout).toContain('miksi: Azets Workin osoitteessa on sitova välilyönti (U+00A0) kohdan "matti" jälkeen.');
    expect(finnish.stdout).toContain('korjaus: Vaihda Severassa sähköpostiosoitteeksi täsmälleen "Kaisa@x.fi", isot ja pienet kirjaimet kuten Azets Workissa: Kaisa Laine (rivi 3).');
    expect(finnish.stdout).not.toMatch(/\b(why|fix|Organization|Summary|users are not listed)\b/);
    expect(english.stdout).toContain('fix: In Severa, change the email of Kaisa Laine (row 3) to exactly "Kaisa@x.fi"');
  });

  it('follows the system’s language (LC_ALL, LANG) when --lang is not given, and --lang over it', async () => {
    const [swedish, norwegian, chosen] = await Promise.all([
      cli(args(), 'node', { LC_ALL: 'sv_SE.UTF-8' }),
      cli(args(), 'node', { LC_ALL: '', LANG: 'nb_NO.UTF-8' }),
      cli([...args(), '--lang', 'da'], 'node', { LC_ALL: 'sv_SE.UTF-8' }),
    ]);
    expect(swedish.stdout).toMatch(/^Azets Work → Severa-inloggningskontroll: 3 Azets Work-användare, 4 Severa-användare\n/);
    expect(swedish.stdout).toContain('åtgärd: Ändra i Severa e-postadressen för Kaisa Laine (rad 3) till exakt "Kaisa@x.fi"');
    expect(norwegian.stdout).toMatch(/^Azets Work → Severa-innloggingskontroll/);
    expect(chosen.stdout).toMatch(/^Azets Work → Severa-logintjek/);
  });

  it('writes the same JSON, byte for byte, in every language', async () => {
    const runs = await Promise.all([
      cli([...args(), '--format', 'json']),
      ...LANGUAGES.map((lang) => cli([...args(), '--format', 'json', '--lang', lang])),
      cli([...args(), '--format', 'json'], 'node', { LC_ALL: 'fi_FI.UTF-8' }),
    ]);
    expect(runs.map((run) => run.code)).toEqual(runs.map(() => 1));
    for (const run of runs) expect(run.stdout).toBe(runs[0]!.stdout);
    const report = JSON.parse(runs[0]!.stdout) as JsonReport;
    // Codes and parameters, not words: a script reads them in any language, and says them with the catalog.
    const kaisa = report.users.find((user) => user.reason === 'CASE_MISMATCH')!;
    expect(kaisa.fix).toEqual([{ key: 'severa.fix.caseMismatch', params: { who: { key: 'severa.who.nameWhere', params: { name: 'Kaisa Laine', where: { key: 'severa.where.row', params: { row: 3 } } } }, email: 'Kaisa@x.fi' } }]);
    expect(report.organization.map((finding) => finding.detail.key)).toEqual(['severa.org.usesSeveraUnknown', 'severa.org.addonUnknown']);
  });

  it('writes the CSV in the chosen language, with its Excel’s separator', async () => {
    const [finnish, dutch] = await Promise.all([cli([...args(), '--format', 'csv', '--lang', 'fi']), cli([...args(), '--format', 'csv', '--lang', 'nl'])]);
    // Finnish Excel splits on ";" (a decimal comma): the codes stay as headers, the words are Finnish.
    const [header, ...rows] = parseCsv(finnish.stdout, ';');
    expect(header!.cells.slice(0, 5)).toEqual(['reason', 'azetsEmail', 'severaEmail', 'detail', 'fix']);
    expect(rows.find((row) => row.cells[0] === 'OK')!.cells[3]).toMatch(/^Severassa on täsmälleen tämä osoite, ja käyttäjä on aktiivinen. Tarkistamatta: /);
    expect(finnish.stdout.split('\r\n')[0]).toContain('reason;azetsEmail');
    expect(dutch.stdout.split('\r\n')[0]).toContain('reason;azetsEmail');
    expect(dutch.stdout).toContain('Severa heeft precies dit adres, en de gebruiker is actief.');
  });

  it('says its help and its refusals in the language, with the same exit status', async () => {
    const [help, finnishHelp, badLang, missing] = await Promise.all([
      cli(['--help', '--lang', 'sv']),
      cli(['--help'], 'node', { LC_ALL: 'fi_FI.UTF-8' }),
      cli([...args(), '--lang', 'de']),
      cli(['--azets', file('nowhere.csv'), '--severa', file('severa.csv'), '--lang', 'nb']),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Användning: npx bridgekeeper-severa-check --azets A.csv --severa S.csv \[alternativ\]/);
    expect(help.stdout).toContain('Slutstatus: 0 alla Azets Work-användare är OK, 1 några skulle misslyckas, 2 felaktig indata.');
    expect(help.stdout).toContain('FÄLT är ett av email, active, firstName, lastName, fullName, id');
    expect(finnishHelp.stdout).toMatch(/^Käyttö: /);
    expect(badLang).toMatchObject({ code: 2, stdout: '' });
    expect(badLang.stderr).toContain('--lang must be one of en, fi, sv, nb, da, nl, not "de"');
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe(`bridgekeeper-severa-check: ${file('nowhere.csv')}: filen kan ikke leses (den finnes ikke)\nKjør med --help for å se valgene.\n`);
  });
});
