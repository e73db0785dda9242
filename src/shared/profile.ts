import type { Profile, ProfileDefinition } from './profile-schema';

// Constants and types only: the renderer's first screen needs these, not zod (see profile-schema.ts).
export type { Profile, ProfileDefinition, ProfileState, StatusReason } from './profile-schema';

/** The status model of product.md: every profile is in exactly one of these. */
export const PROFILE_STATUSES = [
  'never-connected',
  'connected',
  'expiring',
  'needs-reauth',
  'error',
  'checking',
  'reauthenticating',
] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

export const DIRECTIONS = ['import', 'export'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const DIRECTION_LABELS: Record<Direction, string> = {
  import: 'Import into Visma.net',
  export: 'Export from Visma.net',
};

/** The columns of a profile list, in the order users see, import and export them. */
export const PROFILE_FIELDS = [
  'id',
  'name',
  'direction',
  'companyId',
  'companyName',
  'apiUser',
  'environmentId',
] as const satisfies readonly (keyof ProfileDefinition)[];

export const PROFILE_FIELD_LABELS: Record<(typeof PROFILE_FIELDS)[number], string> = {
  id: 'Id',
  name: 'Name',
  direction: 'Direction',
  companyId: 'Company id',
  companyName: 'Company name',
  apiUser: 'API user',
  environmentId: 'Environment',
};

export function definitionOf(profile: Profile): ProfileDefinition {
  return {
    id: profile.id,
    name: profile.name,
    direction: profile.direction,
    companyId: profile.companyId,
    companyName: profile.companyName,
    apiUser: profile.apiUser,
    environmentId: profile.environmentId,
  };
}
