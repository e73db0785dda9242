import type { MatchKind } from '../../shared/severa-check';
import { editDistance, swapAwareDistance } from './edit-distance';
import type { EmailForms } from './email-forms';
import { nameKey } from './person-name';
import type { SeveraEntry } from './address-join';
import type { SuggestionIndex } from './suggestion-index';

export interface Candidate {
  entry: SeveraEntry;
  kind: MatchKind;
  /** Edits between the address keys, a swap of neighbouring characters counting as one. */
  distance: number;
  sameName: boolean | null;
}

/** Suggestion kinds, most telling first: breaks ties between candidates equally far away. */
const KIND_RANK: Record<MatchKind, number> = {
  exact: 0,
  'same-address': 1,
  'look-alike': 2,
  'other-domain': 3,
  'plus-alias': 4,
  typo: 5,
  'same-name': 6,
};

const compareText = (a: string | null, b: string | null): number => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

/** By content only, never by row, so shuffling either list changes no verdict. */
export const compareEntries = (a: SeveraEntry, b: SeveraEntry): number =>
  compareText(a.user.email, b.user.email) ||
  compareText(a.user.name, b.user.name) ||
  compareText(a.user.id, b.user.id) ||
  Number(b.user.active === true) - Number(a.user.active === true);

/** Edits apart: swaps of neighbours counted as one among near addresses (where it decides), plain Levenshtein beyond. */
function closeness(a: string, b: string): number {
  const distance = editDistance(a, b, 64);
  return distance <= 2 ? swapAwareDistance(a, b) : distance;
}

/**
 * The Severa users an unmatched address may have meant, best first, by evidence: a look-alike twin
 * (the same UTS #39 skeleton: it *looks* the same) before anything else, however many letters
 * differ; then a name that clearly differs sinks a candidate below those that agree or cannot
 * tell; then the closest address wins (so a one-letter slip beats the same name at a far-off
 * domain); then the kind of likeness; then the content of the entry.
 */
export function rankCandidates(forms: EmailForms, name: string | null, suggestions: SuggestionIndex): Candidate[] {
  const found = new Map<SeveraEntry, Candidate>();
  const ownName = nameKey(name);
  const offer = (entry: SeveraEntry, kind: MatchKind) => {
    if (found.has(entry)) return;
    const theirName = ownName === null ? null : nameKey(entry.user.name);
    found.set(entry, { entry, kind, distance: closeness(forms.key, entry.forms.key), sameName: theirName === null ? null : ownName === theirName });
  };
  for (const entry of suggestions.lookAlikes(forms)) offer(entry, 'look-alike');
  for (const entry of suggestions.otherDomains(forms)) offer(entry, 'other-domain');
  for (const entry of suggestions.plusAliases(forms)) offer(entry, 'plus-alias');
  // A typo is at least one edit away: if someone one edit away (whose name does not say otherwise)
  // is found already, no typo can rank above them, so the search is skipped.
  if (![...found.values()].some((candidate) => candidate.kind === 'look-alike' || (candidate.distance <= 1 && candidate.sameName !== false))) {
    for (const { entry } of suggestions.typos(forms)) offer(entry, 'typo');
  }
  // A last resort: another address altogether, but the same person's name.
  if (found.size === 0) for (const entry of suggestions.sameName(name, forms)) offer(entry, 'same-name');
  return [...found.values()].sort(
    (a, b) =>
      Number(b.kind === 'look-alike') - Number(a.kind === 'look-alike') ||
      Number(a.sameName === false) - Number(b.sameName === false) ||
      a.distance - b.distance ||
      KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
      compareEntries(a.entry, b.entry),
  );
}
