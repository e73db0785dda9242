import { type BrowserWindow, app, dialog } from 'electron';
import type { Translator } from '../../shared/i18n/translator';
import type { Logger } from '../logger';

const describe = (error: unknown): { error: string; stack?: string } =>
  error instanceof Error ? { error: error.message, ...(error.stack ? { stack: error.stack } : {}) } : { error: String(error) };

/**
 * Whatever goes wrong outside a request is logged and shown, never swallowed: an exception or
 * rejection nobody caught in main, a renderer or helper process that died. The person is told
 * where the log is, which is what support will ask for — in the chosen language (`words`: the
 * system's until the settings are read).
 */
export function installCrashHandlers(log: Logger, logPath: string, mainWindow: () => BrowserWindow | null, words: () => Pick<Translator, 't'>): void {
  // Shown, but not a box per error: a failure that repeats would bury the person in dialogs.
  let lastShown = 0;
  const show = (error: unknown) => {
    if (Date.now() - lastShown < 60_000) return;
    lastShown = Date.now();
    const { t } = words();
    dialog.showErrorBox(t('platform.crash.title'), t('platform.crash.body', { error: describe(error).error, logPath }));
  };
  process.on('uncaughtException', (error) => {
    log.error('crash.uncaught-exception', describe(error));
    show(error);
  });
  process.on('unhandledRejection', (reason) => {
    log.error('crash.unhandled-rejection', describe(reason));
    show(reason);
  });
  app.on('render-process-gone', (_event, contents, details) => {
    log.error('crash.render-process-gone', { reason: details.reason, exitCode: details.exitCode, url: contents.getURL() });
    const window = mainWindow();
    if (!window || window.isDestroyed() || contents !== window.webContents || details.reason === 'clean-exit') return;
    const { t } = words();
    const answer = dialog.showMessageBoxSync(window, {
      type: 'error',
      title: 'Bridgekeeper',
      message: t('platform.gone.message'),
      detail: t('platform.gone.detail', { reason: details.reason, logPath }),
      buttons: [t('platform.gone.reload'), t('platform.gone.quit')],
      defaultId: 0,
    });
    if (answer === 0) contents.reload();
    else app.quit();
  });
  app.on('child-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    log.error('crash.child-process-gone', { type: details.type, reason: details.reason, exitCode: details.exitCode, name: details.name ?? null });
  });
}

/**
 * Start-up failed: without this, a process with no window would hold the single-instance lock
 * and every later start would quietly hand over to it. Say so, name the log, exit non-zero.
 */
export function failStartup(error: unknown, log: Logger, logPath: string, words: () => Pick<Translator, 't'>): void {
  log.error('startup.failed', describe(error));
  const { t } = words();
  dialog.showErrorBox(t('platform.startup.title'), t('platform.startup.body', { error: describe(error).error, logPath }));
  app.exit(1);
}
