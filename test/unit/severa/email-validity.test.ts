import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailForms } from '../../../src/main/severa/email-forms';
import { emailProblem, explainEmailProblem } from '../../../src/main/severa/email-validity';
import { describeInvisible, showInvisible } from '../../../src/main/severa/invisible-characters';
import { english } from '../../helpers/severa-words';

describe('what makes an address invalid, in plain words', () => {
  it.each([
    ['anna.virtanen@azets.fi', null],
    ['mäki@bücher.fi', null],
    ['o\'brien+tag@x.co.uk', null],
    ['', 'the email is empty'],
    ['anna.azets.fi', 'there is no "@" in the address'],
    ['anna@@azets.fi', 'there are 2 "@" in the address'],
    ['@azets.fi', 'nothing comes before the "@"'],
    ['anna@', 'nothing comes after the "@"'],
    ['.anna@azets.fi', 'the part before the "@" starts or ends with a dot'],
    ['an..na@azets.fi', 'the part before the "@" has two dots in a row'],
    ['an(na)@azets.fi', 'the part before the "@" contains "(", which an address cannot hold unquoted'],
    ['anna@azets', 'the domain "azets" has no dot (like "example.fi")'],
    ['anna@azets.fi.', 'the domain ends with a dot'],
    ['anna@azets..fi', 'the domain has two dots in a row or starts with a dot'],
    ['anna@az_ets.fi', 'the domain part "az_ets" is not a valid name'],
    ['anna@[10.0.0.1]', 'the domain is an IP address in brackets, not a name'],
    ['anna@10.0.0.1', 'the domain ends in a number, not a name like ".fi"'],
    [`${'a'.repeat(65)}@x.fi`, 'the part before the "@" is longer than 64 characters'],
  ])('%j → %s', (address, problem) => {
    expect(english(emailProblem(emailForms(address)))).toBe(problem);
  });

  it('judges the address without its invisible characters (those are reported on their own)', () => {
    expect(emailProblem(emailForms('anna\u200b@azets.fi'))).toBeNull();
    expect(english(emailProblem(emailForms('\u00a0 ')))).toBe('the email holds only spaces or invisible characters');
  });
});

describe('invisible characters', () => {
  it('names each one and where it is', () => {
    expect(english({ key: 'severa.detail.invisibleInAzets', params: { found: describeInvisible(' anna\u00ad@x.fi\ufeff') } })).toBe(
      'The Azets Work address has a space at the start, a soft hyphen (U+00AD) after "anna" and a byte order mark / zero-width no-break space (U+FEFF) at the end.',
    );
    expect(showInvisible('a b\u200c@x.fi')).toBe('a␠b⟨U+200C⟩@x.fi');
  });
});

describe('the quick check for plain addresses', () => {
  it('agrees with the full check on every address', () => {
    const address = fc
      .tuple(
        fc.string({ unit: fc.constantFrom('a', 'B', '1', '.', '-', '+', '_', '@'), maxLength: 70 }),
        // Capitals and punycode prefixes too: the quick check takes ASCII in any case, and leaves punycode to the full one.
        fc.array(fc.string({ unit: fc.constantFrom('a', 'Z', '0', '-', 'xn--', 'XN--', 'zz'), maxLength: 65 }), { maxLength: 4 }),
        fc.constantFrom('fi', 'COM', '1', 'x', ''),
      )
      .map(([local, labels, top]) => `${local}@${[...labels, top].join('.')}`);
    fc.assert(
      fc.property(address, (raw) => {
        const forms = emailForms(raw);
        expect(emailProblem(forms)).toEqual(explainEmailProblem(forms));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the 64-byte limit before the @', () => {
  it('counts UTF-8 bytes as an encoder does, surrogate pairs and lone surrogates included', () => {
    const tooLong = 'the part before the "@" is longer than 64 characters';
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'ä', '€', '😀', '\ud800'), minLength: 1, maxLength: 70 }), (local) => {
        const problem = english(explainEmailProblem(emailForms(`${local}@x.fi`)));
        expect(problem === tooLong).toBe(new TextEncoder().encode(local).length > 64);
      }),
      { numRuns: 3000 },
    );
  });
});
