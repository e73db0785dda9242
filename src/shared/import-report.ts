/** One thing wrong with an imported file: where it is (row, field) and why. */
export interface ImportProblem {
  /** The spreadsheet row (the header is row 1) or JSON item (from 1); null for the file as a whole. */
  row: number | null;
  field?: string;
  message: string;
}

export type ImportMode = 'all-or-nothing' | 'valid-only';

export interface ImportReport {
  fileName: string;
  format: 'csv' | 'xlsx' | 'json';
  totalRows: number;
  validRows: number;
  /** How many profiles were written: all rows, the valid ones (if asked), or none. */
  imported: number;
  problems: ImportProblem[];
}

/** "row 4, apiUser: must be an email address" — the form every message about a row takes. */
export function describeProblem(fileName: string, problem: ImportProblem): string {
  const where = problem.row === null ? fileName : `${fileName}, row ${problem.row}`;
  const field = problem.field ? `, ${problem.field}` : '';
  return `${where}${field}: ${problem.message}`;
}
