import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import CONFUSABLES from '../../../src/main/severa/data/confusables.json' with { type: 'json' };
import { skeleton } from '../../../src/main/severa/confusables';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const GENERATOR = join(ROOT, 'scripts', 'generate-confusables.mjs');
const COMMITTED = join(ROOT, 'src', 'main', 'severa', 'data', 'confusables.json');
const SOURCE = join(ROOT, 'scripts', 'unicode', `confusables-${CONFUSABLES.version}.txt`);
const table: Readonly<Record<string, string>> = CONFUSABLES.prototypes;

describe('the look-alike table (Unicode confusables.txt, generated)', () => {
  it('says which Unicode version it is, a current one, and which file it came from', () => {
    const [major] = CONFUSABLES.version.split('.').map(Number);
    expect(major).toBeGreaterThanOrEqual(15);
    const source = readFileSync(SOURCE, 'utf8');
    expect(source).toMatch(new RegExp(`^# Version: ${CONFUSABLES.version.replaceAll('.', '\\.')}$`, 'm'));
    expect(source).toContain(`# Date: ${CONFUSABLES.date}\n`);
    expect(createHash('sha256').update(source.replace(/\r\n/g, '\n')).digest('hex')).toBe(CONFUSABLES.sha256);
    expect(Object.keys(table)).toHaveLength(Number(/^# total: (\d+)$/m.exec(source)![1]));
  });

  it("has mappings that Unicode 10's table (the old dependency's) did not", () => {
    // Not in Unicode 10.0.0's confusables.txt at all:
    expect(table['\u0448']).toBe('w'); // CYRILLIC SMALL LETTER SHA
    expect(table['\u00FE']).toBe('p'); // LATIN SMALL LETTER THORN
    expect(table['\u2C82']).toBe('B'); // COPTIC CAPITAL LETTER VIDA
    expect(table['\u{1CCD6}']).toBe('A'); // OUTLINED LATIN CAPITAL LETTER A (new in Unicode 16)
    expect(table['\u{1FBF0}']).toBe('O'); // SEGMENTED DIGIT ZERO
    // Changed since Unicode 10 (there "i"):
    expect(table['\u04CF']).toBe('l'); // CYRILLIC SMALL LETTER PALOCHKA
    // The code reads this table: a new mapping makes a look-alike.
    expect(skeleton('\u0448ork@firma.fi')).toBe(skeleton('work@firma.fi'));
    expect(skeleton('\u00FEekka@firma.fi')).toBe(skeleton('pekka@firma.fi'));
  });

  it('maps Cyrillic, Greek and Cherokee capitals to Latin letters', () => {
    const latin = (chars: string) => [...chars].map((char) => table[char]).join('');
    expect(latin('КАТЕ')).toBe('KATE');
    expect(latin('ΤΙΜΟ')).toBe('TlMO'); // Greek capital iota's prototype is "l", as Latin "I"'s is
    expect(table.I).toBe('l');
    expect(latin('\u13AA\u13DF\u13AC')).toBe('ACE'); // CHEROKEE LETTER GO, TLI, GV
  });

  describe('the generator', () => {
    const dir = mkdtempSync(join(tmpdir(), 'confusables-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const generate = (name: string) => {
      const out = join(dir, name);
      execFileSync(process.execPath, [GENERATOR, '--out', out], { cwd: ROOT, stdio: 'pipe' });
      return readFileSync(out);
    };

    it('gives the committed file, byte for byte, every time', () => {
      const first = generate('first.json');
      const second = generate('second.json');
      expect(second.equals(first)).toBe(true);
      expect(first.equals(readFileSync(COMMITTED))).toBe(true);
    });
  });
});
