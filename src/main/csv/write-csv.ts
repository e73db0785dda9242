import type { CsvDelimiter } from '../../shared/severa-check';
import { neutraliseFormula } from './formula-guard';

export type CsvCell = string | number;

/**
 * Quoted: a cell holding a quote, a line break or any list separator (`,` `;` tab), not only the
 * file's own: the Excel that opens it may split on the other one, and a cell must stay one cell
 * there too. And a cell with space at either end, which some readers trim.
 */
const NEEDS_QUOTES = /["\r\n,;\t]|^\s|\s$/;
const quote = (value: string): string => (NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * The one CSV writer of the app: RFC 4180 text with CRLF line ends and a UTF-8 BOM, so spreadsheet
 * programs open it in the right encoding, in the delimiter the user's Excel splits on (`;` where
 * the decimal separator is a comma). Cells that a spreadsheet would run as a formula are
 * neutralised (formula-guard.ts), also where a cell would start if the line were split on the other
 * separator, a tab or a line break; numbers are written as they are.
 */
export function writeCsv(rows: readonly (readonly CsvCell[])[], delimiter: CsvDelimiter = ','): string {
  const cell = (value: CsvCell): string => (typeof value === 'number' ? String(value) : quote(neutraliseFormula(value)));
  return '\uFEFF' + rows.map((row) => row.map(cell).join(delimiter)).join('\r\n') + '\r\n';
}
