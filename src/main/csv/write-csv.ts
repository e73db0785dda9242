import type { CsvDelimiter } from '../../shared/severa-check';
import { neutraliseFormula } from './formula-guard';

export type CsvCell = string | number;

const quoter = (delimiter: CsvDelimiter) => {
  const needsQuotes = new RegExp(`["\\r\\n${delimiter === '\t' ? '\\t' : delimiter}]|^\\s|\\s$`);
  return (value: string): string => (needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
};

/**
 * The one CSV writer of the app: RFC 4180 text with CRLF line ends and a UTF-8 BOM, so spreadsheet
 * programs open it in the right encoding, in the delimiter the user's Excel splits on (`;` where
 * the decimal separator is a comma). Cells that a spreadsheet would run as a formula are
 * neutralised (formula-guard.ts); numbers are written as they are.
 */
export function writeCsv(rows: readonly (readonly CsvCell[])[], delimiter: CsvDelimiter = ','): string {
  const quote = quoter(delimiter);
  const cell = (value: CsvCell): string => (typeof value === 'number' ? String(value) : quote(neutraliseFormula(value)));
  return '\uFEFF' + rows.map((row) => row.map(cell).join(delimiter)).join('\r\n') + '\r\n';
}
