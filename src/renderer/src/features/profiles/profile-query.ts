import { PROFILE_STATUSES, type Profile, type ProfileStatus } from '../../../../shared/profile';
import { textOrder } from '../../../../shared/profile-order';

export const SORT_KEYS = ['name', 'direction', 'companyId', 'apiUser', 'environmentId', 'status', 'lastVerifiedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/**
 * Worst first: what needs a person now comes before what merely has not been done, and
 * work in progress last (it settles on its own).
 */
export const STATUS_SEVERITY: readonly ProfileStatus[] = [
  'needs-reauth',
  'error',
  'unconfirmed',
  'expiring',
  'never-connected',
  'connected',
  'reauthenticating',
  'checking',
];
const statusRank = new Map<ProfileStatus, number>(STATUS_SEVERITY.map((s, i) => [s, i]));

type Compare = (a: Profile, b: Profile) => number;

const comparers = new Map<string, { compareBy: Record<SortKey, Compare>; compareByName: Compare }>();

/** Each column's order in one locale's alphabet. */
function comparersFor(locale: string) {
  let found = comparers.get(locale);
  if (found) return found;
  const { compareText, compareByName } = textOrder(locale);
  const compareBy: Record<SortKey, Compare> = {
    name: compareByName,
    direction: (a, b) => compareText(a.direction, b.direction),
    companyId: (a, b) => compareText(a.companyId, b.companyId) || compareText(a.companyName, b.companyName),
    apiUser: (a, b) => compareText(a.apiUser, b.apiUser),
    environmentId: (a, b) => compareText(a.connection, b.connection) || compareText(a.environmentId, b.environmentId),
    status: (a, b) => statusRank.get(a.status)! - statusRank.get(b.status)!,
    // Never verified sorts before the oldest verification: those need attention first.
    lastVerifiedAt: (a, b) => (a.lastVerifiedAt ?? '') < (b.lastVerifiedAt ?? '') ? -1 : (a.lastVerifiedAt ?? '') > (b.lastVerifiedAt ?? '') ? 1 : 0,
  };
  found = { compareBy, compareByName };
  comparers.set(locale, found);
  return found;
}

/**
 * Sorting is the expensive part, so it is done once per data or sort change, not per keystroke.
 * Names sort by the reader's alphabet (`locale`; English when left out).
 */
export function sortProfiles(profiles: Iterable<Profile>, sort: Sort, locale = 'en'): Profile[] {
  const { compareBy, compareByName } = comparersFor(locale);
  const compare = compareBy[sort.key];
  const sign = sort.descending ? -1 : 1;
  return [...profiles].sort((a, b) => sign * (compare(a, b) || compareByName(a, b)));
}

/** Spaces of any kind count as one, so a pasted name matches however it was typed. */
const normalize = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

const haystacks = new WeakMap<Profile, string>();
const haystackOf = (p: Profile): string => {
  let text = haystacks.get(p);
  if (text === undefined) {
    text = [p.id, p.name, p.companyId, p.companyName, p.apiUser, p.environmentId, p.portalId].map(normalize).join('\u0000');
    haystacks.set(p, text);
  }
  return text;
};

/**
 * Every word of the search must appear in some field. Profiles holding the whole phrase as
 * typed come first ("Fjellvind – K" finds the K profiles before the other Fjellvind ones);
 * within each group the sort order is kept.
 */
export function filterProfiles(sorted: readonly Profile[], search: string, status: ProfileStatus | 'all'): Profile[] {
  const phrase = normalize(search);
  const words = phrase.split(' ').filter(Boolean);
  const whole: Profile[] = [];
  const partial: Profile[] = [];
  for (const p of sorted) {
    if (status !== 'all' && p.status !== status) continue;
    if (words.length === 0) {
      whole.push(p);
      continue;
    }
    const text = haystackOf(p);
    if (!words.every((w) => text.includes(w))) continue;
    (text.includes(phrase) ? whole : partial).push(p);
  }
  return partial.length === 0 ? whole : whole.concat(partial);
}

export function countByStatus(profiles: Iterable<Profile>): Record<ProfileStatus, number> {
  const counts = Object.fromEntries(PROFILE_STATUSES.map((s) => [s, 0])) as Record<ProfileStatus, number>;
  for (const p of profiles) counts[p.status]++;
  return counts;
}
