import { describe, expect, it } from 'vitest';
import { parseProfileFile } from '../../../src/main/profiles/profile-file';
import { readAzetsUsers, readSeveraUsers } from '../../../src/main/severa/read-user-file';
import { decodeText } from '../../../src/main/tables/decode-text';
import { readTable } from '../../../src/main/tables/read-table';
import { hasControlOrReplacement } from '../../../src/shared/field-schemas';
import { ProfileDefinitionSchema } from '../../../src/shared/profile-schema';
import { createTranslator } from '../../../src/shared/i18n/translator';
import { fileBytes } from '../../helpers/file-bytes';
import { tempApp } from '../../helpers/temp-app';

// Issue 21, class 7: decoding garbage is stored silently. A stray byte must not turn a whole file
// into mojibake, undefined Windows-1252 bytes and broken UTF-16 must not become names: the rows that
// could not be read cleanly are reported by number, and names refuse control characters and U+FFFD.

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
/** Names of the rows in a table, by row number. */
const cellsOf = (result: ReturnType<typeof readTable>) => (result.ok ? result.table.records.map((record) => [record.row, ...record.cells]) : result.problem);
/** A text's own line breaks are no damage; any other control character or U+FFFD is. */
const damagedText = (text: string) => hasControlOrReplacement(text.replace(/\r\n|\r|\n/g, ''));

const PROFILE_HEADER = 'id;name;direction;companyId;companyName;apiUser;environmentId\r\n';
const profileRow = (id: string, name: string) => `${id};${name};import;1234567;Acme AS;${id}@acme.example;visma-production\r\n`;

describe('decoding garbage is stored silently (issue 21, class 7)', () => {
  describe('a UTF-8 file with one stray byte that is not valid UTF-8', () => {
    // Rows 2 and 4 are UTF-8; row 3 was pasted from a Windows-1252 file ("Mäkinen" with E4 for ä).
    const bytes = concat(utf8('Email;Name\r\nasa@firma.fi;Åsa Öberg\r\n'), latin1('matti@firma.fi;Matti Mäkinen\r\n'), utf8('jorgen@firma.fi;Jørgen Ærø\r\n'));

    it('decodes the other rows Nordic letters right (no whole-file mojibake) and reports the row', () => {
      const read = readTable(bytes);
      expect(read.ok && read.table.encoding).toBe('utf-8');
      expect(cellsOf(read)).toEqual([
        [1, 'Email', 'Name'],
        [2, 'asa@firma.fi', 'Åsa Öberg'],
        [3, 'matti@firma.fi', 'Matti Mäkinen'],
        [4, 'jorgen@firma.fi', 'Jørgen Ærø'],
      ]);
      expect(read.ok && read.table.unreadable.map(({ row, words }) => ({ row, words }))).toEqual([
        { row: 3, words: { key: 'profiles.invalid.unreadable', params: { damage: 'mixed' } } },
      ]);
    });

    it('the Severa reader names the row and the file, and reads no user from a guessed row', async () => {
      const result = await readAzetsUsers(bytes, { fileName: 'azets.csv' });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.fileName).toBe('azets.csv');
      expect(result.problems.map(({ row, message }) => ({ row, message }))).toEqual([
        {
          row: 3,
          message: expect.stringMatching(/^could not be read cleanly: this row is not UTF-8 like the rest of the file/),
        },
      ]);
    });

    it('a profile list imports nothing from that row and the other names right', async () => {
      const file = concat(utf8(PROFILE_HEADER + profileRow('a', 'Åsa Öberg')), latin1(profileRow('b', 'Mäkinen')), utf8(profileRow('c', 'Jørgen')));
      const parsed = await parseProfileFile(fileBytes('profiles.csv', file));
      expect(parsed.fileProblems).toEqual([]);
      expect(parsed.rows.map((row) => [row.row, row.definition?.name ?? null, row.problems.map((p) => p.words?.key)])).toEqual([
        [2, 'Åsa Öberg', []],
        [3, null, ['profiles.invalid.unreadable']],
        [4, 'Jørgen', []],
      ]);
    });

    it('a UTF-8 file with a BOM reports its stray row the same way instead of storing U+FFFD', () => {
      const withBom = concat(new Uint8Array([0xef, 0xbb, 0xbf]), bytes);
      const decoded = decodeText(withBom);
      expect(decoded.encoding).toBe('utf-8-bom');
      expect(damagedText(decoded.text)).toBe(false);
      expect(decoded.damaged).toEqual([{ line: 3, damage: 'not-utf-8' }]);
    });
  });

  describe('undefined Windows-1252 bytes (0x81 0x8D 0x8F 0x90 0x9D)', () => {
    it('are reported with their row, not stored as control characters', async () => {
      for (const undefinedByte of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) {
        // A Windows-1252 file (ä is E4): row 3's name holds a byte the code page leaves undefined.
        const bytes = concat(latin1('Email;Active;Name\r\nmatti@firma.fi;TOSI;Matti Mäkinen\r\nx@firma.fi;TOSI;Sami '), new Uint8Array([undefinedByte]), latin1('Kärppä\r\nliisa@firma.fi;EPÄTOSI;Liisa Öhman\r\n'));
        const decoded = decodeText(bytes);
        expect(decoded.encoding).toBe('windows-1252');
        expect(decoded.damaged).toEqual([{ line: 3, damage: 'undefined-byte' }]);
        const result = await readSeveraUsers(bytes, { fileName: 'severa.csv' });
        expect(result.ok).toBe(false);
        if (result.ok) continue;
        expect(result.problems.map(({ row, words }) => ({ row, words }))).toEqual([{ row: 3, words: { key: 'profiles.invalid.unreadable', params: { damage: 'undefined' } } }]);
      }
    });

    it('a profile list refuses the row instead of storing a name with a control character', async () => {
      const app = tempApp();
      try {
        const bytes = concat(latin1(PROFILE_HEADER + profileRow('a', 'Mäkinen')), latin1('b;Ki\x9drppä;import;1234567;Acme AS;b@acme.example;visma-production\r\n'));
        const report = await app.api.importProfiles(fileBytes('profiles.csv', bytes), 'valid-only');
        expect(report.problems.map(({ row, field, words }) => ({ row, field, words }))).toEqual([
          { row: 3, field: undefined, words: { key: 'profiles.invalid.unreadable', params: { damage: 'undefined' } } },
        ]);
        const names = (await app.profiles.all()).map((profile) => profile.name);
        expect(names).toEqual(['Mäkinen']);
        expect(damagedText(names.join(''))).toBe(false);
      } finally {
        app.cleanup();
      }
    });
  });

  describe('a UTF-16 file with a lone surrogate', () => {
    const text = 'Email\tName\r\nasa@firma.fi\tÅsa Öberg\r\nbad@firma.fi\tEmoji \ud83d half\r\nok@firma.fi\tOla 🙂 Nordmann\r\n';

    it('reports the row holding it (with a BOM, LE and BE, and without one)', async () => {
      const le = new Uint8Array(Buffer.from(text, 'utf16le'));
      const be = new Uint8Array(le.length);
      for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
      const variants = [concat(new Uint8Array([0xff, 0xfe]), le), concat(new Uint8Array([0xfe, 0xff]), be), le];
      for (const bytes of variants) {
        expect(decodeText(bytes).damaged).toEqual([{ line: 3, damage: 'broken-utf-16' }]);
        const result = await readAzetsUsers(bytes, { fileName: 'unicode.txt' });
        expect(result.ok).toBe(false);
        if (result.ok) continue;
        expect(result.problems.map(({ row, words }) => ({ row, words }))).toEqual([{ row: 3, words: { key: 'profiles.invalid.unreadable', params: { damage: 'utf16' } } }]);
      }
    });
  });

  it('a damaged line inside a quoted cell that spans lines is reported on the row Excel shows', () => {
    const bytes = concat(utf8('Email;Name\r\nasa@firma.fi;"Åsa\r\nÖberg"\r\n'), latin1('b@firma.fi;Mäki\r\n'));
    const read = readTable(bytes);
    expect(read.ok && read.table.unreadable.map((problem) => problem.row)).toEqual([3]);
    const inCell = concat(utf8('Email;Name\r\nasa@firma.fi;"Åsa\r\n'), latin1('Öberg"\r\n'), utf8('b@firma.fi;Mäki\r\n'));
    const readInCell = readTable(inCell);
    expect(readInCell.ok && readInCell.table.unreadable.map((problem) => problem.row)).toEqual([2]);
  });

  it('a JSON profile list with a line that cannot be read cleanly imports nothing and names the line', async () => {
    const json = concat(utf8('[\n  {"id": "a", "name": "Åsa"},\n'), latin1('  {"id": "b", "name": "M\xe4ki"}\n'), utf8(']\n'));
    const parsed = await parseProfileFile(fileBytes('profiles.json', json));
    expect(parsed.rows).toEqual([]);
    expect(parsed.fileProblems.map(({ row, message }) => ({ row, message }))).toEqual([{ row: null, message: expect.stringMatching(/^line 3: could not be read cleanly/) }]);
  });

  it('a Severa e-mail with its own invisible characters is still read (the check reports those), clean files are untouched', async () => {
    const result = await readAzetsUsers(utf8('Email;Name\r\nasa\u0007@firma.fi;Åsa\r\nb\u200b@firma.fi;Bo\r\n'), { fileName: 'azets.csv' });
    expect(result.ok && result.users.map((user) => user.email)).toEqual(['asa\u0007@firma.fi', 'b\u200b@firma.fi']);
  });
});

describe('a name with a C0/C1 control or U+FFFD is refused with the field named (issue 21, class 7)', () => {
  const base = { id: 'a', direction: 'import', companyId: '1234567', companyName: 'Acme AS', apiUser: 'a@acme.example', environmentId: 'visma-production' };
  const english = createTranslator('en-GB');
  const finnish = createTranslator('fi-FI');

  it('the schema refuses C0, DEL, C1 and U+FFFD in a name, and keeps Nordic letters', () => {
    for (const bad of ['Matti\u0000', 'Ma\ttti', 'Mä\u001bkinen', 'Mäki\u007f', 'M\u0081äki', 'Ki\u009drppä', 'M\ufffdkinen', 'Nimi\u0085']) {
      const result = ProfileDefinitionSchema.safeParse({ ...base, name: bad });
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([['name', 'must not contain control characters or the replacement character U+FFFD']]);
    }
    expect(ProfileDefinitionSchema.safeParse({ ...base, name: 'Åsa Öberg – “Ærø”' }).success).toBe(true);
  });

  it('an imported row names the field and says why in catalog words, in every language', async () => {
    const parsed = await parseProfileFile(fileBytes('profiles.json', JSON.stringify([{ ...base, name: 'M\ufffdkinen' }])));
    const problem = parsed.rows[0]!.problems[0]!;
    expect(problem).toMatchObject({ row: 1, field: 'name', words: { key: 'profiles.invalid.control-chars' } });
    expect(english.text(problem.words!)).toMatch(/control characters/);
    expect(finnish.text(problem.words!)).toMatch(/ohjausmerkkejä/);
  });
});

