import type { z } from 'zod';
import type { ExportedFile, ExportFormat, FileText } from '../../shared/api';
import type { ImportProblem } from '../../shared/import-report';
import { OPTIONAL_PROFILE_FIELDS, PROFILE_FIELDS, PROFILE_FIELD_LABELS, type ProfileDefinition } from '../../shared/profile';
import { ProfileDefinitionSchema } from '../../shared/profile-schema';
import { CsvSyntaxError, parseCsv } from '../csv/parse-csv';
import { writeCsv } from '../csv/write-csv';

/** The JSON export's envelope; a bare array of profiles is accepted on import too. */
export const PROFILE_FILE_FORMAT = 'bridgekeeper-profiles';

export interface ParsedRow {
  row: number;
  definition?: ProfileDefinition;
  problems: ImportProblem[];
}

export interface ParsedProfileFile {
  format: 'csv' | 'json';
  rows: ParsedRow[];
  /** Problems with the file as a whole: unreadable, missing columns. No row is usable then. */
  fileProblems: ImportProblem[];
}

export function detectFormat(file: FileText): 'csv' | 'json' {
  const lower = file.name.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  return /^[\uFEFF\s]*[[{]/.test(file.text) ? 'json' : 'csv';
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
      return typeof field === 'string' ? { row, field, message: issue.message } : { row, message: issue.message };
    }),
  };
}

function parseCsvRows(text: string): ParsedProfileFile {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { format: 'csv', rows: [], fileProblems: [{ row: null, message: error.message }] };
    throw error;
  }
  const [header, ...data] = records;
  if (!header) return { format: 'csv', rows: [], fileProblems: [{ row: null, message: 'the file is empty' }] };
  const columns = header.cells.map((cell) => COLUMN_BY_HEADER.get(normalizeHeader(cell.trim())));
  const missing = PROFILE_FIELDS.filter((field) => !columns.includes(field) && !OPTIONAL_PROFILE_FIELDS.includes(field));
  if (missing.length > 0) {
    return {
      format: 'csv',
      rows: [],
      fileProblems: [
        {
          row: 1,
          message: `the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected: ${PROFILE_FIELDS.filter((f) => !OPTIONAL_PROFILE_FIELDS.includes(f)).join(', ')}; and for a direct profile environmentId, for a portal profile portalId and portalUrl)`,
        },
      ],
    };
  }
  const rows = data.map((record, index) => {
    const row = index + 2; // spreadsheet numbering: the header is row 1
    const candidate: Record<string, string> = {};
    columns.forEach((field, column) => {
      if (field) candidate[field] = record.cells[column] ?? '';
    });
    return validate(row, candidate);
  });
  return { format: 'csv', rows, fileProblems: [] };
}

function parseJsonRows(text: string): ParsedProfileFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { format: 'json', rows: [], fileProblems: [{ row: null, message: `not valid JSON (${(error as Error).message})` }] };
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
      fileProblems: [{ row: null, message: 'expected a list of profiles, or an object with a "profiles" list' }],
    };
  }
  return { format: 'json', rows: items.map((item, index) => validate(index + 1, item)), fileProblems: [] };
}

/** Reads a profile list; every row is checked on its own, so every bad row is named. */
export function parseProfileFile(file: FileText): ParsedProfileFile {
  return detectFormat(file) === 'json' ? parseJsonRows(file.text) : parseCsvRows(file.text);
}

export function writeProfileFile(format: ExportFormat, profiles: readonly ProfileDefinition[], now = new Date()): ExportedFile {
  const day = now.toISOString().slice(0, 10);
  const definitions = profiles.map((p) => Object.fromEntries(PROFILE_FIELDS.map((field) => [field, p[field]])));
  if (format === 'json') {
    return {
      fileName: `bridgekeeper-profiles-${day}.json`,
      mimeType: 'application/json',
      text: JSON.stringify({ format: PROFILE_FILE_FORMAT, version: 1, profiles: definitions }, null, 2) + '\n',
    };
  }
  return {
    fileName: `bridgekeeper-profiles-${day}.csv`,
    mimeType: 'text/csv',
    text: writeCsv([[...PROFILE_FIELDS], ...profiles.map((p) => PROFILE_FIELDS.map((field) => p[field]))]),
  };
}
