import { BrowserWindow, type Session, app, screen } from 'electron';
import { type Translator, createTranslator } from '../../shared/i18n/translator';
import type { Logger } from '../logger';
import type { LoginRequest, LoginResult, LoginSurface } from '../reauth/login-surface';
import { isRedirect, redirectFilter } from '../reauth/redirect-uri';
import { type PartitionPool, createPartitionPool } from './partition-pool';
import { frameAllowed, refusedFrameHost } from './frame-policy';
import { withoutMenu } from './no-menu';
import { markAsLoginContents } from './security-guards';
import { browserUserAgent } from './user-agent';

/** A fresh, never-used window on a cleared partition. */
interface FreshWindow {
  partition: string;
  session: Session;
  window: BrowserWindow;
}

/** How long a prepared window waits for the next login before it is let go. */
const SPARE_IDLE_MS = 2 * 60 * 1000;
/** Room for Visma's two-step prompts (code, push approval, security key), where the screen has it. */
const PREFERRED = { width: 560, height: 800 };

interface NavigationEvent {
  url: string;
  isMainFrame?: boolean;
  preventDefault(): void;
}

export interface LoginWindowOptions {
  /** The main window, the login window's parent. */
  parent: () => BrowserWindow | null;
  log: Logger;
  /** The identity provider sent the person somewhere the environment does not allow (also shown in the window). */
  onBlocked?: (message: string) => void;
  /** Main's words in the chosen language, for the page that says so (English when left out). */
  words?: () => Pick<Translator, 't'>;
}

const english = createTranslator('en-GB');

/**
 * The "fresh incognito browser" the vendor asks for, per attempt: an in-memory partition cleared
 * of everything the last login left (never "persist:"), a sandboxed window with no preload,
 * navigation limited to the identity provider's origins, the redirect caught before it leaves the
 * window, and — however it ends — the partition cleared and the window closed.
 *
 * While the person types, the next window is prepared in the background (hidden, blank, on a
 * partition of its own), so in a bulk reconnect the next login opens at once. A prepared window has
 * never shown anything, so isolation is the same; it is let go after two idle minutes.
 */
export function createLoginWindowSurface({ parent, log, onBlocked, words = () => english }: LoginWindowOptions): LoginSurface & { dispose(): void } {
  const pool: PartitionPool = createPartitionPool(log, (loginSession) => {
    loginSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    loginSession.setPermissionCheckHandler(() => false);
    loginSession.setUserAgent(browserUserAgent(app.userAgentFallback, app.getName()));
    loginSession.on('will-download', (event) => event.preventDefault());
  });
  let spare: FreshWindow | null = null;
  let spareTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const freshWindow = (): FreshWindow => {
    const { partition, session: loginSession } = pool.take();
    const owner = parent();
    const window = new BrowserWindow({
      ...loginWindowSize(screen.getDisplayMatching(owner?.getBounds() ?? screen.getPrimaryDisplay().bounds).workArea),
      show: false,
      autoHideMenuBar: true,
      ...(owner ? { parent: owner } : {}),
      webPreferences: {
        partition,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webviewTag: false,
        devTools: !app.isPackaged,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    // The app menu is every window's on Windows/Linux: its Ctrl+R would start a health check behind the login.
    withoutMenu(window);
    markAsLoginContents(window.webContents);
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    // Visma's <title> would replace ours; in a bulk run the title is how the person knows whose login it is.
    window.on('page-title-updated', (event) => event.preventDefault());
    return { partition, session: loginSession, window };
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
      void spare.window.loadURL('about:blank');
      spareTimer = setTimeout(dropSpare, SPARE_IDLE_MS);
    }, 0);

  const takeFresh = (): FreshWindow => {
    const taken = spare && !spare.window.isDestroyed() ? spare : freshWindow();
    clearTimeout(spareTimer);
    spare = null;
    return taken;
  };

  return {
    open: (request: LoginRequest) =>
      new Promise<LoginResult>((resolve) => {
        const { partition, session: loginSession, window } = takeFresh();
        window.setTitle(request.title);

        let settled = false;
        const finish = async (result: LoginResult) => {
          if (settled) return;
          settled = true;
          if (!window.isDestroyed()) window.destroy();
          await pool.giveBack(partition);
          resolve(result);
        };

        // http(s) redirect URIs: caught as a request, before anything is sent.
        loginSession.webRequest.onBeforeRequest({ urls: [redirectFilter(request.redirectUri)] }, (details, callback) => {
          if (!isRedirect(details.url, request.redirectUri)) return callback({});
          callback({ cancel: true });
          void finish({ kind: 'redirected', url: new URL(details.url) });
        });
        const allowed = (url: string) => {
          try {
            return request.allowedOrigins.includes(new URL(url).origin);
          } catch {
            return false;
          }
        };
        // A custom-scheme redirect URI never reaches webRequest: the navigation to it is where it is seen.
        const guard = (event: NavigationEvent) => {
          if (isRedirect(event.url, request.redirectUri)) {
            event.preventDefault();
            void finish({ kind: 'redirected', url: new URL(event.url) });
          } else if (event.isMainFrame === false) {
            // A frame (iframe): captchas and the provider's own widgets show; another is refused, the page stays.
            if (!frameAllowed(event.url, allowed)) {
              event.preventDefault();
              frameRefused(event.url);
            }
          } else if (!allowed(event.url)) {
            event.preventDefault();
            showBlocked(event.url);
          }
        };
        const refusedFrames = new Set<string>();
        const frameRefused = (url: string) => {
          const host = refusedFrameHost(url);
          log.warn('login-window.frame-blocked', { origin: host ?? url.slice(0, url.indexOf(':') + 1) });
          // Told once a host: a page that retries its frame must not repeat it.
          if (host === null || refusedFrames.has(host)) return;
          refusedFrames.add(host);
          onBlocked?.(words().t('platform.frame-blocked.login', { origin: host }));
        };
        const showBlocked = (url: string) => {
          const { t } = words();
          const message = blockedMessage(url, t);
          log.warn('login-window.navigation-blocked', { origin: originOf(url) });
          void window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(blockedPage(request.title, message, t))}`);
          onBlocked?.(message);
        };
        window.webContents.on('will-navigate', guard);
        window.webContents.on('will-redirect', guard);
        window.webContents.on('will-frame-navigate', guard);
        window.on('closed', () => void finish({ kind: 'closed' }));
        request.signal.addEventListener('abort', () => void finish({ kind: 'closed' }), { once: true });
        if (request.signal.aborted) void finish({ kind: 'closed' });
        else {
          void window.loadURL(request.url.href);
          window.show();
          prepareNext();
        }
      }),

    /** When the app's window goes: a hidden prepared window must not keep the app alive. */
    dispose() {
      disposed = true;
      dropSpare();
    },
  };
}

/** The preferred size where it fits; on a small screen (1366×768 at 125%) the work area's. */
export function loginWindowSize(workArea: { width: number; height: number }): { width: number; height: number } {
  return { width: Math.min(PREFERRED.width, workArea.width), height: Math.min(PREFERRED.height, workArea.height) };
}

const originOf = (url: string): string => {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
};

export const blockedMessage = (url: string, t: Translator['t'] = english.t): string => t('platform.blocked.message', { origin: originOf(url) });

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function blockedPage(title: string, message: string, t: Translator['t']): string {
  return `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${escapeHtml(title)}</title><style>body{font:15px system-ui,sans-serif;margin:2rem;line-height:1.5}</style><h1>${escapeHtml(t('platform.blocked.heading'))}</h1><p>${escapeHtml(message)}</p><p>${escapeHtml(t('platform.blocked.close'))}</p>`;
}
