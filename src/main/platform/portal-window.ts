import { randomUUID } from 'node:crypto';
import { BrowserWindow, type Cookie, type CookiesSetDetails, type Session, session, type UploadData, type WebContents } from 'electron';
import type { Logger } from '../logger';
import { pressConnect } from '../portal/press-connect';
import type { PortalAttemptRequest, PortalAttemptResult, PortalCookie, PortalSignInRequest, PortalSignInResult, PortalSurface } from '../portal/portal-surface';
import { cookieUrl, createPortalWatch, isSignInPage, portalNavigationAllowed } from '../portal/portal-watch';
import { markAsLoginContents } from './security-guards';

const SAME_SITE_IN: Record<Cookie['sameSite'], PortalCookie['sameSite']> = { unspecified: 'unspecified', no_restriction: 'None', lax: 'Lax', strict: 'Strict' };
const SAME_SITE_OUT: Record<PortalCookie['sameSite'], NonNullable<CookiesSetDetails['sameSite']>> = { unspecified: 'unspecified', None: 'no_restriction', Lax: 'lax', Strict: 'strict' };

const toPortalCookie = (c: Cookie): PortalCookie => ({
  name: c.name,
  value: c.value,
  ...(c.hostOnly === false && c.domain ? { domain: c.domain } : {}),
  path: c.path ?? '/',
  secure: c.secure ?? false,
  httpOnly: c.httpOnly ?? false,
  sameSite: SAME_SITE_IN[c.sameSite],
  ...(c.session === false && c.expirationDate ? { expires: c.expirationDate } : {}),
});

/** The portal origin's cookies only: what a sign-in is, and all an attempt's session starts with. */
async function seed(target: Session, origin: string, cookies: readonly PortalCookie[]) {
  for (const c of cookies) {
    await target.cookies.set({
      url: cookieUrl(origin, c),
      name: c.name,
      value: c.value,
      ...(c.domain ? { domain: c.domain } : {}),
      path: c.path,
      secure: c.secure,
      httpOnly: c.httpOnly,
      sameSite: SAME_SITE_OUT[c.sameSite],
      ...(c.expires ? { expirationDate: c.expires } : {}),
    });
  }
}

const cookiesOf = async (target: Session, origin: string) => (await target.cookies.get({ url: origin })).map(toPortalCookie);

/** A form_post body, from webRequest's upload data (Electron gives POST bodies only there). */
const bodyOf = (upload: UploadData[] | undefined): string | undefined =>
  upload ? Buffer.concat(upload.flatMap((part) => (part.bytes ? [part.bytes] : []))).toString('utf8') : undefined;

/** A window on an in-memory partition made for this one use: never "persist:", no preload, sandboxed. */
function freshWindow(parent: BrowserWindow | null) {
  const partition = `bridgekeeper-portal-${randomUUID()}`;
  const portalSession = session.fromPartition(partition, { cache: false });
  portalSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  portalSession.setPermissionCheckHandler(() => false);
  portalSession.on('will-download', (event) => event.preventDefault());
  const window = new BrowserWindow({
    width: 1000,
    height: 760,
    show: false,
    autoHideMenuBar: true,
    ...(parent ? { parent } : {}),
    webPreferences: { partition, sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, disableBlinkFeatures: 'Auxclick' },
  });
  markAsLoginContents(window.webContents);
  window.webContents.on('page-title-updated', (event) => event.preventDefault());
  return { partition, session: portalSession, window };
}

/** Our title stays (whose reconnect it is), whatever the page calls itself; navigation rules are the window's own. */
function guard(contents: WebContents, title: string) {
  markAsLoginContents(contents);
  contents.on('page-title-updated', (event) => event.preventDefault());
  BrowserWindow.fromWebContents(contents)?.setTitle(title);
}

/** How long a prepared window waits for the next reconnect before it is let go. */
const SPARE_IDLE_MS = 2 * 60 * 1000;

function limitNavigation(contents: WebContents, allowed: (url: string) => boolean, log: Logger) {
  const check = (event: { url: string; preventDefault(): void }) => {
    if (allowed(event.url)) return;
    event.preventDefault();
    log.warn('portal-window.navigation-blocked', { origin: URL.canParse(event.url) ? new URL(event.url).origin : 'invalid' });
  };
  contents.on('will-navigate', check);
  contents.on('will-redirect', check);
  contents.on('will-frame-navigate', check);
}

/** Everything of the window's session goes, however the use ended; the partition is never used again. */
async function wipe(target: Session, windows: BrowserWindow[], log: Logger) {
  try {
    await target.clearStorageData();
    await target.clearCache();
    await target.clearAuthCache();
  } catch (error) {
    log.warn('portal-window.clear-failed', { error: error instanceof Error ? error.message : String(error) });
  } finally {
    for (const w of windows) if (!w.isDestroyed()) w.destroy();
  }
}

/**
 * Electron's portal surface (F18). The sign-in window and every reconnect get an in-memory partition
 * of their own, seeded with the portal origin's cookies and nothing else, so no Visma login of one
 * profile reaches the next. A reconnect's window may visit the portal and its identity providers only
 * (a login popup to them is allowed, in the same session); its requests are watched through
 * webRequest — the form_post body from uploadData — and passed on untouched.
 */
export function createPortalWindowSurface(parent: () => BrowserWindow | null, log: Logger): PortalSurface & { dispose(): void } {
  // While the person types, the next window is prepared (hidden, blank, its own new partition), so
  // in a bulk run the next profile's page opens at once. It has never shown anything: isolation is the same.
  let spare: ReturnType<typeof freshWindow> | null = null;
  let spareTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const dropSpare = () => {
    clearTimeout(spareTimer);
    if (spare && !spare.window.isDestroyed()) spare.window.destroy();
    spare = null;
  };
  const prepareNext = () =>
    setTimeout(() => {
      if (disposed || spare) return;
      spare = freshWindow(parent());
      void spare.window.loadURL('about:blank');
      spareTimer = setTimeout(dropSpare, SPARE_IDLE_MS);
    }, 0);
  const take = (title: string) => {
    const taken = spare && !spare.window.isDestroyed() ? spare : freshWindow(parent());
    clearTimeout(spareTimer);
    spare = null;
    taken.window.setTitle(title);
    return taken;
  };

  return {
    dispose() {
      disposed = true;
      dropSpare();
    },
    signIn: (request: PortalSignInRequest) =>
      new Promise<PortalSignInResult>((resolve) => {
        const { portal } = request;
        const { session: signInSession, window } = take(request.title);
        let settled = false;
        const finish = async (result: () => Promise<PortalSignInResult>) => {
          if (settled) return;
          settled = true;
          const value = await result().catch((): PortalSignInResult => ({ kind: 'closed' }));
          await wipe(signInSession, [window], log);
          resolve(value);
        };
        // SuperOffice or e-mail sign-ins may pass through other sites: any https page, in this window only.
        limitNavigation(window.webContents, (url) => portalNavigationAllowed(url, portal) || (URL.canParse(url) && new URL(url).protocol === 'https:'), log);
        window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
        let visitedSignIn = false;
        window.webContents.on('did-navigate', (_event, url) => {
          if (isSignInPage(url, portal)) visitedSignIn = true;
          else if (visitedSignIn && URL.canParse(url) && new URL(url).origin === portal.origin) void finish(async () => ({ kind: 'signed-in', cookies: await cookiesOf(signInSession, portal.origin) }));
        });
        window.on('closed', () => void finish(async () => ({ kind: 'closed' })));
        request.signal.addEventListener('abort', () => void finish(async () => ({ kind: 'closed' })), { once: true });
        void seed(signInSession, portal.origin, request.cookies).then(() => {
          if (settled) return;
          void window.loadURL(portal.signInUrl);
          window.show();
          prepareNext();
        });
      }),

    reconnect: (request: PortalAttemptRequest) =>
      new Promise<PortalAttemptResult>((resolve) => {
        const { portal } = request;
        const { session: attempt, window } = take(request.title);
        const windows = [window];
        const watch = createPortalWatch(portal, request.onProgress);
        let settled = false;
        const finish = async (closed: boolean) => {
          if (settled) return;
          settled = true;
          const cookies = await cookiesOf(attempt, portal.origin).catch(() => []);
          const ending = watch.ending;
          await wipe(attempt, windows, log);
          if (!closed && ending.kind === 'answered') resolve({ ...ending, cookies });
          else if (!closed && ending.kind === 'signed-out') resolve(ending);
          else resolve({ kind: 'closed', ...(watch.authorize ? { authorize: watch.authorize } : {}), cookies });
        };
        const settle = () => {
          if (watch.ending.kind !== 'pending') void finish(false);
        };

        attempt.webRequest.onBeforeRequest((details, callback) => {
          watch.request(String(details.id), details.method, details.url, bodyOf(details.uploadData));
          callback({}); // watched, never altered
        });
        attempt.webRequest.onBeforeRedirect((details) => {
          watch.response(String(details.id), details.statusCode);
          settle();
        });
        attempt.webRequest.onCompleted((details) => {
          watch.response(String(details.id), details.statusCode);
          settle();
        });
        attempt.webRequest.onErrorOccurred((details) => {
          watch.failed(String(details.id));
          settle();
        });

        const follow = (contents: WebContents) => {
          limitNavigation(contents, (url) => portalNavigationAllowed(url, portal), log);
          contents.on('did-navigate', (_event, url) => {
            watch.pageLoaded(url);
            settle();
          });
        };
        follow(window.webContents);
        // A portal may open Visma's login in a popup: allowed to the identity provider, in this attempt's session.
        window.webContents.setWindowOpenHandler(({ url }) =>
          portalNavigationAllowed(url, portal) && !(URL.canParse(url) && new URL(url).origin === portal.origin)
            ? { action: 'allow', overrideBrowserWindowOptions: { parent: window, autoHideMenuBar: true, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } } } // the partition is inherited: the same attempt's session
            : { action: 'deny' },
        );
        window.webContents.on('did-create-window', (popup) => {
          windows.push(popup);
          guard(popup.webContents, request.title);
          follow(popup.webContents);
          popup.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
        });
        if (portal.connectButtonLabel) {
          let pressed = false;
          window.webContents.on('did-finish-load', () => {
            if (pressed || !URL.canParse(window.webContents.getURL()) || new URL(window.webContents.getURL()).pathname !== new URL(request.pageUrl).pathname) return;
            pressed = true;
            void window.webContents.executeJavaScript(`(${pressConnect.toString()})(${JSON.stringify(portal.connectButtonLabel)})`).catch(() => undefined);
          });
        }
        window.on('closed', () => void finish(true));
        request.signal.addEventListener('abort', () => void finish(true), { once: true });
        void seed(attempt, portal.origin, request.cookies).then(() => {
          if (settled) return;
          void window.loadURL(request.pageUrl);
          window.show();
          prepareNext();
        });
      }),
  };
}
