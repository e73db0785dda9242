import { describe, expect, it } from 'vitest';
import { checkOneEmail, checkSeveraLogins, toVerdict, unexplainedDifferences } from '../../../src/main/severa/check-logins';
import { emailForms } from '../../../src/main/severa/email-forms';
import { explainEmailProblem } from '../../../src/main/severa/email-validity';
import { emptyJudgement } from '../../../src/main/severa/judgement';
import { emailAddressProblem } from '../../../src/shared/email-address';
import { createTranslator } from '../../../src/shared/i18n/translator';
import type { Verdict } from '../../../src/shared/severa-check';
import { english, verdictWords } from '../../helpers/severa-words';

/**
 * Severa compares addresses exactly. These pairs were once said wrongly: a sign that normalises
 * to a letter was called OK, capitals from other scripts were not seen as look-alikes, control
 * characters were a typo in a valid address, and an address that could never work was to be added
 * to Severa as it was.
 */

const input = (azetsEmail: string, severaEmails: string[]) => ({
  azetsUsers: [{ email: azetsEmail, name: null, row: 2 }],
  severaUsers: severaEmails.map((email, i) => ({ email, name: null, active: true, id: null, row: i + 2 })),
  addon: 'active' as const,
  orgUsesSevera: 'yes' as const,
});
const verdictFor = (azetsEmail: string, ...severaEmails: string[]): Verdict => checkSeveraLogins(input(azetsEmail, severaEmails)).verdicts[0]!;
const reasons = (verdict: Verdict) => [verdict.reason, ...verdict.also];

describe('a sign Unicode replaces by a letter is another character, never OK', () => {
  const cases = [
    { what: 'KELVIN SIGN for K in the local part', azets: 'Kaija@firma.fi', severa: '\u212aaija@firma.fi', named: /"\u212a" \(U\+212A KELVIN SIGN\) in the local part: a different character from the "K" \(U\+004B\)/ },
    { what: 'ANGSTROM SIGN for Å in the local part', azets: 'Åsa@firma.fi', severa: '\u212bsa@firma.fi', named: /U\+212B ANGSTROM SIGN\) in the local part: .*"Å" \(U\+00C5\)/ },
    { what: 'ANGSTROM SIGN for Å in the domain', azets: 'asa@Åland.fi', severa: 'asa@\u212bland.fi', named: /U\+212B ANGSTROM SIGN\) in the domain/ },
    { what: 'KELVIN SIGN in the domain', azets: 'kaija@kone.fi', severa: 'kaija@\u212aone.fi', named: /U\+212A KELVIN SIGN\) in the domain/ },
    { what: 'OHM SIGN for Ω', azets: 'Ωmega@firma.fi', severa: '\u2126mega@firma.fi', named: /U\+2126 OHM SIGN/ },
    { what: 'KELVIN SIGN on the Azets Work side', azets: '\u212aaija@firma.fi', severa: 'Kaija@firma.fi', named: /the Azets Work address has "\u212a" \(U\+212A KELVIN SIGN\)/ },
  ];
  for (const { what, azets, severa, named } of cases) {
    it(what, () => {
      const verdict = verdictFor(azets, severa);
      expect(verdict.reason).toBe('UNICODE_MISMATCH');
      expect(verdict.match).toBe('same-address');
      expect(verdict.severa?.email).toBe(severa);
      const words = verdictWords(verdict);
      expect(words.detail).toMatch(named);
      expect(words.fix).toMatch(azets.startsWith('\u212a') ? /Retype the address in Azets Work by hand/ : /Retype the address in Severa by hand/);
    });
  }

  it('KELVIN SIGN against a small k: the case and the sign are both named, so copying the case is not offered as the whole fix', () => {
    const verdict = verdictFor('\u212aarl@firma.fi', 'karl@firma.fi');
    expect(reasons(verdict)).toEqual(['UNICODE_MISMATCH', 'CASE_MISMATCH']);
    expect(verdictWords(verdict).detail).toMatch(/U\+212A KELVIN SIGN/);
    expect(verdictWords(verdict).fix).toMatch(/^1\. Retype the address in Azets Work by hand/);
  });

  it("the panel's quick check says the same", () => {
    const verdict = checkOneEmail(input('Kaija@firma.fi', ['\u212aaija@firma.fi']), 'Kaija@firma.fi');
    expect(verdict.reason).toBe('UNICODE_MISMATCH');
    const typed = checkOneEmail(input('someone@firma.fi', ['\u212aaija@firma.fi']), 'Kaija@firma.fi');
    expect(typed.reason).toBe('UNICODE_MISMATCH');
  });

  it('in every language the sign is named by its code point and Unicode name', () => {
    for (const locale of ['fi-FI', 'sv-SE', 'nb-NO', 'da-DK', 'nl-NL']) {
      expect(verdictWords(verdictFor('Kaija@firma.fi', '\u212aaija@firma.fi'), createTranslator(locale)).detail, locale).toMatch(/U\+212A KELVIN SIGN/);
    }
  });
});

describe('the OK rule holds even where the rules find nothing', () => {
  it('a judgement with no reason for two different strings is an unexplained difference, said and found for a bug report, not OK', () => {
    const judgement = emptyJudgement('active', 'yes');
    judgement.azets = { email: 'anna@firma.fi', name: null, row: 7 };
    judgement.severa = { email: 'anna@firma.fj', name: null, active: true, id: null, row: 3 };
    judgement.match = 'same-address';
    const verdict = toVerdict(judgement, []);
    expect(verdict.reason).toBe('UNICODE_MISMATCH');
    expect(verdictWords(verdict).detail).toMatch(/in the domain, Azets Work has "i" \(U\+0069\) where Severa has "j" \(U\+006A\).*please report this/);
    expect(unexplainedDifferences([verdict])).toEqual([verdict]);
  });

  it('a judgement with no reason and no Severa user is not OK either', () => {
    const judgement = emptyJudgement('active', 'yes');
    judgement.azets = { email: 'anna@firma.fi', name: null, row: 7 };
    expect(toVerdict(judgement, []).reason).toBe('EMAIL_NOT_FOUND');
  });

  it('an identical pair is OK, and no bug is reported', () => {
    const result = checkSeveraLogins(input('anna@firma.fi', ['anna@firma.fi']));
    expect(result.verdicts[0]!.reason).toBe('OK');
    expect(unexplainedDifferences(result.verdicts)).toEqual([]);
  });
});

describe('look-alike capitals from other scripts are found before case is folded', () => {
  const cases = [
    { what: 'Cyrillic capitals', azets: 'КАТЕ@FIRMA.FI', severa: 'kate@firma.fi', script: /Cyrillic/ },
    { what: 'Greek capitals, Ι among them', azets: 'ΤΙΜΟ@FIRMA.FI', severa: 'timo@firma.fi', script: /Greek/ },
    { what: 'Cherokee capitals', azets: 'ᎫᎪᏦᎬ@firma.fi', severa: 'jake@firma.fi', script: /Cherokee/ },
    { what: 'a Cyrillic capital І in a Latin name', azets: 'ІVAN@firma.fi', severa: 'ivan@firma.fi', script: /Cyrillic/ },
  ];
  for (const { what, azets, severa, script } of cases) {
    it(`${what}: the Severa user is the look-alike, never "add the user to Severa"`, () => {
      const verdict = verdictFor(azets, severa);
      expect(verdict.reason).toBe('UNICODE_MISMATCH');
      expect(verdict.match).toBe('look-alike');
      expect(verdict.severa?.email).toBe(severa);
      const words = verdictWords(verdict);
      expect(words.detail).toMatch(script);
      expect(words.fix).not.toMatch(/Add .* to Severa/);
    });
  }

  it('the Severa side in capitals is found too', () => {
    const verdict = verdictFor('kate@firma.fi', 'КАТЕ@firma.fi');
    expect([verdict.reason, verdict.match]).toEqual(['UNICODE_MISMATCH', 'look-alike']);
  });
});

describe('control characters are invisible, and no address can hold one', () => {
  for (const [what, control] of [
    ['C1 (an undefined Windows-1252 byte, 0x81)', '\u0081'],
    ['C1 0x9D', '\u009d'],
    ['C0 BEL', '\u0007'],
    ['DEL', '\u007f'],
  ] as const) {
    it(`${what}: invalid, with the character named where it is, never a typo`, () => {
      const verdict = verdictFor(`anna${control}@firma.fi`, 'anna@firma.fi');
      expect(reasons(verdict)).toEqual(['INVALID_EMAIL', 'WHITESPACE_OR_INVISIBLE']);
      expect(verdict.match).toBe('same-address');
      const code = `U+${control.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      expect(verdictWords(verdict).detail).toContain(`a control character (${code}) after "anna"`);
      expect(verdictWords(verdict).detail).not.toMatch(/edits? away/);
    });
  }

  it('the one validator refuses them too (the profile form uses it)', () => {
    expect(emailAddressProblem('anna\u0081@firma.fi')).toMatch(/control character \(U\+0081\)/);
    expect(emailAddressProblem('"an\u0001na"@firma.fi')).toMatch(/control character \(U\+0001\)/);
    expect(english(explainEmailProblem(emailForms('anna@fir\u0090ma.fi')))).toMatch(/control character \(U\+0090\)/);
  });

  it('a tab or line break stays a space problem, not a control one', () => {
    const verdict = verdictFor('anna@firma.fi\t', 'anna@firma.fi');
    expect(reasons(verdict)).toEqual(['WHITESPACE_OR_INVISIBLE']);
  });
});

describe('an address that cannot work', () => {
  it('punycode that decodes to nothing is not a domain', () => {
    expect(emailAddressProblem('anna@xn--zz.fi')).toMatch(/"xn--zz" starts with "xn--" but is not valid punycode/);
    expect(emailAddressProblem('anna@xn--bcher-kva.fi')).toBeNull();
    expect(verdictFor('anna@xn--zz.fi', 'anna@firma.fi').reason).toBe('INVALID_EMAIL');
  });

  it('is never to be added to Severa as it is', () => {
    for (const address of ['anna@xn--zz.fi', 'anna@@firma.fi', 'anna@firma', 'anna\u0081@firma.fi']) {
      const verdict = verdictFor(address, 'someone.else@other.fi');
      expect(verdict.reason, address).toBe('INVALID_EMAIL');
      expect(verdictWords(verdict).fix, address).toMatch(/Correct the address .* in Azets Work/);
      expect(verdictWords(verdict).fix, address).not.toMatch(/Add .* to Severa/);
    }
  });
});
