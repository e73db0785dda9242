import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from '../../../src/main/csv/parse-csv';
import { neutraliseFormula, restoreFormula } from '../../../src/main/csv/formula-guard';
import { writeCsv } from '../../../src/main/csv/write-csv';

const cells = (text: string, delimiter?: string) => parseCsv(text, delimiter).map((r) => r.cells);

describe('parseCsv', () => {
  it('reads plain rows with any line ending and skips blank lines', () => {
    expect(cells('a,b\r\n1,2\n\n3,4\r5,6\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('drops a UTF-8 BOM', () => {
    expect(cells('\uFEFFid,name\n1,x')[0]).toEqual(['id', 'name']);
  });

  it('reads quoted cells with delimiters, quotes and line breaks, and numbers records by their first line', () => {
    const records = parseCsv('id,note\n1,"a, ""b""\nsecond line"\n2,plain\n');
    expect(records.map((r) => r.cells)).toEqual([
      ['id', 'note'],
      ['1', 'a, "b"\nsecond line'],
      ['2', 'plain'],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('keeps empty cells, and a row of one quoted empty cell', () => {
    expect(cells('a,,c\n""\n')).toEqual([['a', '', 'c'], ['']]);
  });

  it('takes another delimiter', () => {
    expect(cells('a;b\n"x;y";z', ';')).toEqual([
      ['a', 'b'],
      ['x;y', 'z'],
    ]);
  });

  it('names the line of a quote that is never closed', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"open\n4,5\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n1,2\n3,"open\n4,5\n')).toThrow(/opened on line 3/);
  });

  it('reads back exactly what writeCsv wrote, for any cells and delimiter, once the formula guard is taken off', () => {
    const cell = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('=1+1', "'=x", "''-5", '-5 Orders', '+47', '@home', '\tx', '\rx', "'plain"));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(',' as const, ';' as const, '\t' as const),
        (rows, delimiter) => {
          const width = rows[0]!.length;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          // A row of nothing but one empty cell is a blank line in CSV; give every row a marker cell.
          const marked = table.map((r) => ['#', ...r]);
          expect(cells(writeCsv(marked, delimiter), delimiter).map((r) => r.map(restoreFormula))).toEqual(marked);
        },
      ),
    );
  });

  it('writes no cell that a spreadsheet would run as a formula (OWASP: a leading apostrophe)', () => {
    const dangerous = ['=HYPERLINK("https://evil.example","click")', '-5 Orders', '+47 Sales', '@home', '\tTab', '\rReturn', '=1+1'];
    const written = cells(writeCsv([dangerous, ['plain', 'a-b', 'x@y.fi', '5', "'quoted", '', ' ']]))
    expect(written[0]).toEqual(dangerous.map((value) => `'${value}`));
    expect(written[1]).toEqual(['plain', 'a-b', 'x@y.fi', '5', "'quoted", '', ' ']);
    for (const row of written) for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('guards exactly the cells that need it, and undoes exactly that', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (value) => {
        expect(restoreFormula(neutraliseFormula(value))).toBe(value);
        expect(neutraliseFormula(value)).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });

  it('never throws anything but a CsvSyntaxError, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        try {
          parseCsv(text);
        } catch (error) {
          expect(error).toBeInstanceOf(CsvSyntaxError);
        }
      }),
    );
  });
});
