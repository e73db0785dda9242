import { describe, expect, it } from 'vitest';
import { learnMarker, markerLine } from '../../../src/main/portal/portal-marker';

describe('the words that confirm a saved connection', () => {
  it('match a line whatever its case and spacing, "*" standing for any text', () => {
    const lines = ['Orders', 'Connected  as anna@x.fi to Nordlys (1000001)'];
    expect(markerLine('connected as * to *', lines)).toBe(lines[1]);
    expect(markerLine('Connected as', lines)).toBe(lines[1]);
    expect(markerLine('Disconnected', lines)).toBeUndefined();
  });

  it('match nothing when they are empty or only wildcards, and take regular-expression characters literally', () => {
    expect(markerLine('', ['anything'])).toBeUndefined();
    expect(markerLine('* *', ['anything'])).toBeUndefined();
    expect(markerLine('Saved (1).', ['Saved (1).'])).toBe('Saved (1).');
    expect(markerLine('Saved (1).', ['Saved 11 '])).toBeUndefined();
  });

  it('are learned from the line a person points at, the profile’s particulars made "*"', () => {
    const particulars = ['anna.apiuser@example.com', 'Nordlys Handel AS', '1000001', 'Nordlys: orders'];
    expect(learnMarker('Connected as anna.apiuser@example.com to Nordlys Handel AS (1000001)', particulars)).toBe('Connected as * to * (*)');
    expect(learnMarker('Yhdistetty 7.12.2026 klo 10.42 käyttäjänä per@firma.fi', [])).toBe('Yhdistetty * klo * käyttäjänä *');
    expect(learnMarker('The Visma.net connection is saved.', particulars)).toBe('The Visma.net connection is saved.');
    // What was learned finds the same words on another profile's page.
    expect(markerLine('Connected as * to * (*)', ['Connected as tove@example.com to Havbris Regnskap AS (1000003)'])).toBeDefined();
  });
});
