import type { ImportProblem } from '../../shared/import-report';
import {
  type AzetsUser,
  type ColumnMapping,
  type SeveraUser,
  USER_FIELDS,
  type UserField,
  type UserFileInfo,
} from '../../shared/severa-check';
import { CsvSyntaxError, parseCsv, type CsvRecord } from '../csv/parse-csv';
import { decodeText, type DecodedText } from './decode-text';
import { ACTIVE_VALUES_HINT, parseActive } from './parse-active';
import { type ColumnIndexes, resolveColumns } from './resolve-columns';
import { sniffDelimiter } from './sniff-delimiter';

export interface ReadUserFileOptions {
  /** Named in every message, so the admin knows which of the two files is meant. */
  fileName: string;
  columns?: ColumnMapping;
}

export type UserFileResult<User> =
  | { ok: true; users: User[]; file: UserFileInfo }
  /** `file` is there once the header could be read, so a panel can offer the column mapping. */
  | { ok: false; fileName: string; problems: ImportProblem[]; file: UserFileInfo | null };

const MAX_PROBLEMS = 50;

interface Table {
  decoded: DecodedText;
  delimiter: ReturnType<typeof sniffDelimiter>;
  records: CsvRecord[];
}

function decode(input: Uint8Array | string): DecodedText {
  return typeof input === 'string' ? { text: input.replace(/^\uFEFF/, ''), encoding: 'text' } : decodeText(input);
}

function countLineBreaks(value: string): number {
  return (value.match(/\r\n|\r|\n/g) ?? []).length;
}

/**
 * Spreadsheet row of each record: a blank line is a row of its own, a line break inside a quoted
 * cell is not. parseCsv gives the line each record starts on; subtract the extra lines earlier
 * multi-line cells took.
 */
function spreadsheetRows(records: readonly CsvRecord[], text: string): number[] {
  if (!text.includes('"')) return records.map((record) => record.line);
  let extraLines = 0;
  return records.map((record) => {
    const row = record.line - extraLines;
    for (const cell of record.cells) if (cell.includes('\n') || cell.includes('\r')) extraLines += countLineBreaks(cell);
    return row;
  });
}

function fileInfo(fileName: string, table: Table, headers: string[], columns: ColumnIndexes | null, notes: string[]): UserFileInfo {
  const named = {} as Record<UserField, string | null>;
  for (const field of USER_FIELDS) {
    const index = columns?.[field] ?? null;
    named[field] = index === null ? null : (headers[index] ?? null);
  }
  return {
    fileName,
    encoding: table.decoded.encoding,
    delimiter: table.delimiter,
    headers,
    columns: named,
    dataRows: Math.max(0, table.records.length - 1),
    notes,
  };
}

/**
 * "a@x.fi; Matti" exports put a space after every delimiter. When every email cell starts with a
 * space, that space is the file's layout, not part of the addresses: remove it (and say so), or
 * every user would be reported as having a stray space.
 */
function layoutSpace(records: readonly CsvRecord[], column: number | null): boolean {
  if (column === null || column === 0) return false;
  let seen = 0;
  for (let index = 1; index < records.length; index++) {
    const cell = records[index]!.cells[column];
    if (cell === undefined || cell === '') continue;
    if (!cell.startsWith(' ') || cell.startsWith('  ')) return false;
    seen++;
  }
  return seen > 0;
}

interface RowReader<User> {
  required: readonly UserField[];
  toUser(cell: (field: UserField) => string | undefined, row: number, problems: ImportProblem[], headerOf: (field: UserField) => string): User | null;
}

function readUsers<User>(input: Uint8Array | string, options: ReadUserFileOptions, reader: RowReader<User>): UserFileResult<User> {
  const { fileName } = options;
  const decoded = decode(input);
  const delimiter = sniffDelimiter(decoded.text);
  let records: CsvRecord[];
  try {
    records = parseCsv(decoded.text, delimiter);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { ok: false, fileName, problems: [{ row: error.line, message: error.message }], file: null };
  }
  const table: Table = { decoded, delimiter, records };
  const header = records[0];
  if (!header) return { ok: false, fileName, problems: [{ row: null, message: 'the file is empty' }], file: null };

  const headers = header.cells.map((cell) => cell.trim());
  const { columns, problems } = resolveColumns(headers, options.columns ?? {}, reader.required);
  const notes: string[] = [];
  const stripLayoutSpace = layoutSpace(records, columns.email);
  if (stripLayoutSpace) notes.push('Every value started with a space after the delimiter: read as layout and removed.');
  const info = fileInfo(fileName, table, headers, columns, notes);
  if (problems.length > 0) return { ok: false, fileName, problems, file: info };

  const rows = spreadsheetRows(records, decoded.text);
  const headerOf = (field: UserField): string => headers[columns[field]!] ?? field;
  const requiredColumns = reader.required.flatMap((field) => (columns[field] === null ? [] : [{ field, column: columns[field] }]));
  const users: User[] = [];
  let moreProblems = 0;
  let cells: readonly string[] = [];
  const cell = (field: UserField): string | undefined => {
    const column = columns[field];
    const value = column === null ? undefined : cells[column];
    return stripLayoutSpace && value?.startsWith(' ') ? value.slice(1) : value;
  };
  for (let index = 1; index < records.length; index++) {
    const record = records[index]!;
    const row = rows[index]!;
    cells = record.cells;
    const rowProblems: ImportProblem[] = [];
    if (cells.length > headers.length && cells.slice(headers.length).some((value) => value.trim() !== '')) {
      rowProblems.push({
        row,
        message: `the row has ${cells.length} values but the header has ${headers.length} columns: a value containing "${delimiter === '\t' ? 'tab' : delimiter}" must be in quotes`,
      });
    }
    for (const { field, column } of requiredColumns) {
      if (cells[column] === undefined) {
        rowProblems.push({ row, field: headerOf(field), message: `the row ends before this column (it has ${cells.length} values)` });
      }
    }
    const user = rowProblems.length === 0 ? reader.toUser(cell, row, rowProblems, headerOf) : null;
    if (user) users.push(user);
    for (const problem of rowProblems) {
      if (problems.length < MAX_PROBLEMS) problems.push(problem);
      else moreProblems++;
    }
  }
  if (moreProblems > 0) problems.push({ row: null, message: `and ${moreProblems} more problems like these` });
  if (problems.length > 0) return { ok: false, fileName, problems, file: info };
  return { ok: true, users, file: info };
}

const trimmedOrNull = (value: string | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

function personName(cell: (field: UserField) => string | undefined): string | null {
  const full = trimmedOrNull(cell('fullName'));
  if (full) return full;
  const first = trimmedOrNull(cell('firstName'));
  const last = trimmedOrNull(cell('lastName'));
  return first && last ? `${first} ${last}` : (first ?? last);
}

/**
 * An Azets Work user export. Emails are kept exactly as written (spaces, invisible characters
 * and case included): the check must see what Severa will see. An empty email is kept too: the
 * engine reports it as INVALID_EMAIL rather than dropping the user.
 */
export function readAzetsUsers(input: Uint8Array | string, options: ReadUserFileOptions): UserFileResult<AzetsUser> {
  return readUsers(input, options, {
    required: ['email'],
    toUser: (cell, row) => ({ email: cell('email') ?? '', name: personName(cell), row }),
  });
}

/** A Severa user export: email and active are needed (map active to null if the file has none). */
export function readSeveraUsers(input: Uint8Array | string, options: ReadUserFileOptions): UserFileResult<SeveraUser> {
  return readUsers(input, options, {
    required: ['email', 'active'],
    toUser: (cell, row, problems, headerOf) => {
      const activeCell = cell('active');
      let active: boolean | null = null;
      if (activeCell !== undefined) {
        active = parseActive(activeCell);
        if (active === null) {
          const shown = activeCell.trim() === '' ? 'empty' : `"${activeCell}"`;
          problems.push({ row, field: headerOf('active'), message: `${shown} is not ${ACTIVE_VALUES_HINT}` });
          return null;
        }
      }
      return { email: cell('email') ?? '', active, name: personName(cell), id: trimmedOrNull(cell('id')), row };
    },
  });
}
