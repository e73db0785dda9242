import type { Environment, EnvironmentDefinition } from './environment';
import type { ImportMode, ImportReport } from './import-report';
import type { LogExplanation } from './log-explanation';
import type { Notice } from './notice';
import type { Profile, ProfileDefinition } from './profile';
import type { ProfileEvent, ReauthResult, ReauthStep } from './reauth';

/** A file the renderer read for main: its name (for messages) and its text. */
export interface FileText {
  name: string;
  text: string;
}

export type ExportFormat = 'json' | 'csv';

export interface DeleteReport {
  deleted: number;
  /** Profiles whose refresh token Visma could not revoke; their local tokens are gone all the same. */
  revokeFailures: { profileId: string; name: string; message: string }[];
}

export interface DisconnectReport {
  revoked: boolean;
  revokeError?: string;
}

export interface ProfilePage {
  profiles: Profile[];
  total: number;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  text: string;
}

/**
 * The whole surface between the renderer and main, written once.
 * Main implements it as a plain object; platform/ipc serves it over ipcMain.handle,
 * preload exposes it as window.bridgekeeper, and the E2E harness binds the same object into Chromium.
 */
export interface BridgekeeperApi {
  listNotices(): Promise<Notice[]>;
  dismissNotice(id: string): Promise<void>;

  /** A page of profiles in name order; the renderer shows the first page at once and fetches the rest. */
  listProfiles(offset: number, limit: number): Promise<ProfilePage>;
  createProfile(definition: ProfileDefinition): Promise<Profile>;
  updateProfile(id: string, definition: ProfileDefinition): Promise<Profile>;
  deleteProfiles(ids: string[]): Promise<DeleteReport>;
  importProfiles(file: FileText, mode: ImportMode): Promise<ImportReport>;
  exportProfiles(format: ExportFormat, ids: string[] | null): Promise<ExportedFile>;

  /** Opens the isolated Visma login for the profile and resolves when it has ended, however it ended. */
  reauthenticate(profileId: string): Promise<ReauthResult>;
  cancelReauth(profileId: string): Promise<void>;
  disconnectProfile(profileId: string): Promise<DisconnectReport>;
  /** Newest first. */
  listProfileEvents(profileId: string): Promise<ProfileEvent[]>;

  listEnvironments(): Promise<Environment[]>;
  saveEnvironment(definition: EnvironmentDefinition): Promise<Environment>;
  deleteEnvironment(id: string): Promise<void>;
  importEnvironment(file: FileText): Promise<Environment>;

  /**
   * Pasted text or a log file the renderer read (at most MAX_LOG_TEXT_CHARS): every known Visma error in
   * it with its count, times, endpoints, companies and what to do; unknown errors grouped; the profiles
   * named near them, for bulk reconnect.
   */
  explainLog(file: FileText): Promise<LogExplanation>;
}

export type ApiMethod = keyof BridgekeeperApi;

/** Every method by name: what preload and the harness expose (api-args.ts checks it is complete). */
export const API_METHODS = [
  'listNotices',
  'dismissNotice',
  'listProfiles',
  'createProfile',
  'updateProfile',
  'deleteProfiles',
  'importProfiles',
  'exportProfiles',
  'reauthenticate',
  'cancelReauth',
  'disconnectProfile',
  'listProfileEvents',
  'listEnvironments',
  'saveEnvironment',
  'deleteEnvironment',
  'importEnvironment',
  'explainLog',
] as const satisfies readonly ApiMethod[];

/** Main → renderer: what changed, so the renderer's view follows main's truth. */
export type ApiEvent =
  | { type: 'profiles-upserted'; profiles: Profile[] }
  | { type: 'profiles-removed'; ids: string[] }
  | { type: 'environments-changed'; environments: Environment[] }
  | { type: 'notices-changed'; notices: Notice[] }
  | { type: 'reauth-progress'; profileId: string; step: ReauthStep };

/** What the renderer sees under window.bridgekeeper: the contract plus event subscription. */
export type BridgekeeperClient = BridgekeeperApi & {
  onEvent(listener: (event: ApiEvent) => void): () => void;
};

/** The name the API is exposed under, in preload and in the test harness alike. */
export const API_GLOBAL = 'bridgekeeper';
export const IPC_INVOKE_CHANNEL = 'bridgekeeper:invoke';
export const IPC_EVENT_CHANNEL = 'bridgekeeper:event';
