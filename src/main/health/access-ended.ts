import type { Notice } from '../../shared/notice';
import type { Profile, ProfileState } from '../../shared/profile';
import { inWords } from '../in-words';
import type { CheckResult } from './check-profile';

/**
 * Visma answers a replayed one-time refresh token by revoking all access of that client and user
 * (visma-facts.md): every profile connected as that API user fails with invalid_grant at once.
 * Several such profiles of one user in one check are said once, naming the user and the profiles,
 * and offered together for a bulk reconnect.
 */
export function accessEndedNotices(refused: { profile: Profile; result: CheckResult }[]): { notice: Notice; states: { id: string; state: Partial<ProfileState> }[] }[] {
  const byUser = new Map<string, Profile[]>();
  for (const { profile } of refused) {
    const key = `${profile.environmentId}\u0000${profile.apiUser.toLowerCase()}`;
    byUser.set(key, [...(byUser.get(key) ?? []), profile]);
  }
  return [...byUser.values()]
    .filter((profiles) => profiles.length > 1)
    .map((unsorted) => {
      const profiles = unsorted.sort((a, b) => a.name.localeCompare(b.name)); // as the list shows them
      const user = profiles[0]!.apiUser;
      const names = profiles.slice(0, 5).map((p) => p.name).join(', ');
      const words = inWords('notices.access-ended', { user, count: profiles.length, names, more: Math.max(profiles.length - 5, 0) });
      return {
        notice: { id: `access-ended-${profiles[0]!.environmentId}-${user.toLowerCase()}`, level: 'error', ...words, profileIds: profiles.map((p) => p.id) },
        states: profiles.map((p) => ({
          id: p.id,
          state: { statusReason: { code: 'invalid_grant', ...inWords('health.access-ended.reason', { user, count: profiles.length }) } },
        })),
      };
    });
}
