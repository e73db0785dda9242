import { message } from '../shared/i18n/message';
import { english, inWords } from './in-words';
import type { ApiEvent, BridgekeeperApi } from '../shared/api';
import type { Notice } from '../shared/notice';
import { createBulkService } from './bulk/bulk-service';
import { createEnvironmentService } from './environments/environment-service';
import { exportAuditTrail } from './events/audit-trail';
import { type HealthCheckDeps, createHealthCheckService } from './health/health-check-service';
import { openEventLog } from './events/event-log';
import { createExplainerService } from './explainer';
import type { Logger } from './logger';
import { createNoticeBoard, noKeychainNotice } from './notices';
import { createProfileService } from './profiles/profile-service';
import { createJobUrls } from './portal/job-urls';
import { chunkedSecrets, createMemorySecrets, type SecretStore } from './portal/portal-secrets';
import { createPortalService } from './portal/portal-service';
import type { PortalSurface } from './portal/portal-surface';
import type { LoginSurface } from './reauth/login-surface';
import { OidcClient } from './reauth/oidc-client';
import { createReauthService } from './reauth/reauth-service';
import { createOutcomeRecorder } from './reauth/outcome-recorder';
import { createPortalReconnects } from './portal/portal-reconnect';
import { createPortalListing } from './portal/portal-listing';
import { userInfo } from 'node:os';
import { TokenManager } from './reauth/token-manager';
import type { TokenVault } from './reauth/token-vault';
import { type JsonFileBackend, openSettings } from './settings/settings-store';
import { createMemorySeveraVault, type SeveraCredentialVault } from './severa/panel/credential-vault';
import { createSeveraCheckService, type SeveraCheckServiceDeps } from './severa/panel/severa-check-service';
import { csvDelimiterFor, systemLocale } from './tables/locale-delimiter';
import { createLanguageService } from './language-service';
import { type BrowserLoginsDeps, createBrowserLogins } from './browser/browser-logins';
import { callbackPage } from './browser/callback-page';
import { detectBrowsers } from './browser/detect-browsers';
import { systemProbe } from './browser/system-probe';
import { createTranslator } from '../shared/i18n/translator';
import { languageOf } from '../shared/i18n/languages';
import { type AppUpdaterDeps, busyWith, createAppUpdates, underWay } from './updates/app-updates';

/** API methods that act outside the settings file (a login, the keychain, a portal, Visma) before they save. */
const CHANGES_ELSEWHERE_FIRST = [
  'reauthenticate',
  'confirmPortalConnection',
  'reportPortalWord',
  'answerOtherUser',
  'disconnectProfile',
  'runHealthCheck',
  'startBulkRun',
  'bulkOpen',
  'bulkRetry',
  'bulkConfirm',
  'setJobUrl',
  'openPortalList',
  'applyPortalList',
  'importProfiles',
] as const satisfies readonly (keyof BridgekeeperApi)[];

/** The OS account's name; "unknown" where the OS will not say (a user without a passwd entry). */
const osUser = () => {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
};

export interface AppDeps {
  /** electron-store in the app, conf in tests: the same file format and code path. */
  createSettingsBackend: () => JsonFileBackend;
  settingsPath: string;
  /** The audit trail's file (JSON lines); null keeps events in memory. */
  eventLogPath: string | null;
  /** The OS keychain, or memory where none works (then `vaultWarning` says why). */
  vault: TokenVault;
  vaultWarning?: string;
  loginSurface: LoginSurface;
  /** The portal windows (F18): sign-in, and one fresh session per reconnect. */
  portalSurface: PortalSurface;
  /** Portal sign-ins and triggered-job URLs: the OS keychain in the app; memory when left out. */
  portalSecrets?: SecretStore;
  /** The system's "open file" dialog for a log to explain (a test double in tests); null when cancelled. */
  pickLogFile: () => Promise<string | null>;
  emit: (event: ApiEvent) => void;
  log: Logger;
  fetch?: typeof fetch;
  loginTimeoutMs?: number;
  /** How long a deletion can be undone (tests shorten it). */
  deleteUndoMs?: number;
  /** Who is at the keyboard, for the audit trail (F19's "by whom"); the OS account when left out. */
  who?: () => string;
  now?: () => Date;
  /** Health check tuning (tests shorten the retry waits). */
  healthCheck?: Pick<HealthCheckDeps, 'concurrency' | 'attempts' | 'baseDelayMs' | 'expiringWithinDays'>;
  /** The Severa REST API client's credentials: the OS keychain in the app; memory when left out. */
  severaCredentials?: SeveraCredentialVault;
  /** The Severa API client's retry waits and time-outs (tests shorten them). */
  severaApiOptions?: SeveraCheckServiceDeps['apiOptions'];
  /** The user's locale (BCP 47): its language goes to Visma's login as ui_locales, its region picks the CSV exports' delimiter. The system's when left out. */
  locale?: () => string;
  /** Browser logins (B4): the machine's browsers, found for real unless a test says otherwise, and test-only hooks to attach to them. */
  browserLogins?: Partial<Pick<BrowserLoginsDeps, 'detect' | 'extraArgs' | 'onLaunched'>>;
  /** Auto-update (issue 25): electron-updater behind the platform seam; off when left out. */
  updater?: AppUpdaterDeps;
}

const TEN_MINUTES = 10 * 60 * 1000;

/**
 * Builds every main-side service and the API object over them, with no Electron in sight:
 * src/main/index.ts serves it over IPC, the E2E harness binds it into Chromium.
 */
export function createApp(deps: AppDeps) {
  const { emit, log, now = () => new Date(), fetch: fetchImpl = fetch } = deps;
  const opened = openSettings(deps.createSettingsBackend, deps.settingsPath, now());
  for (const notice of opened.notices) log.error(opened.store.readOnly ? 'settings.read-only' : 'settings.moved-aside', { message: notice.message });
  const startNotices: Notice[] = [...opened.notices];
  if (deps.vault.kind === 'memory') {
    startNotices.push(noKeychainNotice(deps.vaultWarning));
  }
  const settings = opened.store;
  const language = createLanguageService(settings, deps.locale ?? systemLocale);
  const locale = language.locale;
  const csvDelimiter = () => csvDelimiterFor(locale());
  const notices = createNoticeBoard(emit, startNotices);
  const events = openEventLog(deps.eventLogPath, now);
  const environments = createEnvironmentService({ settings, emit });
  const explainer = createExplainerService({ profiles: () => profiles.all() });
  const portalSecrets = chunkedSecrets(deps.portalSecrets ?? createMemorySecrets());
  /** Main's words in the person's language: window titles. */
  const words = () => createTranslator(locale());
  const portals = createPortalService({ settings, surface: deps.portalSurface, secrets: portalSecrets, emit, signInTimeoutMs: deps.loginTimeoutMs ?? TEN_MINUTES, words });
  const oidc = new OidcClient(fetchImpl, locale);
  const probe = systemProbe();
  const browsers = createBrowserLogins({
    detect: () => detectBrowsers(probe),
    isExecutable: probe.isExecutable,
    callbackPage: (page) => callbackPage(page, createTranslator(locale())),
    ...deps.browserLogins,
  });
  const tokens = new TokenManager(oidc, deps.vault, () => now().getTime());
  const profiles = createProfileService({
    settings,
    environmentExists: environments.exists,
    portal: portals.get,
    forgetTokens: (profile) => reauth.forgetTokens(profile),
    emit,
    onRevokeFailures: (failures) =>
      notices.post({
        id: `revoke-failed-${now().getTime()}`,
        level: 'warning',
        ...inWords('notices.revoke-failed', { names: failures.map((f) => `"${f.name}"`).join(', '), count: failures.length, detail: failures[0]!.message }),
      }),
    ...(deps.deleteUndoMs !== undefined ? { undoMs: deps.deleteUndoMs } : {}),
    now,
    csvDelimiter,
  });
  const record = createOutcomeRecorder({ profiles, events, log, now });
  const jobUrls = createJobUrls(portalSecrets);
  const loginTimeoutMs = deps.loginTimeoutMs ?? TEN_MINUTES;
  const portalReconnects = createPortalReconnects({
    portals,
    surface: deps.portalSurface,
    browsers,
    jobUrls,
    profiles,
    record,
    explainJobMessage: async (text) => {
      const found = (await explainer.explainLog({ name: english.t('explainer.job-answer'), text })).known[0];
      return found ? message('reauth.job.explained', { title: found.title, meaning: found.meaning, whatToDo: found.whatToDo }) : undefined;
    },
    events,
    emit,
    log,
    fetch: fetchImpl,
    loginTimeoutMs,
    now,
    words,
  });
  const portalList = createPortalListing({ portals, surface: deps.portalSurface, profiles, events, emit, who: deps.who ?? osUser, words });
  const reauth = createReauthService({
    profiles,
    environment: environments.get,
    oidc,
    tokens,
    surface: deps.loginSurface,
    browsers,
    portalReconnects,
    portals,
    jobUrls,
    record,
    events,
    emit,
    fetch: fetchImpl,
    loginTimeoutMs,
  });

  const health = createHealthCheckService({
    profiles,
    environment: environments.get,
    tokens,
    events,
    emit,
    log,
    postNotice: notices.post,
    fetch: fetchImpl,
    now,
    ...deps.healthCheck,
  });
  const bulk = createBulkService({ settings, profiles, reauth, emit, log, now, csvDelimiter, locale });
  const interrupted = bulk.recover();
  if (interrupted && !interrupted.finished) {
    const left = interrupted.counts.pending;
    notices.post({
      id: `bulk-${interrupted.id}`,
      level: 'info',
      ...inWords('notices.bulk-interrupted', { count: left }),
    });
  }

  const severa = createSeveraCheckService({
    settings,
    credentials: deps.severaCredentials ?? createMemorySeveraVault(),
    log,
    fetch: fetchImpl,
    now,
    csvDelimiter,
    locale,
    ...(deps.severaApiOptions ? { apiOptions: deps.severaApiOptions } : {}),
  });

  // A portal sign-in is a login a restart to update must wait for.
  const portalSignIns = underWay(portals.signInToPortal);
  const updates = createAppUpdates(deps.updater, {
    settings,
    language: () => languageOf(locale()),
    busy: busyWith({ settings, reconnecting: () => profiles.all().find((p) => reauth.isRunning(p.id)), signingIn: portalSignIns.now }),
    emit,
    log,
    now,
  });

  const api: BridgekeeperApi = {
    ...updates.api,
    listNotices: notices.listNotices,
    dismissNotice: notices.dismissNotice,
    getLanguage: language.getLanguage,
    setLanguage: language.setLanguage,
    listProfiles: profiles.listProfiles,
    createProfile: profiles.createProfile,
    updateProfile: profiles.updateProfile,
    deleteProfiles: profiles.deleteProfiles,
    undoDelete: profiles.undoDelete,
    importProfiles: profiles.importProfiles,
    previewImport: profiles.previewImport,
    newProfileDefaults: environments.newProfileDefaults,
    exportProfiles: profiles.exportProfiles,
    reauthenticate: reauth.reauthenticate,
    cancelReauth: reauth.cancelReauth,
    reportPortalWord: reauth.reportPortalWord,
    answerOtherUser: reauth.answerOtherUser,
    confirmPortalConnection: reauth.confirmPortalConnection,
    listBrowsers: browsers.listBrowsers,
    disconnectProfile: reauth.disconnectProfile,
    listProfileEvents: reauth.listProfileEvents,
    runHealthCheck: health.runHealthCheck,
    cancelHealthCheck: health.cancelHealthCheck,
    getBulkRun: bulk.getBulkRun,
    startBulkRun: bulk.startBulkRun,
    bulkOpen: bulk.bulkOpen,
    bulkSkip: bulk.bulkSkip,
    bulkRetry: bulk.bulkRetry,
    bulkConfirm: bulk.bulkConfirm,
    bulkCancel: bulk.bulkCancel,
    bulkSetAuto: bulk.bulkSetAuto,
    bulkDiscard: bulk.bulkDiscard,
    exportBulkSummary: bulk.exportBulkSummary,
    listAuditEvents: async (limit) => events.recent(limit),
    exportAuditTrail: async () => exportAuditTrail(events, now(), csvDelimiter(), (id) => profiles.get(id)?.name ?? '', locale()),
    listPortals: portals.listPortals,
    savePortal: portals.savePortal,
    deletePortal: portals.deletePortal,
    importPortal: portals.importPortal,
    signInToPortal: portalSignIns.run,
    signOutOfPortal: portals.signOutOfPortal,
    openPortalList: portalList.openList,
    readPortalList: portalList.readList,
    applyPortalList: portalList.applyList,
    closePortalList: portalList.closeList,
    setJobUrl: reauth.setJobUrl,
    listEnvironments: environments.listEnvironments,
    saveEnvironment: environments.saveEnvironment,
    deleteEnvironment: environments.deleteEnvironment,
    importEnvironment: environments.importEnvironment,
    getSeveraCheck: severa.getSeveraCheck,
    loadSeveraFile: severa.loadSeveraFile,
    setSeveraColumns: severa.setSeveraColumns,
    setSeveraSheet: severa.setSeveraSheet,
    setSeveraOrganization: severa.setSeveraOrganization,
    saveSeveraApiSettings: severa.saveSeveraApiSettings,
    saveSeveraCredentials: severa.saveSeveraCredentials,
    clearSeveraCredentials: severa.clearSeveraCredentials,
    readSeveraUsersFromApi: severa.readSeveraUsersFromApi,
    runSeveraCheck: severa.runSeveraCheck,
    listSeveraVerdicts: severa.listSeveraVerdicts,
    checkSeveraEmail: severa.checkSeveraEmail,
    exportSeveraReport: severa.exportSeveraReport,
    explainLog: explainer.explainLog,
    explainLogFile: async () => {
      const path = await deps.pickLogFile();
      return path ? explainer.explainLogFile(path) : null;
    },
    explainDroppedLog: (path) => explainer.explainLogFile(path),
  };
  // Settings from a newer Bridgekeeper are read-only: work that would change something elsewhere first
  // (a login, the keychain, a portal, a token at Visma) and only then save is refused before it starts.
  for (const method of CHANGES_ELSEWHERE_FIRST) {
    const run = api[method] as (...args: unknown[]) => Promise<unknown>;
    (api as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      settings.assertWritable();
      return run(...args);
    };
  }
  return { api, updates: updates.service, settings, language, notices, environments, portals, portalList, profiles, reauth, tokens, events, health, bulk, severa, explainer, browsers };
}

export type App = ReturnType<typeof createApp>;
