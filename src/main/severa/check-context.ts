import type { SeveraCheckInput } from '../../shared/severa-check';
import { AddressJoin } from './address-join';
import { SuggestionIndex } from './suggestion-index';

/** What the check knows about a pair of lists before judging anyone. */
export interface CheckContext {
  input: SeveraCheckInput;
  join: AddressJoin;
  /** Over the Severa users no Azets Work user has: the only ones a suggestion may point at. */
  suggestions: SuggestionIndex;
}

// Kept per pair of list objects, so a panel re-checking after an org-state change, or
// quick-checking one address, rebuilds nothing. Weak: lists nobody holds take their indexes along.
const prepared = new WeakMap<readonly unknown[], WeakMap<readonly unknown[], Omit<CheckContext, 'input'>>>();

export function contextFor(input: SeveraCheckInput): CheckContext {
  let bySevera = prepared.get(input.severaUsers);
  if (!bySevera) prepared.set(input.severaUsers, (bySevera = new WeakMap()));
  let indexes = bySevera.get(input.azetsUsers);
  if (!indexes) {
    const join = new AddressJoin(input.azetsUsers, input.severaUsers);
    const suggestions = new SuggestionIndex(join.severa.filter((entry) => entry.group.firstAzets === null));
    bySevera.set(input.azetsUsers, (indexes = { join, suggestions }));
  }
  return { input, ...indexes };
}
