import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * Just enough of the 'electron' module to watch how platform code calls it.
 * Used with vi.mock('electron', ...) in unit tests of src/main/platform only.
 */
export function createFakeElectron() {
  const app = Object.assign(new EventEmitter(), { getPath: () => '/tmp/fake-user-data', isPackaged: false });
  const windows: FakeBrowserWindow[] = [];
  const handlers: Record<string, (request: Request) => Promise<Response>> = {};
  const privileged: unknown[] = [];
  const defaultSession = {
    permissionRequest: undefined as undefined | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
    permissionCheck: undefined as undefined | (() => boolean),
    setPermissionRequestHandler(handler: (c: unknown, p: string, cb: (ok: boolean) => void) => void) {
      this.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler: () => boolean) {
      this.permissionCheck = handler;
    },
  };

  type RequestDetails = { id?: number; url: string; method?: string; uploadData?: { bytes: Buffer }[] };
  type CookieDetails = { url: string; name: string; value: string; domain?: string; path?: string; secure?: boolean; httpOnly?: boolean; sameSite?: string; expirationDate?: number };

  /** A session per partition, recording what the login and portal windows ask of it. */
  class FakeSession extends EventEmitter {
    beforeRequest?: { filter: { urls: string[] } | null; handler: (details: RequestDetails, callback: (response: { cancel?: boolean }) => void) => void };
    /** Like Electron: one listener per webRequest event; a second call replaces the first. */
    requestListeners: Partial<Record<'beforeRedirect' | 'completed' | 'errorOccurred', (details: RequestDetails & { statusCode?: number }) => void>> = {};
    /** The cookie jar, as Electron's cookies API sees it. */
    jar: (CookieDetails & { hostOnly: boolean; session: boolean })[] = [];
    cleared: string[] = [];
    failClear = false;
    permissionRequest?: (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    constructor(
      readonly partition: string,
      readonly options: unknown,
    ) {
      super();
    }
    webRequest = {
      // Electron takes (filter, listener) or (listener) alone.
      onBeforeRequest: (...args: unknown[]) => {
        const [filter, handler] = args.length === 1 ? [null, args[0]] : args;
        this.beforeRequest = { filter: filter as { urls: string[] } | null, handler: handler as NonNullable<FakeSession['beforeRequest']>['handler'] };
      },
      onBeforeRedirect: (listener: FakeSession["requestListeners"]['beforeRedirect']) => void (this.requestListeners.beforeRedirect = listener),
      onCompleted: (listener: FakeSession["requestListeners"]['completed']) => void (this.requestListeners.completed = listener),
      onErrorOccurred: (listener: FakeSession["requestListeners"]['errorOccurred']) => void (this.requestListeners.errorOccurred = listener),
    };
    cookies = {
      set: async (details: CookieDetails) => {
        // Like Chromium: a Secure cookie is refused for a plain-http URL, even one on this machine.
        if (details.secure && new URL(details.url).protocol === 'http:') throw new Error('Failed to set cookie');
        const host = new URL(details.url).hostname;
        this.jar = this.jar.filter((c) => !(c.name === details.name && (c.domain ?? host) === (details.domain ?? host)));
        this.jar.push({ ...details, hostOnly: details.domain === undefined, session: details.expirationDate === undefined, ...(details.domain ? {} : { domain: host }) });
      },
      get: async (filter: { url: string }) => {
        const host = new URL(filter.url).hostname;
        return this.jar.filter((c) => {
          const domain = (c.domain ?? '').replace(/^\./, '');
          return c.hostOnly ? domain === host : host === domain || host.endsWith(`.${domain}`);
        }).map((c) => ({ ...c, sameSite: c.sameSite ?? 'unspecified' }));
      },
    };
    async clearAuthCache() {
      this.cleared.push('auth');
    }
    setPermissionRequestHandler(handler: (c: unknown, p: string, cb: (ok: boolean) => void) => void) {
      this.permissionRequest = handler;
    }
    setPermissionCheckHandler() {}
    async clearStorageData() {
      this.cleared.push('storage');
      this.jar = [];
      if (this.failClear) throw new Error('clear failed');
    }
    async clearCache() {
      this.cleared.push('cache');
    }
  }
  const sessions: FakeSession[] = [];

  class FakeWebContents extends EventEmitter {
    url = '';
    executed: string[] = [];
    getURL() {
      return this.url;
    }
    async executeJavaScript(code: string) {
      this.executed.push(code);
    }
    windowOpenHandler?: (details: { url: string }) => { action: string; overrideBrowserWindowOptions?: unknown };
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string; overrideBrowserWindowOptions?: unknown }) {
      this.windowOpenHandler = handler;
    }
    getType() {
      return 'window';
    }
  }

  class FakeBrowserWindow extends EventEmitter {
    static fromWebContents(contents: FakeWebContents) {
      return windows.find((w) => w.webContents === contents) ?? null;
    }
    webContents = new FakeWebContents();
    loaded: string[] = [];
    destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    title = '';
    shown = false;
    async loadURL(url: string) {
      this.loaded.push(url);
    }
    setTitle(title: string) {
      this.title = title;
    }
    show() {
      this.shown = true;
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
      this.emit('closed');
    }
  }

  const opened: string[] = [];
  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    session: {
      defaultSession,
      fromPartition: (partition: string, options: unknown) => {
        const created = new FakeSession(partition, options);
        sessions.push(created);
        return created;
      },
    },
    shell: { openExternal: async (url: string) => void opened.push(url) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void privileged.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void (handlers[scheme] = handler),
    },
    // Electron's net.fetch reads file: URLs; Node's fetch does not.
    net: {
      fetch: async (url: string) => {
        try {
          return new Response(await readFile(fileURLToPath(url)), { status: 200 });
        } catch {
          return new Response('missing', { status: 404 });
        }
      },
    },
  };
  return { module, windows, sessions, handlers, privileged, defaultSession, opened, FakeWebContents };
}
