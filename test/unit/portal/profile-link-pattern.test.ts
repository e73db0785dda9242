import { describe, expect, it } from 'vitest';
import { type PageLink, learnProfilePattern, patternProblem, profileLinkPattern } from '../../../src/shared/profile-link-pattern';

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
    expect(patternProblem('/Profile/Edit')).toMatch(/\{id\} \(or \{number\}\) exactly once/);
    expect(patternProblem('/{id}/{number}')).toMatch(/exactly once \(it has 2\)/);
    expect(patternProblem('/integrations/{id}')).toBeNull();
  });
});

describe('a pattern learned from one example', () => {
  const row = (path: string): PageLink => ({ url: at(path), inItem: true, inNavigation: false });
  const menu = (path: string): PageLink => ({ url: at(path), inItem: false, inNavigation: true });
  const toolbar = (path: string): PageLink => ({ url: at(path), inItem: false, inNavigation: false });
  const list = [menu('/integrations'), menu('/settings'), ...Array.from({ length: 12 }, (_, i) => row(`/integrations/orders-${i}`)), row('/integrations/orders-3/log')];

  it("puts {id} where the page's rows differ, even for ids without digits", () => {
    const links = [menu('/integrations'), row('/integrations/acme-orders'), row('/integrations/nordlys-invoices'), row('/integrations/acme-orders/log')];
    expect(learnProfilePattern(at('/integrations/acme-orders'), links, ORIGIN)).toBe('/integrations/{id}');
    expect(learnProfilePattern(at('/integrations/orders-3'), list, ORIGIN)).toBe('/integrations/{id}');
  });

  it('learns {number} from an id of digits, so a menu\'s page of the same shape (/Profile/Edit/me) is not a profile', () => {
    const links = [menu('/Profile/Edit/me'), menu('/Profile/Edit/settings'), row('/Profile/Edit/40'), row('/Profile/Edit/42')];
    const learned = learnProfilePattern(at('/Profile/Edit/40'), links, ORIGIN)!;
    expect(learned).toBe('/Profile/Edit/{number}');
    expect(profileLinkPattern(learned, ORIGIN).idOf(at('/Profile/Edit/me'))).toBeNull();
    expect(profileLinkPattern(learned, ORIGIN).idOf(at('/Profile/Edit/42'))).toBe('42');
  });

  it("counts the rows, not the site's many pages: a relative edit.php?id=7 is the query's id, not the file's name", () => {
    const links = [...['users.php', 'settings.php', 'logs.php', 'help.php', 'integrations.php?p=2'].map((p) => toolbar(`/v/${p}`)), ...[901, 902, 903].map((n) => row(`/v/edit.php?id=${n}`))];
    expect(learnProfilePattern(at('/v/edit.php?id=901'), links, ORIGIN)).toBe('/v/edit.php?id={number}');
  });

  it('prefers the part that looks like an id when the page does not tell (a list of one)', () => {
    expect(learnProfilePattern(at('/Profile/Edit/4711'), [row('/Profile/Edit/4711')], ORIGIN)).toBe('/Profile/Edit/{number}');
    expect(learnProfilePattern(at('/Integration/Details?integrationId=9f1c'), [row('/Integration/Details?integrationId=9f1c')], ORIGIN)).toBe('/Integration/Details?integrationId={id}');
  });

  it('learns nothing from a link off the portal', () => {
    expect(learnProfilePattern('https://help.example/integrations/1', list, ORIGIN)).toBeNull();
  });
});
