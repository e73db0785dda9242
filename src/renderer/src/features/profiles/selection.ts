import type { Profile } from '../../../../shared/profile';

/** The ids of the chosen profiles: ids, not rows, so a selection survives sorting, searching and updates. */
export type Selection = ReadonlySet<string>;

export function toggle(selection: Selection, id: string): Set<string> {
  const next = new Set(selection);
  if (!next.delete(id)) next.add(id);
  return next;
}

/** The rows from `from` to `to` (either way round) added to `base`. */
export function selectRange(rows: readonly Profile[], from: number, to: number, base: Selection): Set<string> {
  const next = new Set(base);
  const [low, high] = from <= to ? [from, to] : [to, from];
  for (let i = Math.max(0, low); i <= Math.min(rows.length - 1, high); i++) next.add(rows[i]!.id);
  return next;
}
