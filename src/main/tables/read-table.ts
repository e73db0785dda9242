import type { ImportProblem } from '../../shared/import-report';
import type { CsvDelimiter, TextEncodingName } from '../../shared/severa-check';
import { mayHoldFormulaGuard, restoreFormula } from '../csv/formula-guard';
import { CsvSyntaxError, parseCsv, type CsvRecord } from '../csv/parse-csv';
import { inWords } from '../in-words';
import { decodeText, type DamagedLine, type DecodedText, type LineDamage } from './decode-text';
import { fileKind } from './file-kind';
import { readWorkbook, type WorkbookSheet } from './read-workbook';
import { readWorkbookIsolated, type WorkbookIsolation } from './read-workbook-isolated';
import { sniffDelimiter } from './sniff-delimiter';
import { WorkbookRefused, type WorkbookLimits } from './workbook-limits';

/** One row of a table, with its spreadsheet row number (what Excel shows at the left). */
export interface TableRecord {
  cells: string[];
  row: number;
}

/**
 * Every file the app takes in (user lists, profile lists) as rows of text: CSV in any of the ways
 * Nordic Excel writes it, or an .xlsx workbook, recognised by content whatever the name says.
 */
export interface Table {
  format: 'csv' | 'xlsx';
  /** CSV only. */
  encoding: TextEncodingName | null;
  delimiter: CsvDelimiter | null;
  /** Workbook only: every sheet's name and the one read. */
  sheets: string[];
  sheet: string | null;
  /** Rows with something in them: blank rows and rows of only delimiters are left out. */
  records: TableRecord[];
  /**
   * CSV only: the rows that could not be decoded cleanly (decode-text.ts), one problem each, by row.
   * Their cells are a guess: a caller reports them and stores nothing from them.
   */
  unreadable: ImportProblem[];
}

export type TableResult = { ok: true; table: Table } | { ok: false; problem: ImportProblem };

export interface ReadTableOptions {
  /** The workbook's sheet to read; the first when absent. */
  sheet?: string;
  workbookLimits?: WorkbookLimits;
}

export interface ReadTableIsolatedOptions extends ReadTableOptions {
  /** The worker's heap cap and time limit; WORKBOOK_ISOLATION unless a test injects its own. */
  isolation?: WorkbookIsolation;
}

const hasContent = (cells: readonly string[]): boolean => cells.some((cell) => cell.trim() !== '');

function countLineBreaks(value: string): number {
  return (value.match(/\r\n|\r|\n/g) ?? []).length;
}

/**
 * Spreadsheet row of each record: a blank line is a row of its own, a line break inside a quoted
 * cell is not. parseCsv gives the line each record starts on; subtract the extra lines earlier
 * multi-line cells took.
 */
function spreadsheetRows(records: readonly CsvRecord[], text: string, firstLine: number): number[] {
  if (!text.includes('"')) return records.map((record) => record.line + firstLine - 1);
  let extraLines = 0;
  return records.map((record) => {
    const row = record.line + firstLine - 1 - extraLines;
    for (const cell of record.cells) if (cell.includes('\n') || cell.includes('\r')) extraLines += countLineBreaks(cell);
    return row;
  });
}

const DAMAGE_WORD: Record<LineDamage, string> = { 'not-utf-8': 'mixed', 'undefined-byte': 'undefined', 'broken-utf-16': 'utf16' };

/** Why a line could not be read cleanly, in words. */
export function unreadableWords(damage: LineDamage): ReturnType<typeof inWords> {
  return inWords('profiles.invalid.unreadable', { damage: DAMAGE_WORD[damage] });
}

/**
 * The spreadsheet row of each damaged line: the record whose lines hold it (a quoted cell may span
 * several lines). `firstLine` is the line the parsed text starts on.
 */
function unreadableRows(damaged: readonly DamagedLine[], records: readonly CsvRecord[], rows: readonly number[], firstLine: number): ImportProblem[] {
  if (damaged.length === 0) return [];
  const problems = new Map<number, ImportProblem>();
  let index = 0;
  for (const { line, damage } of damaged) {
    // The last record starting on or before the line holds it (lines are in order).
    while (index + 1 < records.length && records[index + 1]!.line + firstLine - 1 <= line) index++;
    const record = records[index];
    const row = record && record.line + firstLine - 1 <= line ? rows[index]! : line;
    if (!problems.has(row)) problems.set(row, { row, ...unreadableWords(damage) });
  }
  return [...problems.values()];
}

/** Excel's "sep=;" first line names the delimiter and is no row of data. */
const SEP_LINE = /^sep=([,;\t])[ \t]*(\r\n|\r|\n|$)/i;

function readCsv(decoded: DecodedText): TableResult {
  let text = decoded.text;
  let delimiter: CsvDelimiter;
  let firstLine = 1;
  const sep = SEP_LINE.exec(text);
  if (sep) {
    delimiter = sep[1] as CsvDelimiter;
    text = text.slice(sep[0].length);
    firstLine = 2;
  } else {
    delimiter = sniffDelimiter(text);
  }
  let records: CsvRecord[];
  try {
    records = parseCsv(text, delimiter);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { ok: false, problem: { row: error.line + firstLine - 1, message: error.message } };
  }
  const rows = spreadsheetRows(records, text, firstLine);
  const unreadable = unreadableRows(decoded.damaged, records, rows, firstLine);
  const table: TableRecord[] = [];
  records.forEach((record, index) => {
    const { cells } = record;
    if (!hasContent(cells)) return;
    for (let i = 0; i < cells.length; i++) if (mayHoldFormulaGuard(cells[i]!)) cells[i] = restoreFormula(cells[i]!);
    table.push({ cells, row: rows[index]! });
  });
  return { ok: true, table: { format: 'csv', encoding: decoded.encoding, delimiter, sheets: [], sheet: null, records: table, unreadable } };
}

const workbookRefused = (error: WorkbookRefused): TableResult => ({ ok: false, problem: { row: null, message: `is an Excel workbook that cannot be used: ${error.message}` } });

function workbookTable(workbook: WorkbookSheet): TableResult {
  return {
    ok: true,
    table: {
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      sheets: workbook.sheets,
      sheet: workbook.sheet,
      records: workbook.rows.filter((record) => hasContent(record.cells)),
      unreadable: [],
    },
  };
}

function readXlsx(bytes: Uint8Array, options: ReadTableOptions): TableResult {
  try {
    return workbookTable(readWorkbook(bytes, options.sheet, options.workbookLimits));
  } catch (error) {
    if (error instanceof WorkbookRefused) return workbookRefused(error);
    throw error;
  }
}

async function readXlsxIsolated(bytes: Uint8Array, options: ReadTableIsolatedOptions): Promise<TableResult> {
  try {
    return workbookTable(await readWorkbookIsolated(bytes, options.sheet, options.workbookLimits, options.isolation));
  } catch (error) {
    if (error instanceof WorkbookRefused) return workbookRefused(error);
    throw error;
  }
}

/**
 * Bytes as they came from disk (or text already decoded, for tests and pasted input), read on the
 * calling thread: for files the app wrote itself and for tests of the parsing. A user's file goes
 * through readTableIsolated.
 */
export function readTable(input: Uint8Array | string, options: ReadTableOptions = {}): TableResult {
  if (typeof input === 'string') return readText(input);
  const kind = fileKind(input);
  if (kind.kind === 'xlsx') return readXlsx(input, options);
  return readNotWorkbook(input, kind);
}

/**
 * A user's file, as readTable reads it, but a workbook is read in a worker thread with a heap cap
 * and a time limit (issue 21, class 1): a hostile .xlsx is refused in words and the app goes on.
 * Text needs no worker.
 */
export async function readTableIsolated(input: Uint8Array | string, options: ReadTableIsolatedOptions = {}): Promise<TableResult> {
  if (typeof input === 'string') return readText(input);
  const kind = fileKind(input);
  if (kind.kind === 'xlsx') return readXlsxIsolated(input, options);
  return readNotWorkbook(input, kind);
}

function readText(input: string): TableResult {
  return readCsv({ text: input.replace(/^\uFEFF/, ''), encoding: 'text', damaged: [] });
}

function readNotWorkbook(input: Uint8Array, kind: ReturnType<typeof fileKind>): TableResult {
  if (kind.kind === 'not-a-table') return { ok: false, problem: { row: null, message: `is ${kind.what}` } };
  return readCsv(decodeText(input));
}

/**
 * Title and blank lines may stand above the header: the header is the first of the first rows
 * that `isHeader` accepts (it knows the columns it needs), or the first row when none does, so the
 * message about missing columns names the row a person would take for the header.
 */
export function findHeader(records: readonly TableRecord[], isHeader: (cells: readonly string[]) => boolean, scan = 20): number {
  const last = Math.min(records.length, scan);
  for (let index = 0; index < last; index++) if (isHeader(records[index]!.cells)) return index;
  return 0;
}
