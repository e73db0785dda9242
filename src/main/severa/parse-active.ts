/**
 * TRUE and FALSE as a Finnish, Swedish, Norwegian, Danish, Dutch or German Excel writes them into a
 * CSV (a workbook keeps real booleans, but "Save as CSV" writes the words of the user's language).
 */
const EXCEL_TRUE = ['tosi', 'sant', 'sann', 'sand', 'waar', 'wahr'];
const EXCEL_FALSE = ['epätosi', 'falskt', 'usann', 'falsk', 'onwaar', 'falsch'];

/** Yes/no as exports write it: booleans, 1/0, words in the users' languages, Severa's "Active"/"Inactive". */
const ACTIVE = new Set(['true', 'yes', 'y', '1', 'x', 'active', 'enabled', 'aktiivinen', 'kyllä', 'k', 'ja', 'j', 'aktiv', 'actief', 'on', ...EXCEL_TRUE]);
const INACTIVE = new Set([
  ...EXCEL_FALSE,
  'false',
  'no',
  'n',
  '0',
  'inactive',
  'notactive',
  'disabled',
  'deactivated',
  'passive',
  'passiivinen',
  'eiaktiivinen',
  'ei',
  'e',
  'nej',
  'nei',
  'inaktiv',
  'inactief',
  'off',
]);

export const ACTIVE_VALUES_HINT = 'yes or no (also true/false, 1/0, active/inactive, kyllä/ei, aktiivinen/passiivinen, TOSI/EPÄTOSI, SANT/FALSKT, SANN/USANN, SAND/FALSK, WAAR/ONWAAR)';

// An export holds two or three distinct values in 100,000 rows: each is read once.
const known = new Map<string, boolean | null>();

/** true / false, or null for a value that says neither (the caller reports it with row and column). */
export function parseActive(value: string): boolean | null {
  let active = known.get(value);
  if (active === undefined) {
    if (known.size > 1000) known.clear(); // a bound, not a policy
    known.set(value, (active = readActive(value)));
  }
  return active;
}

function readActive(value: string): boolean | null {
  const key = value
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\u00a0._-]+/g, '');
  if (ACTIVE.has(key)) return true;
  if (INACTIVE.has(key)) return false;
  return null;
}
