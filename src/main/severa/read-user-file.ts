import {
  type AzetsUser,
  type ColumnMapping,
  type SeveraUser,
  USER_FIELDS,
  type UserField,
  type UserFileInfo,
  type UserFileProblem,
} from '../../shared/severa-check';
import { type Phrase, phrase } from '../../shared/severa-words';
import type { WorkbookIsolation } from '../tables/read-workbook-isolated';
import { findHeader, readTableIsolated, type Table, type TableRecord } from '../tables/read-table';
import { fileProblem } from './file-problem';
import { parseActive } from './parse-active';
import { type ColumnIndexes, resolveColumns } from './resolve-columns';

export interface ReadUserFileOptions {
  /** Named in every message, so the admin knows which of the two files is meant. */
  fileName: string;
  columns?: ColumnMapping;
  /** A workbook's sheet; the first when absent. */
  sheet?: string;
  /** The workbook worker's heap cap and time limit (tests inject a small one); the app's own otherwise. */
  isolation?: WorkbookIsolation;
}

export type UserFileResult<User> =
  | { ok: true; users: User[]; file: UserFileInfo }
  /** `file` is there once the header could be read, so a panel can offer the column mapping. */
  | { ok: false; fileName: string; problems: UserFileProblem[]; file: UserFileInfo | null };

const MAX_PROBLEMS = 50;

function fileInfo(fileName: string, table: Table, headerIndex: number, headers: string[], columns: ColumnIndexes | null, notes: Phrase[]): UserFileInfo {
  const named = {} as Record<UserField, string | null>;
  for (const field of USER_FIELDS) {
    const index = columns?.[field] ?? null;
    named[field] = index === null ? null : (headers[index] ?? null);
  }
  return {
    fileName,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    sheets: table.sheets,
    sheet: table.sheet,
    headerRow: table.records[headerIndex]?.row ?? 1,
    headers,
    columns: named,
    dataRows: Math.max(0, table.records.length - headerIndex - 1),
    notes,
  };
}

/** A cell that starts with exactly one space (empty and blank cells say nothing either way). */
const oneSpaceFirst = (cell: string | undefined): boolean | null =>
  cell === undefined || cell.trim() === '' ? null : cell.startsWith(' ') && !cell.startsWith('  ');

/**
 * "a@x.fi; Matti" exports put a space after every delimiter. That space is the file's layout, not
 * part of the addresses, when the layout proves it: a CSV (in a workbook a space is data, always)
 * in which every cell after a delimiter starts with exactly one space — the header's, the email
 * column's and every other column's. Then it is removed (and said), or every user would be
 * reported as having a stray space. Addresses that merely all start with a space keep it.
 */
function layoutSpace(table: Table, header: TableRecord, records: readonly TableRecord[], column: number | null): boolean {
  if (table.format !== 'csv' || column === null || column === 0) return false;
  // The email column first: in almost every file its first address already says no.
  let seen = 0;
  for (const record of records) {
    const first = oneSpaceFirst(record.cells[column]);
    if (first === false) return false;
    if (first) seen++;
  }
  if (seen === 0) return false;
  // The header after each delimiter: a header cell without the space is no "a; b" layout.
  if (oneSpaceFirst(header.cells[column]) !== true || header.cells.slice(1).some((cell) => oneSpaceFirst(cell) === false)) return false;
  for (const record of records) {
    for (let index = 1; index < record.cells.length; index++) if (index !== column && oneSpaceFirst(record.cells[index]) === false) return false;
  }
  return true;
}

interface RowReader<User> {
  required: readonly UserField[];
  /** `keep` makes a text the user keeps a string of its own (see `own`). */
  toUser(cell: (field: UserField) => string | undefined, row: number, problems: UserFileProblem[], headerOf: (field: UserField) => string, keep: (text: string) => string): User | null;
}

async function readUsers<User>(input: Uint8Array | string, options: ReadUserFileOptions, reader: RowReader<User>): Promise<UserFileResult<User>> {
  const { fileName } = options;
  const isolation = options.isolation ? { isolation: options.isolation } : {};
  const read = await readTableIsolated(input, { ...(options.sheet === undefined ? {} : { sheet: options.sheet }), ...isolation });
  if (!read.ok) return { ok: false, fileName, problems: [read.problem], file: null };
  const mapping = options.columns ?? {};
  const isHeader = (cells: readonly string[]) => resolveColumns(cells.map((cell) => cell.trim()), mapping, reader.required).problems.length === 0;
  const hasHeader = (records: readonly TableRecord[]) => records.length > 0 && isHeader(records[findHeader(records, isHeader)]!.cells);
  let { table } = read;
  const notes: Phrase[] = [];
  // No sheet chosen and the first one is not a user list (a help or title sheet): the first sheet that is.
  if (options.sheet === undefined && table.sheets.length > 1 && !hasHeader(table.records)) {
    for (const sheet of table.sheets.slice(1)) {
      const other = await readTableIsolated(input, { sheet, ...isolation });
      if (!other.ok || !hasHeader(other.table.records)) continue;
      notes.push(phrase('severa.file.sheetChosen', { sheet, first: table.sheet ?? table.sheets[0]! }));
      table = other.table;
      break;
    }
  }
  if (table.records.length === 0) return { ok: false, fileName, problems: [fileProblem(null, undefined, 'severa.file.empty')], file: null };

  const headerIndex = findHeader(table.records, isHeader);
  const header = table.records[headerIndex]!;
  const headers = header.cells.map((cell) => cell.trim());
  const { columns, problems } = resolveColumns(headers, mapping, reader.required, header.row);
  const records = table.records.slice(headerIndex + 1);
  if (headerIndex > 0 || header.row > 1) notes.push(phrase('severa.file.headerBelowTitle', { row: header.row }));
  const stripLayoutSpace = layoutSpace(table, header, records, columns.email);
  if (stripLayoutSpace) notes.push(phrase('severa.file.layoutSpaceRemoved'));
  const info = fileInfo(fileName, table, headerIndex, headers, columns, notes);
  // Rows that could not be decoded cleanly are problems of their own, never users with a guessed
  // address or name (an email's own invisible characters are kept: the check reports those).
  const unreadable = new Map(table.unreadable.map((problem) => [problem.row, problem]));
  const dataRows = table.unreadable.length === 0 ? null : new Set(records.map((record) => record.row));
  const unreadableOutside = table.unreadable.filter((problem) => problem.row === null || !dataRows!.has(problem.row));
  if (problems.length > 0) return { ok: false, fileName, problems: [...unreadableOutside, ...problems], file: info };
  problems.push(...unreadableOutside);

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
  const separator = table.delimiter === '\t' ? 'tab' : (table.delimiter ?? ',');
  // A workbook's cells come from the worker, strings of their own already; a CSV's are slices of its text.
  const keep = table.format === 'csv' ? own : (text: string) => text;
  for (const record of records) {
    const row = record.row;
    cells = record.cells;
    const rowProblems: UserFileProblem[] = [];
    const damage = unreadable.get(row);
    if (damage) {
      rowProblems.push(damage);
    } else {
      if (cells.length > headers.length && cells.slice(headers.length).some((value) => value.trim() !== '')) {
        rowProblems.push(fileProblem(row, undefined, 'severa.file.rowWidth', { count: cells.length, columns: headers.length, separator }));
      }
      for (const { field, column } of requiredColumns) {
        if (cells[column] === undefined) {
          rowProblems.push(fileProblem(row, headerOf(field), 'severa.file.rowEnds', { count: cells.length }));
        }
      }
    }
    const user = rowProblems.length === 0 ? reader.toUser(cell, row, rowProblems, headerOf, keep) : null;
    if (user) users.push(user);
    for (const problem of rowProblems) {
      if (problems.length < MAX_PROBLEMS) problems.push(problem);
      else moreProblems++;
    }
  }
  if (moreProblems > 0) problems.push(fileProblem(null, undefined, 'severa.file.moreProblems', { count: moreProblems }));
  if (problems.length > 0) return { ok: false, fileName, problems, file: info };
  return { ok: true, users, file: info };
}

/**
 * A cell's text as a string of its own. The CSV reader's cells are slices of the whole file's text,
 * and one kept slice keeps all of that text (twice its size in bytes once any character is past
 * Latin-1): the texts users keep are copied, so the file's text goes once the file is read. Two
 * parts joined make a new flat string (V8 returns a lone part, or a short slice, as it is).
 */
const own = (text: string): string => (text.length < 13 ? text : [text.slice(0, 1), text.slice(1)].join(''));

const trimmedOrNull = (value: string | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** The person's name, a string of its own (see `own`). */
function personName(cell: (field: UserField) => string | undefined, keep: (text: string) => string): string | null {
  const full = trimmedOrNull(cell('fullName'));
  if (full) return keep(full);
  const first = trimmedOrNull(cell('firstName'));
  const last = trimmedOrNull(cell('lastName'));
  // Joined, not concatenated: one new flat string, rather than a chain holding both cells.
  const one = first ?? last;
  return first && last ? [first, last].join(' ') : one && keep(one);
}

/**
 * An Azets Work user export. Emails are kept exactly as written (spaces, invisible characters
 * and case included): the check must see what Severa will see. An empty email is kept too: the
 * engine reports it as INVALID_EMAIL rather than dropping the user.
 */
export function readAzetsUsers(input: Uint8Array | string, options: ReadUserFileOptions): Promise<UserFileResult<AzetsUser>> {
  return readUsers(input, options, {
    required: ['email'],
    toUser: (cell, row, _problems, _headerOf, keep) => ({ email: keep(cell('email') ?? ''), name: personName(cell, keep), row }),
  });
}

/** A Severa user export: email and active are needed (map active to null if the file has none). */
export function readSeveraUsers(input: Uint8Array | string, options: ReadUserFileOptions): Promise<UserFileResult<SeveraUser>> {
  return readUsers(input, options, {
    required: ['email', 'active'],
    toUser: (cell, row, problems, headerOf, keep) => {
      const activeCell = cell('active');
      let active: boolean | null = null;
      if (activeCell !== undefined) {
        active = parseActive(activeCell);
        if (active === null) {
          problems.push(
            activeCell.trim() === ''
              ? fileProblem(row, headerOf('active'), 'severa.file.activeEmpty')
              : fileProblem(row, headerOf('active'), 'severa.file.notYesNo', { value: activeCell }),
          );
          return null;
        }
      }
      const id = trimmedOrNull(cell('id'));
      return { email: keep(cell('email') ?? ''), active, name: personName(cell, keep), id: id && keep(id), row };
    },
  });
}
