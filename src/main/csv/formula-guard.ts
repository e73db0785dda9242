/**
 * CSV formula injection (OWASP): a cell that starts with = + - @ tab or CR is a formula to
 * Excel and LibreOffice. The one CSV writer prefixes such a cell with ' and the one reader takes
 * that ' off again, so a name like "-5 Orders" survives a round trip. Cells that already start
 * with ' before such a character get one more, so reading back is exact for every text.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export const neutraliseFormula = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

export const restoreFormula = (value: string): string => (value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value);
