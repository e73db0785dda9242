import { BrowserWindow, type Cookie, type CookiesSetDetails, type Session, type UploadData, app } from 'electron';
import { type Message, message } from '../../shared/i18n/message';
import { createTranslator } from '../../shared/i18n/translator';
import type { Logger } from '../logger';
import type { PortalCookie, PortalSession, PortalSessionRequest, PortalSurface, SessionCookie } from '../portal/portal-surface';
import { cookieUrl } from '../portal/portal-traffic';
import { type PartitionPool, createPartitionPool } from './partition-pool';
import { frameAllowed, refusedFrameHost } from './frame-policy';
import { withoutMenu } from './no-menu';
import { markAsLoginContents } from './security-guards';
import { browserUserAgent } from './user-agent';

const SAME_SITE_IN: Record<Cookie['sameSite'], PortalCookie['sameSite']> = { unspecified: 'unspecified', no_restriction: 'None', lax: 'Lax', strict: 'Strict' };
const SAME_SITE_OUT: Record<PortalCookie['sameSite'], NonNullable<CookiesSetDetails['sameSite']>> = { unspecified: 'unspecified', None: 'no_restriction', Lax: 'lax', Strict: 'strict' };

const toSessionCookie = (c: Cookie): SessionCookie => ({
  name: c.name,
  value: c.value,
  domain: c.domain ?? '',
  hostOnly: c.hostOnly ?? !(c.domain ?? '').startsWith('.'),
  path: c.path ?? '/',
  secure: c.secure ?? false,
  httpOnly: c.httpOnly ?? false,
  sameSite: SAME_SITE_IN[c.sameSite],
  ...(c.session === false && c.expirationDate ? { expires: c.expirationDate } : {}),
});

/**
 * The portal's cookies into a fresh session, one by one. Chromium refuses some (SameSite=None
 * without Secure): such a cookie is tried once as Secure — what a browser would have needed to keep it
 * — and otherwise left out; a refusal never stops the window from showing.
 */
async function seed(target: Session, origin: string, cookies: readonly PortalCookie[], log: Logger) {
  const set = (c: PortalCookie) =>
    target.cookies.set({
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
  for (const cookie of cookies) {
    try {
      await set(cookie);
    } catch {
      const retry = cookie.sameSite === 'None' && !cookie.secure ? await set({ ...cookie, secure: true }).then(() => true, () => false) : false;
      if (!retry) log.warn('portal-window.cookie-refused', { name: cookie.name });
    }
  }
}

/** A form_post body, from webRequest's upload data (Electron gives POST bodies only there). */
const bodyOf = (upload: UploadData[] | undefined): string | undefined =>
  upload ? Buffer.concat(upload.flatMap((part) => (part.bytes ? [part.bytes] : []))).toString('utf8') : undefined;

/** Set-Cookie lines of an answer (header names keep the server's case). */
const setCookiesOf = (headers: Record<string, string[]> | undefined): string[] =>
  Object.entries(headers ?? {}).flatMap(([name, values]) => (name.toLowerCase() === 'set-cookie' ? values : []));

/** How long a prepared window waits for the next use before it is let go. */
const SPARE_IDLE_MS = 2 * 60 * 1000;

interface FreshWindow {
  partition: string;
  session: Session;
  window: BrowserWindow;
}

/**
 * Electron's portal surface (F18): every sign-in and reconnect gets a window on an in-memory
 * partition cleared of everything the last use left, seeded with the portal's cookies and nothing
 * else, so no Visma login of one profile reaches the next. Partitions come from a pool: Electron never
 * frees a session, and 200 reconnects must not leave 400. The windows keep our title, have no menu
 * (no app shortcut fires behind a login), a browser's user agent (federated sign-ins refuse
 * "embedded browsers"), and every popup — window.open or a Shift/Ctrl-click alike — lives in the
 * same partition. Traffic is watched through webRequest and passed on untouched.
 */
/** The notice of a refused frame in a portal window. */
export const PORTAL_FRAME_BLOCKED = 'portal-frame-blocked';

export interface PortalWindowOptions {
  /** A frame of the portal's page was refused: what to tell the person (English, and as words for their language). */
  onFrameBlocked?: (blocked: { message: string; words: Message }) => void;
}

const english = createTranslator('en-GB');

export function createPortalWindowSurface(parent: () => BrowserWindow | null, log: Logger, { onFrameBlocked }: PortalWindowOptions = {}): PortalSurface & { dispose(): void } {
  const pool: PartitionPool = createPartitionPool(log, (portalSession) => {
    portalSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    portalSession.setPermissionCheckHandler(() => false);
    portalSession.setUserAgent(browserUserAgent(app.userAgentFallback, app.getName()));
    portalSession.on('will-download', (event) => event.preventDefault());
  }, 'portal');
  let spare: FreshWindow | null = null;
  let spareTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const freshWindow = (): FreshWindow => {
    const { partition, session } = pool.take();
    const owner = parent();
    // The security settings spelled out here and for popups below, where a reviewer (and electronegativity) reads them.
    const window = new BrowserWindow({
      width: 1000,
      height: 760,
      show: false,
      autoHideMenuBar: true,
      ...(owner ? { parent: owner } : {}),
      webPreferences: { partition, sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, disableBlinkFeatures: 'Auxclick', devTools: !app.isPackaged },
    });
    withoutMenu(window);
    markAsLoginContents(window.webContents);
    // On the window, not its web contents: Electron sets the window's title before the contents' listeners run.
    window.on('page-title-updated', (event) => event.preventDefault());
    return { partition, session, window };
  };
  const dropSpare = () => {
    clearTimeout(spareTimer);
    if (spare && !spare.window.isDestroyed()) {
      spare.window.destroy();
      pool.giveBackUnused(spare.partition);
    }
    spare = null;
  };
  const prepareNext = () =>
    setTimeout(() => {
      if (disposed || spare) return;
      spare = freshWindow();
      void spare.window.loadURL('about:blank').catch(() => undefined);
      spareTimer = setTimeout(dropSpare, SPARE_IDLE_MS);
    }, 0);
  const take = (): FreshWindow => {
    const taken = spare && !spare.window.isDestroyed() ? spare : freshWindow();
    clearTimeout(spareTimer);
    spare = null;
    return taken;
  };

  async function open(request: PortalSessionRequest): Promise<PortalSession> {
    const { events, allowed } = request;
    const { partition, session, window } = take();
    window.setTitle(request.title);
    const windows = new Map<string, BrowserWindow>();
    let closed = false;
    const refusedFrames = new Set<string>();
    // Told once a host and attempt: a page that retries its frame must not repeat it.
    const frameRefused = (url: string) => {
      const host = refusedFrameHost(url);
      if (host === null || refusedFrames.has(host)) return;
      refusedFrames.add(host);
      const words = message('platform.frame-blocked.portal', { origin: host });
      onFrameBlocked?.({ message: english.t(words.key, { origin: host }), words });
    };

    const follow = (owner: BrowserWindow) => {
      const contents = owner.webContents;
      const id = String(contents.id);
      windows.set(id, owner);
      let status = 0;
      let failed = false;
      const check = (event: { url: string; isMainFrame?: boolean; preventDefault(): void }) => {
        const frame = event.isMainFrame === false;
        // A frame (iframe) may also show a known captcha's challenge (platform/frame-policy.ts).
        if (frame ? frameAllowed(event.url, allowed) : allowed(event.url)) return;
        event.preventDefault();
        log.warn('portal-window.navigation-blocked', { origin: URL.canParse(event.url) ? new URL(event.url).origin : 'invalid', frame });
        events.blocked(id, event.url, !frame);
        if (frame) frameRefused(event.url);
      };
      // will-frame-navigate: every frame, started by the page; will-redirect: every frame, every redirect.
      contents.on('will-frame-navigate', check);
      contents.on('will-redirect', check);
      contents.on('did-start-navigation', (details) => {
        if (!details.isMainFrame || details.isSameDocument) return;
        // A new page has no status until its server answers (did-navigate). One that fails never gets one: Chromium
        // shows its error page, which finishes loading (did-finish-load after did-fail-load) under the failed URL.
        status = 0;
        failed = false;
        if (/^https?:/.test(details.url)) events.navigating(id, details.url);
      });
      contents.on('did-navigate', (_event, _url, httpResponseCode) => void (status = httpResponseCode));
      contents.on('did-fail-load', (_event, _code, _description, _url, isMainFrame) => void (failed ||= isMainFrame));
      contents.on('did-finish-load', () => {
        const url = contents.getURL();
        // A prepared window's about:blank (or any page not from a server) is no page of the portal's, nor is the
        // browser's own error page for a portal address that did not answer (it was once reported with the last page's status).
        if (/^https?:/.test(url) && !failed) events.loaded(id, url, status);
      });
      contents.setWindowOpenHandler(({ url }) => {
        if (!allowed(url)) {
          events.blocked(id, url, true);
          return { action: 'deny' };
        }
        // The partition given outright: a Shift/Ctrl-click window is made anew from these options and
        // would otherwise land in the default session (window.open's popups keep the opener's anyway).
        return {
          action: 'allow',
          overrideBrowserWindowOptions: {
            parent: owner,
            autoHideMenuBar: true,
            webPreferences: { partition, sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, disableBlinkFeatures: 'Auxclick', devTools: !app.isPackaged },
          },
        };
      });
      contents.on('did-create-window', (popup) => {
        withoutMenu(popup);
        popup.on('page-title-updated', (event) => event.preventDefault());
        popup.setTitle(request.title);
        markAsLoginContents(popup.webContents);
        follow(popup);
        events.opened(String(popup.webContents.id));
      });
      owner.on('closed', () => {
        windows.delete(id);
        if (!closed) events.closed(id);
      });
    };
    follow(window);

    session.webRequest.onBeforeRequest((details, callback) => {
      events.request({ id: String(details.id), method: details.method, url: details.url, ...(details.uploadData ? { body: bodyOf(details.uploadData) } : {}), topLevel: details.resourceType === 'mainFrame' });
      callback({}); // watched, never altered
    });
    const answered = (details: { id: number; url: string; statusCode: number; responseHeaders?: Record<string, string[]> }) =>
      events.response({ id: String(details.id), url: details.url, status: details.statusCode, setCookies: setCookiesOf(details.responseHeaders) });
    session.webRequest.onBeforeRedirect(answered);
    session.webRequest.onCompleted(answered);
    session.webRequest.onErrorOccurred((details) => events.failed({ id: String(details.id), url: details.url }));

    await seed(session, request.site.origin, request.cookies, log);

    const main = String(window.webContents.id);
    return {
      mainWindow: main,
      load(url) {
        if (closed || window.isDestroyed()) return;
        // A navigation replaced by the next one rejects: that is no error of ours.
        void window.loadURL(url).catch(() => undefined);
      },
      reveal() {
        if (closed || window.isDestroyed() || window.isVisible()) return;
        window.show();
        // The next window is made while the person works in this one, not while its page loads.
        prepareNext();
      },
      async run(windowId, script, timeoutMs) {
        const target = windows.get(windowId);
        if (!target || target.isDestroyed()) throw new Error('the window is closed');
        // A page that navigates away never answers: the time limit ends the wait.
        return Promise.race([
          // As a person's click would be: a Connect control that opens a popup is not refused as unasked-for.
          target.webContents.executeJavaScript(script, true),
          new Promise((_resolve, reject) => setTimeout(() => reject(new Error('the page did not answer')), timeoutMs)),
        ]);
      },
      async cookies() {
        // All of them: a filter by URL would leave out those on other paths.
        return (await session.cookies.get({})).map(toSessionCookie);
      },
      async close() {
        if (closed) return;
        closed = true;
        session.webRequest.onBeforeRequest(null);
        session.webRequest.onBeforeRedirect(null);
        session.webRequest.onCompleted(null);
        session.webRequest.onErrorOccurred(null);
        for (const owner of windows.values()) if (!owner.isDestroyed()) owner.destroy();
        await pool.giveBack(partition);
      },
    };
  }

  return {
    open,
    dispose() {
      disposed = true;
      dropSpare();
    },
  };
}
