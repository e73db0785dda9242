import type { Profile, ProfileDefinition } from './profile-schema';

// Constants and types only: the renderer's first screen needs these, not zod (see profile-schema.ts).
export type { Profile, ProfileDefinition, ProfileInput, ProfileState, StatusReason } from './profile-schema';

/** The status model of product.md: every profile is in exactly one of these. */
export const PROFILE_STATUSES = [
  'never-connected',
  'connected',
  'expiring',
  /** Portal profiles: the login went through the portal's flow, but nothing confirmed the portal saved it. */
  'unconfirmed',
  'needs-reauth',
  'error',
  'checking',
  'reauthenticating',
] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

/** What confirmed a portal profile's connection: its job ran, the portal's page said so, or the person did. */
export const PORTAL_EVIDENCE = ['job', 'portal-page', 'person'] as const;
export type PortalEvidence = (typeof PORTAL_EVIDENCE)[number];

/** Where a profile's Visma.net connection lives (product.md, F18 and F4). */
export const CONNECTION_KINDS = ['portal', 'direct'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

export const CONNECTION_KIND_LABELS: Record<ConnectionKind, string> = {
  portal: 'In the portal (DataBridge)',
  direct: 'Bridgekeeper (direct)',
};

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
  'connection',
  'environmentId',
  'portalId',
  'portalUrl',
] as const satisfies readonly (keyof ProfileDefinition)[];

/** Columns an older file may lack: it imports all the same (as direct profiles). */
export const OPTIONAL_PROFILE_FIELDS: readonly (typeof PROFILE_FIELDS)[number][] = ['connection', 'environmentId', 'portalId', 'portalUrl'];

export const PROFILE_FIELD_LABELS: Record<(typeof PROFILE_FIELDS)[number], string> = {
  id: 'Id',
  name: 'Name',
  direction: 'Direction',
  companyId: 'Company id',
  companyName: 'Company name',
  apiUser: 'API user',
  connection: 'Connection',
  environmentId: 'Environment',
  portalId: 'Portal',
  portalUrl: 'Portal page',
};

export function definitionOf(profile: Profile): ProfileDefinition {
  return {
    id: profile.id,
    name: profile.name,
    direction: profile.direction,
    companyId: profile.companyId,
    companyName: profile.companyName,
    apiUser: profile.apiUser,
    connection: profile.connection,
    environmentId: profile.environmentId,
    portalId: profile.portalId,
    portalUrl: profile.portalUrl,
  };
}
