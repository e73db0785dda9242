import type { Language } from './i18n/languages';
import type { DetectedBrowser, LoginWith } from './login-with';
import type { Environment, EnvironmentDefinition } from './environment';
import type { Portal, PortalDefinition } from './portal';
import type { ListChoices, ListRead, ListReadOptions, ListReport, ListWindowState } from './portal-listing';
import type { ExistingRows, ImportMode, ImportPreview, ImportReport } from './import-report';
import type { LogExplanation } from './log-explanation';
import type { MenuCommand } from './menu-command';
import type { Notice } from './notice';
import type { Profile, ProfileInput } from './profile';
import type { BulkRun } from './bulk';
import type { HealthCheckSummary } from './health';
import type { OtherUserAnswer, PortalPrompt, PortalWord, ProfileEvent, ReauthResult, ReauthStep } from './reauth';
import type { ColumnMapping } from './severa-check';
import type { ReleaseNotes, UpdateState } from './updates';
import type {
  FileBytes,
  SeveraApiSettings,
  SeveraCheckState,
  SeveraCredentialsInput,
  SeveraOrganizationInput,
  SeveraSide,
  SeveraVerdictFilter,
  SeveraVerdictPage,
  SeveraVerdictView,
} from './severa-panel';

/** A file the renderer read for main: its name (for messages) and its text. */
export interface FileText {
  name: string;
  text: string;
}

export type ExportFormat = 'json' | 'csv' | 'xlsx';

/**
 * A deletion is undoable for a few seconds: the profiles leave the list at once, and their tokens
 * are revoked and removed from the keychain only when it becomes final (a failed revoke is then
 * posted as a notice).
 */
/** How long a deletion can be undone, unless main is told otherwise (tests). */
export const DELETE_UNDO_SECONDS = 10;

export interface DeleteReport {
  deleted: number;
  /** For undoDelete, until `finalAt`. */
  undoId: string;
  finalAt: string;
}

/** What a new profile starts with in the form: the environment last used that is set up. */
export interface ProfileDefaults {
  environmentId: string;
}

export interface DisconnectReport {
  revoked: boolean;
  revokeError?: string;
}

/** The language words are shown in: the person's choice (null: the system's) and the locale that follows. */
export interface LanguageSetting {
  chosen: Language | null;
  /** The system's locale, BCP 47. */
  system: string;
  /** The locale every word, date, number and CSV export follows. */
  locale: string;
}

/** B4: how one reconnect is shown, overriding the environment's or portal's choice. */
export interface ReauthOptions {
  loginWith?: LoginWith;
}


export interface ProfilePage {
  profiles: Profile[];
  total: number;
}

/**
 * A file for the user to save: text (CSV, JSON) or bytes (an .xlsx workbook) as base64, which
 * crosses Electron's IPC and the test harness's JSON alike.
 */
export type ExportedFile = { fileName: string; mimeType: string } & ({ text: string; base64?: never } | { base64: string; text?: never });

/**
 * The whole surface between the renderer and main, written once.
 * Main implements it as a plain object; platform/ipc serves it over ipcMain.handle,
 * preload exposes it as window.bridgekeeper, and the E2E harness binds the same object into Chromium.
 */
export interface BridgekeeperApi {
  listNotices(): Promise<Notice[]>;
  dismissNotice(id: string): Promise<void>;

  /** B6: the language words are shown in; null follows the system. Remembered. */
  getLanguage(): Promise<LanguageSetting>;
  setLanguage(language: Language | null): Promise<LanguageSetting>;

  /** A page of profiles in name order; the renderer shows the first page at once and fetches the rest. */
  listProfiles(offset: number, limit: number): Promise<ProfilePage>;
  createProfile(definition: ProfileInput): Promise<Profile>;
  updateProfile(id: string, definition: ProfileInput): Promise<Profile>;
  deleteProfiles(ids: string[]): Promise<DeleteReport>;
  /** Brings back the profiles of a deletion that is not final yet; refused once it is. */
  undoDelete(undoId: string): Promise<{ restored: number }>;
  /** Rows of existing profiles: refused (the default), updated from the file, or skipped. */
  importProfiles(file: FileBytes, mode: ImportMode, existing?: ExistingRows): Promise<ImportReport>;
  /** What importProfiles would add and change, writing nothing. */
  previewImport(file: FileBytes): Promise<ImportPreview>;
  newProfileDefaults(): Promise<ProfileDefaults>;
  exportProfiles(format: ExportFormat, ids: string[] | null): Promise<ExportedFile>;

  /** Opens the isolated Visma login for the profile and resolves when it has ended, however it ended. */
  reauthenticate(profileId: string, options?: ReauthOptions): Promise<ReauthResult>;
  cancelReauth(profileId: string): Promise<void>;
  /**
   * The person's word on a portal reconnect after seeing the portal's page (the built-in window
   * when the portal's page did not say, or a browser Bridgekeeper cannot watch); refused when none waits for it.
   */
  reportPortalWord(profileId: string, word: PortalWord): Promise<void>;
  /** A direct reconnect's login made as another Visma user than the profile's API user: keep it (that user becomes the API user) or discard it. */
  answerOtherUser(profileId: string, answer: OtherUserAnswer): Promise<void>;
  /**
   * A portal profile whose reconnect is not confirmed: its page in the portal once more (no Connect
   * pressed) for the person to say how it is, after its job where it has a triggered-job URL.
   */
  confirmPortalConnection(profileId: string): Promise<ReauthResult>;
  /** B4: the browsers found on this machine. */
  listBrowsers(): Promise<DetectedBrowser[]>;
  disconnectProfile(profileId: string): Promise<DisconnectReport>;
  /** Newest first. */
  listProfileEvents(profileId: string): Promise<ProfileEvent[]>;

  /** F9: the chosen profiles (null: all) against the ERP API; progress comes as health-progress events. */
  runHealthCheck(profileIds: string[] | null): Promise<HealthCheckSummary>;
  cancelHealthCheck(): Promise<void>;

  /** F8: the bulk reconnect, kept on disk until discarded; null when there is none. */
  getBulkRun(): Promise<BulkRun | null>;
  startBulkRun(profileIds: string[]): Promise<BulkRun>;
  /**
   * Every bulk command names the profile it is meant for and is refused for any other, so a late
   * click cannot act on the next profile. Progress comes as bulk-changed events.
   */
  /** Opens the login for the profile next in line (refused while a login is under way). */
  bulkOpen(profileId: string): Promise<BulkRun>;
  /** Skips a waiting profile, or closes the login under way for it and marks it skipped. */
  bulkSkip(profileId: string): Promise<BulkRun>;
  /** Puts a failed or skipped item back in the queue, next in line. */
  bulkRetry(profileId: string): Promise<BulkRun>;
  /** A portal profile the run left unconfirmed: its page once more, for its job or the person's word. */
  bulkConfirm(profileId: string): Promise<BulkRun>;
  /** Closes the login under way for the profile; it keeps its place and the run pauses. */
  bulkCancel(profileId: string): Promise<BulkRun>;
  /** On: the next login opens by itself, now and after each one. Off: pause after the login under way. */
  bulkSetAuto(auto: boolean): Promise<BulkRun>;
  bulkDiscard(): Promise<void>;
  exportBulkSummary(): Promise<ExportedFile>;

  /** B3: the newest events of every profile, newest first; and the whole trail as CSV. */
  listAuditEvents(limit: number): Promise<ProfileEvent[]>;
  exportAuditTrail(): Promise<ExportedFile>;

  /** F18: portals that hold profiles' connections (DataBridge, Panels, the sandbox's). */
  listPortals(): Promise<Portal[]>;
  savePortal(definition: PortalDefinition): Promise<Portal>;
  deletePortal(id: string): Promise<void>;
  importPortal(file: FileText): Promise<Portal>;
  /** Opens the portal's sign-in window; `remember` keeps the sign-in in the OS keychain. */
  signInToPortal(portalId: string, remember: boolean): Promise<Portal>;
  signOutOfPortal(portalId: string): Promise<Portal>;
  /**
   * F19: opens the portal's list of profiles in the portal window (signing in first when no sign-in
   * is held); what it shows comes as portal-list-window events.
   */
  openPortalList(portalId: string): Promise<ListWindowState>;
  /** Reads the list from the page the window shows (and the pages after it) into a review; saves nothing. */
  readPortalList(listingId: string, options: ListReadOptions): Promise<ListRead>;
  /** Saves what the person ticked in the last read's review. */
  applyPortalList(listingId: string, choices: ListChoices): Promise<ListReport>;
  closePortalList(listingId: string): Promise<void>;
  /** A portal profile's triggered-job URL (a secret: keychain only), or null to remove it. */
  setJobUrl(profileId: string, url: string | null): Promise<Profile>;

  listEnvironments(): Promise<Environment[]>;
  saveEnvironment(definition: EnvironmentDefinition): Promise<Environment>;
  deleteEnvironment(id: string): Promise<void>;
  importEnvironment(file: FileText): Promise<Environment>;

  /** The Severa login check (docs/severa-check.md): main keeps both lists and the latest result. */
  getSeveraCheck(): Promise<SeveraCheckState>;
  /** Reads a user file (bytes: the encoding is detected in main); bad input leaves that side with its problems, nothing half-read. */
  loadSeveraFile(side: SeveraSide, file: FileBytes): Promise<SeveraCheckState>;
  /** Reads the side's last file again with the columns corrected. */
  /** Reads that side's last file (a workbook) again from another sheet; the column mapping starts over. */
  setSeveraSheet(side: SeveraSide, sheet: string): Promise<SeveraCheckState>;
  setSeveraColumns(side: SeveraSide, columns: ColumnMapping): Promise<SeveraCheckState>;
  setSeveraOrganization(organization: SeveraOrganizationInput): Promise<SeveraCheckState>;
  saveSeveraApiSettings(settings: SeveraApiSettings): Promise<SeveraCheckState>;
  /** Into the keychain; never given back. */
  saveSeveraCredentials(credentials: SeveraCredentialsInput): Promise<SeveraCheckState>;
  clearSeveraCredentials(): Promise<SeveraCheckState>;
  /** Severa users and the add-on state, read live from the Severa REST API. */
  readSeveraUsersFromApi(): Promise<SeveraCheckState>;
  runSeveraCheck(): Promise<SeveraCheckState>;
  /** A page of the latest run's verdicts that pass the filter, in input order. */
  listSeveraVerdicts(runId: number, filter: SeveraVerdictFilter, offset: number, limit: number): Promise<SeveraVerdictPage>;
  /** The verdict one address gets against the loaded lists. */
  checkSeveraEmail(email: string): Promise<SeveraVerdictView>;
  /** The latest run's whole report, as the CLI writes it. */
  exportSeveraReport(format: ExportFormat): Promise<ExportedFile>;
  /**
   * Pasted text or a log file the renderer read (at most MAX_LOG_TEXT_CHARS): every known Visma error in
   * it with its count, times, endpoints, companies and what to do; unknown errors grouped; the profiles
   * named near them, for bulk reconnect.
   */
  explainLog(file: FileText): Promise<LogExplanation>;
  /** A log file of any size, picked in the system's file dialog and streamed from disk; null when none was picked. */
  explainLogFile(): Promise<LogExplanation | null>;
  /**
   * A log file dropped on the window, streamed from disk like one picked in the dialog. The page
   * never names the path: it hands the preload the dropped File, and the preload asks Electron
   * where it is (webUtils.getPathForFile), so page script cannot point main at any file it likes.
   */
  explainDroppedLog(path: string): Promise<LogExplanation>;

  /** Issue 25: this copy's version and channel, and where auto-update stands (changes come as update-changed events). */
  getUpdateState(): Promise<UpdateState>;
  /** Help ▸ Check for updates…: resolves when the check, and a download it started, have ended. */
  checkForUpdates(): Promise<UpdateState>;
  /** "Restart now": installs the verified download now, or as soon as no login, portal reconnect or bulk run is under way. */
  restartToUpdate(): Promise<UpdateState>;
  /** What changed in the version running, once after an update (the reader's language, else English); null when already seen. */
  getReleaseNotes(): Promise<ReleaseNotes | null>;
  /** The notes were read: they are not shown again for this version. */
  dismissReleaseNotes(): Promise<void>;
}

export type ApiMethod = keyof BridgekeeperApi;

/** Every method by name: what preload and the harness expose (api-args.ts checks it is complete). */
export const API_METHODS = [
  'listNotices',
  'dismissNotice',
  'getLanguage',
  'setLanguage',
  'listProfiles',
  'createProfile',
  'updateProfile',
  'deleteProfiles',
  'undoDelete',
  'importProfiles',
  'previewImport',
  'newProfileDefaults',
  'exportProfiles',
  'reauthenticate',
  'cancelReauth',
  'reportPortalWord',
  'answerOtherUser',
  'confirmPortalConnection',
  'listBrowsers',
  'disconnectProfile',
  'listProfileEvents',
  'runHealthCheck',
  'cancelHealthCheck',
  'getBulkRun',
  'startBulkRun',
  'bulkOpen',
  'bulkSkip',
  'bulkRetry',
  'bulkConfirm',
  'bulkCancel',
  'bulkSetAuto',
  'bulkDiscard',
  'exportBulkSummary',
  'listAuditEvents',
  'exportAuditTrail',
  'listPortals',
  'savePortal',
  'deletePortal',
  'importPortal',
  'signInToPortal',
  'signOutOfPortal',
  'openPortalList',
  'readPortalList',
  'applyPortalList',
  'closePortalList',
  'setJobUrl',
  'listEnvironments',
  'saveEnvironment',
  'deleteEnvironment',
  'importEnvironment',
  'getSeveraCheck',
  'loadSeveraFile',
  'setSeveraColumns',
  'setSeveraSheet',
  'setSeveraOrganization',
  'saveSeveraApiSettings',
  'saveSeveraCredentials',
  'clearSeveraCredentials',
  'readSeveraUsersFromApi',
  'runSeveraCheck',
  'listSeveraVerdicts',
  'checkSeveraEmail',
  'exportSeveraReport',
  'explainLog',
  'explainLogFile',
  'explainDroppedLog',
  'getUpdateState',
  'checkForUpdates',
  'restartToUpdate',
  'getReleaseNotes',
  'dismissReleaseNotes',
] as const satisfies readonly ApiMethod[];

/** Main → renderer: what changed, so the renderer's view follows main's truth. */
export type ApiEvent =
  | { type: 'profiles-upserted'; profiles: Profile[] }
  | { type: 'profiles-removed'; ids: string[] }
  | { type: 'environments-changed'; environments: Environment[] }
  | { type: 'portals-changed'; portals: Portal[] }
  /** F19: the page the portal's list window shows, or that it closed. */
  | { type: 'portal-list-window'; window: ListWindowState }
  | { type: 'notices-changed'; notices: Notice[] }
  | { type: 'reauth-progress'; profileId: string; step: ReauthStep }
  /** What a portal reconnect asks of the person now; null: nothing (any more). */
  | { type: 'portal-prompt'; profileId: string; prompt: PortalPrompt | null }
  /** waitingUntil (ISO time): the check is paused because Visma asked it to slow down (HTTP 429). */
  | { type: 'health-progress'; done: number; total: number; running: boolean; waitingUntil?: string }
  | { type: 'bulk-changed'; run: BulkRun | null }
  | { type: 'menu-command'; command: MenuCommand }
  | { type: 'update-changed'; update: UpdateState };

/** What the renderer sees under window.bridgekeeper: the contract plus event subscription. */
export type BridgekeeperClient = BridgekeeperApi & {
  onEvent(listener: (event: ApiEvent) => void): () => void;
};

/** The name the API is exposed under, in preload and in the test harness alike. */
export const API_GLOBAL = 'bridgekeeper';
export const IPC_INVOKE_CHANNEL = 'bridgekeeper:invoke';
export const IPC_EVENT_CHANNEL = 'bridgekeeper:event';
