import type { ImportProblem } from '../../shared/import-report';
import { type ColumnMapping, USER_FIELDS, type UserField } from '../../shared/severa-check';
import { HEADER_VARIANTS, normalizeHeader } from './header-variants';

/** The column index holding each field, or null when the file has none. */
export type ColumnIndexes = Record<UserField, number | null>;

const quoteList = (names: readonly string[]): string => names.map((name) => `"${name}"`).join(', ');

/** The user's own header names are what a message should show: "E-mail", not "email". */
const EXAMPLE_HEADERS: Record<UserField, string> = {
  email: 'email, e-mail, sähköposti, e-post',
  active: 'active, is active, aktiivinen, aktiv, status',
  firstName: 'first name, etunimi, förnamn',
  lastName: 'last name, sukunimi, efternamn',
  fullName: 'name, full name, nimi, namn',
  id: 'guid, id, user code',
};

function findMapped(headers: readonly string[], field: UserField, wanted: string, problems: ImportProblem[]): number | null {
  const key = normalizeHeader(wanted);
  const matches = headers.flatMap((header, index) => (normalizeHeader(header) === key ? [index] : []));
  if (matches.length === 1) return matches[0]!;
  problems.push({
    row: 1,
    field,
    message:
      matches.length === 0
        ? `the column mapping names "${wanted}", but the header has no such column (it has ${quoteList(headers)})`
        : `the column mapping names "${wanted}", but ${matches.length} columns are called that: rename one`,
  });
  return null;
}

/** The header whose name is the most preferred variant; two columns with that same name are ambiguous. */
function findByName(headers: readonly string[], field: UserField, problems: ImportProblem[]): number | null {
  const normalized = headers.map(normalizeHeader);
  for (const variant of HEADER_VARIANTS[field]) {
    const matches = normalized.flatMap((header, index) => (header === variant ? [index] : []));
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      problems.push({
        row: 1,
        field,
        message: `${matches.length} columns could hold the ${field} (${quoteList(matches.map((i) => headers[i]!))}): choose one in the column mapping`,
      });
      return null;
    }
  }
  return null;
}

/**
 * Which column holds which field: the caller's mapping where given, otherwise the header names
 * (case-insensitive, with the common variants). Required fields that cannot be found are problems
 * on row 1 naming the field, the headers the file has and the names that would have been found.
 */
export function resolveColumns(
  headers: readonly string[],
  mapping: ColumnMapping,
  required: readonly UserField[],
  headerRow = 1,
): { columns: ColumnIndexes; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const columns = {} as ColumnIndexes;
  for (const field of USER_FIELDS) {
    const wanted = mapping[field];
    columns[field] =
      wanted === null ? null : wanted !== undefined ? findMapped(headers, field, wanted, problems) : findByName(headers, field, problems);
  }
  for (const field of required) {
    if (columns[field] !== null || mapping[field] === null || problems.some((p) => p.field === field)) continue;
    problems.push({
      row: 1,
      field,
      message: `no ${field} column: the header has ${quoteList(headers)}; expected one named like ${EXAMPLE_HEADERS[field]} (or choose the column in the column mapping)`,
    });
  }
  // The helpers speak of the header as row 1; a title above it moves it down.
  return { columns, problems: problems.map((problem) => ({ ...problem, row: headerRow })) };
}
