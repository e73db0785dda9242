import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from '../../../src/main/csv/parse-csv';
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

  it('reads back exactly what writeCsv wrote, for any cells', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const width = rows[0]!.length;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          // A row of nothing but one empty cell is a blank line in CSV; give every row a marker cell.
          const marked = table.map((r) => ['#', ...r]);
          expect(cells(writeCsv(marked))).toEqual(marked);
        },
      ),
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
