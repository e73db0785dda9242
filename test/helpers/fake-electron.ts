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

  /** A session per partition, recording what the login window asks of it. */
  class FakeSession {
    beforeRequest?: { filter: { urls: string[] }; handler: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void };
    cleared: string[] = [];
    failClear = false;
    permissionRequest?: (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    constructor(
      readonly partition: string,
      readonly options: unknown,
    ) {}
    webRequest = {
      onBeforeRequest: (filter: { urls: string[] }, handler: NonNullable<FakeSession['beforeRequest']>['handler']) => {
        this.beforeRequest = { filter, handler };
      },
    };
    setPermissionRequestHandler(handler: (c: unknown, p: string, cb: (ok: boolean) => void) => void) {
      this.permissionRequest = handler;
    }
    setPermissionCheckHandler() {}
    async clearStorageData() {
      this.cleared.push('storage');
      if (this.failClear) throw new Error('clear failed');
    }
    async clearCache() {
      this.cleared.push('cache');
    }
  }
  const sessions: FakeSession[] = [];

  class FakeWebContents extends EventEmitter {
    windowOpenHandler?: (details: { url: string }) => { action: string };
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
    getType() {
      return 'window';
    }
  }

  class FakeBrowserWindow extends EventEmitter {
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
