import { BrowserWindow, type MessageBoxOptions, app, clipboard, dialog, session, shell, type WebContents } from 'electron';
import { type Translator, createTranslator } from '../../shared/i18n/translator';
import type { Logger } from '../logger';

/** Links a user may follow out of the app, in the system browser. Nothing else leaves. */
const EXTERNAL_LINKS = [/^https:\/\/community\.visma\.com\//, /^https:\/\/docs\.superoffice\.com\//];

/**
 * App-wide rules of Electron's security checklist, for every web contents ever created:
 * no new windows, no navigation away, no webviews, no certificate exceptions,
 * and permissions (camera, notifications, …) denied unless a window says otherwise.
 */
export function installSecurityGuards(isAppUrl: (url: string) => boolean, log: Logger, words: () => Pick<Translator, 't'> = () => createTranslator('en-GB')): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (EXTERNAL_LINKS.some((allowed) => allowed.test(url))) openInBrowser(contents, url, log, words);
      else log.warn('security.window-open-denied', { url });
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
    });
    contents.on('will-navigate', (event) => {
      if (contents.getType() === 'window' && isLoginContents(contents)) return; // login windows guard themselves
      if (!isAppUrl(event.url)) {
        event.preventDefault();
        log.warn('security.navigation-blocked', { url: event.url });
      }
    });
    contents.on('will-redirect', (event) => {
      if (isLoginContents(contents)) return;
      if (!isAppUrl(event.url)) event.preventDefault();
    });
  });

  app.on('certificate-error', (event, _contents, url, error, _certificate, callback) => {
    event.preventDefault();
    log.warn('security.certificate-rejected', { url, error });
    callback(false);
  });

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('security.permission-denied', { permission });
    callback(false);
  });
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/**
 * shell.openExternal rejects when the system cannot open the address (no default browser, xdg-open
 * failing: "The action failed"; Windows: "Failed to open: …"). Left alone, that rejection reached the
 * crash handler's box; the person is told in words instead, with the address to copy.
 */
function openInBrowser(contents: WebContents, url: string, log: Logger, words: () => Pick<Translator, 't'>): void {
  shell.openExternal(url).catch((error: unknown) => {
    log.warn('security.open-external-failed', { url, error: error instanceof Error ? error.message : String(error) });
    const { t } = words();
    const options: MessageBoxOptions = {
      type: 'warning',
      title: t('platform.external.title'),
      message: t('platform.external.message'),
      detail: url,
      buttons: [t('platform.external.copy'), t('platform.external.close')],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    };
    const owner = BrowserWindow.fromWebContents(contents);
    (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options))
      .then(({ response }) => {
        if (response === 0) clipboard.writeText(url);
      })
      .catch(() => undefined);
  });
}

const loginContents = new WeakSet<WebContents>();

/** Login windows live in their own session with their own navigation rules (platform/login-window). */
export function markAsLoginContents(contents: WebContents): void {
  loginContents.add(contents);
}

const isLoginContents = (contents: WebContents): boolean => loginContents.has(contents);
