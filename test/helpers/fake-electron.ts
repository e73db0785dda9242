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
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
  }

  const opened: string[] = [];
  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    session: { defaultSession },
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
  return { module, windows, handlers, privileged, defaultSession, opened, FakeWebContents };
}
