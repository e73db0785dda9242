import { type ColumnMapping, USER_FIELDS, type UserField, type UserFileProblem } from '../../shared/severa-check';
import { fileProblem } from './file-problem';
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

function findMapped(headers: readonly string[], field: UserField, wanted: string, problems: UserFileProblem[]): number | null {
  const key = normalizeHeader(wanted);
  const matches = headers.flatMap((header, index) => (normalizeHeader(header) === key ? [index] : []));
  if (matches.length === 1) return matches[0]!;
  problems.push(
    matches.length === 0
      ? fileProblem(1, field, 'severa.file.mappedMissing', { wanted, headers: quoteList(headers) })
      : fileProblem(1, field, 'severa.file.mappedTwice', { wanted, count: matches.length }),
  );
  return null;
}

/** The header whose name is the most preferred variant; two columns with that same name are ambiguous. */
function findByName(headers: readonly string[], field: UserField, problems: UserFileProblem[]): number | null {
  const normalized = headers.map(normalizeHeader);
  for (const variant of HEADER_VARIANTS[field]) {
    const matches = normalized.flatMap((header, index) => (header === variant ? [index] : []));
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      problems.push(fileProblem(1, field, 'severa.file.ambiguous', { count: matches.length, field, headers: quoteList(matches.map((i) => headers[i]!)) }));
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
): { columns: ColumnIndexes; problems: UserFileProblem[] } {
  const problems: UserFileProblem[] = [];
  const columns = {} as ColumnIndexes;
  for (const field of USER_FIELDS) {
    const wanted = mapping[field];
    columns[field] =
      wanted === null ? null : wanted !== undefined ? findMapped(headers, field, wanted, problems) : findByName(headers, field, problems);
  }
  for (const field of required) {
    if (columns[field] !== null || mapping[field] === null || problems.some((p) => p.field === field)) continue;
    problems.push(fileProblem(1, field, 'severa.file.noColumn', { field, headers: quoteList(headers), examples: EXAMPLE_HEADERS[field] }));
  }
  // The helpers speak of the header as row 1; a title above it moves it down.
  return { columns, problems: problems.map((problem) => ({ ...problem, row: headerRow })) };
}
