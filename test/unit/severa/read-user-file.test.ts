import fc from 'fast-check';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { checkSeveraLogins } from '../../../src/main/severa/check-logins';
import { readAzetsUsers, readSeveraUsers } from '../../../src/main/severa/read-user-file';
import { writeWorkbook } from '../../../src/main/tables/write-workbook';
import { describeProblem } from '../../../src/shared/import-report';
import { english } from '../../helpers/severa-words';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Windows-1252 for the Latin-1 range, which is all these tests need. */
const windows1252 = (text: string): Uint8Array => Uint8Array.from([...text].map((char) => char.charCodeAt(0)));

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
    bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

const messages = (result: Awaited<ReturnType<typeof readAzetsUsers>>): string[] =>
  result.ok ? [] : result.problems.map((problem) => describeProblem(result.fileName, problem));

describe('reading an Azets Work export', () => {
  it('reads UTF-8 with a BOM, ";"-separated, Finnish headers, keeping addresses exactly as written', async () => {
    const result = await readAzetsUsers(utf8('\uFEFFSähköposti;Etunimi;Sukunimi\r\nmatti\u00a0@azets.fi;Matti;Mäkinen\r\nANNA@azets.fi;Anna;Virtanen\r\n'), {
      fileName: 'azets.csv',
    });
    expect(result).toMatchObject({
      ok: true,
      users: [
        { email: 'matti\u00a0@azets.fi', name: 'Matti Mäkinen', row: 2 },
        { email: 'ANNA@azets.fi', name: 'Anna Virtanen', row: 3 },
      ],
      file: { encoding: 'utf-8-bom', delimiter: ';', columns: { email: 'Sähköposti', firstName: 'Etunimi', lastName: 'Sukunimi' } },
    });
  });

  it('reads Windows-1252 (bytes that are not UTF-8) with its accented letters intact', async () => {
    const result = await readAzetsUsers(windows1252('Sähköposti,Nimi\nmäki@azets.fi,Pää Käyttäjä\n'), { fileName: 'a.csv' });
    expect(result).toMatchObject({ ok: true, users: [{ email: 'mäki@azets.fi', name: 'Pää Käyttäjä' }], file: { encoding: 'windows-1252' } });
  });

  it("reads Excel's \"Unicode text\": UTF-16 with a BOM, tab-separated", async () => {
    const result = await readAzetsUsers(utf16le('E-post\tNamn\nerik@azets.se\tErik Berg\n'), { fileName: 'a.txt' });
    expect(result).toMatchObject({ ok: true, users: [{ email: 'erik@azets.se', name: 'Erik Berg' }], file: { encoding: 'utf-16le', delimiter: '\t' } });
  });

  it('keeps quoted delimiters and line breaks inside a cell, and counts spreadsheet rows, blank lines included', async () => {
    const text = 'email,name\n"a@x.fi","Virtanen, Anna\nsecond line"\n\nb@x.fi,Liisa\n';
    const result = await readAzetsUsers(utf8(text), { fileName: 'a.csv' });
    expect(result).toMatchObject({
      ok: true,
      users: [
        { email: 'a@x.fi', name: 'Virtanen, Anna\nsecond line', row: 2 },
        { email: 'b@x.fi', row: 4 },
      ],
    });
  });

  it('sniffs ";" even when the rows hold decimal commas', async () => {
    const result = await readAzetsUsers(utf8('Email;Hours\na@x.fi;7,5\nb@x.fi;8,25\n'), { fileName: 'a.csv' });
    expect(result).toMatchObject({ ok: true, file: { delimiter: ';' }, users: [{ email: 'a@x.fi' }, { email: 'b@x.fi' }] });
  });

  it.each(['E-mail', 'EMAIL ', 'e_mail', 'Email address', 'sähköposti', 'E-post', 'e-postadress', 'Mail'])('finds the email column named "%s"', async (header) => {
    const result = await readAzetsUsers(utf8(`Name,${header}\nAnna,a@x.fi\n`), { fileName: 'a.csv' });
    expect(result).toMatchObject({ ok: true, users: [{ email: 'a@x.fi', name: 'Anna' }] });
  });

  it('follows a column mapping the user corrected', async () => {
    const result = await readAzetsUsers(utf8('Login,Work address\nanna,a@x.fi\n'), { fileName: 'a.csv', columns: { email: 'work address' } });
    expect(result).toMatchObject({ ok: true, users: [{ email: 'a@x.fi' }], file: { columns: { email: 'Work address' } } });
  });

  it('says which headers the file has when no column holds the email, and keeps the headers for a mapping', async () => {
    const result = await readAzetsUsers(utf8('Login;Work address\nanna;a@x.fi\n'), { fileName: 'azets.csv' });
    expect(messages(result)).toEqual([
      'azets.csv, row 1, email: no email column: the header has "Login", "Work address"; expected one named like email, e-mail, sähköposti, e-post (or choose the column in the column mapping)',
    ]);
    expect(result).toMatchObject({ ok: false, file: { headers: ['Login', 'Work address'] } });
  });

  it('names a mapped column that is not there', async () => {
    expect(messages(await readAzetsUsers(utf8('Email\na@x.fi\n'), { fileName: 'azets.csv', columns: { email: 'Mail2' } }))).toEqual([
      'azets.csv, row 1, email: the column mapping names "Mail2", but the header has no such column (it has "Email")',
    ]);
  });

  it('names the row of a value with an unquoted delimiter', async () => {
    expect(messages(await readAzetsUsers(utf8('email,name\na@x.fi,Anna\nb@x.fi,Virtanen, Liisa\n'), { fileName: 'azets.csv' }))).toEqual([
      'azets.csv, row 3: the row has 3 values but the header has 2 columns: a value containing "," must be in quotes',
    ]);
  });

  it('names the line a quote opened on and never closed', async () => {
    expect(messages(await readAzetsUsers(utf8('email\n"a@x.fi\nb@x.fi\n'), { fileName: 'azets.csv' }))).toEqual([
      'azets.csv, row 2: a quoted value opened on line 2 is never closed',
    ]);
  });

  it('says an empty file is empty', async () => {
    expect(messages(await readAzetsUsers(new Uint8Array(), { fileName: 'azets.csv' }))).toEqual(['azets.csv: the file is empty']);
  });

  it('reads a space after every delimiter as layout, and says so', async () => {
    const result = await readAzetsUsers(utf8('name; email\nAnna; a@x.fi\nLiisa; b@x.fi\n'), { fileName: 'a.csv' });
    expect(result).toMatchObject({ ok: true, users: [{ email: 'a@x.fi' }, { email: 'b@x.fi' }] });
    expect(result.ok && result.file.notes.map(english)).toEqual(['Every value started with a space after the delimiter: read as layout and removed.']);
  });

  it('keeps a leading space that only some addresses have: it is in the data', async () => {
    const result = await readAzetsUsers(utf8('name;email\nAnna; a@x.fi\nLiisa;b@x.fi\n'), { fileName: 'a.csv' });
    expect(result).toMatchObject({ ok: true, users: [{ email: ' a@x.fi' }, { email: 'b@x.fi' }] });
  });

  it('reads "a; b; c" with a space after every delimiter as layout, in every column, and says so', async () => {
    const result = await readSeveraUsers(utf8('Guid; Email; Active; First name\ng1; a@x.fi; true; Anna\ng2; b@x.fi; false; Bo\n'), { fileName: 's.csv' });
    expect(result).toMatchObject({ ok: true, users: [{ email: 'a@x.fi', active: true, id: 'g1', name: 'Anna' }, { email: 'b@x.fi', active: false, name: 'Bo' }] });
    expect(result.ok && result.file.notes.map(english)).toEqual(['Every value started with a space after the delimiter: read as layout and removed.']);
  });

  it('keeps a leading space every address has when the header has none after its delimiter: the layout does not prove it', async () => {
    const result = await readAzetsUsers(utf8('name;email\nAnna; a@x.fi\nLiisa; b@x.fi\n'), { fileName: 'a.csv' });
    expect(result).toMatchObject({ ok: true, users: [{ email: ' a@x.fi' }, { email: ' b@x.fi' }] });
    expect(result.ok && result.file.notes).toEqual([]);
  });

  it('keeps a leading space every address has when the other columns have none after their delimiter', async () => {
    const result = await readAzetsUsers(utf8('name; email; org\nAnna; a@x.fi;Firma\nLiisa; b@x.fi;Firma\n'), { fileName: 'a.csv' });
    expect(result).toMatchObject({ ok: true, users: [{ email: ' a@x.fi' }, { email: ' b@x.fi' }] });
    expect(result.ok && result.file.notes).toEqual([]);
  });

  it('keeps the leading space of every address in a workbook: a space in a cell is data, and the check does not call it OK', async () => {
    const workbook = writeWorkbook(
      [
        ['Nimi', 'Sähköposti'],
        ['Anna', ' anna@firma.fi'],
        ['Liisa', ' liisa@firma.fi'],
      ],
      'Users',
    );
    const azets = await readAzetsUsers(workbook, { fileName: 'azets.xlsx' });
    expect(azets).toMatchObject({ ok: true, users: [{ email: ' anna@firma.fi' }, { email: ' liisa@firma.fi' }] });
    expect(azets.ok && azets.file.notes).toEqual([]);
    const severa = await readSeveraUsers(utf8('Email,Active\nanna@firma.fi,true\nliisa@firma.fi,true\n'), { fileName: 'severa.csv' });
    if (!azets.ok || !severa.ok) throw new Error('both files should read');
    const result = checkSeveraLogins({ azetsUsers: azets.users, severaUsers: severa.users, addon: 'active', orgUsesSevera: 'yes' });
    expect(result.verdicts.map((verdict) => verdict.reason)).not.toContain('OK');
    expect(result.totals.failing).toBe(2);
  });
});

describe('a workbook whose first sheet is not the user list', () => {
  /** A workbook of named sheets, each rows of cells, in order. */
  const workbookOf = (sheets: [string, string[][]][]): Uint8Array => {
    const book = XLSX.utils.book_new();
    for (const [name, rows] of sheets) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
    return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  };
  const helpFirst = workbookOf([
    ['Ohjeet', [['Näin täytät käyttäjäluettelon'], ['Kirjoita jokaiselle käyttäjälle sähköpostiosoite.']]],
    ['Käyttäjät', [['Nimi', 'Sähköposti'], ['Anna', 'anna@firma.fi']]],
  ]);

  it('reads the first sheet with the columns the check needs, and says which and why', async () => {
    const result = await readAzetsUsers(helpFirst, { fileName: 'azets.xlsx' });
    expect(result).toMatchObject({ ok: true, users: [{ email: 'anna@firma.fi', name: 'Anna', row: 2 }] });
    expect(result.ok && result.file.sheet).toBe('Käyttäjät');
    expect(english(result.ok ? result.file.notes : [])).toBe('Read the sheet "Käyttäjät": the first sheet, "Ohjeet", does not have the columns the check needs.');
  });

  it('reads the sheet the admin chose, even the help sheet (and says what is missing there)', async () => {
    const result = await readAzetsUsers(helpFirst, { fileName: 'azets.xlsx', sheet: 'Ohjeet' });
    expect(result.ok).toBe(false);
  });
});

describe('reading a Severa export', () => {
  it('reads the active column in its usual spellings', async () => {
    const result = await readSeveraUsers(utf8('Guid,Email,Aktiivinen,First name,Last name\ng1,a@x.fi,Kyllä,Anna,V\ng2,b@x.fi,false,Bo,W\ng3,c@x.fi,Inactive,,\n'), {
      fileName: 'severa.csv',
    });
    expect(result).toMatchObject({
      ok: true,
      users: [
        { email: 'a@x.fi', active: true, id: 'g1', name: 'Anna V' },
        { email: 'b@x.fi', active: false },
        { email: 'c@x.fi', active: false, name: null },
      ],
    });
  });

  it('names the file, row and column of an active value that says neither yes nor no', async () => {
    expect(messages(await readSeveraUsers(utf8('Email;Aktiivinen\na@x.fi;kyllä\nb@x.fi;maybe\nc@x.fi;\n'), { fileName: 'severa.csv' }))).toEqual([
      'severa.csv, row 3, Aktiivinen: "maybe" is not yes or no (also true/false, 1/0, active/inactive, kyllä/ei, aktiivinen/passiivinen, TOSI/EPÄTOSI, SANT/FALSKT, SANN/USANN, SAND/FALSK, WAAR/ONWAAR)',
      'severa.csv, row 4, Aktiivinen: empty is not yes or no (also true/false, 1/0, active/inactive, kyllä/ei, aktiivinen/passiivinen, TOSI/EPÄTOSI, SANT/FALSKT, SANN/USANN, SAND/FALSK, WAAR/ONWAAR)',
    ]);
  });

  it('needs the active column unless the mapping says the file has none; then activity is unknown', async () => {
    expect(messages(await readSeveraUsers(utf8('Email\na@x.fi\n'), { fileName: 'severa.csv' }))[0]).toMatch(/^severa.csv, row 1, active: no active column/);
    expect(await readSeveraUsers(utf8('Email\na@x.fi\n'), { fileName: 'severa.csv', columns: { active: null } })).toMatchObject({
      ok: true,
      users: [{ email: 'a@x.fi', active: null }],
    });
  });

  it('names a row that ends before the email column', async () => {
    expect(messages(await readSeveraUsers(utf8('Active;Name;Email\ntrue;Anna;a@x.fi\ntrue;Bo\n'), { fileName: 'severa.csv' }))).toEqual([
      'severa.csv, row 3, Email: the row ends before this column (it has 2 values)',
    ]);
  });
});

describe('reading any bytes at all', () => {
  it('never throws: a file is read or its problems are named', async () => {
    const csvish = fc
      .array(fc.constantFrom('email', 'active', ';', ',', '\t', '"', '\n', '\r\n', 'a@x.fi', 'yes', 'maybe', 'ä', '\uFEFF', ' '), { maxLength: 40 })
      .map((parts) => utf8(parts.join('')));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 200 }), csvish), async (bytes) => {
        for (const result of [await readAzetsUsers(bytes, { fileName: 'a.csv' }), await readSeveraUsers(bytes, { fileName: 's.csv' })]) {
          if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
