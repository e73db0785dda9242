import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type PortalDefinition, PortalDefinitionSchema } from '../../src/shared/portal';
import { PROFILE_FILE_FORMAT } from '../../src/main/profiles/profile-file';
import { ProfileDefinitionSchema, type ProfileInput } from '../../src/shared/profile-schema';
import type { Seed } from '../seed/seed-schema';

/** What the app imports to rehearse portal reconnects: the portal file and one profile per integration. */
export const SANDBOX_PORTAL_ID = 'sandbox-portal';

export function portalDefinitionFor(portalUrl: string, issuer: string): PortalDefinition {
  return PortalDefinitionSchema.parse({
    id: SANDBOX_PORTAL_ID,
    name: 'DataBridge sandbox (local)',
    origin: portalUrl,
    signInUrl: `${portalUrl}/signin`,
    identityOrigins: [issuer],
    signInOrigins: [],
    connectButtonLabel: 'Connected',
    // What the integration page really has; the schema's default ("Visma.net") is only a guess at a real portal.
    connectSection: 'Visma.net Financials',
    // The page keeps no one-time message that would confirm a connection.
    connectedMarker: '',
  });
}

export function portalProfilesFor(seed: Seed, portalUrl: string): ProfileInput[] {
  const companyName = new Map(seed.companies.map((c) => [c.id, c.name]));
  return seed.portal.integrations.map((integration) => {
    const profile: ProfileInput = {
      id: integration.id,
      name: integration.name,
      direction: integration.direction,
      companyId: integration.companyId,
      companyName: companyName.get(integration.companyId) ?? '',
      apiUser: integration.apiUser,
      connection: 'portal',
      portalId: SANDBOX_PORTAL_ID,
      portalUrl: `${portalUrl}/integrations/${encodeURIComponent(integration.id)}`,
    };
    ProfileDefinitionSchema.parse(profile); // the app's own check: a seed that makes bad profiles fails here, not at import
    return profile;
  });
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

export const writePortalFile = (file: string, portal: PortalDefinition) => writeJson(file, portal);

/** In the app's JSON export envelope, so its profile import reads it as its own. */
export const writePortalProfilesFile = (file: string, profiles: ProfileInput[]) => writeJson(file, { format: PROFILE_FILE_FORMAT, version: 1, profiles });
