import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/main/csv/parse-csv';
import { neutraliseFormula, restoreFormula } from '../../../src/main/csv/formula-guard';
import { writeCsv } from '../../../src/main/csv/write-csv';
import { readTable } from '../../../src/main/tables/read-table';

const DELIMITERS = [',', ';', '\t'] as const;
/** How a spreadsheet (or a tool that ignores quotes) might cut the written text into cells. */
const SPLITTERS: [string, RegExp][] = [
  ['comma', /,/g],
  ['semicolon', /;/g],
  ['tab', /\t/g],
  ['line break', /\r\n|\r|\n/g],
];
const FORMULA_CHARACTER = /^[=+\-@\t\r]/;

/** Text made mostly of what makes this hard: formula starts, separators, quotes, apostrophes, line breaks. */
const hostile = fc.oneof(
  fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '"', "'", ' ', 'a', 'Ö', '1'), maxLength: 16 }),
  fc.string({ maxLength: 16 }),
  fc.constantFrom('Acme, =cmd', 'Acme,=HYPERLINK("https://evil.example")', 'Oy;@SUM(1)', "Ab,'=x", "x;''-5", 'a\t=1+1', 'a\r\n+47', 'a,\t=b', 'a;\r=b'),
);

/**
 * The text from each place where a cell would start if the text were cut at `splitter`. A quote that
 * opens a quoted cell there is left out: its content is what a spreadsheet reads (Excel runs a
 * quoted "=1+1" too). A quote there that closes one, or is one of a pair inside one, is text to a
 * splitter that ignores quotes, and a splitter that honours them never cuts inside quotes.
 */
function wouldBeCells(text: string, splitter: RegExp): string[] {
  const inQuotes: boolean[] = [];
  let open = false;
  for (let i = 0; i <= text.length; i++) {
    inQuotes.push(open);
    if (text[i] === '"') open = !open;
  }
  const cuts = [...text.matchAll(splitter)];
  const pieces = [{ start: 0, end: cuts[0]?.index ?? text.length }, ...cuts.map((m, i) => ({ start: m.index + m[0].length, end: cuts[i + 1]?.index ?? text.length }))];
  return pieces.map(({ start, end }) => (text[start] === '"' && !inQuotes[start] ? text.slice(start + 1, end) : text.slice(start, end)));
}

const written = (rows: string[][], delimiter: (typeof DELIMITERS)[number]) => writeCsv(rows, delimiter).replace(/^\uFEFF/, '');

describe('a formula hidden behind the other list separator', () => {
  it('never starts a would-be cell: split on , ; tab or a line break, no would-be cell begins with = + - @ tab or CR, quoted or not', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 4 }), fc.constantFrom(...DELIMITERS), (cells, delimiter) => {
        // One row: its line end is no cell's content.
        const text = written([['#', ...cells]], delimiter).replace(/\r\n$/, '');
        for (const [name, splitter] of SPLITTERS) {
          for (const cell of wouldBeCells(text, splitter)) {
            if (cell.startsWith('"')) continue; // a closing or doubled quote: text, whatever follows
            expect(cell, `split on ${name} of ${JSON.stringify(text)}`).not.toMatch(FORMULA_CHARACTER);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it.each(DELIMITERS.map((d) => [JSON.stringify(d), d] as const))('quotes every cell holding either separator, a tab, a quote or a line break, in a %s file', (_, delimiter) => {
    const text = written([['Acme, Oy', 'Ab; Oy', 'a\tb', 'say "hi"', 'two\nlines', 'plain']], delimiter);
    expect(text).toBe(['"Acme, Oy"', '"Ab; Oy"', '"a\tb"', '"say ""hi"""', '"two\nlines"', 'plain'].join(delimiter) + '\r\n');
  });

  it('guards each would-be cell inside a value as it guards a cell start', () => {
    expect(written([['Acme,=cmd|\' /C calc\'!A0']], ';')).toBe('"Acme,\'=cmd|\' /C calc\'!A0"\r\n');
    expect(written([['Oy;@SUM(1)', 'x,+1;-2']], ',')).toBe('"Oy;\'@SUM(1)","x,\'+1;\'-2"\r\n');
    // A space first is no formula, as at a cell start; an apostrophe before a formula gets one more.
    expect(neutraliseFormula('a, =b')).toBe('a, =b');
    expect(neutraliseFormula("a,'=b")).toBe("a,''=b");
    expect(neutraliseFormula('a,\t=b')).toBe("a,'\t'=b");
  });

  it('undoes exactly what it guards, for any text', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        expect(restoreFormula(neutraliseFormula(value))).toBe(value);
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps round trips exact through the parser and through the one reader of every file', () => {
    fc.assert(
      fc.property(fc.array(fc.array(hostile, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.constantFrom(...DELIMITERS), (rows, delimiter) => {
        const width = rows[0]!.length;
        // A marker cell: a row of one empty cell is a blank line, and the reader leaves blank rows out.
        const table = rows.map((r) => ['#', ...Array.from({ length: width }, (_, i) => r[i] ?? '')]);
        const text = writeCsv(table, delimiter);
        expect(parseCsv(text, delimiter).map((r) => r.cells.map(restoreFormula))).toEqual(table);
        const read = readTable(new Uint8Array(Buffer.from(text, 'utf8')));
        expect(read.ok && read.table.delimiter).toBe(delimiter);
        expect(read.ok && read.table.records.map((r) => r.cells)).toEqual(table);
      }),
      { numRuns: 500 },
    );
  });
});
