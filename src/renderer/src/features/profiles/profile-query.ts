import { PROFILE_STATUSES, type Profile, type ProfileStatus } from '../../../../shared/profile';
import { compareByName, compareText } from '../../../../shared/profile-order';

export const SORT_KEYS = ['name', 'direction', 'companyId', 'apiUser', 'environmentId', 'status', 'lastVerifiedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  descending: boolean;
}

const statusRank = new Map<ProfileStatus, number>(PROFILE_STATUSES.map((s, i) => [s, i]));

const compareBy: Record<SortKey, (a: Profile, b: Profile) => number> = {
  name: compareByName,
  direction: (a, b) => compareText(a.direction, b.direction),
  companyId: (a, b) => compareText(a.companyId, b.companyId) || compareText(a.companyName, b.companyName),
  apiUser: (a, b) => compareText(a.apiUser, b.apiUser),
  environmentId: (a, b) => compareText(a.environmentId, b.environmentId),
  status: (a, b) => statusRank.get(a.status)! - statusRank.get(b.status)!,
  // Never verified sorts before the oldest verification: those need attention first.
  lastVerifiedAt: (a, b) => (a.lastVerifiedAt ?? '').localeCompare(b.lastVerifiedAt ?? ''),
};

/** Sorting is the expensive part, so it is done once per data or sort change, not per keystroke. */
export function sortProfiles(profiles: Iterable<Profile>, sort: Sort): Profile[] {
  const compare = compareBy[sort.key];
  const sign = sort.descending ? -1 : 1;
  return [...profiles].sort((a, b) => sign * (compare(a, b) || compareByName(a, b)));
}

const haystacks = new WeakMap<Profile, string>();
const haystackOf = (p: Profile): string => {
  let text = haystacks.get(p);
  if (text === undefined) {
    text = [p.id, p.name, p.companyId, p.companyName, p.apiUser, p.environmentId].join('\u0000').toLowerCase();
    haystacks.set(p, text);
  }
  return text;
};

/** Every word of the search must appear in some field; order is kept. */
export function filterProfiles(sorted: readonly Profile[], search: string, status: ProfileStatus | 'all'): Profile[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return sorted.filter((p) => {
    if (status !== 'all' && p.status !== status) return false;
    if (words.length === 0) return true;
    const text = haystackOf(p);
    return words.every((w) => text.includes(w));
  });
}

export function countByStatus(profiles: Iterable<Profile>): Record<ProfileStatus, number> {
  const counts = Object.fromEntries(PROFILE_STATUSES.map((s) => [s, 0])) as Record<ProfileStatus, number>;
  for (const p of profiles) counts[p.status]++;
  return counts;
}
