import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOneEmail, checkSeveraLogins } from '../../../src/main/severa/check-logins';
import type { SeveraCheckResult } from '../../../src/shared/severa-check';

// Addresses built from the pieces that make checks hard, so collisions and near-misses are common.
const piece = fc.constantFrom('a', 'A', 'а', 'ä', 'a\u0308', 'ı', 'b', '.', '+', '@', '@x.fi', '@X.FI', '@bücher.fi', '@xn--bcher-kva.fi', '\u00a0', '\u200b', '\ufeff', ' ', '1', 'ﬁ');
const email = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
const name = fc.option(fc.constantFrom('Anna Virtanen', 'Virtanen, Anna', 'Matti', 'Anna Virtänen', ''), { nil: null });
const azetsUser = fc.record({ email, name, row: fc.option(fc.nat(1000), { nil: null }) });
const severaUser = fc.record({
  email,
  name,
  active: fc.option(fc.boolean(), { nil: null }),
  id: fc.option(fc.constantFrom('g1', 'g2'), { nil: null }),
  row: fc.option(fc.nat(1000), { nil: null }),
});
const state = fc.record({ addon: fc.constantFrom('active', 'inactive', 'unknown'), orgUsesSevera: fc.constantFrom('yes', 'no', 'unknown') } as const);

/** What a user reads in a verdict, without rows (which follow the order) or the wording around them. */
const verdictsAsRead = (result: SeveraCheckResult): string[] =>
  result.verdicts
    .map((v) => JSON.stringify([v.azets?.email ?? null, v.azets?.name ?? null, v.reason, v.also, v.severa?.email ?? null, v.match]))
    .sort();

describe('checkSeveraLogins on any input', () => {
  it('never throws, and gives every Azets Work user exactly one verdict, in order, and NOT_IN_AZETS only to Severa users', () => {
    fc.assert(
      fc.property(fc.array(azetsUser, { maxLength: 12 }), fc.array(severaUser, { maxLength: 12 }), state, (azetsUsers, severaUsers, { addon, orgUsesSevera }) => {
        const result = checkSeveraLogins({ azetsUsers, severaUsers, addon, orgUsesSevera });
        const forAzets = result.verdicts.slice(0, azetsUsers.length);
        expect(forAzets.map((v) => v.azets)).toEqual(azetsUsers);
        expect(forAzets.every((v) => v.reason !== 'NOT_IN_AZETS')).toBe(true);
        expect(result.verdicts.slice(azetsUsers.length).every((v) => v.reason === 'NOT_IN_AZETS' && v.azets === null)).toBe(true);
        expect(Object.values(result.summary).reduce((a, b) => a + b, 0)).toBe(result.verdicts.length);
        expect(result.totals.failing).toBe(forAzets.filter((v) => v.reason !== 'OK').length);
        for (const v of result.verdicts) expect(v.detail.length * v.fix.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same verdicts whatever order either list is in', () => {
    const lists = fc.tuple(fc.array(azetsUser, { maxLength: 10 }), fc.array(severaUser, { maxLength: 10 }), state);
    fc.assert(
      fc.property(
        lists.chain(([a, s, st]) => fc.tuple(fc.constant(a), fc.constant(s), fc.constant(st), fc.shuffledSubarray(a, { minLength: a.length }), fc.shuffledSubarray(s, { minLength: s.length }))),
        ([azetsUsers, severaUsers, { addon, orgUsesSevera }, azetsShuffled, severaShuffled]) => {
          const before = checkSeveraLogins({ azetsUsers, severaUsers, addon, orgUsesSevera });
          const after = checkSeveraLogins({ azetsUsers: azetsShuffled, severaUsers: severaShuffled, addon, orgUsesSevera });
          expect(verdictsAsRead(after)).toEqual(verdictsAsRead(before));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('quick-checks any address without throwing', () => {
    fc.assert(
      fc.property(fc.array(azetsUser, { maxLength: 6 }), fc.array(severaUser, { maxLength: 6 }), email, (azetsUsers, severaUsers, address) => {
        expect(checkOneEmail({ azetsUsers, severaUsers, addon: 'unknown', orgUsesSevera: 'unknown' }, address).reason).not.toBe('NOT_IN_AZETS');
      }),
      { numRuns: 300 },
    );
  });
});

