import { Menu, type MenuItemConstructorOptions, app } from 'electron';
import type { Translator } from '../../shared/i18n/translator';
import type { MenuCommand } from '../../shared/menu-command';
import { hasNoMenu, removeMenusAgain } from './no-menu';

export interface AppMenuActions {
  /** Sends a command to the window (as a 'menu-command' event). */
  command(command: MenuCommand): void;
  openLogFolder(): void;
  saveDiagnostics(): void;
}

/**
 * Our own menu, not Electron's default: no Reload or Toggle Developer Tools in a packaged app, and
 * Ctrl/Cmd+R checks health rather than reloading the page. The usual Edit entries stay, so copy
 * and paste work by keyboard on macOS too. Every label is in the chosen language — Electron's
 * role items would say English whatever the language, so they are named here too.
 */
export function appMenuTemplate(actions: AppMenuActions, { packaged, mac }: { packaged: boolean; mac: boolean }, { t }: Pick<Translator, 't'>): MenuItemConstructorOptions[] {
  // The focused window is Electron's second argument: a shortcut pressed in a login window (macOS, where
  // the one menu answers everywhere) does nothing behind it.
  const send = (command: MenuCommand): MenuItemConstructorOptions['click'] => (_item, focused) => {
    if (!hasNoMenu(focused)) actions.command(command);
  };
  return [
    ...(mac
      ? [
          {
            role: 'appMenu' as const,
            submenu: [
              // Our About box: it shows the channel and the update under way, which macOS's panel cannot.
              { label: t('menu.app.about'), click: send('about') },
              { type: 'separator' as const },
              { role: 'services' as const, label: t('menu.app.services') },
              { type: 'separator' as const },
              { role: 'hide' as const, label: t('menu.app.hide') },
              { role: 'hideOthers' as const, label: t('menu.app.hide-others') },
              { role: 'unhide' as const, label: t('menu.app.show-all') },
              { type: 'separator' as const },
              { role: 'quit' as const, label: t('menu.app.quit') },
            ],
          },
        ]
      : []),
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.file.import'), accelerator: 'CmdOrCtrl+I', click: send('import-profiles') },
        { label: t('menu.file.explain'), accelerator: 'CmdOrCtrl+E', click: send('explain-log') },
        { type: 'separator' },
        mac ? { role: 'close', label: t('menu.file.close') } : { role: 'quit', label: t('menu.file.quit') },
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        { role: 'undo', label: t('menu.edit.undo') },
        { role: 'redo', label: t('menu.edit.redo') },
        { type: 'separator' },
        ...editItems(t),
        { type: 'separator' },
        { label: t('menu.edit.find'), accelerator: 'CmdOrCtrl+F', click: send('find') },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        { label: t('menu.view.check-health'), accelerator: 'CmdOrCtrl+R', click: send('check-health') },
        { type: 'separator' },
        { role: 'resetZoom', label: t('menu.view.reset-zoom') },
        { role: 'zoomIn', label: t('menu.view.zoom-in') },
        { role: 'zoomOut', label: t('menu.view.zoom-out') },
        { role: 'togglefullscreen', label: t('menu.view.full-screen') },
        ...(packaged
          ? []
          : [{ type: 'separator' as const }, { role: 'forceReload' as const, label: t('menu.view.force-reload') }, { role: 'toggleDevTools' as const, label: t('menu.view.dev-tools') }]),
      ],
    },
    {
      role: 'windowMenu',
      label: t('menu.window'),
      submenu: [
        { role: 'minimize', label: t('menu.window.minimize') },
        ...(mac ? [{ role: 'zoom' as const, label: t('menu.window.zoom') }] : []),
        { role: 'close', label: t('menu.file.close') },
      ],
    },
    {
      label: t('menu.help'),
      submenu: [
        { label: t('menu.help.log-folder'), click: (_item, focused) => void (hasNoMenu(focused) || actions.openLogFolder()) },
        { label: t('menu.help.diagnostics'), click: (_item, focused) => void (hasNoMenu(focused) || actions.saveDiagnostics()) },
        { type: 'separator' },
        { label: t('updates.menu.check'), click: send('check-updates') },
        ...(mac ? [] : [{ label: t('updates.menu.about'), click: send('about') }]),
      ],
    },
  ];
}

/** Cut, Copy, Paste, Select all: the Edit menu's and a text field's context menu, in the same words. */
export const editItems = (t: Translator['t'], enabled?: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean }): MenuItemConstructorOptions[] => [
  { role: 'cut', label: t('menu.edit.cut'), ...(enabled ? { enabled: enabled.canCut } : {}) },
  { role: 'copy', label: t('menu.edit.copy'), ...(enabled ? { enabled: enabled.canCopy } : {}) },
  { role: 'paste', label: t('menu.edit.paste'), ...(enabled ? { enabled: enabled.canPaste } : {}) },
  { role: 'selectAll', label: t('menu.edit.select-all'), ...(enabled ? { enabled: enabled.canSelectAll } : {}) },
];

/**
 * Sets the application menu in the language main's words are in now; call it again when the language
 * changes. Electron gives it to every open window then, a login window's too: those lose it again.
 */
export function installAppMenu(actions: AppMenuActions, words: () => Pick<Translator, 't'>): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(actions, { packaged: app.isPackaged, mac: process.platform === 'darwin' }, words())));
  removeMenusAgain();
}
