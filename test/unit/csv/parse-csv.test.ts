import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from '../../../src/main/csv/parse-csv';
import { referenceParseCsv } from '../../helpers/reference-parse-csv';

/** Text made of the characters a CSV parser has to decide about, so the interesting cases are common. */
const csvLikeText = fc
  .array(fc.constantFrom('a', 'ä', ' ', '"', '""', ',', ';', '\t', '\r', '\n', '\r\n', '\uFEFF', 'x@y.fi'), { maxLength: 60 })
  .map((parts) => parts.join(''));

const outcome = (parse: () => unknown) => {
  try {
    return { records: parse() };
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { error: error.message, line: error.line };
    throw error;
  }
};

describe('parseCsv', () => {
  it('reads quoted cells with delimiters, doubled quotes and line breaks, and names the line each record starts on', () => {
    const text = '\uFEFFemail,name\r\n"a@x.fi","Virtanen, ""Matti""\r\nsecond line"\r\n\r\nb@x.fi,Liisa\n';
    expect(parseCsv(text)).toEqual([
      { cells: ['email', 'name'], line: 1 },
      { cells: ['a@x.fi', 'Virtanen, "Matti"\r\nsecond line'], line: 2 },
      { cells: ['b@x.fi', 'Liisa'], line: 5 },
    ]);
  });

  it('splits on the delimiter it is given', () => {
    expect(parseCsv('a;b,c\tb', ';').map((r) => r.cells)).toEqual([['a', 'b,c\tb']]);
    expect(parseCsv('a;b,c\tb', '\t').map((r) => r.cells)).toEqual([['a;b,c', 'b']]);
  });

  it('names the line a never-closed quote opened on', () => {
    expect(() => parseCsv('email\n"a@x.fi\nb@x.fi\n')).toThrow(/opened on line 2 is never closed/);
  });

  it('gives the same records and errors as the original character-at-a-time parser, for any text and delimiter', () => {
    fc.assert(
      fc.property(csvLikeText, fc.constantFrom(',', ';', '\t'), (text, delimiter) => {
        expect(outcome(() => parseCsv(text, delimiter))).toEqual(outcome(() => referenceParseCsv(text, delimiter)));
      }),
      { numRuns: 2000 },
    );
  });
});
