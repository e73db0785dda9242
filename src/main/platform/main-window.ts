import path from 'node:path';
import { BrowserWindow, app } from 'electron';
import type { WindowState } from './window-state';

export const DEFAULT_SIZE = { width: 1280, height: 800 };

/** The one window of the app: sandboxed, isolated, no Node, our preload only; where it was last time. */
export function createMainWindow(preloadPath: string, place: WindowState = { bounds: { x: 0, y: 0, ...DEFAULT_SIZE }, maximized: false }): BrowserWindow {
  const window = new BrowserWindow({
    ...place.bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Bridgekeeper',
    webPreferences: {
      preload: path.resolve(preloadPath),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: !app.isPackaged,
      // A middle click would otherwise open a link in a new window, past the window-open guard's intent.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => {
    if (place.maximized) window.maximize();
    window.show();
  });
  return window;
}
