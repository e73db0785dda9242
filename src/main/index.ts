import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, type OpenDialogOptions, app, dialog, ipcMain, screen } from 'electron';
import { type ApiEvent, IPC_EVENT_CHANNEL } from '../shared/api';
import { effectiveLocale } from '../shared/i18n/languages';
import { type Translator, createTranslator } from '../shared/i18n/translator';
import { LOGIN_ORIGIN_BLOCKED } from '../shared/notice';
import type { MenuCommand } from '../shared/menu-command';
import { createDispatcher } from './api/dispatcher';
import { createApp } from './create-app';
import type { Logger } from './logger';
import { createFileLogger } from './logging/file-logger';
import { type LogFile, openLogFile } from './logging/log-file';
import { noKeychainNotice } from './notices';
import type { LoginSurface } from './reauth/login-surface';
import { installAppMenu } from './platform/app-menu';
import { createAppUpdater } from './platform/auto-updater';
import { APP_ORIGIN, isSameOrigin, registerAppScheme, serveRenderer } from './platform/app-protocol';
import { installTextContextMenu } from './platform/context-menu';
import { failStartup, installCrashHandlers } from './platform/crash-handling';
import { openLogFolder, saveDiagnostics } from './platform/diagnostics-file';
import { serveApi, trustedSender } from './platform/ipc';
import { createDeferredVaults, reportTokenFile } from './platform/keychain-startup';
import { PORTAL_FRAME_BLOCKED, createPortalWindowSurface } from './platform/portal-window';
import { createLoginWindowSurface } from './platform/login-window';
import { createMainFetch } from './platform/main-http';
import { DEFAULT_SIZE, createMainWindow } from './platform/main-window';
import { installSecurityGuards } from './platform/security-guards';
import { createSettingsBackend, settingsPath } from './platform/settings-file';
import { stopWorkbookReader } from './tables/read-workbook-isolated';
import { createTaskbarProgress } from './platform/taskbar-progress';
import { placeOnScreen, rememberWindowState, windowStateFile } from './platform/window-state';

// App lifecycle only: build the services, serve them to our window, guard everything else.
const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;
const isAppUrl = (url: string): boolean => isSameOrigin(url, appUrl);

let mainWindow: BrowserWindow | null = null;
/**
 * Main's own words (menus, dialogs) in the chosen language: the system's until the settings are
 * read, then the language service's, which follows every change.
 */
let words: () => Translator = () => createTranslator(effectiveLocale(null, systemLocale()));
function systemLocale(): string {
  try {
    return app.getSystemLocale() || app.getLocale();
  } catch {
    return 'en-GB';
  }
}

// A separate profile folder for tests and portable use; must be set before anything reads userData.
if (process.env.BRIDGEKEEPER_USER_DATA) app.setPath('userData', process.env.BRIDGEKEEPER_USER_DATA);
// The platform's place for logs (~/Library/Logs/Bridgekeeper, or userData/logs); getPath('logs') can throw until it is set.
app.setAppLogsPath();
// A second instance hands over to the first and leaves at once: app.quit() here would still
// fire 'ready' and build every service before quitting.
if (!app.requestSingleInstanceLock()) app.exit(0);
else start();

function start(): void {
  const logFile = openLogFile(app.getPath('logs'));
  const log = createFileLogger(logFile);
  log.info('app.start', { version: app.getVersion(), electron: process.versions.electron ?? null, platform: process.platform });
  installCrashHandlers(log, logFile.path, () => mainWindow, () => words());
  app.enableSandbox(); // every renderer, whatever its webPreferences say
  registerAppScheme();
  app
    .whenReady()
    .then(() => ready(log, logFile))
    .catch((error: unknown) => failStartup(error, log, logFile.path, () => words()));

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

function ready(log: Logger, logFile: LogFile): void {
  installSecurityGuards(isAppUrl, log, () => words());
  serveRenderer(path.join(here, '../renderer'));
  const vaults = createDeferredVaults();
  const progress = createTaskbarProgress(() => mainWindow);
  // A restart to update that waits for a login, a portal reconnect or a bulk run looks again at every event.
  let pokeUpdates = () => {};
  const send = (event: ApiEvent) => {
    progress.follow(event);
    mainWindow?.webContents.send(IPC_EVENT_CHANNEL, event);
    if (event.type !== 'update-changed') pokeUpdates();
  };
  const loginWindows = createLoginWindowSurface({
    parent: () => mainWindow,
    log,
    onBlocked: (message) => bridgekeeper.notices.post({ id: LOGIN_ORIGIN_BLOCKED, level: 'warning', message }),
    words: () => words(),
  });
  // A new login starts without the last one's "not allowed" notice.
  const loginSurface: LoginSurface = {
    open: (request) => {
      void bridgekeeper.notices.dismissNotice(LOGIN_ORIGIN_BLOCKED);
      return loginWindows.open(request);
    },
  };
  const portalSurface = createPortalWindowSurface(() => mainWindow, log, {
    onFrameBlocked: (blocked) => bridgekeeper.notices.post({ id: PORTAL_FRAME_BLOCKED, level: 'warning', ...blocked }),
  });
  const bridgekeeper = createApp({
    createSettingsBackend,
    settingsPath: settingsPath(),
    eventLogPath: path.join(app.getPath('userData'), 'events.jsonl'),
    vault: vaults.vault,
    severaCredentials: vaults.severaCredentials,
    loginSurface,
    portalSurface,
    portalSecrets: vaults.portalSecrets,
    pickLogFile: () => pickLogFile(mainWindow, words()),
    fetch: createMainFetch(),
    // The user's locale: its language goes to Visma's login (ui_locales), its region decides the
    // list separator Excel splits a CSV on — so the system's, not only Electron's UI language.
    locale: systemLocale,
    log,
    emit: send,
    updater: createAppUpdater(log),
  });
  const api = {
    ...bridgekeeper.api,
    explainLogFile: () => progress.during(() => bridgekeeper.api.explainLogFile()),
    explainDroppedLog: (file: string) => progress.during(() => bridgekeeper.api.explainDroppedLog(file)),
  };
  serveApi(ipcMain, createDispatcher(api, log), trustedSender((id) => mainWindow?.webContents.id === id, isAppUrl), log);
  words = () => bridgekeeper.language.words();
  const menuActions = {
    command: (command: MenuCommand) => send({ type: 'menu-command', command }),
    openLogFolder: () => openLogFolder(logFile),
    saveDiagnostics: () => void saveDiagnostics(mainWindow, logFile, settingsPath(), log, words()),
  };
  installAppMenu(menuActions, words);
  // The menu speaks the language the person just chose.
  bridgekeeper.language.onChange(() => installAppMenu(menuActions, words));

  const windowState = windowStateFile(app.getPath('userData'));
  const open = () => {
    const place = placeOnScreen(windowState.read(), screen.getAllDisplays(), screen.getPrimaryDisplay(), DEFAULT_SIZE);
    const window = createMainWindow(path.join(here, '../preload/index.cjs'), place);
    mainWindow = window;
    rememberWindowState(window, windowState.write);
    installTextContextMenu(window.webContents, () => words());
    window.on('closed', () => {
      mainWindow = null;
      loginWindows.dispose();
      portalSurface.dispose();
    });
    // The keychain is probed once the window shows: a locked keyring's prompt must not come first.
    window.once('show', () => void probeKeychain());
    // Electron's loadURL rejects when the page cannot load (ERR_UNEXPECTED from the app:// handler, ERR_FAILED): the
    // window then shows Chromium's error page, and the log says why.
    window.loadURL(appUrl).catch((error: unknown) => log.error('main-window.load-failed', { url: appUrl, error: error instanceof Error ? error.message : String(error) }));
  };
  const probeKeychain = async () => {
    const result = await vaults.probe();
    if (result.ok) return reportTokenFile(await vaults.tokenFileOpened(), { log, post: bridgekeeper.notices.post });
    log.warn('keychain.unavailable', { reason: result.reason });
    bridgekeeper.notices.post(noKeychainNotice(result.reason));
  };
  open();
  // Checks now and daily, downloads in the background (issue 25); off in a development build.
  pokeUpdates = () => bridgekeeper.updates.poke();
  bridgekeeper.updates.start();
  // A deletion that could still be undone becomes final before Bridgekeeper quits: its tokens must not outlive it.
  let deletesSettled = false;
  app.on('before-quit', (event) => {
    if (deletesSettled) return;
    event.preventDefault();
    deletesSettled = true;
    // …and no throw-away browser profile of a login under way outlives it either (nor the idle workbook reader).
    void Promise.allSettled([bridgekeeper.profiles.finishDeletes(), bridgekeeper.browsers.stopAll(), stopWorkbookReader()]).finally(() => app.quit());
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
}

async function pickLogFile(window: BrowserWindow | null, { t }: Pick<Translator, 't'>): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: t('platform.open-log.title'),
    properties: ['openFile'],
    filters: [
      { name: t('platform.open-log.logs'), extensions: ['log', 'txt', 'csv'] },
      { name: t('platform.open-log.all'), extensions: ['*'] },
    ],
  };
  const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return picked.canceled ? null : (picked.filePaths[0] ?? null);
}
