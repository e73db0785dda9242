import { domainToASCII } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailForms } from '../../../src/main/severa/email-forms';

/** The key by its definition: local part lower-cased, domain in its UTS #46 ASCII form. */
function keyByDefinition(address: string): string {
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1);
  return `${address.slice(0, at).toLowerCase()}@${domainToASCII(domain) || domain.toLowerCase()}`;
}

describe('address keys', () => {
  it('take the shortcut for plain lower-case addresses without changing any key', () => {
    const label = fc.string({ unit: fc.constantFrom('a', 'x', 'n', '0', '7', '-'), minLength: 1, maxLength: 8 });
    const address = fc
      .tuple(fc.string({ unit: fc.constantFrom('a', 'b', '.', '+', '_', '%'), minLength: 1, maxLength: 10 }), fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('fi', 'com', 'de', 'xn--p1ai', 'ab'))
      .map(([local, labels, top]) => `${local}@${[...labels, top].join('.')}`);
    fc.assert(
      fc.property(address, (raw) => {
        expect(emailForms(raw).key).toBe(keyByDefinition(raw));
      }),
      { numRuns: 3000 },
    );
  });

  it('agree for the same address in other case, other Unicode forms and with invisible characters', () => {
    const keys = ['Mäki@Bücher.FI', 'ma\u0308ki@xn--bcher-kva.fi', 'mäki\u200b@bücher.fi\u00a0'].map((raw) => emailForms(raw).key);
    expect(new Set(keys)).toEqual(new Set(['mäki@xn--bcher-kva.fi']));
  });
});
