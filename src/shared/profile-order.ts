import type { Profile } from './profile';

/**
 * Sorting by a locale's alphabet (Å, Ä and Ö after Z for a Swede or a Finn), numbers by their value.
 * The renderer sorts by the reader's locale; main keeps its file in the English order.
 */
export function textOrder(locale: string) {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const compareText = (a: string, b: string): number => collator.compare(a, b);
  /** By name, then id. */
  const compareByName = (a: Profile, b: Profile): number => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { compareText, compareByName };
}

const stored = textOrder('en');

export const compareText = stored.compareText;

/**
 * The order main keeps profiles in: by name, then id. The list shows them in the reader's
 * locale's order (`textOrder`), the same for every Latin name without a letter beyond A–Z.
 */
export const compareByName = stored.compareByName;
