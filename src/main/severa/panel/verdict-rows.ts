import type { SeveraUser, Verdict } from '../../../shared/severa-check';
import type { SeveraUserView, SeveraVerdictFilter, SeveraVerdictRow, SeveraVerdictView } from '../../../shared/severa-panel';

export const severaView = (user: SeveraUser): SeveraUserView => ({ email: user.email, name: user.name, active: user.active, row: user.row, id: user.id });

/** A verdict as the panel shows it: the same facts, in the shape the renderer's types promise. */
export function verdictView(verdict: Verdict): SeveraVerdictView {
  return {
    reason: verdict.reason,
    also: verdict.also,
    azets: verdict.azets ? { email: verdict.azets.email, name: verdict.azets.name, row: verdict.azets.row } : null,
    severa: verdict.severa ? severaView(verdict.severa) : null,
    match: verdict.match,
    otherCandidates: verdict.otherCandidates.map((candidate) => ({ user: severaView(candidate.user), kind: candidate.kind, distance: candidate.distance })),
    detail: verdict.detail,
    fix: verdict.fix,
  };
}

export const verdictRow = (verdict: Verdict, index: number): SeveraVerdictRow => ({ index, ...verdictView(verdict) });

/**
 * The entries of one run that pass a filter, as positions in its list. The last few answers are
 * kept, so scrolling through a filtered list of 100,000 pages through positions, not verdicts.
 */
export class VerdictIndex {
  #search: string[] | null = null;
  readonly #filtered = new Map<string, Int32Array>();

  constructor(private readonly verdicts: readonly Verdict[]) {}

  /** Lower-cased addresses and names of each entry, built on the first search only. */
  #searchTexts(): string[] {
    this.#search ??= this.verdicts.map((v) => [v.azets?.email, v.azets?.name, v.severa?.email, v.severa?.name].filter(Boolean).join('\n').toLowerCase());
    return this.#search;
  }

  matching(filter: SeveraVerdictFilter): Int32Array {
    const query = filter.search.trim().toLowerCase();
    const key = `${filter.reason}\n${query}`;
    let found = this.#filtered.get(key);
    if (found) return found;
    const { reason } = filter;
    const texts = query === '' ? null : this.#searchTexts();
    const positions: number[] = [];
    this.verdicts.forEach((verdict, index) => {
      const passes =
        reason === 'all' || (reason === 'failing' ? verdict.reason !== 'OK' && verdict.reason !== 'NOT_IN_AZETS' : verdict.reason === reason);
      if (passes && (texts === null || texts[index]!.includes(query))) positions.push(index);
    });
    found = Int32Array.from(positions);
    if (this.#filtered.size >= 8) this.#filtered.delete(this.#filtered.keys().next().value!);
    this.#filtered.set(key, found);
    return found;
  }
}
