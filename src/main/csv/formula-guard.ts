/**
 * CSV formula injection (OWASP): a cell that starts with = + - @ tab or CR is a formula to
 * Excel and LibreOffice. The one CSV writer prefixes such a cell with ' and the one reader takes
 * that ' off again, so a name like "-5 Orders" survives a round trip. Cells that already start
 * with ' before such a character get one more, so reading back is exact for every text.
 *
 * A cell can also start inside a value: the file is written in the locale's separator, but the
 * Excel that opens it may split on the other one (`,` or `;`), or a tool may split on tabs or lines
 * without honouring quotes. So every place a cell could start — the value's start and just after
 * each `,` `;` tab CR or LF in it — is guarded alike ("Acme,=cmd" is written "Acme,'=cmd"), and
 * the reader takes each guard off again: a ' is added only where the text after it would be a
 * formula, so whether one was added is plain to see, and a round trip is exact for every text.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** The same test at a given index (sticky). */
const FORMULA_AT = /'*[=+\-@\t\r]/y;
/** Where a cell could start inside a value: after either list separator, a tab or a line break. */
const CELL_BREAK = /[,;\t\r\n]/;

const isCellBreak = (code: number): boolean => code === 0x2c || code === 0x3b || code === 0x09 || code === 0x0d || code === 0x0a;

const formulaAt = (value: string, index: number): boolean => {
  FORMULA_AT.lastIndex = index;
  return FORMULA_AT.test(value);
};

/** The value with a ' before every would-be cell start (the value's start, and after each cell break) that a spreadsheet would run. */
export const neutraliseFormula = (value: string): string => {
  if (!CELL_BREAK.test(value)) return FORMULA_START.test(value) ? `'${value}` : value;
  let out = '';
  let from = 0;
  for (let start = 0; start <= value.length; start++) {
    if (start > 0 && !isCellBreak(value.charCodeAt(start - 1))) continue;
    if (formulaAt(value, start)) {
      out += `${value.slice(from, start)}'`;
      from = start;
    }
  }
  return out + value.slice(from);
};

/** neutraliseFormula undone: the ' before each guarded would-be cell start taken off. */
export const restoreFormula = (value: string): string => {
  if (!CELL_BREAK.test(value)) return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
  let out = '';
  let from = 0;
  for (let start = 0; start < value.length; start++) {
    if (start > 0 && !isCellBreak(value.charCodeAt(start - 1))) continue;
    if (value.charCodeAt(start) === 0x27 && formulaAt(value, start + 1)) {
      out += value.slice(from, start);
      from = start + 1;
    }
  }
  return out + value.slice(from);
};

/** Whether restoreFormula could change the value (a reader's quick test: most cells hold no '). */
export const mayHoldFormulaGuard = (value: string): boolean => value.includes("'");
