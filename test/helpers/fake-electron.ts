import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';

/**
 * Just enough of the 'electron' module to watch how platform code calls it.
 * Used with vi.mock('electron', ...) in unit tests of src/main/platform only.
 *
 * Where Electron is less kind than a naive fake, this one is as unkind, and a test of the app's
 * code relies on each (main-http.test.ts for net, login-window.test.ts for the rest; the
 * contextBridge twin is test/helpers/context-bridge-twin.ts, tested in api-bridge.test.ts; the fake's
 * own fidelity, read from Electron's source, in fake-electron.test.ts):
 * - net.fetch rejects with Chromium's `Error('net::ERR_…')`, no `code`, no `cause`; with
 *   `redirect: 'manual'` it rejects ("Redirect was cancelled") instead of returning the 3xx;
 * - webRequest sees only http(s), ws(s) and file: a custom-scheme URL never reaches it; one listener
 *   per event and session (a second call replaces the first, null removes it);
 * - a page's <title> becomes the window's title unless 'page-title-updated' is prevented on the
 *   BrowserWindow: the window hears it first, with an event of its own, so preventing it on the web
 *   contents changes nothing (electron_api_browser_window.cc, OnPageTitleUpdated);
 * - a page-initiated navigation fires 'did-start-navigation', then 'will-frame-navigate' (every frame), then
 *   'will-navigate' (main frame only, and only if the first was not prevented); its answer comes in a later task:
 *   'did-frame-navigate', and for the main frame 'did-navigate', 'did-finish-load'; or 'did-fail-load' (any frame), and
 *   for the main frame then 'did-finish-load' of the error page — with no 'did-navigate', so no new status;
 * - loadURL is browser-initiated (no will-navigate) and its promise is Electron's own (_awaitNextLoad): it rejects
 *   with ERR_FILE_NOT_FOUND, ERR_BLOCKED_BY_CLIENT, the server's error, ERR_ABORTED (another load began first),
 *   ERR_FAILED (cancelled, an unknown scheme, destroyed), ERR_UNEXPECTED (a protocol handler threw); app:// is served
 *   by the app's protocol.handle handler;
 * - a window-open handler whose answer is not { action: 'allow' } denies; did-create-window gets the details;
 * - a session's user agent is Electron's (with 'Electron/' and the app's name) until the app sets its own;
 * - net.fetch of a file: URL that is not there rejects (net::ERR_FILE_NOT_FOUND), never a 404;
 * - the app is ready only when a test plays it (`app.becomeReady()`), in a later task: whenReady resolves after the
 *   'ready' event, app.getSystemLocale throws before, protocol.registerSchemesAsPrivileged throws after;
 * - ipcMain.handle and protocol.handle throw on a second registration of a channel or scheme;
 * - `invoke` plays ipcRenderer.invoke: a structured clone each way (Dates kept, functions throw) and a senderFrame
 *   that is null once the frame is gone or the contents destroyed;
 * - session.fromPartition gives the same session for the same name, and no session is ever freed;
 * - clearStorageData() leaves the HTTP cache, the auth cache and open connections alone;
 * - cookies.set refuses a Secure cookie for a plain-http URL, even one on this machine, a
 *   SameSite=None cookie set as not Secure, and a domain the URL's host is not in; cookies.get({ url }) gives only the cookies sent to that
 *   URL (its path, Secure only over https), cookies.get({}) all of them;
 * - a window.open popup lives in its opener's session whatever the handler says, while a
 *   Shift/Ctrl-click window ('-new-window') is made from the handler's options: without a partition
 *   there, the default session;
 * - executeJavaScript never settles when the page goes away before answering (tests set answers);
 * - menus are per window, as on Windows and Linux (`platform`, 'linux' unless a test says otherwise):
 *   a new window gets the application menu (BaseWindow._init), setApplicationMenu gives it to every
 *   open window again, even one whose menu was removed (lib/browser/api/menu.ts), and a shortcut
 *   pressed in a window runs the item of that window's menu; on macOS the one application menu
 *   answers in every window, and removeMenu() changes nothing.
 */
interface FakeMenu {
  template: { label?: string; role?: string; accelerator?: string; click?: (item?: unknown, focusedWindow?: unknown, event?: unknown) => void; submenu?: FakeMenu['template'] }[];
  popup(): void;
}

export function createFakeElectron() {
  const menus = { application: null as FakeMenu | null, popups: [] as FakeMenu[] };
  const paths: Record<string, string> = { userData: '/tmp/fake-user-data', logs: '/tmp/fake-user-data/logs', documents: '/tmp' };
  const app = Object.assign(new EventEmitter(), {
    getPath: (name: string) => paths[name] ?? `/tmp/fake-${name}`,
    setPath: (name: string, value: string) => void (paths[name] = value),
    setAppLogsPath: (value?: string) => void (paths.logs = value ?? `${paths.userData}/logs`),
    getName: () => 'Bridgekeeper',
    getVersion: () => '0.1.0',
    getLocale: () => 'en-GB',
    /** The system's locale (the region's formats), which Electron gives only once the app is ready. */
    systemLocale: 'en-GB',
    getSystemLocale() {
      if (!app.ready) throw new Error('app.getSystemLocale() can only be called after app is ready');
      return app.systemLocale;
    },
    /** The platform the fake plays, for what differs by platform (menus). */
    platform: 'linux' as NodeJS.Platform,
    get applicationMenu() {
      return menus.application;
    },
    isPackaged: false,
    sandboxed: false,
    /** False plays the second instance: another Bridgekeeper holds the lock. */
    gotLock: true,
    exitCode: null as number | null,
    whenReadyCalls: 0,
    requestSingleInstanceLock: () => app.gotLock,
    exit(code = 0) {
      app.exitCode = code;
    },
    quit() {
      app.emit('quit');
    },
    /** False until the test plays Electron's start-up finishing (`becomeReady`), as the app's main script runs first. */
    ready: false,
    isReady: () => app.ready,
    /** Resolves once 'ready' was emitted (Browser::DidFinishLaunching): in a later task than the main script, never on a microtask of it. */
    whenReady() {
      app.whenReadyCalls++;
      return app.ready ? Promise.resolve() : new Promise<void>((resolve) => app.once('ready', () => resolve()));
    },
    /** Electron finishes launching after the main script's first run: in a later task, 'ready', then whenReady's promise. */
    becomeReady(): Promise<void> {
      return new Promise((resolve) =>
        setTimeout(() => {
          app.ready = true;
          app.emit('ready', {}, {});
          resolve();
        }, 0),
      );
    },
    userAgentFallback:
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Bridgekeeper/0.1.0 Chrome/140.0.7339.41 Electron/38.0.0 Safari/537.36',
    enableSandbox() {
      app.sandboxed = true;
    },
  });
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
    userAgent: app.userAgentFallback,
    getUserAgent() {
      return this.userAgent;
    },
    setUserAgent(userAgent: string) {
      this.userAgent = userAgent;
    },
  };

  /** What a session can hold on to; each of Electron's clear methods drops only its own kinds. */
  type Held = 'cookies' | 'localstorage' | 'indexdb' | 'serviceworkers' | 'cache' | 'auth' | 'connections';
  const STORAGE: Held[] = ['cookies', 'localstorage', 'indexdb', 'serviceworkers'];

  type RequestDetails = { id?: number; url: string; method?: string; uploadData?: { bytes: Buffer }[] };
  type CookieDetails = { url: string; name: string; value: string; domain?: string; path?: string; secure?: boolean; httpOnly?: boolean; sameSite?: string; expirationDate?: number };

  /** A session per partition name, for the life of the app (as in Electron: never freed). */
  class FakeSession extends EventEmitter {
    beforeRequest?: { filter: { urls: string[] } | null; handler: (details: RequestDetails, callback: (response: { cancel?: boolean }) => void) => void };
    /** Like Electron: one listener per webRequest event; a second call replaces the first, null removes it. */
    requestListeners: Partial<Record<'beforeRedirect' | 'completed' | 'errorOccurred', (details: RequestDetails & { statusCode?: number; responseHeaders?: Record<string, string[]> }) => void>> = {};
    /** The cookie jar, as Electron's cookies API sees it. */
    jar: (CookieDetails & { hostOnly: boolean; session: boolean })[] = [];
    cleared: string[] = [];
    failClear = false;
    held = new Set<Held>();
    /** Electron's default (ElectronBrowserContext::GetUserAgent): app.userAgentFallback, with 'Electron/' and the app's name in it. */
    userAgent = app.userAgentFallback;
    getUserAgent() {
      return this.userAgent;
    }
    fetched: { url: string; credentials: string; cache: string }[] = [];
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
        this.beforeRequest = handler ? { filter: filter as { urls: string[] } | null, handler: handler as NonNullable<FakeSession['beforeRequest']>['handler'] } : undefined;
      },
      onBeforeRedirect: (listener: FakeSession['requestListeners']['beforeRedirect'] | null) => void (this.requestListeners.beforeRedirect = listener ?? undefined),
      onCompleted: (listener: FakeSession['requestListeners']['completed'] | null) => void (this.requestListeners.completed = listener ?? undefined),
      onErrorOccurred: (listener: FakeSession['requestListeners']['errorOccurred'] | null) => void (this.requestListeners.errorOccurred = listener ?? undefined),
    };
    cookies = {
      set: async (details: CookieDetails) => {
        // Electron: Secure defaults to true for SameSite=None; set false outright, Chromium refuses it.
        const secure = details.secure ?? details.sameSite === 'no_restriction';
        if (details.sameSite === 'no_restriction' && !secure) throw new Error('Failed to set cookie - The cookie specified SameSite=None, but it was not Secure.');
        if (secure && new URL(details.url).protocol === 'http:') throw new Error('Failed to set cookie - The cookie was Secure, but the URL was not allowed to access Secure cookies.');
        const host = new URL(details.url).hostname;
        const bare = details.domain?.replace(/^\./, '');
        if (bare && host !== bare && !host.endsWith(`.${bare}`)) throw new Error('Failed to set cookie - The cookie was set with an invalid Domain attribute.');
        const path = details.path ?? '/';
        const domain = details.domain ? `.${details.domain.replace(/^\./, '')}` : host;
        this.jar = this.jar.filter((c) => !(c.name === details.name && c.domain === domain && (c.path ?? '/') === path));
        this.jar.push({ ...details, secure, path, domain, hostOnly: details.domain === undefined, session: details.expirationDate === undefined });
        this.held.add('cookies');
      },
      get: async (filter: { url?: string; domain?: string }) => {
        const sent = (c: FakeSession['jar'][number]) => {
          if (!filter.url) return true;
          const url = new URL(filter.url);
          const domain = (c.domain ?? '').replace(/^\./, '');
          const host = url.hostname;
          const domainOk = c.hostOnly ? domain === host : host === domain || host.endsWith(`.${domain}`);
          const path = c.path ?? '/';
          const pathOk = url.pathname === path || url.pathname.startsWith(path.endsWith('/') ? path : `${path}/`);
          return domainOk && pathOk && (!c.secure || url.protocol === 'https:' || host === 'localhost' || host === '127.0.0.1');
        };
        return this.jar.filter(sent).map((c) => ({ ...c, sameSite: c.sameSite ?? 'unspecified' }));
      },
    };
    /** A request leaves a page of this session: webRequest sees it only for schemes that go over the network. */
    request(url: string): 'cancelled' | 'sent' | 'not-seen' {
      if (!/^(https?|wss?|file):/.test(url)) return 'not-seen';
      let cancelled = false;
      if (this.beforeRequest && (this.beforeRequest.filter === null || this.beforeRequest.filter.urls.some((pattern) => matches(pattern, url)))) {
        this.beforeRequest.handler({ url }, (response) => {
          cancelled = response.cancel === true;
        });
      }
      return cancelled ? 'cancelled' : 'sent';
    }
    setPermissionRequestHandler(handler: (c: unknown, p: string, cb: (ok: boolean) => void) => void) {
      this.permissionRequest = handler;
    }
    setPermissionCheckHandler() {}
    setUserAgent(userAgent: string) {
      this.userAgent = userAgent;
    }
    async clearStorageData() {
      this.cleared.push('storage');
      if (this.failClear) throw new Error('clear failed');
      for (const kind of STORAGE) this.held.delete(kind);
      this.jar = [];
    }
    async clearData() {
      this.cleared.push('data');
      if (this.failClear) throw new Error('clear failed');
      for (const kind of [...STORAGE, 'cache'] as Held[]) this.held.delete(kind);
      this.jar = [];
    }
    async clearCache() {
      this.cleared.push('cache');
      this.held.delete('cache');
    }
    async clearAuthCache() {
      this.cleared.push('auth');
      this.held.delete('auth');
    }
    async closeAllConnections() {
      this.cleared.push('connections');
      this.held.delete('connections');
    }
    fetch(input: string | Request, init?: RequestInit) {
      const request = new Request(input, init);
      this.fetched.push({ url: request.url, credentials: request.credentials, cache: request.cache });
      return chromiumFetch(request);
    }
  }
  const sessions = new Map<string, FakeSession>();
  /** session.fromPartition: the same session for the same name, made on first use (a window's partition makes it too). */
  const sessionOf = (partition: string, options: unknown = {}): FakeSession => {
    const existing = sessions.get(partition);
    if (existing) return existing;
    const created = new FakeSession(partition, options);
    sessions.set(partition, created);
    return created;
  };

  class FakeWebContents extends EventEmitter {
    static nextId = 1;
    id = FakeWebContents.nextId++;
    windowOpenHandler?: (details: { url: string; disposition: string; frameName?: string; features?: string }) => { action: string; overrideBrowserWindowOptions?: Record<string, unknown> };
    userAgent = '';
    executed: string[] = [];
    /** What the page answers a script with; left unset, it never answers (a page that went away). */
    scriptAnswer?: (code: string) => unknown;
    executeJavaScript(code: string): Promise<unknown> {
      this.executed.push(code);
      return this.scriptAnswer ? Promise.resolve(this.scriptAnswer(code)) : new Promise(() => undefined);
    }
    /** The session this contents lives in: its window's partition, or the default session's "". */
    get partition(): string {
      return ((this.owner?.options.webPreferences as { partition?: string } | undefined)?.partition ?? '') as string;
    }
    sent: { channel: string; payload: unknown }[] = [];
    send(channel: string, payload: unknown) {
      this.sent.push({ channel, payload });
    }
    getURL() {
      return this.owner?.loaded.at(-1) ?? '';
    }
    reload() {}
    constructor(readonly owner?: FakeBrowserWindow) {
      super();
    }
    setWindowOpenHandler(handler: NonNullable<FakeWebContents['windowOpenHandler']>) {
      this.windowOpenHandler = handler;
    }
    getType() {
      return 'window';
    }
    setUserAgent(userAgent: string) {
      this.userAgent = userAgent;
    }
    /**
     * What the server answers an http(s) navigation to `url`, once its request went out: a status (the page
     * commits), a Chromium error (the load fails: 'did-fail-load'), or 'hang' (no answer yet: a later navigation of
     * the frame aborts it); left unset, 200. Other schemes answer as in Electron: file: from the disk (a missing file
     * is ERR_FILE_NOT_FOUND), a scheme with a protocol.handle handler from the handler, about:/data: commit (no
     * status: -1), and any other scheme stops loading without a page, as Chromium's unknown schemes do.
     */
    answer?: (url: string) => number | { errorCode: number; errorDescription: string } | 'hang';
    destroyed = false;
    isDestroyed() {
      return this.destroyed;
    }
    /** The main frame's navigation under way (not committed, failed or cancelled yet); a new one replaces it. */
    private pending: symbol | null = null;
    /**
     * Electron's loadURL (lib/browser/api/web-contents.ts, _awaitNextLoad): a browser-initiated navigation of the
     * main frame — no 'will-navigate' or 'will-frame-navigate' — whose promise resolves at 'did-finish-load' and
     * rejects with Chromium's error (`code` 'ERR_FILE_NOT_FOUND', `errno` -6, …) on a main-frame 'did-fail-load',
     * with ERR_ABORTED when another main-frame navigation starts first, and with ERR_FAILED when loading stops
     * without either (a cancelled navigation, an unknown scheme) or the contents is destroyed. As in Electron, the
     * promise carries a no-op catch: a caller that drops it sees no unhandled rejection, one that awaits it throws.
     */
    loadURL(url: string): Promise<void> {
      const loading = awaitNextLoad(this, url);
      loading.catch(() => undefined);
      this.begin(url, true, false);
      return loading;
    }
    /**
     * The page navigates (a link, a form, a script): 'did-start-navigation', then 'will-frame-navigate' (every
     * frame), then for the main frame 'will-navigate', then the request, if not prevented; the answer (`answer`)
     * comes in a later task. The order is Chromium's: DidStartNavigation before the throttle's WillStartRequest.
     */
    navigate(url: string, isMainFrame = true): 'prevented' | ReturnType<FakeSession['request']> {
      return this.begin(url, isMainFrame, true);
    }
    private begin(url: string, isMainFrame: boolean, rendererInitiated: boolean): 'prevented' | ReturnType<FakeSession['request']> {
      const token = Symbol(url);
      if (isMainFrame) this.pending = token;
      this.navigationEvent('did-start-navigation', url, isMainFrame);
      if (rendererInitiated && (this.navigationEvent('will-frame-navigate', url, isMainFrame) || (isMainFrame && this.navigationEvent('will-navigate', url, isMainFrame)))) {
        this.cancelled(token, isMainFrame);
        return 'prevented';
      }
      const partition = this.partition;
      const result = partition ? sessionOf(partition).request(url) : 'sent';
      if (result !== 'cancelled' && isMainFrame) this.owner?.loaded.push(url);
      setTimeout(() => void this.finish(token, url, isMainFrame, result === 'cancelled'), 0);
      return result;
    }
    /** The navigation's answer arrives: it commits, or fails with an error page (Chromium's DidFinishNavigation). */
    private async finish(token: symbol, url: string, isMainFrame: boolean, blocked: boolean) {
      const answer = blocked ? { errorCode: -20, errorDescription: 'ERR_BLOCKED_BY_CLIENT' } : await this.answerOf(url);
      if (answer === 'hang' || this.destroyed || (isMainFrame && this.pending !== token)) return;
      if (isMainFrame) this.pending = null;
      if (answer === 'unknown-scheme') return void this.emit('did-stop-loading');
      if (typeof answer === 'number') return this.commit(url, answer, isMainFrame);
      this.emit('did-fail-provisional-load', {}, answer.errorCode, answer.errorDescription, url, isMainFrame, 1, 1);
      this.emit('did-fail-load', {}, answer.errorCode, answer.errorDescription, url, isMainFrame, 1, 1);
      // The error page Chromium shows instead finishes loading: did-finish-load follows did-fail-load (electron#40661).
      if (!isMainFrame) return;
      this.emit('did-finish-load');
      this.emit('did-stop-loading');
    }
    private async answerOf(url: string): Promise<number | { errorCode: number; errorDescription: string } | 'hang' | 'unknown-scheme'> {
      const scheme = url.slice(0, Math.max(0, url.indexOf(':')));
      if (scheme === 'http' || scheme === 'https') return this.answer?.(url) ?? 200;
      if (scheme === 'about' || scheme === 'data') return -1;
      if (scheme === 'file') return existsSync(fileURLToPath(url)) ? -1 : { errorCode: -6, errorDescription: 'ERR_FILE_NOT_FOUND' };
      const handler = handlers[scheme];
      if (!handler) return 'unknown-scheme';
      try {
        return (await handler(new Request(url))).status;
      } catch {
        // lib/browser/api/protocol.ts: a handler that throws answers ERR_UNEXPECTED.
        return { errorCode: -9, errorDescription: 'ERR_UNEXPECTED' };
      }
    }
    /** A navigation cancelled before it had an answer (a guard prevented it): nothing commits, nothing fails; loading stops unless another began. */
    private cancelled(token: symbol, isMainFrame: boolean) {
      if (!isMainFrame || this.pending !== token) return;
      this.pending = null;
      setTimeout(() => {
        if (this.pending === null && !this.destroyed) this.emit('did-stop-loading');
      }, 0);
    }
    private commit(url: string, status: number, isMainFrame: boolean) {
      this.emit('did-frame-navigate', {}, url, status, '', isMainFrame, 1, 1);
      if (!isMainFrame) return;
      this.emit('did-navigate', {}, url, status, '');
      this.emit('did-finish-load');
      this.emit('did-stop-loading');
    }
    /** Electron's EmitNavigationEvent: one details object (url, isMainFrame, …, preventDefault) then the old positional arguments; true if prevented. */
    private navigationEvent(name: string, url: string, isMainFrame: boolean): boolean {
      let prevented = false;
      const details = { url, isMainFrame, isSameDocument: false, processId: 1, routingId: 1, preventDefault: () => void (prevented = true) };
      this.emit(name, details, url, false, isMainFrame, 1, 1);
      return prevented;
    }
    /** A page loads in the main frame and the server answers `status`, all at once: the events Electron fires, in order. */
    load(url: string, status = 200) {
      this.pending = null;
      this.navigationEvent('did-start-navigation', url, true);
      this.owner?.loaded.push(url);
      this.commit(url, status, true);
    }
    /**
     * The page opens a window. `via` 'open' is window.open or target=_blank: the popup lives in this
     * contents' session whatever the handler's options say. 'modifier-click' is Electron's
     * '-new-window' path: a new window made from the handler's options alone.
     */
    openWindow(url: string, via: 'open' | 'modifier-click' = 'open'): FakeBrowserWindow | null {
      const disposition = via === 'open' ? 'new-window' : 'foreground-tab';
      const details = { url, frameName: '', features: '', disposition, referrer: { url: this.getURL(), policy: 'strict-origin-when-cross-origin' } };
      // _callWindowOpenHandler: no handler allows; a handler's answer that is not { action: 'allow' | 'deny' } denies.
      const answer: unknown = this.windowOpenHandler ? this.windowOpenHandler(details) : { action: 'allow' };
      if (typeof answer !== 'object' || answer === null || (answer as { action?: unknown }).action !== 'allow') return null;
      const override = (answer as { overrideBrowserWindowOptions?: unknown }).overrideBrowserWindowOptions;
      const options = (typeof override === 'object' && override !== null ? override : {}) as { webPreferences?: Record<string, unknown> };
      const partition = via === 'open' ? this.partition : ((options.webPreferences?.partition as string | undefined) ?? '');
      // guest-window-manager.ts, openGuestWindow: shown at 800×600 unless the handler's options say otherwise.
      const windowOptions = { show: true, width: 800, height: 600, ...options, webPreferences: { ...options.webPreferences, partition } };
      const popup = new FakeBrowserWindow(windowOptions);
      popup.shown = windowOptions.show !== false;
      // A Shift/Ctrl-click window is loaded (loadURL) before did-create-window: its navigation has begun when the app
      // first hears of it. A window.open popup's page is asked for after.
      if (via === 'modifier-click') void popup.webContents.loadURL(url);
      this.emit('did-create-window', popup, { ...details, options: windowOptions });
      if (via === 'open') popup.webContents.begin(url, true, false);
      // handleWindowLifecycleEvents: the popup goes with its opener unless the handler said outlivesOpener.
      if ((answer as { outlivesOpener?: unknown }).outlivesOpener !== true) this.once('destroyed', () => popup.destroy());
      return popup;
    }
    /** The server answers the current request with a redirect to `url`. */
    redirect(url: string, isMainFrame = true): 'prevented' | ReturnType<FakeSession['request']> {
      const token = this.pending;
      if (this.navigationEvent('will-redirect', url, isMainFrame)) {
        if (token) this.cancelled(token, isMainFrame);
        return 'prevented';
      }
      const partition = this.partition;
      const result = partition ? sessionOf(partition).request(url) : 'sent';
      if (result === 'sent' && isMainFrame) this.owner?.loaded.push(url);
      return result;
    }
    /**
     * The loaded page has this <title>. As in Electron, the window hears it first with an event of its
     * own and takes the title unless that event is prevented; the web contents hears it after, too late.
     */
    pageTitle(title: string) {
      let prevented = false;
      this.owner?.emit('page-title-updated', { preventDefault: () => void (prevented = true) }, title, false);
      if (!prevented) this.owner?.setTitle(title);
      this.emit('page-title-updated', { preventDefault: () => undefined }, title, false);
    }
  }

  class FakeBrowserWindow extends EventEmitter {
    static fromWebContents(contents: FakeWebContents) {
      return windows.find((w) => w.webContents === contents) ?? null;
    }
    webContents: FakeWebContents;
    loaded: string[] = [];
    destroyed = false;
    progress: number[] = [];
    bounds: { x: number; y: number; width: number; height: number };
    constructor(readonly options: Record<string, unknown>) {
      super();
      this.webContents = new FakeWebContents(this);
      const partition = (options.webPreferences as { partition?: string } | undefined)?.partition;
      if (partition) sessionOf(partition);
      this.title = (options.title as string | undefined) ?? '';
      this.bounds = { x: 0, y: 0, width: (options.width as number) ?? 800, height: (options.height as number) ?? 600 };
      windows.push(this);
      // BaseWindow._init: everywhere but macOS a new window gets the application menu as its own.
      if (app.platform !== 'darwin' && menus.application) this.setMenu(menus.application);
      app.emit('web-contents-created', {}, this.webContents);
    }
    title = '';
    shown = false;
    menuRemoved = false;
    /** This window's menu bar (Windows, Linux): the application menu it was given, or none. */
    menu: FakeMenu | null = null;
    setMenu(menu: FakeMenu | null) {
      this.menu = menu;
    }
    removeMenu() {
      this.menuRemoved = true;
      this.setMenu(null);
    }
    /**
     * The person presses a shortcut while this window has the focus: the item of the window's menu with
     * that accelerator runs, with this window as the focused one (macOS: the application menu's). True if one ran.
     */
    pressAccelerator(accelerator: string): boolean {
      const menu = app.platform === 'darwin' ? menus.application : this.menu;
      const find = (items: FakeMenu['template']): FakeMenu['template'][number] | undefined =>
        items.flatMap((item) => (item.accelerator === accelerator ? [item] : item.submenu ? [find(item.submenu)].filter((i) => i !== undefined) : []))[0];
      const item = menu ? find(menu.template) : undefined;
      item?.click?.(item, this, {});
      return item !== undefined;
    }
    isVisible() {
      return this.shown;
    }
    /** BrowserWindow.loadURL is its web contents' (the same promise). */
    loadURL(url: string) {
      return this.webContents.loadURL(url);
    }
    setTitle(title: string) {
      this.title = title;
    }
    getTitle() {
      return this.title;
    }
    show() {
      this.shown = true;
      this.emit('show');
    }
    static getAllWindows() {
      return windows.filter((w) => !w.destroyed);
    }
    maximized = false;
    maximize() {
      this.maximized = true;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    setProgressBar(progress: number) {
      this.progress.push(progress);
    }
    getBounds() {
      return { ...this.bounds };
    }
    getNormalBounds() {
      return { ...this.bounds };
    }
    isMaximized() {
      return this.maximized;
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      if (this.destroyed) return;
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.webContents.emit('destroyed');
      this.emit('closed');
    }
  }

  /** One display unless a test says otherwise: 1366×768 at 125% leaves about 1093×582 of work area beside a taskbar. */
  const displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];
  const screen = {
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => displays[0]!,
    getDisplayMatching: () => displays[0]!,
  };

  const errorBoxes: { title: string; content: string }[] = [];
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const Menu = {
    buildFromTemplate: (template: FakeMenu['template']): FakeMenu => ({ template, popup: () => void menus.popups.push({ template, popup: () => undefined }) }),
    /** Electron's lib/browser/api/menu.ts: on Windows and Linux every open window gets it again, a menu removed or not. */
    setApplicationMenu: (menu: FakeMenu | null) => {
      menus.application = menu;
      if (app.platform !== 'darwin') for (const window of FakeBrowserWindow.getAllWindows()) window.setMenu(menu);
    },
    getApplicationMenu: () => menus.application,
  };

  const opened: string[] = [];
  /**
   * Electron's shell.openExternal rejects when the system cannot open the URL: on Linux with xdg-open's
   * words for its exit code ("The action failed", "A required tool could not be found"), on Windows
   * "Failed to open: …" (platform_util_*.cc). Set `failWith` to play that.
   */
  const external = { failWith: null as string | null };
  const messageBoxes: { window: unknown; options: { message: string; detail?: string; buttons?: string[] } }[] = [];
  /** The button the person presses in the next message boxes (index), 0 unless a test says otherwise. */
  const messageBoxAnswer = { response: 0 };
  const clipboard = { text: '', writeText: (text: string) => void (clipboard.text = text), readText: () => clipboard.text };
  const module = {
    app,
    Menu,
    ipcMain: {
      /** lib/browser/ipc-main-impl.ts: one handler a channel; a second registration throws until removeHandler. */
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
        if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        ipcHandlers.set(channel, handler);
      },
      removeHandler: (channel: string) => void ipcHandlers.delete(channel),
    },
    dialog: {
      showErrorBox: (title: string, content: string) => void errorBoxes.push({ title, content }),
      showMessageBoxSync: () => 0,
      // (window, options) or (options) alone, as Electron takes them.
      showMessageBox: async (...args: unknown[]) => {
        const [window, options] = args.length === 1 ? [null, args[0]] : args;
        messageBoxes.push({ window, options: options as (typeof messageBoxes)[number]['options'] });
        return { response: messageBoxAnswer.response, checkboxChecked: false };
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
    },
    BrowserWindow: FakeBrowserWindow,
    clipboard,
    screen,
    session: {
      defaultSession,
      fromPartition: (partition: string, options: unknown) => sessionOf(partition, options),
    },
    shell: {
      openExternal: async (url: string) => {
        if (external.failWith !== null) throw new Error(external.failWith);
        opened.push(url);
      },
      openPath: async (folder: string) => {
        opened.push(folder);
        return ''; // Electron's "no error"
      },
      showItemInFolder: (file: string) => void opened.push(file),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        if (app.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
        privileged.push(...schemes);
      },
      /** lib/browser/api/protocol.ts: a scheme already handled is not handled again ("Failed to register protocol"); unhandle first. */
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        if (handlers[scheme]) throw new Error(`Failed to register protocol: ${scheme}`);
        handlers[scheme] = handler;
      },
      unhandle: (scheme: string) => {
        if (!handlers[scheme]) throw new Error(`Failed to unhandle protocol: ${scheme}`);
        Reflect.deleteProperty(handlers, scheme);
      },
      isProtocolHandled: (scheme: string) => handlers[scheme] !== undefined,
    },
    net: {
      /**
       * Electron's net.fetch reads file: URLs (Node's fetch does not): a file that is not there (or a folder) is no
       * 404 but a rejection, `net::ERR_FILE_NOT_FOUND`; other URLs go out as Chromium would.
       */
      fetch: async (url: string, init?: RequestInit) => {
        return url.startsWith('file:') ? netFetchFile(url) : chromiumFetch(new Request(url, init));
      },
      request: (options: { url: string; method?: string; redirect?: string }) => new FakeClientRequest(options),
    },
  };
  /**
   * A page calls ipcRenderer.invoke(channel, ...args) and main's handler answers, as Electron carries it: arguments
   * and answer cross by structured clone (a Date stays a Date, a function throws), the event's `sender` is the web
   * contents and its `senderFrame` the calling frame — null when that frame is gone (navigated away, or the contents
   * destroyed) by the time main looks (ipc_dispatch.h: WebFrameMain::From of a frame that no longer exists).
   */
  async function invoke(contents: FakeWebContents, channel: string, args: unknown[], { frame = 'main' }: { frame?: 'main' | 'sub' | 'gone' } = {}): Promise<unknown> {
    const handler = ipcHandlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const senderFrame = frame === 'gone' || contents.destroyed ? null : { url: contents.getURL(), parent: frame === 'main' ? null : { url: contents.getURL(), parent: null } };
    const event = { sender: contents, senderFrame, processId: 1, frameId: frame === 'main' ? 1 : 2 };
    const answer = await handler(event, ...structuredCloneOf(args));
    return structuredCloneOf(answer);
  }
  return { module, windows, sessions, handlers, privileged, defaultSession, opened, external, messageBoxes, messageBoxAnswer, displays, errorBoxes, ipcHandlers, invoke, menus, FakeWebContents };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** The MIME types Chromium's file: loader gives the renderer's files (net.fetch hands its mimeType on to protocol.handle). */
const FILE_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Electron's net.fetch of a file: URL: the file with its type, or a rejection (net::ERR_FILE_NOT_FOUND) for one not there (or a folder). */
export async function netFetchFile(url: string): Promise<Response> {
  const file = fileURLToPath(url);
  const bytes = await readFile(file).catch(() => null);
  if (bytes === null) throw new Error('net::ERR_FILE_NOT_FOUND');
  const type = FILE_TYPES[path.extname(file).toLowerCase()];
  return new Response(bytes, { status: 200, headers: type ? { 'Content-Type': type } : {} });
}

/** What crosses Electron's IPC: a structured clone (v8's serializer), which keeps Dates and Maps and throws on functions. */
export function structuredCloneOf<T>(value: T): T {
  return deserialize(serialize(value)) as T;
}

type LoadError = { errorCode: number; errorDescription: string; url: string };

/** Electron's _awaitNextLoad (lib/browser/api/web-contents.ts), as it is: what a loadURL promise waits for. */
function awaitNextLoad(contents: EventEmitter, navigationUrl: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let error: LoadError | undefined;
    let navigationStarted = false;
    const rejectWith = ({ errorCode, errorDescription, url }: LoadError) => {
      removeListeners();
      reject(Object.assign(new Error(`${errorDescription} (${errorCode}) loading '${url.slice(0, 2048)}'`), { errno: errorCode, code: errorDescription, url }));
    };
    const finished = () => {
      if (error) return rejectWith(error);
      removeListeners();
      resolve();
    };
    const started = (_event: unknown, url: string, isSameDocument: boolean, isMainFrame: boolean) => {
      if (!isMainFrame) return;
      if (navigationStarted && !isSameDocument) return rejectWith({ errorCode: -3, errorDescription: 'ERR_ABORTED', url });
      navigationStarted = true;
    };
    const failed = (_event: unknown, errorCode: number, errorDescription: string, url: string, isMainFrame: boolean) => {
      if (!error && isMainFrame) error = { errorCode, errorDescription, url };
      if (!navigationStarted && isMainFrame) finished();
    };
    const stopped = () => {
      error ??= { errorCode: -2, errorDescription: 'ERR_FAILED', url: navigationUrl };
      finished();
    };
    const removeListeners = () => {
      contents.off('did-finish-load', finished);
      contents.off('did-fail-load', failed);
      contents.off('did-start-navigation', started);
      contents.off('did-stop-loading', stopped);
      contents.off('destroyed', stopped);
    };
    contents.on('did-finish-load', finished);
    contents.on('did-fail-load', failed);
    contents.on('did-start-navigation', started);
    contents.on('did-stop-loading', stopped);
    contents.on('destroyed', stopped);
  });
}

/** Chromium's names for what Node reports as error codes. */
const NET_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'net::ERR_CONNECTION_REFUSED',
  ECONNRESET: 'net::ERR_CONNECTION_RESET',
  ENOTFOUND: 'net::ERR_NAME_NOT_RESOLVED',
  EAI_AGAIN: 'net::ERR_NAME_NOT_RESOLVED',
  ETIMEDOUT: 'net::ERR_TIMED_OUT',
};

function chromiumError(error: unknown): Error {
  let code: unknown;
  for (let inner = error as { code?: unknown; cause?: unknown } | undefined; inner && !code; inner = inner.cause as typeof inner) code = inner.code;
  return new Error(NET_ERRORS[String(code)] ?? 'net::ERR_FAILED');
}

/** Node's fetch underneath, with Electron's failure shapes on top. */
async function chromiumFetch(request: Request): Promise<Response> {
  const manual = request.redirect === 'manual';
  let response: Response;
  try {
    response = await fetch(request, { redirect: manual ? 'manual' : request.redirect });
  } catch (error) {
    if ((error as { name?: unknown }).name === 'AbortError') throw error;
    throw chromiumError(error);
  }
  if (manual && response.status >= 300 && response.status < 400) throw new Error('Redirect was cancelled');
  return response;
}

/** Electron's ClientRequest over node:http: 'redirect' (then cancelled unless followed), 'response', 'error'. */
class FakeClientRequest extends EventEmitter {
  private headers: Record<string, string> = {};
  private aborted = false;
  constructor(private readonly options: { url: string; method?: string; redirect?: string }) {
    super();
  }
  setHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  abort() {
    this.aborted = true;
  }
  end(body?: Buffer) {
    const outgoing = http.request(this.options.url, { method: this.options.method ?? 'GET', headers: this.headers }, (incoming) => {
      if (this.aborted) return void incoming.resume();
      const status = incoming.statusCode ?? 0;
      const headers = incoming.headers as Record<string, string | string[]>;
      if (status >= 300 && status < 400 && this.options.redirect === 'manual') {
        incoming.resume();
        this.emit('redirect', status, this.options.method ?? 'GET', new URL(String(headers.location), this.options.url).href, headers);
        this.emit('error', new Error('Redirect was cancelled'));
        return;
      }
      const message = Object.assign(new EventEmitter(), { statusCode: status, headers });
      this.emit('response', message);
      incoming.on('data', (chunk: Buffer) => message.emit('data', chunk));
      incoming.on('end', () => message.emit('end'));
    });
    outgoing.on('error', (error) => {
      if (!this.aborted) this.emit('error', chromiumError(error));
    });
    outgoing.end(body);
  }
}

/** A webRequest match pattern as Chromium reads it: `<all_urls>`, or a prefix ending in `*`. */
function matches(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return true;
  return pattern.endsWith('*') ? url.startsWith(pattern.slice(0, -1)) : url === pattern;
}
