import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type PortalDefinition, PortalDefinitionSchema } from '../../src/shared/portal';
import { PROFILE_FILE_FORMAT } from '../../src/main/profiles/profile-file';
import { ProfileDefinitionSchema, type ProfileInput } from '../../src/shared/profile-schema';
import type { Seed } from '../seed/seed-schema';
import type { PortalStyleInForce } from './portal-style';
import type { PortalWords } from './portal-words';

/** What the app imports to rehearse portal reconnects: the portal file and one profile per integration. */
export const SANDBOX_PORTAL_ID = 'sandbox-portal';

/**
 * The portal as the app's portal file describes it, true to the style: where its sign-in starts, the
 * SuperOffice look-alike as its federated sign-in, its Connect control's label and section, and — only
 * where the portal says one (success "flash") — the words that confirm a saved connection.
 */
export function portalDefinitionFor(input: { portalUrl: string; issuer: string; style: PortalStyleInForce; words: PortalWords; signInPath: string; superOfficeUrl?: string }): PortalDefinition {
  const { portalUrl, issuer, style, words } = input;
  return PortalDefinitionSchema.parse({
    id: SANDBOX_PORTAL_ID,
    name: 'DataBridge sandbox (local)',
    origin: portalUrl,
    signInUrl: `${portalUrl}${input.signInPath}`,
    identityOrigins: [issuer],
    signInOrigins: input.superOfficeUrl ? [input.superOfficeUrl] : [],
    connectButtonLabel: style.connect.label ?? words.connected,
    connectSection: style.connect.section,
    connectedMarker: style.success === 'flash' ? words.saved : '',
    // F19: the look-alike knows its own list and the shape of its integrations' pages.
    listUrl: `${portalUrl}/integrations`,
    profilePattern: '/integrations/{id}',
    // What its integration pages name: the company, with its id.
    profileDetails: `${words.exportsTo('{company} ({companyId})')}\n${words.importsFrom('{company} ({companyId})')}`,
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
