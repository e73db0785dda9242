import { LoginWithSchema } from '../../shared/login-with';
import { LANGUAGES } from '../../shared/i18n/languages';
import { z } from 'zod';
import { type Message, isMessage } from '../../shared/i18n/message';
import { EnvironmentDefinitionSchema } from '../../shared/environment';
import { PortalDefinitionSchema } from '../../shared/portal';
import { ProfileSchema } from '../../shared/profile-schema';
import { REAUTH_OUTCOMES } from '../../shared/reauth';
import { BULK_ITEM_STATES } from '../../shared/bulk';
import { UPDATE_CHANNELS } from '../../shared/updates';

/** Bump with every change to the file's shape, and add the step to migrations.ts. */
export const SETTINGS_VERSION = 5;

const BulkItemSchema = z.object({
  profileId: z.string(),
  name: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  apiUser: z.string(),
  state: z.enum(BULK_ITEM_STATES),
  outcome: z.enum(REAUTH_OUTCOMES).optional(),
  reason: z.string().optional(),
  /** The reason as words in the catalog (absent in runs saved before words were data: the reason shows as it is). */
  reasonWords: z.custom<Message>(isMessage).optional(),
  finishedAt: z.string().optional(),
});

/** Only what cannot be derived: who is under way, who is next and the counts come from the items (bulk/bulk-run.ts). */
export const BulkRunSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  items: z.array(BulkItemSchema),
  auto: z.boolean(),
});

export const SettingsSchema = z.object({
  schemaVersion: z.literal(SETTINGS_VERSION),
  profiles: z.array(ProfileSchema),
  /** Custom environments only; the built-in one lives in code. */
  environments: z.array(EnvironmentDefinitionSchema),
  /** The parts of the built-in environment the user may set. */
  /** (extraLoginOrigins is optional, so files without it need no migration: absent means none.) */
  production: z.object({ clientId: z.string(), redirectUri: z.string(), extraLoginOrigins: z.array(z.string()).optional(), loginWith: LoginWithSchema.optional() }),
  /**
   * The Severa REST API connection (not secret; the client credentials live in the keychain).
   * Optional, so files without it need no migration: absent means the defaults.
   */
  severa: z.object({ baseUrl: z.string(), addonName: z.string() }).optional(),
  /** A bulk reconnect under way (version 2): kept so a crash or close loses nothing. */
  bulk: BulkRunSchema.nullable(),
  /** Portals that hold profiles' connections (version 3). Their sign-ins live in the keychain, never here. */
  portals: z.array(PortalDefinitionSchema),
  /** The environment a profile was last added or edited with: a new profile starts there (optional, no migration). */
  lastEnvironmentId: z.string().optional(),
  /** The language the person chose; absent: the system's (optional, no migration). */
  language: z.enum(LANGUAGES).optional(),
  /**
   * Auto-update (issue 25; optional, no migration): the update server's folder (absent or empty: the
   * one the build was packaged with, none in a development build), the channel (absent: the
   * version's own, beta for a -beta version), the version that last ran, and the version whose
   * release notes wait to be read.
   */
  updates: z.object({ feedUrl: z.string().optional(), channel: z.enum(UPDATE_CHANNELS).optional(), lastVersion: z.string().optional(), notesFor: z.string().optional() }).optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const emptySettings = (): Settings => ({
  schemaVersion: SETTINGS_VERSION,
  profiles: [],
  environments: [],
  production: { clientId: '', redirectUri: '' },
  bulk: null,
  portals: [],
});
