import { randomUUID } from 'node:crypto';
import { BrowserWindow, type Session, session } from 'electron';
import type { Logger } from '../logger';
import type { LoginRequest, LoginResult, LoginSurface } from '../reauth/login-surface';
import { isRedirect, redirectFilter } from '../reauth/redirect-uri';
import { markAsLoginContents } from './security-guards';

/** A fresh, never-used window on a partition of its own. */
interface FreshWindow {
  partition: string;
  session: Session;
  window: BrowserWindow;
}

/** How long a prepared window waits for the next login before it is let go. */
const SPARE_IDLE_MS = 2 * 60 * 1000;

/**
 * The "fresh incognito browser" the vendor asks for, per attempt: an in-memory partition made for
 * this login alone (never "persist:"), a sandboxed window with no preload, navigation limited to the
 * identity provider's origins, the redirect caught before it leaves the window, and — however it
 * ends — the partition's storage cleared and the window closed.
 *
 * While the person types, the next window is prepared in the background (hidden, blank, on its own
 * new partition), so in a bulk reconnect the next login opens at once. A prepared window has never
 * shown anything, so isolation is the same; it is let go after two idle minutes.
 */
export function createLoginWindowSurface(parent: () => BrowserWindow | null, log: Logger): LoginSurface & { dispose(): void } {
  let spare: FreshWindow | null = null;
  let spareTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const freshWindow = (): FreshWindow => {
    const partition = `bridgekeeper-login-${randomUUID()}`;
    const loginSession = session.fromPartition(partition, { cache: false });
    loginSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    loginSession.setPermissionCheckHandler(() => false);
    const owner = parent();
    const window = new BrowserWindow({
      width: 560,
      height: 800, // room for Visma's two-step prompts (code, push approval, security key)
      show: false,
      autoHideMenuBar: true,
      ...(owner ? { parent: owner } : {}),
      webPreferences: {
        partition,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    markAsLoginContents(window.webContents);
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    return { partition, session: loginSession, window };
  };

  const dropSpare = () => {
    clearTimeout(spareTimer);
    if (spare && !spare.window.isDestroyed()) spare.window.destroy();
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
        const { session: loginSession, window } = takeFresh();
        window.setTitle(request.title);

        let settled = false;
        const finish = async (result: LoginResult) => {
          if (settled) return;
          settled = true;
          try {
            await loginSession.clearStorageData();
            await loginSession.clearCache();
          } catch (error) {
            // The partition is never used again (the next login gets a new one); the login itself stands.
            log.warn('login-window.clear-failed', { error: error instanceof Error ? error.message : String(error) });
          } finally {
            if (!window.isDestroyed()) window.destroy();
            resolve(result);
          }
        };

        loginSession.webRequest.onBeforeRequest({ urls: [redirectFilter(request.redirectUri)] }, (details, callback) => {
          if (!isRedirect(details.url, request.redirectUri)) return callback({});
          callback({ cancel: true });
          void finish({ kind: 'redirected', url: new URL(details.url) });
        });
        const allowed = (url: string) => {
          if (isRedirect(url, request.redirectUri)) return true;
          try {
            return request.allowedOrigins.includes(new URL(url).origin);
          } catch {
            return false;
          }
        };
        const guard = (event: { url: string; preventDefault(): void }) => {
          if (!allowed(event.url)) event.preventDefault();
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
