import { Menu, type MenuItemConstructorOptions, app } from 'electron';
import type { MenuCommand } from '../../shared/menu-command';

export interface AppMenuActions {
  /** Sends a command to the window (as a 'menu-command' event). */
  command(command: MenuCommand): void;
  openLogFolder(): void;
  saveDiagnostics(): void;
}

/**
 * Our own menu, not Electron's default: no Reload or Toggle Developer Tools in a packaged app, and
 * Ctrl/Cmd+R checks health rather than reloading the page. The usual Edit entries stay, so copy
 * and paste work by keyboard on macOS too.
 */
export function appMenuTemplate(actions: AppMenuActions, { packaged, mac }: { packaged: boolean; mac: boolean }): MenuItemConstructorOptions[] {
  const send = (command: MenuCommand) => () => actions.command(command);
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import profiles…', accelerator: 'CmdOrCtrl+I', click: send('import-profiles') },
        { label: 'Explain a log…', accelerator: 'CmdOrCtrl+E', click: send('explain-log') },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find profiles', accelerator: 'CmdOrCtrl+F', click: send('find') },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Check health', accelerator: 'CmdOrCtrl+R', click: send('check-health') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
        ...(packaged ? [] : [{ type: 'separator' as const }, { role: 'forceReload' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    {
      label: '&Help',
      submenu: [
        { label: 'Open log folder', click: () => actions.openLogFolder() },
        { label: 'Save diagnostics…', click: () => actions.saveDiagnostics() },
      ],
    },
  ];
}

export function installAppMenu(actions: AppMenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(actions, { packaged: app.isPackaged, mac: process.platform === 'darwin' })));
}
