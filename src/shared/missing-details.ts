import type { ProfileDefinition } from './profile-schema';

/**
 * What a profile still lacks before it can be reconnected: a portal profile taken from the portal's
 * list (F19) may come without its Visma company and API user, which the reconnect's verdict is
 * checked against (the right company, the right user). Such a profile "needs company".
 */
export function missingDetails(profile: Pick<ProfileDefinition, 'companyId' | 'apiUser'>): ('companyId' | 'apiUser')[] {
  return (['companyId', 'apiUser'] as const).filter((field) => !profile[field]);
}

export const needsDetails = (profile: Pick<ProfileDefinition, 'companyId' | 'apiUser'>) => missingDetails(profile).length > 0;
