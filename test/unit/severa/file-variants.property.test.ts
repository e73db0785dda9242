import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvCell, writeCsv } from '../../../src/main/csv/write-csv';
import { checkSeveraLogins } from '../../../src/main/severa/check-logins';
import { readAzetsUsers, readSeveraUsers } from '../../../src/main/severa/read-user-file';
import { writeWorkbook } from '../../../src/main/tables/write-workbook';
import type { CsvDelimiter } from '../../../src/shared/severa-check';
import { verdictWords } from '../../helpers/severa-words';

// Addresses from the pieces that make files and checks hard: formula starts, quotes, delimiters,
// Nordic letters, invisible characters, look-alikes.
const piece = fc.constantFrom('a', 'A', 'ä', 'Å', 'é', 'а', 'b', '.', '+', '-', '=', '@', "'", '"', ';', ',', '@x.fi', '@X.FI', '@bücher.fi', '\u00a0', '\u200b', '€', '1');
const email = fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
const name = fc.constantFrom('Anna Virtanen', 'Åsa Öberg', '-5 Orders', '@home', 'Žaneta “Žana”', '');
const users = fc.record({
  azets: fc.array(fc.record({ email, name }), { minLength: 1, maxLength: 10 }),
  severa: fc.array(fc.record({ email, name, active: fc.boolean() }), { minLength: 1, maxLength: 10 }),
});

type Variant = { label: string; bytes: (rows: CsvCell[][]) => Uint8Array | null; active: (active: boolean) => CsvCell | boolean };

const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const validUtf8 = (bytes: Uint8Array) => {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/**
 * Windows-1252 bytes, or null when the text has a character the code page lacks, or when the bytes
 * happen to be valid UTF-8 as well ("Å€" is C5 80, which is "ŀ"): such a file says nothing about
 * its encoding and the reader takes UTF-8 (decode-text.ts), so it is not the same users.
 */
function cp1252(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const high = CP1252_HIGH.indexOf(text[i]!);
    const code = text.charCodeAt(i);
    if (high !== -1) bytes[i] = 0x80 + high;
    else if (code <= 0xff && (code < 0x80 || code > 0x9f)) bytes[i] = code;
    else return null;
  }
  return bytes.some((b) => b >= 0x80) && validUtf8(bytes) ? null : bytes;
}

const csv = (delimiter: CsvDelimiter, rows: CsvCell[][]) => writeCsv(rows, delimiter).replace(/^\uFEFF/, '');
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const yesNo = (active: boolean) => (active ? 'true' : 'false');

const VARIANTS: Variant[] = [
  { label: 'UTF-8 with a BOM, comma', bytes: (rows) => utf8(`\uFEFF${csv(',', rows)}`), active: yesNo },
  { label: 'UTF-8, semicolon, sep= line', bytes: (rows) => utf8(`sep=;\r\n${csv(';', rows)}`), active: yesNo },
  { label: 'UTF-8, tab', bytes: (rows) => utf8(csv('\t', rows)), active: yesNo },
  { label: 'UTF-16 LE with a BOM, tab', bytes: (rows) => new Uint8Array(Buffer.from(`\uFEFF${csv('\t', rows)}`, 'utf16le')), active: yesNo },
  { label: 'Windows-1252, semicolon, Finnish Excel booleans', bytes: (rows) => cp1252(csv(';', rows)), active: (active) => (active ? 'TOSI' : 'EPÄTOSI') },
  { label: 'Windows-1252, semicolon, Swedish Excel booleans', bytes: (rows) => cp1252(csv(';', rows)), active: (active) => (active ? 'SANT' : 'FALSKT') },
  { label: 'an .xlsx workbook with real booleans', bytes: (rows) => writeWorkbook(rows, 'Users'), active: (active) => active },
];

interface Lists {
  azets: { email: string; name: string }[];
  severa: { email: string; name: string; active: boolean }[];
}

async function verdictsVia(variant: Variant, lists: Lists) {
  const azetsRows = [['Email', 'Name'], ...lists.azets.map((u) => [u.email, u.name])];
  const severaRows = [['Email', 'Active', 'Name'], ...lists.severa.map((u) => [u.email, variant.active(u.active), u.name])] as CsvCell[][];
  const azetsBytes = variant.bytes(azetsRows);
  const severaBytes = variant.bytes(severaRows);
  if (!azetsBytes || !severaBytes) return null; // not in this encoding
  const azets = await readAzetsUsers(azetsBytes, { fileName: 'azets' });
  const severa = await readSeveraUsers(severaBytes, { fileName: 'severa' });
  if (!azets.ok || !severa.ok) return { problems: [...(azets.ok ? [] : azets.problems), ...(severa.ok ? [] : severa.problems)].map((p) => p.message) };
  const result = checkSeveraLogins({ azetsUsers: azets.users, severaUsers: severa.users, addon: 'active', orgUsesSevera: 'yes' });
  return result.verdicts.map((v) => [v.reason, v.also, v.match, v.azets?.email ?? null, v.severa?.email ?? null, v.azets?.name ?? null, v.severa?.name ?? null, verdictWords(v).detail.replace(/row \d+/g, 'row #')]);
}

describe('the same users in any file a Nordic admin has', () => {
  it('give identical verdicts in CSV (, ; tab; UTF-8, BOM, UTF-16, Windows-1252; Excel booleans) and in .xlsx', async () => {
    await fc.assert(
      fc.asyncProperty(users, async (lists) => {
        const reference = await verdictsVia(VARIANTS.at(-1)!, lists);
        expect(reference).not.toHaveProperty('problems');
        for (const variant of VARIANTS.slice(0, -1)) {
          const verdicts = await verdictsVia(variant, lists);
          if (verdicts !== null) expect([variant.label, verdicts]).toEqual([variant.label, reference]);
        }
      }),
      { numRuns: 50 }, // each run writes and reads 14 files, two of them workbooks
    );
  });
});
