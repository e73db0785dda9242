import type { Message } from './i18n/message';
import type { Translator } from './i18n/translator';

/** One thing wrong with an imported file: where it is (row, field) and why. */
export interface ImportProblem {
  /** The spreadsheet row (the header is row 1) or JSON item (from 1); null for the file as a whole. */
  row: number | null;
  field?: string;
  /** Why, in English (the log, the CLI, older readers); `words` has it as catalog words when Bridgekeeper wrote it. */
  message: string;
  words?: Message;
}

export type ImportMode = 'all-or-nothing' | 'valid-only';

/**
 * What to do with rows whose id is already a profile: refuse them (each is a problem, as a typo
 * in an id would be), update those profiles from the file, or skip them and keep what is there.
 */
export const EXISTING_ROW_CHOICES = ['refuse', 'update', 'skip'] as const;
export type ExistingRows = (typeof EXISTING_ROW_CHOICES)[number];

/** One existing profile a re-import would change: each changed field, before and after. */
export interface ProfileChange {
  id: string;
  name: string;
  fields: { field: string; before: string; after: string }[];
  /** The change points the profile at another login: its tokens are forgotten and it must be reconnected. */
  reconnect: boolean;
}

/** What importing a file would do, before anything is written. */
export interface ImportPreview {
  fileName: string;
  totalRows: number;
  /** Rows that would become new profiles. */
  added: number;
  /** Existing profiles the file changes, if updated. */
  changes: ProfileChange[];
  /** Existing profiles the file holds exactly as they are. */
  unchanged: number;
  /** Everything else wrong with the file (existing ids are not a problem here). */
  problems: ImportProblem[];
}

export interface ImportReport {
  fileName: string;
  format: 'csv' | 'xlsx' | 'json';
  totalRows: number;
  validRows: number;
  /** How many new profiles were written: all rows, the valid ones (if asked), or none. */
  imported: number;
  /** Existing profiles changed from the file (when asked to update them). */
  updated: number;
  /** Rows of existing profiles left as they were: skipped when asked, or already the same. */
  skipped: number;
  problems: ImportProblem[];
}

/** "row 4, apiUser: must be an email address" — the form every message about a row takes. */
export function describeProblem(fileName: string, problem: ImportProblem): string {
  const where = problem.row === null ? fileName : `${fileName}, row ${problem.row}`;
  const field = problem.field ? `, ${problem.field}` : '';
  return `${where}${field}: ${problem.message}`;
}

/** describeProblem in the reader's language: the field by its label, the reason in words when main sent them. */
export function problemText({ t, text }: Pick<Translator, 't' | 'text'>, fileName: string, problem: ImportProblem, fieldLabel: (field: string) => string): string {
  const reason = problem.words ? text(problem.words) : problem.message;
  if (problem.row === null) return t('profiles.problem.file', { file: fileName, problem: reason });
  if (!problem.field) return t('profiles.problem.row', { file: fileName, row: problem.row, problem: reason });
  return t('profiles.problem.row-field', { file: fileName, row: problem.row, field: fieldLabel(problem.field), problem: reason });
}
