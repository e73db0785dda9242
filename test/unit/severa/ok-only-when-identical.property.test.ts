import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOneEmail, checkSeveraLogins } from '../../../src/main/severa/check-logins';
import { type CliIo, runSeveraCheckCli } from '../../../src/main/severa/cli';
import type { Verdict } from '../../../src/shared/severa-check';

/**
 * Severa compares addresses exactly, so the one verdict that lets a user in, OK, is said only for
 * two strings that are the same code point for code point — in the engine, the panel's quick check
 * and the CLI's report alike. Any other pair gets a reason, even when the check cannot name it.
 */

/**
 * Characters that fool comparisons: signs Unicode replaces by letters (KELVIN, ANGSTROM, OHM),
 * capitals and small letters, decomposed letters, look-alikes from other scripts, compatibility
 * forms, invisible and control characters.
 */
const TRICKY = [
  'k', 'K', '\u212a', 'å', 'Å', '\u212b', 'a\u030a', 'A\u030a', 'ω', 'Ω', '\u2126', 'a', 'A', 'а', 'А', 'ä', 'a\u0308', 'i', 'I', 'İ', 'ı',
  'Ι', 'ß', 'ss', 'ẞ', 'ﬁ', 'ｋ', 'Ꭺ', 'ꭺ', ' ', '\u00a0', '\u200b', '\u0081', '\u009d', '\u0007', '.', '+', '-', '1', 'l', 'e', 'é', 'e\u0301',
];
const tricky = fc.constantFrom(...TRICKY);
/** Any code point at all, now and then, beside the tricky ones. */
const anyChar = fc.oneof({ weight: 4, arbitrary: tricky }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) });
const part = fc.array(anyChar, { minLength: 1, maxLength: 6 }).map((chars) => chars.join(''));
const domain = fc.oneof(fc.constantFrom('firma.fi', 'FIRMA.FI', 'åland.fi', '\u212bland.fi', 'xn--land-loa.fi', 'ｆirma.fi'), part.map((p) => `${p}.fi`));
const address = fc.tuple(part, domain).map(([local, at]) => `${local}@${at}`);

/** The signs Unicode replaces by a letter, by that letter, both ways. */
const STAND_INS: Readonly<Record<string, readonly string[]>> = {
  K: ['\u212a'], k: ['\u212a'], '\u212a': ['K', 'k'],
  Å: ['\u212b'], å: ['\u212b'], '\u212b': ['Å', 'å', 'A\u030a'],
  Ω: ['\u2126'], ω: ['\u2126'], '\u2126': ['Ω', 'ω'],
};

/** What a character may turn into and still look alike: its other case, its decomposed form, its stand-in, fullwidth. */
const twinsOf = (char: string): string[] => {
  const fullwidth = /^[!-~]$/.test(char) ? [String.fromCodePoint(char.codePointAt(0)! + 0xfee0)] : [];
  return [...new Set([char.toUpperCase(), char.toLowerCase(), char.normalize('NFD'), char.normalize('NFC'), ...(STAND_INS[char] ?? []), ...fullwidth, `${char}\u200b`])];
};

/** A second address made from the first by writing some characters otherwise, or swapping in tricky ones: near pairs are common. */
const nearPair = address.chain((a) => {
  const chars = [...a];
  const edit = fc.oneof(
    fc.tuple(fc.nat(chars.length - 1), fc.nat(20)).map(([at, which]) => (out: string[]) => {
      const twins = twinsOf(out[at]!);
      out[at] = twins[which % twins.length]!;
    }),
    fc.tuple(fc.nat(chars.length - 1), tricky).map(([at, char]) => (out: string[]) => void (out[at] = char)),
  );
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    const out = [...chars];
    for (const apply of edits) apply(out);
    return [a, out.join('')] as const;
  });
});
const pair: fc.Arbitrary<readonly [string, string]> = fc.oneof(nearPair, fc.tuple(address, address));

/** The near-misses that were once called OK: KELVIN SIGN for K, ANGSTROM SIGN for Å (in the domain too), OHM SIGN for Ω. */
const ONCE_OK: [string, string][] = [
  ['Kaija@firma.fi', '\u212aaija@firma.fi'],
  ['\u212aaija@firma.fi', 'Kaija@firma.fi'],
  ['Åsa@firma.fi', '\u212bsa@firma.fi'],
  ['asa@Åland.fi', 'asa@\u212bland.fi'],
  ['Ωmega@firma.fi', '\u2126mega@firma.fi'],
];

const okOnlyWhenIdentical = (verdict: Verdict): void => {
  if (verdict.reason !== 'OK') return;
  expect(verdict.azets, 'OK names the Azets Work user').not.toBeNull();
  expect(verdict.severa, 'OK names the Severa user').not.toBeNull();
  expect([...verdict.severa!.email].map((c) => c.codePointAt(0))).toEqual([...verdict.azets!.email].map((c) => c.codePointAt(0)));
};

const input = (azets: string, severa: string) => ({
  azetsUsers: [{ email: azets, name: null, row: 2 }],
  severaUsers: [{ email: severa, name: null, active: true, id: null, row: 2 }],
  addon: 'active' as const,
  orgUsesSevera: 'yes' as const,
});

function memoryCli(files: Record<string, string>) {
  let report = '';
  const cli: CliIo = {
    stdout: () => undefined,
    stderr: () => undefined,
    readFile: async (file) => new TextEncoder().encode(files[file] ?? ''),
    writeFile: async (_file, content) => void (report = content instanceof Uint8Array ? new TextDecoder().decode(content) : [...content].join('')),
    locale: () => 'en-GB',
    terminal: false,
  };
  return { cli, report: () => report };
}

/** A CSV field quoted, so commas, quotes and line breaks in an address stay in it. */
const quoted = (value: string): string => `"${value.replaceAll('"', '""')}"`;

describe('OK only when the two addresses are identical, code point for code point', () => {
  it('in the engine, for any pair', () => {
    fc.assert(
      fc.property(pair, ([azets, severa]) => {
        const verdict = checkSeveraLogins(input(azets, severa)).verdicts[0]!;
        okOnlyWhenIdentical(verdict);
        if (azets === severa && !/[\s\p{Cc}\p{Default_Ignorable_Code_Point}]/u.test(azets)) expect(['OK', 'INVALID_EMAIL']).toContain(verdict.reason);
      }),
      { numRuns: 3000, examples: ONCE_OK.map((p): [[string, string]] => [p]) },
    );
  });

  it("in the panel's quick check, whatever is typed", () => {
    fc.assert(
      fc.property(pair, address, ([azets, severa], typed) => {
        for (const email of [azets, severa, typed]) {
          const verdict = checkOneEmail(input(azets, severa), email);
          okOnlyWhenIdentical(verdict);
          // An OK for what was typed says so when the typed string is not the one Severa holds.
          if (verdict.reason === 'OK' && email !== verdict.severa!.email) {
            expect(JSON.stringify(verdict.detail)).toMatch(/severa\.detail\.typedDiffers/);
          }
        }
      }),
      { numRuns: 1500, examples: ONCE_OK.map((p): [[string, string], string] => [p, p[0]]) },
    );
  });

  it("in the CLI's report", async () => {
    let reports = 0;
    await fc.assert(
      fc.asyncProperty(pair, async ([azets, severa]) => {
        const files = { 'azets.csv': `Email\n${quoted(azets)}\n`, 'severa.csv': `Email,Active\n${quoted(severa)},true\n` };
        const { cli, report } = memoryCli(files);
        const code = await runSeveraCheckCli(['--azets', 'azets.csv', '--severa', 'severa.csv', '--format', 'json', '--out', 'report.json'], cli);
        // A file the CLI refuses (a row it cannot read whole) has no report to hold to the rule.
        if (code === 2) return;
        reports++;
        const users = (JSON.parse(report()) as { users: { reason: string; azetsEmail: string | null; severaEmail: string | null }[] }).users;
        for (const user of users.filter((u) => u.reason === 'OK')) expect(user.severaEmail).toBe(user.azetsEmail);
        if (azets !== severa) expect(users.every((u) => u.reason !== 'OK')).toBe(true);
      }),
      { numRuns: 1000, examples: ONCE_OK.map((p): [[string, string]] => [p]) },
    );
    expect(reports, 'most pairs make a report').toBeGreaterThan(500);
  });
});
