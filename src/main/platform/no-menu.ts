import type { BaseWindow } from 'electron';

/**
 * Windows that must have no menu: every login, portal and portal-popup window. On Windows and Linux
 * the application menu is every window's own menu (Electron gives it to each new window;
 * `autoHideMenuBar` only hides it), so its shortcuts — Ctrl+R checks health — would run behind a
 * login. And `Menu.setApplicationMenu` gives it to every open window again, a removed menu or not:
 * `installAppMenu` (a language change) takes it away from these once more.
 */
const menuless = new Set<BaseWindow>();

/** Takes the menu away from this window now and whenever the application menu is set again. */
export function withoutMenu(window: BaseWindow): void {
  window.removeMenu();
  menuless.add(window);
  window.once('closed', () => menuless.delete(window));
}

/** After `Menu.setApplicationMenu`: the windows that must have none lose it again. */
export function removeMenusAgain(): void {
  for (const window of menuless) if (!window.isDestroyed()) window.removeMenu();
}

/**
 * macOS has one menu for the whole app, and its shortcuts answer in whatever window has the focus
 * (`removeMenu` does nothing there): a command from the menu is dropped when that is such a window.
 */
export const hasNoMenu = (window: BaseWindow | undefined): boolean => window !== undefined && menuless.has(window);
