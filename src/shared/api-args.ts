import { z } from 'zod';
import type { API_METHODS, BridgekeeperApi } from './api';
import { EnvironmentDefinitionSchema } from './environment';
import { EXISTING_ROW_CHOICES } from './import-report';
import { MAX_LOG_TEXT_CHARS } from './log-explanation';
import { PortalDefinitionSchema } from './portal';
import { LIST_LIMIT } from './portal-listing';
import { DIRECTIONS } from './profile';
import { LANGUAGES } from './i18n/languages';
import { LoginWithSchema } from './login-with';
import { ProfileDefinitionSchema } from './profile-schema';
import {
  ColumnMappingSchema,
  FileBytesSchema,
  RunIdSchema,
  SeveraApiSettingsSchema,
  SeveraCredentialsSchema,
  SeveraOrganizationSchema,
  SeveraSideSchema,
  SeveraVerdictFilterSchema,
} from './severa-panel-schema';

const Id = z.string().min(1).max(200);
const FileTextSchema = z.object({
  name: z.string().min(1).max(1000),
  // 64 MiB of text is far beyond any profile list; the limit keeps a stray file from exhausting main.
  text: z.string().max(64 * 1024 * 1024),
});

const LogTextSchema = z.object({
  name: z.string().min(1).max(1000),
  text: z.string().max(MAX_LOG_TEXT_CHARS, `is longer than ${MAX_LOG_TEXT_CHARS / (1024 * 1024)} MiB characters: open the log as a file instead, so it is streamed`),
});

/**
 * The argument list of every API method, checked in main before the method runs.
 * Definitions are checked loosely here (shape) and strictly by the services (content),
 * so a bad field gets the service's message naming it.
 */
export const API_ARGS = {
  listNotices: z.tuple([]),
  dismissNotice: z.tuple([Id]),
  getLanguage: z.tuple([]),
  setLanguage: z.tuple([z.enum(LANGUAGES).nullable()]),
  listProfiles: z.tuple([z.int().min(0), z.int().min(1).max(100_000)]),
  createProfile: z.tuple([ProfileDefinitionSchema]),
  updateProfile: z.tuple([Id, ProfileDefinitionSchema]),
  deleteProfiles: z.tuple([z.array(Id).max(100_000)]),
  undoDelete: z.tuple([Id]),
  importProfiles: z.tuple([FileBytesSchema, z.enum(['all-or-nothing', 'valid-only']), z.enum(EXISTING_ROW_CHOICES).optional()]),
  previewImport: z.tuple([FileBytesSchema]),
  newProfileDefaults: z.tuple([]),
  exportProfiles: z.tuple([z.enum(['json', 'csv', 'xlsx']), z.array(Id).max(100_000).nullable()]),
  reauthenticate: z.union([z.tuple([Id]), z.tuple([Id, z.object({ loginWith: LoginWithSchema.optional() }).strict()])]),
  reportPortalWord: z.tuple([
    Id,
    z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('connected'), marker: z.string().trim().min(1).max(200).optional() }).strict(),
      z.object({ outcome: z.literal('failed'), detail: z.string().trim().max(2000).optional() }).strict(),
      z.object({ outcome: z.literal('unsure') }).strict(),
    ]),
  ]),
  answerOtherUser: z.tuple([Id, z.enum(['keep', 'discard'])]),
  confirmPortalConnection: z.tuple([Id]),
  listBrowsers: z.tuple([]),
  cancelReauth: z.tuple([Id]),
  disconnectProfile: z.tuple([Id]),
  listProfileEvents: z.tuple([Id]),
  runHealthCheck: z.tuple([z.array(Id).max(100_000).nullable()]),
  cancelHealthCheck: z.tuple([]),
  getBulkRun: z.tuple([]),
  startBulkRun: z.tuple([z.array(Id).min(1).max(100_000)]),
  bulkOpen: z.tuple([Id]),
  bulkSkip: z.tuple([Id]),
  bulkRetry: z.tuple([Id]),
  bulkConfirm: z.tuple([Id]),
  bulkCancel: z.tuple([Id]),
  bulkSetAuto: z.tuple([z.boolean()]),
  bulkDiscard: z.tuple([]),
  exportBulkSummary: z.tuple([]),
  listAuditEvents: z.tuple([z.int().min(1).max(10_000)]),
  exportAuditTrail: z.tuple([]),
  listPortals: z.tuple([]),
  savePortal: z.tuple([PortalDefinitionSchema]),
  deletePortal: z.tuple([Id]),
  importPortal: z.tuple([FileTextSchema]),
  signInToPortal: z.tuple([Id, z.boolean()]),
  signOutOfPortal: z.tuple([Id]),
  openPortalList: z.tuple([Id]),
  readPortalList: z.tuple([
    Id,
    z
      .object({
        pattern: z.string().max(300).optional(),
        example: z.string().max(4000).optional(),
        limit: z.int().min(1).max(LIST_LIMIT.max).optional(),
        details: z.boolean().optional(),
      })
      .strict(),
  ]),
  applyPortalList: z.tuple([
    Id,
    z
      .object({
        add: z
          .array(
            z
              .object({
                url: z.string().max(4000),
                name: z.string().max(200),
                direction: z.enum(DIRECTIONS),
                companyId: z.string().max(64),
                companyName: z.string().max(200),
                apiUser: z.string().max(320),
              })
              .strict(),
          )
          .max(LIST_LIMIT.max),
        rename: z.array(z.object({ profileId: Id, name: z.string().max(200) }).strict()).max(LIST_LIMIT.max),
        remove: z.array(Id).max(LIST_LIMIT.max),
      })
      .strict(),
  ]),
  closePortalList: z.tuple([Id]),
  setJobUrl: z.tuple([Id, z.string().max(4000).nullable()]),
  listEnvironments: z.tuple([]),
  saveEnvironment: z.tuple([EnvironmentDefinitionSchema]),
  deleteEnvironment: z.tuple([Id]),
  importEnvironment: z.tuple([FileTextSchema]),
  getSeveraCheck: z.tuple([]),
  loadSeveraFile: z.tuple([SeveraSideSchema, FileBytesSchema]),
  setSeveraColumns: z.tuple([SeveraSideSchema, ColumnMappingSchema]),
  setSeveraSheet: z.tuple([SeveraSideSchema, z.string().min(1).max(200)]),
  setSeveraOrganization: z.tuple([SeveraOrganizationSchema]),
  saveSeveraApiSettings: z.tuple([SeveraApiSettingsSchema]),
  saveSeveraCredentials: z.tuple([SeveraCredentialsSchema]),
  clearSeveraCredentials: z.tuple([]),
  readSeveraUsersFromApi: z.tuple([]),
  runSeveraCheck: z.tuple([]),
  listSeveraVerdicts: z.tuple([RunIdSchema, SeveraVerdictFilterSchema, z.int().min(0), z.int().min(1).max(1000)]),
  checkSeveraEmail: z.tuple([z.string().min(1, 'is empty').max(1000)]),
  exportSeveraReport: z.tuple([z.enum(['json', 'csv', 'xlsx'])]),
  explainLog: z.tuple([LogTextSchema]),
  explainLogFile: z.tuple([]),
  explainDroppedLog: z.tuple([z.string().min(1, 'is empty: the file has no path on disk').max(4096)]),
  getUpdateState: z.tuple([]),
  checkForUpdates: z.tuple([]),
  restartToUpdate: z.tuple([]),
  getReleaseNotes: z.tuple([]),
  dismissReleaseNotes: z.tuple([]),
} as const satisfies { [K in keyof BridgekeeperApi]: z.ZodType<Parameters<BridgekeeperApi[K]>, unknown> };

// A method missing from API_METHODS would be served but never exposed: make that a compile error.
type Unlisted = Exclude<keyof BridgekeeperApi, (typeof API_METHODS)[number]>;
export const API_METHODS_COMPLETE: [Unlisted] extends [never] ? true : Unlisted = true;
