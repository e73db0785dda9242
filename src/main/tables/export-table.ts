import type { ExportedFile } from '../../shared/api';
import type { CsvDelimiter } from '../../shared/severa-check';
import { type CsvCell, writeCsv } from '../csv/write-csv';
import { writeWorkbook } from './write-workbook';

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface TableExportOptions {
  format: 'csv' | 'xlsx';
  /** The user's list separator (csvDelimiterFor): CSV only. */
  delimiter: CsvDelimiter;
  /** The file's name without its extension. */
  baseName: string;
  sheetName: string;
}

/** Every export's rows as the file a person saves: CSV text or an .xlsx workbook (base64). */
export function exportTable(rows: readonly (readonly CsvCell[])[], options: TableExportOptions): ExportedFile {
  if (options.format === 'xlsx') {
    return { fileName: `${options.baseName}.xlsx`, mimeType: XLSX_MIME_TYPE, base64: Buffer.from(writeWorkbook(rows, options.sheetName)).toString('base64') };
  }
  return { fileName: `${options.baseName}.csv`, mimeType: 'text/csv', text: writeCsv(rows, options.delimiter) };
}
