import { describe, expect, it } from 'vitest';
import { checkOneEmail, checkSeveraLogins } from '../../../src/main/severa/check-logins';
import { skeleton } from '../../../src/main/severa/confusables';
import { explainEmailProblem } from '../../../src/main/severa/email-validity';
import { english } from '../../helpers/severa-words';
import { emailForms } from '../../../src/main/severa/email-forms';
import { showInvisible } from '../../../src/main/severa/invisible-characters';
import { ProfileDefinitionSchema } from '../../../src/shared/profile-schema';
import type { AzetsUser, SeveraCheckInput, SeveraUser } from '../../../src/shared/severa-check';

const azets = (email: string, name: string | null = null, row = 2): AzetsUser => ({ email, name, row });
const severa = (email: string, name: string | null = null, row = 2): SeveraUser => ({ email, active: true, name, id: null, row });
const input = (azetsUsers: AzetsUser[], severaUsers: SeveraUser[]): SeveraCheckInput => ({ azetsUsers, severaUsers, addon: 'active', orgUsesSevera: 'yes' });
const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** Every code point Unicode calls default-ignorable, and every Unicode space: generated, not listed by hand. */
const INVISIBLE_CODE_POINTS = Array.from({ length: 0x110000 }, (_, cp) => cp).filter(
  (cp) => (cp < 0xd800 || cp > 0xdfff) && /^[\p{Default_Ignorable_Code_Point}\p{White_Space}]$/u.test(String.fromCodePoint(cp)),
);

describe('invisible characters', () => {
  it('covers the bidi marks, embeddings and isolates a hand list misses', () => {
    for (const cp of [0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x061c, 0x180e, 0x3164, 0xfe0f, 0xe0041]) {
      expect(INVISIBLE_CODE_POINTS).toContain(cp);
    }
    expect(INVISIBLE_CODE_POINTS.length).toBeGreaterThan(4000);
  });

  it('finds every one of them, in the middle of an address, as WHITESPACE_OR_INVISIBLE and shows it as ⟨U+…⟩', () => {
    const azetsUsers = INVISIBLE_CODE_POINTS.map((cp, i) => azets(`user${i}${String.fromCodePoint(cp)}@firma.fi`, null, i + 2));
    const severaUsers = INVISIBLE_CODE_POINTS.map((_, i) => severa(`user${i}@firma.fi`, null, i + 2));
    const { verdicts } = checkSeveraLogins(input(azetsUsers, severaUsers));
    const wrong = verdicts
      .slice(0, INVISIBLE_CODE_POINTS.length)
      .map((verdict, i) => ({ cp: hex(INVISIBLE_CODE_POINTS[i]!), reason: verdict.reason, match: verdict.match }))
      .filter((entry) => entry.reason !== 'WHITESPACE_OR_INVISIBLE' || entry.match !== 'same-address');
    expect(wrong).toEqual([]);
    for (const cp of INVISIBLE_CODE_POINTS) {
      const shown = showInvisible(`a${String.fromCodePoint(cp)}b`);
      expect(shown).toBe(cp === 0x20 ? 'a␠b' : `a⟨${hex(cp)}⟩b`);
    }
  });
});

describe('look-alikes', () => {
  it('folds letters from confusables.txt, not a hand list (Cherokee, Lisu, mathematical letters, digits)', () => {
    expect(skeleton('ᎪᏴᏟ')).toBe(skeleton('abc')); // Cherokee capitals
    expect(skeleton('ꓲꓰ')).toBe(skeleton('le')); // Lisu
    expect(skeleton('𝐚𝐧𝐧𝐚')).toBe('anna'); // mathematical bold
    expect(skeleton('j0hn')).toBe(skeleton('john'));
  });

  it('ranks a look-alike twin above a neighbour a single edit away', () => {
    // Mostly Cyrillic letters: the Latin twin is six edits away, another Cyrillic-letter address one.
    const spoof = 'ѕаrа.kоѕki@firma.fi';
    const result = checkSeveraLogins(
      input([azets(spoof, 'Sara Koski')], [severa('sara.koski@firma.fi', 'Sara Koski'), severa('ѕаrа.kоѕka@firma.fi', 'Sara Koska', 3)]),
    );
    const verdict = result.verdicts[0]!;
    expect(verdict).toMatchObject({ reason: 'UNICODE_MISMATCH', match: 'look-alike', severa: { email: 'sara.koski@firma.fi' } });
    expect(english(verdict.detail)).toMatch(/"ѕ" \(U\+0455, Cyrillic\) for "s"/);
  });

  it('points a Cyrillic-letter domain at its twin, and says the address mixes scripts', () => {
    const verdict = checkSeveraLogins(input([azets('anna@fіrmа.fi', 'Anna Virtanen')], [severa('anna@firma.fi', 'Anna Virtanen'), severa('anna@firmx.fi', 'Anna Other', 3)])).verdicts[0]!;
    expect(verdict).toMatchObject({ reason: 'UNICODE_MISMATCH', match: 'look-alike', severa: { email: 'anna@firma.fi' } });
    expect(english(verdict.detail)).toMatch(/The Azets Work address mixes Latin and Cyrillic letters in one part/);
  });

  it('does not call an address written wholly in another script mixed', () => {
    const verdict = checkSeveraLogins(input([azets('иван@firma.fi')], [severa('иван@firma.fi')])).verdicts[0]!;
    expect(verdict.reason).toBe('OK');
    expect(english(verdict.detail)).not.toMatch(/mixes/);
  });
});

describe('one e-mail validator', () => {
  const addresses = [
    '"a.b"@firma.fi',
    '"john..doe"@firma.fi',
    '"a\\"b"@firma.fi',
    '"open@firma.fi',
    'a..b@firma.fi',
    'anna@firma',
    'anna@firma.fi.',
    'anna@-firma.fi',
    'pää@firma.fi',
    'anna@bücher.fi',
    `${'a'.repeat(65)}@firma.fi`,
    'anna@[192.0.2.1]',
    'anna@firma.123',
    'a@b@firma.fi',
    'plain@firma.fi',
  ];

  it.each(addresses)('profiles and the Severa check agree on %s', (address) => {
    const severaSays = english(explainEmailProblem(emailForms(address)));
    const profile = ProfileDefinitionSchema.safeParse({ id: 'p', name: 'P', direction: 'import', companyId: '1', companyName: '', apiUser: address, environmentId: 'visma-production' });
    const profileSays = profile.success ? null : (profile.error.issues.find((issue) => issue.path[0] === 'apiUser')?.message ?? null);
    expect(profileSays).toBe(severaSays === null ? null : `must be an email address: ${severaSays}`);
  });

  it('takes quoted local parts as valid (RFC 5321 §4.1.2)', () => {
    expect(explainEmailProblem(emailForms('"a.b"@firma.fi'))).toBeNull();
    expect(explainEmailProblem(emailForms('"john..doe"@firma.fi'))).toBeNull();
    expect(english(explainEmailProblem(emailForms('"open@firma.fi')))).toBe('the quoted part before the "@" is never closed');
  });
});

describe('the quick check', () => {
  it('says when what was typed is not exactly what Severa holds, instead of a bare OK', () => {
    const lists = input([azets('anna@firma.fi')], [severa('anna@firma.fi')]);
    const typed = checkOneEmail(lists, 'Anna@Firma.fi');
    expect(typed.reason).toBe('OK');
    expect(english(typed.detail)).toContain('What was typed, "Anna@Firma.fi", is not exactly the address Severa holds, "anna@firma.fi": upper/lower case differs in the local part and domain.');
    expect(english(checkOneEmail(lists, 'anna@firma.fi').detail)).not.toContain('What was typed');
  });
});
