import { describe, expect, it } from 'vitest';
import { sameCompanyName } from '../../src/shared/company-name';

describe('two spellings of a company name', () => {
  it('are the same company when only the legal form, capitals, punctuation or spacing differ', () => {
    expect(sameCompanyName('Nordlys Handel AS', 'Nordlys Handel')).toBe(true);
    expect(sameCompanyName('Fjellvind Bygg A/S', 'fjellvind  bygg')).toBe(true);
    expect(sameCompanyName('Oy Kesä Ab', 'Kesä Oy')).toBe(true);
    expect(sameCompanyName('Bakkerij de Molen B.V.', 'Bakkerij De Molen BV')).toBe(true);
  });

  it('are other companies when any other word differs, is added or is missing', () => {
    expect(sameCompanyName('Nordlys Handel Øst AS', 'Nordlys Handel AS')).toBe(false);
    expect(sameCompanyName('Nordlys AS', 'Nordlys Handel AS')).toBe(false);
    expect(sameCompanyName('Havbris AS', 'Nordlys Handel AS')).toBe(false);
    expect(sameCompanyName('Nordlys Handel AS (customer)', 'Nordlys Handel AS')).toBe(false);
  });

  it('a legal form alone is a name, and nothing is no name', () => {
    expect(sameCompanyName('AS', 'AB')).toBe(false);
    expect(sameCompanyName('', '')).toBe(false);
  });
});
