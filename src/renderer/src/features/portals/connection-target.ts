import type { Environment } from '../../../../shared/environment';
import type { Portal } from '../../../../shared/portal';
import type { Profile } from '../../../../shared/profile';

/** Where a profile's connection is made, by name: its portal, or its environment. */
export function connectionTargetName(profile: Pick<Profile, 'connection' | 'portalId' | 'environmentId'>, environments: readonly Environment[], portals: readonly Portal[]): string {
  if (profile.connection === 'portal') return portals.find((p) => p.id === profile.portalId)?.name ?? profile.portalId;
  return environments.find((e) => e.id === profile.environmentId)?.name ?? profile.environmentId;
}
