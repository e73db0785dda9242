import { describe, expect, it } from 'vitest';
import { type ColumnNeed, columnTemplate, loadColumnWidths, saveColumnWidths, waterLevel } from '../../../src/renderer/src/features/profiles/column-widths';

const needs: ColumnNeed[] = [
  { key: 'name', min: 120, natural: 300 },
  { key: 'direction', min: 56, natural: 80, whole: true },
  { key: 'apiUser', min: 100, natural: 330 },
  { key: 'status', min: 110, natural: 170, whole: true },
  { key: 'lastVerifiedAt', min: 90, natural: 120, whole: true },
];
const px = (part: string) => Number(/(\d+)fr\)$/.exec(part)?.[1] ?? /^(\d+)px$/.exec(part)?.[1]);

describe('issue 23, point 10: columns sized to their content', () => {
  it('with room for everything, each column gets at least what its content needs', () => {
    const template = columnTemplate(needs, 2000, {});
    expect(template[3]).toBe('minmax(170px, 170fr)');
    expect(template[0]).toBe('minmax(300px, 300fr)');
  });
  it('too narrow: status, direction and the date stay whole; the long columns share the rest, none under its minimum', () => {
    const template = columnTemplate(needs, 700, {});
    expect(px(template[1]!)).toBe(80);
    expect(px(template[3]!)).toBe(170);
    expect(px(template[4]!)).toBe(120);
    expect(px(template[0]!) + px(template[2]!)).toBe(700 - 80 - 170 - 120);
    expect(px(template[0]!)).toBeGreaterThanOrEqual(120);
  });
  it('a width the person dragged is kept as it is', () => {
    expect(columnTemplate(needs, 700, { apiUser: 250 })[2]).toBe('250px');
  });
  it('the water level fills the room exactly', () => {
    const columns = [
      { min: 100, natural: 400 },
      { min: 100, natural: 150 },
      { min: 100, natural: 400 },
    ];
    expect(Math.round(waterLevel(columns, 600))).toBe(225);
  });
  it('remembers the widths in the store, and ignores what is not a width', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    saveColumnWidths({ apiUser: 260 }, storage);
    expect(loadColumnWidths(storage)).toEqual({ apiUser: 260 });
    store.set('bridgekeeper.profile-columns', '{"name":"wide","status":-3,"apiUser":200}');
    expect(loadColumnWidths(storage)).toEqual({ apiUser: 200 });
    store.set('bridgekeeper.profile-columns', 'not json');
    expect(loadColumnWidths(storage)).toEqual({});
  });
});
