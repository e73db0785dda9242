import { sheetJs } from './sheetjs';
import type { CsvCell } from '../csv/write-csv';

/**
 * One sheet as an .xlsx workbook. Every text is a text cell (never a formula, whatever it starts
 * with: = + - @ are harmless there), numbers are numbers.
 * Texts go to the shared string table (`t="s"`), the plain text cell type.
 */
export function writeWorkbook(rows: readonly (readonly CsvCell[])[], sheetName: string): Uint8Array {
  const XLSX = sheetJs();
  const sheet = XLSX.utils.aoa_to_sheet(rows.map((row) => [...row]), { cellDates: false });
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, sheetName.slice(0, 31));
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', bookSST: true, compression: true }) as ArrayBuffer);
}
