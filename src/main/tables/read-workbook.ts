import type { WorkSheet } from '@e965/xlsx';
import { sheetJs } from './sheetjs';
import { streamWorkbook } from './stream-workbook';
import { checkWorkbookLimits, WorkbookRefused, type WorkbookLimits } from './workbook-limits';

export interface WorkbookSheet {
  sheets: string[];
  sheet: string;
  /** Each row's cells as text, as Excel shows them (TRUE/FALSE, numbers as formatted), with its sheet row. */
  rows: { cells: string[]; row: number }[];
}

const asText = (cell: unknown): string => (cell === null || cell === undefined ? '' : String(cell));

/**
 * An .xlsx workbook's sheet (the first unless one is named), after the limits have been checked:
 * streamed row by row as the sheet is unpacked (stream-workbook.ts), or, for a workbook that
 * reader leaves to SheetJS, through SheetJS's whole workbook. Throws WorkbookRefused with words
 * for what a person can act on.
 */
export function readWorkbook(bytes: Uint8Array, sheetName?: string, limits?: WorkbookLimits): WorkbookSheet {
  const entries = checkWorkbookLimits(bytes, limits);
  return streamWorkbook(bytes, entries, sheetName) ?? readWithSheetJs(bytes, sheetName);
}

/** The sheet through SheetJS: its whole workbook object, then sheet_to_json. */
export function readWithSheetJs(bytes: Uint8Array, sheetName?: string): WorkbookSheet {
  const XLSX = sheetJs();
  let names: string[];
  try {
    names = XLSX.read(bytes, { type: 'array', bookSheets: true }).SheetNames;
  } catch (error) {
    throw new WorkbookRefused(`it cannot be read as an Excel workbook (${(error as Error).message})`);
  }
  if (names.length === 0) throw new WorkbookRefused('the workbook has no sheets');
  const sheet = sheetName ?? names[0]!;
  if (!names.includes(sheet)) throw new WorkbookRefused(`the workbook has no sheet "${sheet}" (it has ${names.map((n) => `"${n}"`).join(', ')})`);
  let worksheet: WorkSheet | undefined;
  try {
    const book = XLSX.read(bytes, { type: 'array', dense: true, sheets: sheet, cellFormula: false, cellHTML: false, cellStyles: false, cellDates: false });
    worksheet = book.Sheets[sheet];
  } catch (error) {
    throw new WorkbookRefused(`it cannot be read as an Excel workbook (${(error as Error).message})`);
  }
  if (!worksheet?.['!ref']) return { sheets: names, sheet, rows: [] };
  const firstRow = XLSX.utils.decode_range(worksheet['!ref']).s.r + 1;
  const table = XLSX.utils.sheet_to_json<unknown[]>(worksheet, { header: 1, raw: false, defval: '', blankrows: true });
  return { sheets: names, sheet, rows: table.map((cells, index) => ({ cells: cells.map(asText), row: firstRow + index })) };
}
