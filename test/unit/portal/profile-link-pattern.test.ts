import { describe, expect, it } from 'vitest';
import { learnProfilePattern, patternProblem, profileLinkPattern } from '../../../src/shared/profile-link-pattern';

const ORIGIN = 'https://my-databridge.infobridgeuniverse.com';
const at = (path: string) => `${ORIGIN}${path}`;

describe('a profile-page pattern', () => {
  it('takes the id from one path segment, the whole path matching, case-blind', () => {
    const pattern = profileLinkPattern('/Profile/Edit/{id}', ORIGIN);
    expect(pattern.idOf(at('/Profile/Edit/17'))).toBe('17');
    expect(pattern.idOf(at('/profile/edit/17/'))).toBe('17');
    expect(pattern.idOf(at('/Profile/Edit/17/Log'))).toBeNull();
    expect(pattern.idOf(at('/Profile/Edit'))).toBeNull();
    expect(pattern.idOf('https://evil.example/Profile/Edit/17')).toBeNull();
    expect(pattern.addressOf('17')).toBe(at('/Profile/Edit/17'));
  });

  it('takes the id from a query value, ignoring parameters it does not name, so an address is one profile', () => {
    const pattern = profileLinkPattern('/Integration?id={id}', ORIGIN);
    expect(pattern.idOf(at('/Integration?id=5&tab=log'))).toBe('5');
    expect(pattern.idOf(at('/Integration?tab=log'))).toBeNull();
    expect(pattern.addressOf('5')).toBe(at('/Integration?id=5'));
  });

  it('says what is wrong with a pattern that cannot be used', () => {
    expect(patternProblem('')).toMatch(/empty/);
    expect(patternProblem('Profile/{id}')).toMatch(/start with \//);
    expect(patternProblem('/Profile/Edit')).toMatch(/\{id\} exactly once/);
    expect(patternProblem('/{id}/{id}')).toMatch(/\{id\} exactly once \(it has 2\)/);
    expect(patternProblem('/integrations/{id}')).toBeNull();
  });
});

describe('a pattern learned from one example', () => {
  const list = ['/integrations', '/settings', ...Array.from({ length: 12 }, (_, i) => `/integrations/orders-${i}`), '/integrations/orders-3/log'].map(at);

  it('puts {id} where the page\'s links differ, even for ids without digits', () => {
    const links = ['/integrations', '/integrations/acme-orders', '/integrations/nordlys-invoices', '/integrations/acme-orders/log'].map(at);
    expect(learnProfilePattern(at('/integrations/acme-orders'), links, ORIGIN)).toBe('/integrations/{id}');
    expect(learnProfilePattern(at('/integrations/orders-3'), list, ORIGIN)).toBe('/integrations/{id}');
  });

  it('prefers the part that looks like an id when the page does not tell (a list of one)', () => {
    expect(learnProfilePattern(at('/Profile/Edit/4711'), [at('/Profile/Edit/4711')], ORIGIN)).toBe('/Profile/Edit/{id}');
    expect(learnProfilePattern(at('/Integration/Details?integrationId=9f1c'), [at('/Integration/Details?integrationId=9f1c')], ORIGIN)).toBe('/Integration/Details?integrationId={id}');
  });

  it('learns nothing from a link off the portal', () => {
    expect(learnProfilePattern('https://help.example/integrations/1', list, ORIGIN)).toBeNull();
  });
});
