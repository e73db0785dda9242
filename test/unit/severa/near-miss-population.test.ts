import { describe, expect, it } from 'vitest';
import { checkSeveraLogins } from '../../../src/main/severa/check-logins';
import { EXPECTED_REASON, generatePopulation } from '../../helpers/severa-population';

describe('a generated organization with 20% near-misses of every kind', () => {
  it('gives each near-miss its reason and points it at the Severa user it means; everyone else is OK or inactive', () => {
    const population = generatePopulation(3000, 0.2, 7);
    const result = checkSeveraLogins({
      azetsUsers: population.azets.map((u, i) => ({ email: u.email, name: `${u.firstName} ${u.lastName}`, row: i + 2 })),
      severaUsers: population.severa.map((u, i) => ({ email: u.email, active: u.active, name: `${u.firstName} ${u.lastName}`, id: u.guid, row: i + 2 })),
      addon: 'active',
      orgUsesSevera: 'yes',
    });
    const wrong = [...population.nearMisses].flatMap(([index, miss]) => {
      const verdict = result.verdicts[index]!;
      const expected = EXPECTED_REASON[miss.kind];
      return verdict.reason === expected && verdict.severa?.email === miss.severaEmail
        ? []
        : [`${miss.kind}: ${population.azets[index]!.email} → ${verdict.reason} ${verdict.severa?.email} (expected ${expected} ${miss.severaEmail})`];
    });
    expect(wrong).toEqual([]);
    expect(population.nearMisses.size).toBeGreaterThan(500);
    const others = result.verdicts.slice(0, population.azets.length).filter((_, i) => !population.nearMisses.has(i));
    expect(new Set(others.map((v) => v.reason))).toEqual(new Set(['OK', 'INACTIVE_IN_SEVERA']));
    expect(result.summary.NOT_IN_AZETS).toBe(0);
  });
});
