import { describe, expect, it } from 'vitest';
import { learnMarker, matchMarker } from '../../../src/main/portal/portal-marker';

/** The line the marker finds, or undefined. */
const markerLine = (marker: string, lines: readonly string[]) => matchMarker(marker, lines)?.line;

const ANNA_NORDLYS = { user: 'anna.apiuser@example.com', company: 'Nordlys Handel AS', companyId: '1000001', others: ['Nordlys: orders'] };

describe('the words that confirm a saved connection', () => {
  it('match a line whatever its case and spacing, "*" standing for any text', () => {
    const lines = ['Orders', 'Connected  as anna@x.fi to Nordlys (1000001)'];
    expect(markerLine('connected as * to *', lines)).toBe(lines[1]);
    expect(markerLine('Connected as', lines)).toBe(lines[1]);
    expect(markerLine('Disconnected', lines)).toBeUndefined();
  });

  it('match nothing when they are empty or only wildcards and slots, and take regular-expression characters literally', () => {
    expect(markerLine('', ['anything'])).toBeUndefined();
    expect(markerLine('* *', ['anything'])).toBeUndefined();
    expect(markerLine('{user} {company}', ['anything goes'])).toBeUndefined();
    expect(markerLine('Saved (1).', ['Saved (1).'])).toBe('Saved (1).');
    expect(markerLine('Saved (1).', ['Saved 11 '])).toBeUndefined();
  });

  it('say what their slots hold: the whole line, so a company name with more after it is not cut short', () => {
    const marker = '● Connected as {user} to {company} (*)';
    expect(matchMarker(marker, ['● Connected as per@x.fi to Fjellvind Bygg AS (2026-12-07 03:11)'])?.slots).toEqual({ user: 'per@x.fi', company: 'Fjellvind Bygg AS' });
    expect(matchMarker(marker, ['● Connected as anna@x.fi to Nordlys Handel AS (customer) (2026-12-07 03:11)'])?.slots).toEqual({ user: 'anna@x.fi', company: 'Nordlys Handel AS (customer)' });
    expect(matchMarker('Company {companyId}', ['Company 1000002'])?.slots).toEqual({ companyId: '1000002' });
  });

  it('are learned from the line a person points at: the profile’s user and company become slots, other particulars "*"', () => {
    expect(learnMarker('Connected as anna.apiuser@example.com to Nordlys Handel AS (1000001)', ANNA_NORDLYS)).toBe('Connected as {user} to {company} ({companyId})');
    expect(learnMarker('● Connected as anna.apiuser@example.com to Nordlys Handel AS (2026-12-07 03:10:56)', ANNA_NORDLYS)).toBe('● Connected as {user} to {company} (*)');
    expect(learnMarker('Yhdistetty 7.12.2026 klo 10.42 käyttäjänä per@firma.fi', ANNA_NORDLYS)).toBe('Yhdistetty * klo * käyttäjänä *');
    expect(learnMarker('The Visma.net connection is saved.', ANNA_NORDLYS)).toBe('The Visma.net connection is saved.');
    // What was learned finds the same words on another profile's page, and what they say there.
    expect(matchMarker('Connected as {user} to {company} ({companyId})', ['Connected as tove@example.com to Havbris Regnskap AS (1000003)'])?.slots).toEqual({
      user: 'tove@example.com',
      company: 'Havbris Regnskap AS',
      companyId: '1000003',
    });
  });

  it('of several lines need every line, and say what all their slots hold', () => {
    const marker = 'Connected as {user}\nCompany: {company} ({companyId})';
    expect(matchMarker(marker, ['Visma.net Financials', 'Connected as anna@example.com', 'Company: Havbris AS (1000003)'])).toEqual({
      line: 'Connected as anna@example.com / Company: Havbris AS (1000003)',
      slots: { user: 'anna@example.com', company: 'Havbris AS', companyId: '1000003' },
    });
    expect(matchMarker(marker, ['Connected as anna@example.com'])).toBeUndefined();
  });

  it('learned from a line that names no company bring along the new line that names the profile’s', () => {
    const page = ['Connected as anna.apiuser@example.com', 'Last changed 2026-12-07 by siri@example.com', 'Company: Nordlys Handel AS (1000001)'];
    expect(learnMarker(page[0]!, ANNA_NORDLYS, page)).toBe('Connected as {user}\nCompany: {company} ({companyId})');
    expect(learnMarker('Connected as anna.apiuser@example.com to Nordlys Handel AS', ANNA_NORDLYS, page)).toBe('Connected as {user} to {company}');
    expect(learnMarker('Connected', ANNA_NORDLYS, ['Connected', 'Status: active'])).toBe('Connected');
  });
});
