import * as XLSX from '@e965/xlsx';
import { Zip, ZipDeflate, zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/main/tables/decode-text';
import { readTable, type TableResult } from '../../../src/main/tables/read-table';
import { writeWorkbook } from '../../../src/main/tables/write-workbook';
import { WORKBOOK_LIMITS } from '../../../src/main/tables/workbook-limits';

const rowsOf = (result: TableResult) => {
  if (!result.ok) throw new Error(result.problem.message);
  return result.table.records.map((record) => [record.row, ...record.cells]);
};
const problemOf = (result: TableResult) => {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problem.message;
};

/** Windows-1252 bytes of a text, by the published code page (0x80–0x9F included). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const cp1252 = (text: string) =>
  Uint8Array.from([...text], (char) => {
    const high = CP1252_HIGH.indexOf(char);
    if (high !== -1) return 0x80 + high;
    const code = char.charCodeAt(0);
    if (code > 0xff) throw new Error(`${char} is not in Windows-1252`);
    return code;
  });

describe('Windows-1252', () => {
  it('decodes every byte 0x80–0x9F to the character the code page has (not a C1 control)', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    // A lone 0x80–0x9F run is not UTF-8, so the decoder falls back to Windows-1252; the five
    // undefined bytes among them are no text, so the line is reported as damaged (issue 21, class 7).
    expect(decodeText(bytes)).toEqual({ text: CP1252_HIGH, encoding: 'windows-1252', damaged: [{ line: 1, damage: 'undefined-byte' }] });
  });

  it('reads a Nordic Excel CSV: sep= line, title, blank and delimiter-only rows, € and Š and curly quotes', () => {
    const text = 'sep=;\r\nKäyttäjät – “Severa” €\r\n\r\n;;\r\nSähköposti;Aktiivinen;Nimi\r\nšárka@firma.fi;TOSI;Šárka Žák\r\n;;\r\nmatti@firma.fi;EPÄTOSI;Matti\r\n';
    expect(rowsOf(readTable(cp1252(text)))).toEqual([
      [2, 'Käyttäjät – “Severa” €'],
      [5, 'Sähköposti', 'Aktiivinen', 'Nimi'],
      [6, 'šárka@firma.fi', 'TOSI', 'Šárka Žák'],
      [8, 'matti@firma.fi', 'EPÄTOSI', 'Matti'],
    ]);
    const table = readTable(cp1252(text));
    expect(table.ok && [table.table.encoding, table.table.delimiter]).toEqual(['windows-1252', ';']);
  });

  it('finds the delimiter under a title line and with decimal commas in the rows', () => {
    const result = readTable('Raportti 2026\nNimi;Tunnit;Sähköposti\nA;7,5;a@x.fi\nB;8,25;b@x.fi\n');
    expect(result.ok && result.table.delimiter).toBe(';');
  });

  it('reads UTF-16 without a BOM', () => {
    const bytes = new Uint8Array(Buffer.from('email\tactive\r\nanna@x.fi\tyes\r\n', 'utf16le'));
    expect(rowsOf(readTable(bytes))).toEqual([
      [1, 'email', 'active'],
      [2, 'anna@x.fi', 'yes'],
    ]);
  });
});

describe('workbooks', () => {
  const workbook = writeWorkbook(
    [
      ['Email', 'Active', 'Name'],
      ['anna@firma.fi', 'TRUE', '=HYPERLINK("x")'],
      ['-5 Orders', 'FALSE', 12],
    ],
    'Users',
  );

  it('reads the first sheet by content, whatever the name, with texts as written', () => {
    expect(rowsOf(readTable(workbook))).toEqual([
      [1, 'Email', 'Active', 'Name'],
      [2, 'anna@firma.fi', 'TRUE', '=HYPERLINK("x")'],
      [3, '-5 Orders', 'FALSE', '12'],
    ]);
  });

  it('reads the sheet asked for, and names the sheets when it does not exist', () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Notes'], ['nothing here']]), 'Read me');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Email'], ['anna@firma.fi']]), 'Users');
    const twoSheets = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const first = readTable(twoSheets);
    expect(first.ok && [first.table.sheets, first.table.sheet]).toEqual([['Read me', 'Users'], 'Read me']);
    expect(rowsOf(readTable(twoSheets, { sheet: 'Users' }))).toEqual([
      [1, 'Email'],
      [2, 'anna@firma.fi'],
    ]);
    expect(problemOf(readTable(workbook, { sheet: 'Other' }))).toBe('is an Excel workbook that cannot be used: the workbook has no sheet "Other" (it has "Users")');
  });

  it('refuses a truncated workbook in words', () => {
    expect(problemOf(readTable(workbook.subarray(0, Math.floor(workbook.length / 2))))).toBe(
      'is an Excel workbook that cannot be used: it ends before its table of contents: the file is incomplete (truncated); save or copy it again',
    );
  });

  it('refuses a zip bomb before any parser sees it', () => {
    // Past the limit in spaces, a few KiB on disk (the test's limit is small to stay fast; the
    // default is WORKBOOK_LIMITS.uncompressedBytes).
    const limits = { ...WORKBOOK_LIMITS, uncompressedBytes: 16 * 1024 * 1024 };
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
    zip.add(sheet);
    const spaces = new Uint8Array(1024 * 1024).fill(0x20);
    const mib = limits.uncompressedBytes / 1024 / 1024;
    for (let i = 0; i <= mib; i++) sheet.push(spaces, i === mib);
    zip.end();
    const bomb = new Uint8Array(Buffer.concat(chunks));
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(problemOf(readTable(bomb, { workbookLimits: limits }))).toBe(`is an Excel workbook that cannot be used: it unpacks to more than ${mib} MiB, far more than a workbook of users (a "zip bomb"?)`);
  });

  it('refuses a sheet with more cells than the limit', () => {
    const cells = '<c r="A1" t="s"><v>0</v></c>'.repeat(50);
    const bytes = zipSync({ 'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`) });
    expect(problemOf(readTable(bytes, { workbookLimits: { ...WORKBOOK_LIMITS, cells: 40 } }))).toMatch(/more than 40 cells/);
  });
});

describe('files that are no table', () => {
  it.each([
    ['an old .xls workbook', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), /Excel 97–2003 workbook \(\.xls\)/],
    ['a PDF', new Uint8Array(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj')), /a PDF document/],
    ['an image', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /binary data, not text or a workbook/],
  ])('says so in words for %s', (_, bytes, message) => {
    expect(problemOf(readTable(bytes))).toMatch(message);
  });
});
