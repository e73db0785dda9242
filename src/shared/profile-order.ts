import type { Profile } from './profile';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export const compareText = (a: string, b: string): number => collator.compare(a, b);

/**
 * The order main keeps profiles in and the list shows by default: by name, then id.
 * Main and renderer share it, so the first page main sends is the first screen the user sees.
 */
export const compareByName = (a: Profile, b: Profile): number =>
  collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
