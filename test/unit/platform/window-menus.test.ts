import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../src/main/logger';
import type { PortalSessionEvents } from '../../../src/main/portal/portal-surface';
import { createTranslator } from '../../../src/shared/i18n/translator';
import type { FakeElectron } from '../../helpers/fake-electron';

const fake = vi.hoisted(() => ({ current: undefined as unknown as FakeElectron }));
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('../../helpers/fake-electron');
  fake.current = createFakeElectron();
  return fake.current.module;
});

const { installAppMenu } = await import('../../../src/main/platform/app-menu');
const { createLoginWindowSurface } = await import('../../../src/main/platform/login-window');
const { createPortalWindowSurface } = await import('../../../src/main/platform/portal-window');

type Window = FakeElectron['windows'][number];
const log = createMemoryLogger();
const english = () => createTranslator('en-GB');
const actions = { command: vi.fn(), openLogFolder: vi.fn(), saveDiagnostics: vi.fn() };

/** The app's own menu, as index.ts installs it, and its main window. */
function appWithMenu(): Window {
  const main = new fake.current.module.BrowserWindow({ title: 'Bridgekeeper' });
  installAppMenu(actions, english);
  return main as Window;
}

async function loginWindow(): Promise<{ window: Window; close(): Promise<unknown> }> {
  const surface = createLoginWindowSurface({ parent: () => null, log });
  const result = surface.open({ url: new URL('https://connect.visma.com/connect/authorize'), redirectUri: 'http://127.0.0.1/cb', allowedOrigins: ['https://connect.visma.com'], title: 'Visma login', signal: new AbortController().signal });
  await Promise.resolve();
  const window = fake.current.windows.findLast((w) => w.shown && !w.destroyed)!;
  return {
    window,
    close: () => {
      window.emit('closed');
      surface.dispose();
      return result;
    },
  };
}

async function portalWindows() {
  const events: PortalSessionEvents = { request() {}, response() {}, failed() {}, navigating() {}, loaded() {}, blocked() {}, opened() {}, closed() {} };
  const surface = createPortalWindowSurface(() => null, log);
  const session = await surface.open({
    site: { origin: 'https://portal.example', signInUrl: 'https://portal.example/login', identityOrigins: ['https://connect.visma.com'], signInOrigins: [], connectButtonLabel: 'Connect', connectSection: 'Visma.net', connectedMarker: '' },
    cookies: [],
    title: 'DataBridge: reconnect Orders',
    allowed: () => true,
    events,
  });
  const window = fake.current.windows.find((w) => String(w.webContents.id) === session.mainWindow)!;
  const popup = window.webContents.openWindow('https://connect.visma.com/connect/authorize')!;
  return { window, popup, close: () => session.close().then(() => surface.dispose()) };
}

afterEach(() => {
  fake.current.module.app.platform = 'linux';
  vi.clearAllMocks();
});

describe('windows without the app menu (Windows, Linux: the app menu is every window’s menu)', () => {
  it('Ctrl+R in the main window checks health — the fake is as Electron: a new window gets the app menu', () => {
    const main = appWithMenu();
    expect(main.pressAccelerator('CmdOrCtrl+R')).toBe(true);
    expect(actions.command).toHaveBeenCalledWith('check-health');
    const plain = new fake.current.module.BrowserWindow({ autoHideMenuBar: true }) as Window;
    expect(plain.menu).toBe(fake.current.menus.application); // autoHideMenuBar only hides it
  });

  it('a login window has none: Ctrl+R there starts no health check behind the login, not even after a language change sets the menu again', async () => {
    appWithMenu();
    const login = await loginWindow();
    expect(login.window.menu).toBeNull();
    expect(login.window.pressAccelerator('CmdOrCtrl+R')).toBe(false);
    installAppMenu(actions, english); // the person changed the language while the login is open
    expect(login.window.menu).toBeNull();
    expect(login.window.pressAccelerator('CmdOrCtrl+R')).toBe(false);
    expect(login.window.pressAccelerator('CmdOrCtrl+I')).toBe(false);
    expect(actions.command).not.toHaveBeenCalled();
    await login.close();
  });

  it('the portal window and its popups have none, after a language change too', async () => {
    appWithMenu();
    const portal = await portalWindows();
    installAppMenu(actions, english);
    for (const window of [portal.window, portal.popup]) {
      expect(window.menu).toBeNull();
      expect(window.pressAccelerator('CmdOrCtrl+R')).toBe(false);
    }
    expect(actions.command).not.toHaveBeenCalled();
    await portal.close();
  });

  it('macOS: the one app menu answers in every window, so a command from a login window is dropped', async () => {
    fake.current.module.app.platform = 'darwin';
    const main = appWithMenu();
    const login = await loginWindow();
    expect(login.window.pressAccelerator('CmdOrCtrl+R')).toBe(true); // the menu item runs…
    expect(actions.command).not.toHaveBeenCalled(); // …and does nothing behind the login
    expect(main.pressAccelerator('CmdOrCtrl+R')).toBe(true);
    expect(actions.command).toHaveBeenCalledWith('check-health');
    await login.close();
  });
});
