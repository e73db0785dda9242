import { describe, expect, it } from 'vitest';
import { patternMisfit, profilesOnPage, reviewRows } from '../../../src/main/portal/list-review';
import type { ListedLink } from '../../../src/main/portal/page/list-page';
import type { Profile } from '../../../src/shared/profile';
import { profileLinkPattern } from '../../../src/shared/profile-link-pattern';

const ORIGIN = 'https://portal.example';
const pattern = profileLinkPattern('/integrations/{id}', ORIGIN);
const link = (path: string, text: string, more: Partial<ListedLink> = {}): ListedLink => ({ url: `${ORIGIN}${path}`, text, itemName: '', inNavigation: false, inItem: true, ...more });
const NAV = [link('/integrations', 'Integrations', { inNavigation: true }), link('/settings', 'Settings', { inNavigation: true })];

const profile = (id: string, name: string, key: string, more: Partial<Profile> = {}): Profile => ({
  id,
  name,
  direction: 'export',
  companyId: '1234567',
  companyName: 'Nordlys AS',
  apiUser: 'anna@nordlys.no',
  connection: 'portal',
  environmentId: '',
  portalId: 'p',
  portalUrl: `${ORIGIN}/integrations/${key}`,
  status: 'never-connected',
  statusSince: '2026-12-01T00:00:00.000Z',
  ...more,
});

describe('the profiles of a list page', () => {
  it('are one per profile, named by the row or card when a link only says Edit or Open', () => {
    const found = profilesOnPage(
      [
        ...NAV,
        link('/integrations/a', 'Orders – Nordlys', { itemName: 'Orders – Nordlys' }),
        link('/integrations/a', 'Edit', { itemName: 'Orders – Nordlys' }),
        link('/integrations/a/log', 'Job log', { itemName: 'Orders – Nordlys' }),
        link('/integrations/b', 'Open Invoices – Fjord', { itemName: 'Invoices – Fjord' }),
        link('/integrations/c', 'Muokkaa', { itemName: 'Tilaukset' }),
        link('/integrations/d', 'Projects', { itemName: '' }),
      ],
      pattern,
    );
    expect(found).toEqual([
      { key: 'a', url: `${ORIGIN}/integrations/a`, name: 'Orders – Nordlys' },
      { key: 'b', url: `${ORIGIN}/integrations/b`, name: 'Invoices – Fjord' },
      { key: 'c', url: `${ORIGIN}/integrations/c`, name: 'Tilaukset' },
      { key: 'd', url: `${ORIGIN}/integrations/d`, name: 'Projects' },
    ]);
  });

  it('are the rows\' and cards\' links: a link of the same shape in the toolbar ("Create new", /integrations/new) is not one', () => {
    const found = profilesOnPage([link('/integrations/new', 'Create new integration', { inItem: false }), link('/integrations/a', 'Orders'), link('/integrations/b', 'Invoices')], pattern);
    expect(found.map((f) => f.key)).toEqual(['a', 'b']);
    // A page without rows or cards: its links are the list.
    expect(profilesOnPage([link('/integrations/a', 'Orders', { inItem: false })], pattern).map((f) => f.key)).toEqual(['a']);
  });

  it('refuse a pattern that takes the site\'s own links or the list itself, or finds nothing', () => {
    const everything = profileLinkPattern('/{id}', ORIGIN);
    expect(patternMisfit([...NAV, link('/a', 'A')], everything, `${ORIGIN}/integrations`)).toMatchObject({ code: 'matches-everything', example: 'Integrations' });
    expect(patternMisfit([link('/integrations/a', 'A')], profileLinkPattern('/Profile/{id}', ORIGIN), `${ORIGIN}/integrations`)).toEqual({ code: 'matches-nothing' });
    expect(patternMisfit([...NAV, link('/integrations/a', 'A')], pattern, `${ORIGIN}/integrations?page=2`)).toBeNull();
  });
});

describe('the review against what Bridgekeeper has', () => {
  const found = [
    { key: 'a', url: `${ORIGIN}/integrations/a`, name: 'Orders' },
    { key: 'b', url: `${ORIGIN}/integrations/b`, name: 'Invoices 2027' },
    { key: 'c', url: `${ORIGIN}/integrations/c`, name: 'Projects' },
    { key: 'd', url: `${ORIGIN}/integrations/d`, name: 'Projects' },
  ];
  const profiles = [profile('p-a', 'Orders', 'a'), profile('p-b', 'Invoices', 'b', { companyId: '', apiUser: '' }), profile('p-x', 'Old one', 'x'), profile('typed', 'Typed', 'y', { portalUrl: `${ORIGIN}/other/y` })];

  it('says unchanged, renamed, new and gone, and tells same names apart with the portal id', () => {
    const rows = reviewRows(found, { portalId: 'p', pattern, profiles, complete: true });
    expect(rows.map((r) => [r.state, r.name, r.profileId ?? null])).toEqual([
      ['unchanged', 'Orders', 'p-a'],
      ['renamed', 'Invoices 2027', 'p-b'],
      ['new', 'Projects (c)', null],
      ['new', 'Projects (d)', null],
      ['gone', 'Old one', 'p-x'],
    ]);
    expect(rows[1]).toMatchObject({ oldName: 'Invoices', needsDetails: true });
    expect(rows[2]).toMatchObject({ sameNameAs: 'Projects' });
  });

  it('calls nothing gone when the list was not read to its end, nor a page typed by hand in another shape', () => {
    const rows = reviewRows(found, { portalId: 'p', pattern, profiles, complete: false });
    expect(rows.some((r) => r.state === 'gone')).toBe(false);
    expect(reviewRows(found, { portalId: 'p', pattern, profiles, complete: true }).some((r) => r.profileId === 'typed')).toBe(false);
  });
});
