import { validationWords } from '../../shared/field-schemas';
import { inWords } from '../in-words';
import type { z } from 'zod';
import type { ExportedFile, ExportFormat } from '../../shared/api';
import type { ImportProblem } from '../../shared/import-report';
import { OPTIONAL_PROFILE_FIELDS, PROFILE_FIELDS, PROFILE_FIELD_LABELS, type ProfileDefinition } from '../../shared/profile';
import { ProfileDefinitionSchema } from '../../shared/profile-schema';
import type { CsvDelimiter } from '../../shared/severa-check';
import type { FileBytes } from '../../shared/severa-panel';
import { decodeText } from '../tables/decode-text';
import { exportTable } from '../tables/export-table';
import { fileKind } from '../tables/file-kind';
import type { WorkbookIsolation } from '../tables/read-workbook-isolated';
import { findHeader, readTableIsolated, unreadableWords, type TableRecord } from '../tables/read-table';

/** The JSON export's envelope; a bare array of profiles is accepted on import too. */
export const PROFILE_FILE_FORMAT = 'bridgekeeper-profiles';

export interface ParsedRow {
  row: number;
  definition?: ProfileDefinition;
  problems: ImportProblem[];
}

export interface ParsedProfileFile {
  format: 'csv' | 'xlsx' | 'json';
  rows: ParsedRow[];
  /** Problems with the file as a whole: unreadable, missing columns. No row is usable then. */
  fileProblems: ImportProblem[];
}

/**
 * JSON by content or name; anything else goes to the one table reader, which tells a workbook from
 * CSV by content and sniffs the CSV's delimiter and encoding.
 */
function isJson(name: string, bytes: Uint8Array): boolean {
  if (fileKind(bytes).kind !== 'text') return false;
  if (name.toLowerCase().endsWith('.json')) return true;
  return /^\s*[[{]/.test(decodeText(bytes.subarray(0, 64)).text);
}

/** "Company id", "company_id" and "companyId" all name the same column. */
const normalizeHeader = (header: string): string => header.toLowerCase().replace(/[\s_-]+/g, '');
const COLUMN_BY_HEADER = new Map<string, (typeof PROFILE_FIELDS)[number]>(
  PROFILE_FIELDS.flatMap((field) => [
    [normalizeHeader(field), field],
    [normalizeHeader(PROFILE_FIELD_LABELS[field]), field],
  ]),
);

function validate(row: number, candidate: unknown): ParsedRow {
  const result = ProfileDefinitionSchema.safeParse(candidate);
  if (result.success) return { row, definition: result.data, problems: [] };
  return {
    row,
    problems: result.error.issues.map((issue: z.core.$ZodIssue) => {
      const field = issue.path[0];
      const words = validationWords(issue.message);
      const why = { message: issue.message, ...(words ? { words } : {}) };
      return typeof field === 'string' ? { row, field, ...why } : { row, ...why };
    }),
  };
}

const REQUIRED_FIELDS = PROFILE_FIELDS.filter((field) => !OPTIONAL_PROFILE_FIELDS.includes(field));
const columnsOf = (cells: readonly string[]) => cells.map((cell) => COLUMN_BY_HEADER.get(normalizeHeader(cell.trim())));

async function parseTableRows(bytes: Uint8Array, isolation?: WorkbookIsolation): Promise<ParsedProfileFile> {
  const read = await readTableIsolated(bytes, isolation ? { isolation } : {});
  if (!read.ok) return { format: 'csv', rows: [], fileProblems: [read.problem] };
  const { format, records, unreadable } = read.table;
  if (records.length === 0 && unreadable.length > 0) return { format, rows: [], fileProblems: unreadable };
  if (records.length === 0) return { format, rows: [], fileProblems: [{ row: null, ...inWords('profiles.invalid.empty-file') }] };
  const headerIndex = findHeader(records, (cells) => REQUIRED_FIELDS.every((field) => columnsOf(cells).includes(field)));
  const header = records[headerIndex]!;
  // A row that could not be decoded cleanly is a problem of its own, never a profile with a
  // guessed name; at or above the header, the columns themselves are a guess: nothing is usable.
  const damagedAbove = unreadable.filter((problem) => problem.row === null || problem.row <= header.row);
  if (damagedAbove.length > 0) return { format, rows: [], fileProblems: damagedAbove };
  const columns = columnsOf(header.cells);
  const missing = REQUIRED_FIELDS.filter((field) => !columns.includes(field));
  if (missing.length > 0) {
    return {
      format,
      rows: [],
      fileProblems: [
        {
          row: header.row,
          ...inWords('profiles.invalid.header', { count: missing.length, missing: missing.join(', '), expected: REQUIRED_FIELDS.join(', ') }),
        },
      ],
    };
  }
  const damaged = new Map(unreadable.map((problem) => [problem.row, problem]));
  const rows = records.slice(headerIndex + 1).map((record: TableRecord): ParsedRow => {
    const damage = damaged.get(record.row);
    if (damage) {
      damaged.delete(record.row);
      return { row: record.row, problems: [damage] };
    }
    const candidate: Record<string, string> = {};
    columns.forEach((field, column) => {
      if (field) candidate[field] = record.cells[column] ?? '';
    });
    return validate(record.row, candidate);
  });
  // A damaged row that reads as blank is still a row the file holds.
  for (const [row, problem] of damaged) if (row !== null) rows.push({ row, problems: [problem] });
  rows.sort((a, b) => a.row - b.row);
  return { format, rows, fileProblems: [] };
}

function parseJsonRows(text: string): ParsedProfileFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { format: 'json', rows: [], fileProblems: [{ row: null, ...inWords('profiles.invalid.not-json', { detail: (error as Error).message }) }] };
  }
  const items = Array.isArray(parsed)
    ? parsed
    : parsed !== null && typeof parsed === 'object' && Array.isArray((parsed as { profiles?: unknown }).profiles)
      ? (parsed as { profiles: unknown[] }).profiles
      : null;
  if (!items) {
    return {
      format: 'json',
      rows: [],
      fileProblems: [{ row: null, ...inWords('profiles.invalid.no-list') }],
    };
  }
  return { format: 'json', rows: items.map((item, index) => validate(index + 1, item)), fileProblems: [] };
}

/**
 * Reads a profile list (JSON, CSV or .xlsx; a workbook in the workbook worker, `isolation` its cap,
 * injected only by tests); every row is checked on its own, so every bad row is named.
 */
export async function parseProfileFile(file: FileBytes, isolation?: WorkbookIsolation): Promise<ParsedProfileFile> {
  const bytes = Buffer.from(file.base64, 'base64');
  if (!isJson(file.name, bytes)) return parseTableRows(bytes, isolation);
  const decoded = decodeText(bytes);
  if (decoded.damaged.length > 0) {
    // JSON's rows are its items, not its lines: a line that could not be decoded cleanly spoils the file.
    const fileProblems = decoded.damaged.map(({ line, damage }) => ({ row: null, ...inWords('profiles.invalid.at-line', { line, problem: unreadableWords(damage).words }) }));
    return { format: 'json', rows: [], fileProblems };
  }
  return parseJsonRows(decoded.text);
}

export function writeProfileFile(format: ExportFormat, profiles: readonly ProfileDefinition[], delimiter: CsvDelimiter, now = new Date()): ExportedFile {
  const baseName = `bridgekeeper-profiles-${now.toISOString().slice(0, 10)}`;
  if (format === 'json') {
    const definitions = profiles.map((p) => Object.fromEntries(PROFILE_FIELDS.map((field) => [field, p[field]])));
    return {
      fileName: `${baseName}.json`,
      mimeType: 'application/json',
      text: JSON.stringify({ format: PROFILE_FILE_FORMAT, version: 1, profiles: definitions }, null, 2) + '\n',
    };
  }
  const rows = [[...PROFILE_FIELDS], ...profiles.map((p) => PROFILE_FIELDS.map((field) => p[field] ?? ''))];
  return exportTable(rows, { format, delimiter, baseName, sheetName: 'Profiles' });
}
