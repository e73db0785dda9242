import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, type OpenDialogOptions, app, dialog, ipcMain, net } from 'electron';
import { IPC_EVENT_CHANNEL } from '../shared/api';
import { createDispatcher } from './api/dispatcher';
import { createApp } from './create-app';
import { consoleLogger } from './logger';
import { createMemoryVault } from './reauth/token-vault';
import { APP_ORIGIN, isSameOrigin, registerAppScheme, serveRenderer } from './platform/app-protocol';
import { serveApi, trustedSender } from './platform/ipc';
import { createKeychainSecrets, createKeychainVault, keychainWorks } from './platform/keychain-vault';
import { createPortalWindowSurface } from './platform/portal-window';
import { createLoginWindowSurface } from './platform/login-window';
import { createMainWindow } from './platform/main-window';
import { createSeveraKeychainVault } from './platform/severa-keychain';
import { installSecurityGuards } from './platform/security-guards';
import { createSettingsBackend, settingsPath } from './platform/settings-file';

// App lifecycle only: build the services, serve them to our window, guard everything else.
const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;
const isAppUrl = (url: string): boolean => isSameOrigin(url, appUrl);

const log = consoleLogger;
// A separate profile folder for tests and portable use; must be set before anything reads userData.
if (process.env.BRIDGEKEEPER_USER_DATA) app.setPath('userData', process.env.BRIDGEKEEPER_USER_DATA);
registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;

void app.whenReady().then(async () => {
  installSecurityGuards(isAppUrl, log);
  serveRenderer(path.join(here, '../renderer'));
  const keychain = await keychainWorks();
  const loginSurface = createLoginWindowSurface(() => mainWindow, log);
  const portalSurface = createPortalWindowSurface(() => mainWindow, log);
  if (!keychain.ok) log.warn('keychain.unavailable', { reason: keychain.reason });
  const bridgekeeper = createApp({
    createSettingsBackend,
    settingsPath: settingsPath(),
    eventLogPath: path.join(app.getPath('userData'), 'events.jsonl'),
    vault: keychain.ok ? createKeychainVault() : createMemoryVault(),
    ...(keychain.ok ? {} : { vaultWarning: keychain.reason }),
    ...(keychain.ok ? { severaCredentials: createSeveraKeychainVault() } : {}),
    loginSurface,
    portalSurface,
    ...(keychain.ok ? { portalSecrets: createKeychainSecrets() } : {}),
    pickLogFile: async () => {
      const options: OpenDialogOptions = {
        title: 'Open a DataBridge log',
        properties: ['openFile'],
        filters: [
          { name: 'Logs', extensions: ['log', 'txt', 'csv'] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    // Chromium's network stack: the system's proxy settings and certificate store, as a browser would.
    fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init),
    // The user's locale: its language goes to Visma's login (ui_locales), its region decides the
    // list separator Excel splits a CSV on — so the system's, not only Electron's UI language.
    locale: () => app.getSystemLocale(),
    log,
    emit: (event) => mainWindow?.webContents.send(IPC_EVENT_CHANNEL, event),
  });
  serveApi(
    ipcMain,
    createDispatcher(bridgekeeper.api, log),
    trustedSender((id) => mainWindow?.webContents.id === id, isAppUrl),
    log,
  );
  const open = () => {
    mainWindow = createMainWindow(path.join(here, '../preload/index.cjs'));
    mainWindow.on('closed', () => {
      mainWindow = null;
      loginSurface.dispose();
      portalSurface.dispose();
    });
    void mainWindow.loadURL(appUrl);
  };
  open();
  // A deletion that could still be undone becomes final before Bridgekeeper quits: its tokens must not outlive it.
  let deletesSettled = false;
  app.on('before-quit', (event) => {
    if (deletesSettled) return;
    event.preventDefault();
    deletesSettled = true;
    void bridgekeeper.profiles.finishDeletes().finally(() => app.quit());
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
});

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
