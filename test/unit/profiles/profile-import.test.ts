import fc from 'fast-check';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { PROFILE_FIELDS, type ProfileDefinition } from '../../../src/shared/profile';
import { tempApp } from '../../helpers/temp-app';
import { exportedBytes, exportedText, fileBytes } from '../../helpers/file-bytes';

/** The problems as text: their words (catalog keys) are the words-as-data test's business. */
const withoutWords = (problems: { words?: unknown }[]) => problems.map(({ words: _words, ...rest }) => rest);

const apps: ReturnType<typeof tempApp>[] = [];
const newApp = () => {
  const app = tempApp();
  apps.push(app);
  return app;
};
afterEach(() => {
  while (apps.length) apps.pop()!.cleanup();
});

// The columns of a file from before portals: it must keep importing (as direct profiles).
const HEADER = 'id,name,direction,companyId,companyName,apiUser,environmentId';
const row = (id: string, apiUser = `${id}@acme.example`) => `${id},Profile ${id},import,1234567,Acme AS,${apiUser},visma-production`;
const csv = (...rows: string[]) => fileBytes('profiles.csv', [HEADER, ...rows].join('\r\n'));

describe('importing profiles', () => {
  it('imports a valid CSV whole', async () => {
    const app = newApp();
    const report = await app.api.importProfiles(csv(row('a'), row('b')), 'all-or-nothing');
    expect(report).toMatchObject({ format: 'csv', totalRows: 2, validRows: 2, imported: 2, problems: [] });
    expect((await app.profiles.all()).map((p) => p.id)).toEqual(['a', 'b']);
    expect((await app.profiles.all()).every((p) => p.status === 'never-connected')).toBe(true);
  });

  it('imports nothing when one row is bad, and names its row and field', async () => {
    const app = newApp();
    const report = await app.api.importProfiles(csv(row('a'), row('b', 'not-an-email'), row('c')), 'all-or-nothing');
    expect(report.imported).toBe(0);
    expect(report.validRows).toBe(2);
    expect(withoutWords(report.problems)).toEqual([{ row: 3, field: 'apiUser', message: 'must be an email address: there is no "@" in the address' }]);
    expect(await app.profiles.all()).toEqual([]);
    expect(JSON.parse(fs.readFileSync(app.settingsFile, 'utf8')).profiles).toEqual([]);
  });

  it('imports the valid rows only when asked to', async () => {
    const app = newApp();
    const report = await app.api.importProfiles(csv(row('a'), row('b', 'nope'), row('c')), 'valid-only');
    expect(report.imported).toBe(2);
    expect((await app.profiles.all()).map((p) => p.id)).toEqual(['a', 'c']);
  });

  it('reports duplicate ids in the file and against existing profiles instead of merging', async () => {
    const app = newApp();
    await app.api.importProfiles(csv(row('a')), 'all-or-nothing');
    const report = await app.api.importProfiles(csv(row('b'), row('a'), row('b')), 'all-or-nothing');
    expect(report.imported).toBe(0);
    expect(withoutWords(report.problems)).toEqual([
      { row: 3, field: 'id', message: '"a" already exists ("Profile a")' },
      { row: 4, field: 'id', message: '"b" is also on row 2' },
    ]);
  });

  it('names an unknown environment', async () => {
    const app = newApp();
    const text = `${HEADER}\nx,X,export,1,,x@acme.example,staging`;
    const report = await app.api.importProfiles(fileBytes('p.csv', text), 'all-or-nothing');
    expect(withoutWords(report.problems)).toEqual([{ row: 2, field: 'environmentId', message: 'names no environment: "staging"' }]);
  });

  it('names missing columns and a broken quote as file problems', async () => {
    const app = newApp();
    const missing = await app.api.importProfiles(fileBytes('p.csv', 'id,name\n1,x'), 'valid-only');
    expect(missing.imported).toBe(0);
    expect(missing.problems[0]!.message).toMatch(/lacks the columns direction, companyId, companyName, apiUser \(expected: id, name, direction, companyId, companyName, apiUser; and for a direct profile environmentId, for a portal profile portalId and portalUrl\)/);
    const broken = await app.api.importProfiles(csv(row('a'), 'b,"oops'), 'valid-only');
    expect(broken.imported).toBe(0);
    expect(broken.problems[0]!.message).toMatch(/opened on line 3/);
  });

  it('accepts column labels in any case and order', async () => {
    const app = newApp();
    const text = 'API user,Company id,Name,ID,Direction,Company name,Environment\nz@acme.example,99,Zed,z,export,Zed AS,visma-production';
    const report = await app.api.importProfiles(fileBytes('p.csv', text), 'all-or-nothing');
    expect(report.imported).toBe(1);
    expect((await app.profiles.all())[0]).toMatchObject({ id: 'z', companyId: '99', direction: 'export' });
  });

  it('reads JSON as a bare list or in the export envelope, numbering items from 1', async () => {
    const app = newApp();
    const item = (id: string) => ({
      id,
      name: id,
      direction: 'import',
      companyId: '1',
      companyName: '',
      apiUser: `${id}@x.example`,
      environmentId: 'visma-production',
    });
    const bare = await app.api.importProfiles(fileBytes('p.json', JSON.stringify([item('a'), { ...item('b'), direction: 'sideways' }])), 'all-or-nothing');
    expect(withoutWords(bare.problems)).toEqual([{ row: 2, field: 'direction', message: 'must be "import" or "export"' }]);
    const wrapped = await app.api.importProfiles(fileBytes('p.json', JSON.stringify({ profiles: [item('c')] })), 'all-or-nothing');
    expect(wrapped.imported).toBe(1);
    const notAList = await app.api.importProfiles(fileBytes('p.json', '{"nope": 1}'), 'all-or-nothing');
    expect(notAList.problems[0]!.message).toMatch(/expected a list of profiles/);
  });
});

describe('the files admins really have', () => {
  const nordic = (text: string) => Uint8Array.from([...text], (char) => (char === '€' ? 0x80 : char.charCodeAt(0)));

  it('imports a list saved by Nordic Excel: sep= line, title, semicolons, Windows-1252', async () => {
    const app = newApp();
    const text = `sep=;\r\nProfiilit €\r\n;;;;;;\r\n${HEADER.replaceAll(',', ';')}\r\naland;Tilaukset Åland;import;1234567;Ålands Bröd Ab;api@aland.example;visma-production\r\n`;
    const report = await app.api.importProfiles(fileBytes('profiilit.csv', nordic(text)), 'all-or-nothing');
    expect(report).toMatchObject({ format: 'csv', imported: 1, problems: [] });
    expect((await app.profiles.all())[0]).toMatchObject({ id: 'aland', name: 'Tilaukset Åland', companyName: 'Ålands Bröd Ab' });
  });

  it('names the row as the spreadsheet shows it when a title stands above the header', async () => {
    const app = newApp();
    const report = await app.api.importProfiles(fileBytes('p.csv', `Our profiles\n\n${HEADER}\n${row('a', 'nope')}`), 'all-or-nothing');
    expect(withoutWords(report.problems)).toEqual([{ row: 4, field: 'apiUser', message: 'must be an email address: there is no "@" in the address' }]);
  });

  it('imports a workbook, even one named .csv, and refuses a non-table in words', async () => {
    const source = newApp();
    await source.api.importProfiles(csv(row('a'), row('b')), 'all-or-nothing');
    const workbook = await source.api.exportProfiles('xlsx', null);
    expect(workbook.fileName).toMatch(/\.xlsx$/);
    const target = newApp();
    const report = await target.api.importProfiles(fileBytes('profiles.csv', exportedBytes(workbook)), 'all-or-nothing');
    expect(report).toMatchObject({ format: 'xlsx', imported: 2 });
    const pdf = await target.api.importProfiles(fileBytes('p.csv', '%PDF-1.7\n\u0000\u0001'), 'all-or-nothing');
    expect(withoutWords(pdf.problems)).toEqual([{ row: null, message: 'is a PDF document, not a table: save the list as .xlsx or CSV' }]);
  });

  it.each([
    ['csv', 'en-GB'],
    ['csv', 'fi-FI'],
    ['xlsx', 'sv-SE'],
  ] as const)('exports as %s (%s) and reads names that look like formulas back unchanged', async (format, locale) => {
    const names = ['=HYPERLINK("https://evil.example","x")', '-5 Orders', '+47 Sales', '@home', "'=quoted", 'Plain'];
    const source = tempApp(undefined, { locale: () => locale });
    apps.push(source);
    for (const [i, name] of names.entries()) {
      await source.api.createProfile({ id: `id${i}`, name, direction: 'import', companyId: '1', companyName: 'Acme', apiUser: 'a@acme.example', connection: 'direct', environmentId: 'visma-production', portalId: '', portalUrl: '' });
    }
    const file = await source.api.exportProfiles(format, null);
    if (format === 'csv') {
      const text = exportedText(file);
      expect(text.split('\r\n')[0]).toContain(locale === 'fi-FI' ? 'id;name;direction' : 'id,name,direction');
      expect(text).not.toMatch(/[,;\n]"?[=+\-@]/);
    }
    const target = newApp();
    const report = await target.api.importProfiles(fileBytes(file.fileName, exportedBytes(file)), 'all-or-nothing');
    expect(report.problems).toEqual([]);
    expect((await target.profiles.all()).map((p) => p.name).sort()).toEqual([...names].sort());
  });
});

// Generators for valid profiles, including awkward but legal text.
const idArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/);
const textArb = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s.length > 0);
const definitionArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    name: textArb,
    direction: fc.constantFrom('import' as const, 'export' as const),
    companyId: fc.stringMatching(/^[0-9A-Za-z-]{1,12}$/),
    companyName: fc.oneof(fc.constant(''), textArb),
    apiUser: fc.constantFrom('api@acme.example', 'first.last+dbr@sub.example.no', 'x@y.io'),
    connection: fc.constant('direct' as const),
    environmentId: fc.constant('visma-production'),
    portalId: fc.constant(''),
    portalUrl: fc.constant(''),
  });
const profilesArb = fc
  .uniqueArray(idArb, { minLength: 1, maxLength: 15, selector: (id) => id.toLowerCase() })
  .chain((ids) => fc.tuple(...ids.map(definitionArb)));

describe('import and export, for any input', () => {
  it.each(['csv', 'xlsx', 'json'] as const)('export as %s re-imports to the same profiles', async (format) => {
    await fc.assert(
      fc.asyncProperty(profilesArb, async (definitions: ProfileDefinition[]) => {
        const source = newApp();
        for (const d of definitions) await source.api.createProfile(d);
        const file = await source.api.exportProfiles(format, null);
        const target = newApp();
        const report = await target.api.importProfiles(fileBytes(file.fileName, exportedBytes(file)), 'all-or-nothing');
        expect(report.problems).toEqual([]);
        const strip = (list: readonly ProfileDefinition[]) => list.map((p) => Object.fromEntries(PROFILE_FIELDS.map((f) => [f, p[f]])));
        expect(strip(await target.profiles.all())).toEqual(strip(await source.profiles.all()));
        source.cleanup();
        target.cleanup();
      }),
      { numRuns: 25 },
    );
    // 25 round trips (a workbook reader worker for each xlsx import): seconds alone, far more beside the other test files on two cores.
  }, 120_000);

  it('never crashes, and either imports every row or none (all-or-nothing)', async () => {
    const app = newApp();
    const anyText = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.json().map((j) => j),
      fc.array(fc.array(fc.string({ maxLength: 20 }), { maxLength: 8 }), { maxLength: 6 }).map((rows) => [HEADER, ...rows.map((r) => r.join(','))].join('\n')),
      profilesArb.map((defs) => [PROFILE_FIELDS.join(','), ...defs.map((d) => PROFILE_FIELDS.map((f) => d[f]).join(','))].join('\n')),
    );
    await fc.assert(
      fc.asyncProperty(anyText, fc.constantFrom('x.csv', 'x.json', 'x.txt'), async (text, name) => {
        const before = await app.profiles.all();
        const report = await app.api.importProfiles(fileBytes(name, text), 'all-or-nothing');
        const after = await app.profiles.all();
        if (report.imported === 0) expect(after).toEqual(before);
        else {
          expect(report.problems).toEqual([]);
          expect(report.imported).toBe(report.totalRows);
          expect(after.length).toBe(before.length + report.totalRows);
          await app.api.deleteProfiles(after.map((p) => p.id));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('with valid-only, imports exactly the rows reported valid', async () => {
    const app = newApp();
    await fc.assert(
      fc.asyncProperty(profilesArb, fc.array(fc.nat(20)), async (defs, breakAt) => {
        const broken = new Set(breakAt.filter((i) => i < defs.length));
        const rows = defs.map((d, i) => PROFILE_FIELDS.map((f) => (broken.has(i) && f === 'apiUser' ? 'broken' : d[f])));
        const text = [PROFILE_FIELDS.join(','), ...rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))].join('\n');
        const report = await app.api.importProfiles(fileBytes('x.csv', text), 'valid-only');
        expect(report.validRows).toBe(defs.length - broken.size);
        expect(report.imported).toBe(report.validRows);
        expect(new Set(report.problems.map((p) => p.row))).toEqual(new Set([...broken].map((i) => i + 2)));
        await app.api.deleteProfiles((await app.profiles.all()).map((p) => p.id));
      }),
      { numRuns: 50 },
    );
  });
});
