import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type FakeElectron, createFakeElectron } from '../../helpers/fake-electron';

/**
 * The fake is no kinder than Electron 45 where the app could rely on kindness (issue 24, point 6). Each test
 * here states one of Electron's behaviours, read from its source (lib/browser/api/web-contents.ts,
 * shell/browser/electron_navigation_throttle.cc, electron_api_web_contents.cc, ipc-main-impl.ts, protocol.ts,
 * electron_api_app.cc): the tests of the app's code then meet them.
 */
type Contents = InstanceType<FakeElectron['FakeWebContents']>;
const later = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Every navigation event a contents emits, as `name url main`. */
function record(contents: Contents): string[] {
  const seen: string[] = [];
  for (const name of ['did-start-navigation', 'will-frame-navigate', 'will-navigate', 'will-redirect']) {
    contents.on(name, (details: { url: string; isMainFrame: boolean }) => seen.push(`${name} ${details.url} ${details.isMainFrame ? 'main' : 'frame'}`));
  }
  contents.on('did-frame-navigate', (_e: unknown, url: string, status: number, _text: string, isMainFrame: boolean) => seen.push(`did-frame-navigate ${url} ${status} ${isMainFrame ? 'main' : 'frame'}`));
  contents.on('did-navigate', (_e: unknown, url: string, status: number) => seen.push(`did-navigate ${url} ${status}`));
  contents.on('did-fail-load', (_e: unknown, code: number, description: string, url: string, isMainFrame: boolean) => seen.push(`did-fail-load ${code} ${description} ${url} ${isMainFrame ? 'main' : 'frame'}`));
  for (const name of ['did-finish-load', 'did-stop-loading']) contents.on(name, () => seen.push(name));
  return seen;
}

function window(fake: FakeElectron, options: Record<string, unknown> = {}) {
  const created = new fake.module.BrowserWindow(options);
  return { window: created, contents: created.webContents, seen: record(created.webContents) };
}

describe('navigation, as Chromium orders it and Electron reports it', () => {
  it('a page-initiated navigation: did-start-navigation first, then will-frame-navigate and will-navigate; the answer commits in a later task', async () => {
    const { contents, seen } = window(createFakeElectron());
    expect(contents.navigate('https://a.example/next')).toBe('sent');
    expect(seen).toEqual(['did-start-navigation https://a.example/next main', 'will-frame-navigate https://a.example/next main', 'will-navigate https://a.example/next main']);
    await later();
    expect(seen.slice(3)).toEqual(['did-frame-navigate https://a.example/next 200 main', 'did-navigate https://a.example/next 200', 'did-finish-load', 'did-stop-loading']);
  });

  it('a frame’s navigation: no will-navigate, no did-navigate (main frame only), and its failure is a frame’s did-fail-load', async () => {
    const { contents, seen } = window(createFakeElectron());
    contents.answer = () => ({ errorCode: -105, errorDescription: 'ERR_NAME_NOT_RESOLVED' });
    contents.navigate('https://frame.example/', false);
    await later();
    expect(seen).toEqual([
      'did-start-navigation https://frame.example/ frame',
      'will-frame-navigate https://frame.example/ frame',
      'did-fail-load -105 ERR_NAME_NOT_RESOLVED https://frame.example/ frame',
    ]);
  });

  it('a navigation prevented still started (did-start-navigation came first); nothing commits or fails', async () => {
    const { contents, seen } = window(createFakeElectron());
    contents.on('will-navigate', (event: { preventDefault(): void }) => event.preventDefault());
    expect(contents.navigate('https://elsewhere.example/')).toBe('prevented');
    await later();
    expect(seen).toEqual(['did-start-navigation https://elsewhere.example/ main', 'will-frame-navigate https://elsewhere.example/ main', 'will-navigate https://elsewhere.example/ main', 'did-stop-loading']);
  });

  it('loadURL is browser-initiated: no will-navigate or will-frame-navigate, and it resolves at did-finish-load', async () => {
    const { contents, seen } = window(createFakeElectron());
    await contents.loadURL('https://a.example/');
    expect(seen.filter((s) => s.startsWith('will-'))).toEqual([]);
    expect(seen[0]).toBe('did-start-navigation https://a.example/ main');
  });
});

describe('loadURL rejects as Electron’s does', () => {
  const code = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: { code: string; errno: number }) => `${error.code} ${error.errno}`);

  it('a missing file: ERR_FILE_NOT_FOUND (-6); the server not answering: its error; a request webRequest cancelled: ERR_BLOCKED_BY_CLIENT', async () => {
    const fake = createFakeElectron();
    const { contents } = window(fake, { webPreferences: { partition: 'p' } });
    expect(await code(contents.loadURL(pathToFileURL(path.join(os.tmpdir(), 'no-such-file.html')).href))).toBe('ERR_FILE_NOT_FOUND -6');
    contents.answer = () => ({ errorCode: -102, errorDescription: 'ERR_CONNECTION_REFUSED' });
    const seen = record(contents);
    expect(await code(contents.loadURL('https://down.example/'))).toBe('ERR_CONNECTION_REFUSED -102');
    // The error page finishes loading after the failure (electron#40661), and no did-navigate gives it a status.
    expect(seen.slice(1)).toEqual(['did-fail-load -102 ERR_CONNECTION_REFUSED https://down.example/ main', 'did-finish-load', 'did-stop-loading']);
    contents.answer = undefined;
    fake.module.session.fromPartition('p', {}).webRequest.onBeforeRequest((_details: unknown, callback: (r: { cancel: boolean }) => void) => callback({ cancel: true }));
    expect(await code(contents.loadURL('https://blocked.example/'))).toBe('ERR_BLOCKED_BY_CLIENT -20');
  });

  it('another load before the first finished aborts it (ERR_ABORTED); a redirect prevented, a scheme nobody handles or the contents destroyed: ERR_FAILED', async () => {
    const fake = createFakeElectron();
    const { contents, window: owner } = window(fake);
    contents.answer = (url) => (url.includes('slow') ? 'hang' : 200);
    const first = code(contents.loadURL('https://slow.example/'));
    const second = code(contents.loadURL('https://fast.example/'));
    expect(await first).toBe('ERR_ABORTED -3');
    expect(await second).toBe('resolved');
    contents.on('will-redirect', (event: { preventDefault(): void }) => event.preventDefault());
    const redirected = code(contents.loadURL('https://slow.example/redirects'));
    contents.redirect('https://elsewhere.example/');
    expect(await redirected).toBe('ERR_FAILED -2');
    expect(await code(contents.loadURL('no-such-scheme://x'))).toBe('ERR_FAILED -2');
    const pending = code(contents.loadURL('https://slow.example/'));
    owner.destroy();
    expect(await pending).toBe('ERR_FAILED -2');
  });

  it('a scheme with a protocol.handle handler is served by it (a handler that throws: ERR_UNEXPECTED); a dropped promise is no unhandled rejection', async () => {
    const fake = createFakeElectron();
    const { contents } = window(fake);
    fake.module.protocol.handle('app', async (request) => {
      if (request.url.endsWith('/broken')) throw new Error('no');
      return new Response('<p>ok</p>');
    });
    expect(await code(contents.loadURL('app://bridgekeeper/index.html'))).toBe('resolved');
    expect(await code(contents.loadURL('app://bridgekeeper/broken'))).toBe('ERR_UNEXPECTED -9');
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    void contents.loadURL('file:///no/such/file');
    await later();
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });
});

describe('popups', () => {
  it('window.open asks the handler with Electron’s details; an answer that is not { action: "allow" } denies; an allowed one is did-create-window’s, its page requested through its session', async () => {
    const fake = createFakeElectron();
    const { contents } = window(fake, { webPreferences: { partition: 'opener' } });
    const asked: unknown[] = [];
    contents.setWindowOpenHandler(((details: unknown) => void asked.push(details)) as never);
    expect(contents.openWindow('https://a.example/')).toBeNull(); // undefined is no answer: denied
    expect(asked).toEqual([expect.objectContaining({ url: 'https://a.example/', frameName: '', features: '', disposition: 'new-window' })]);
    const requested: string[] = [];
    fake.module.session.fromPartition('opener', {}).webRequest.onBeforeRequest((details: { url: string }, callback: (r: object) => void) => {
      requested.push(details.url);
      callback({});
    });
    contents.setWindowOpenHandler(() => ({ action: 'allow' }));
    const created: unknown[] = [];
    contents.on('did-create-window', (popup: unknown, details: { url: string }) => created.push([popup, details.url]));
    const popup = contents.openWindow('https://a.example/popup')!;
    expect(created).toEqual([[popup, 'https://a.example/popup']]);
    expect(requested).toEqual(['https://a.example/popup']);
    await expect(new Promise((resolve) => popup.webContents.once('did-finish-load', () => resolve('loaded')))).resolves.toBe('loaded');
  });

  it('a Shift/Ctrl-click window is loading before did-create-window; popups show at 800×600 unless told, and go with their opener unless they outlive it', () => {
    const fake = createFakeElectron();
    const { contents, window: opener } = window(fake);
    contents.setWindowOpenHandler(() => ({ action: 'allow' }));
    let startedFirst: boolean | undefined;
    contents.on('did-create-window', (popup: { loaded: string[] }) => void (startedFirst = popup.loaded.length > 0));
    const clicked = contents.openWindow('https://a.example/clicked', 'modifier-click')!;
    expect(startedFirst).toBe(true);
    const opened = contents.openWindow('https://a.example/opened', 'open')!;
    expect(startedFirst).toBe(false);
    expect([clicked.options, opened.options]).toEqual([expect.objectContaining({ show: true, width: 800, height: 600 }), expect.objectContaining({ show: true })]);
    contents.setWindowOpenHandler(() => ({ action: 'allow', outlivesOpener: true }) as never);
    const outliving = contents.openWindow('https://a.example/stays')!;
    opener.destroy();
    expect([clicked.destroyed, opened.destroyed, outliving.destroyed]).toEqual([true, true, false]);
  });
});

describe('sessions, net, app, ipcMain and protocol', () => {
  it('a session’s user agent is Electron’s until set: it names Electron and the app', () => {
    const fake = createFakeElectron();
    expect(fake.module.session.fromPartition('any', {}).getUserAgent()).toMatch(/ Electron\/\S+ /);
    expect(fake.module.session.defaultSession.getUserAgent()).toMatch(/Bridgekeeper\/\S+ .*Electron\//);
  });

  it('net.fetch of a file that is not there rejects with net::ERR_FILE_NOT_FOUND, no 404', async () => {
    const fake = createFakeElectron();
    await expect(fake.module.net.fetch(pathToFileURL(path.join(os.tmpdir(), 'bk-no-such-file')).href)).rejects.toThrow(/^net::ERR_FILE_NOT_FOUND$/);
    const there = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bk-fetch-')), 'a.txt');
    fs.writeFileSync(there, 'here');
    expect(await (await fake.module.net.fetch(pathToFileURL(there).href)).text()).toBe('here');
  });

  it('the app is ready in a later task than the main script: whenReady after the ready event; getSystemLocale and registerSchemesAsPrivileged each on their side of it', async () => {
    const fake = createFakeElectron();
    const { app, protocol } = fake.module;
    const order: string[] = [];
    void app.whenReady().then(() => order.push('whenReady'));
    app.on('ready', () => order.push('ready'));
    expect(() => app.getSystemLocale()).toThrow('app.getSystemLocale() can only be called after app is ready');
    protocol.registerSchemesAsPrivileged([{ scheme: 'app' }]);
    await Promise.resolve();
    expect(order).toEqual([]); // no microtask of the script's makes it ready
    await app.becomeReady();
    await Promise.resolve();
    expect(order).toEqual(['ready', 'whenReady']);
    expect(app.getSystemLocale()).toBe('en-GB');
    expect(() => protocol.registerSchemesAsPrivileged([{ scheme: 'late' }])).toThrow('should be called before app is ready');
  });

  it('ipcMain.handle and protocol.handle take one handler: a second registration throws until the first is removed', () => {
    const { module } = createFakeElectron();
    module.ipcMain.handle('channel', () => 1);
    expect(() => module.ipcMain.handle('channel', () => 2)).toThrow("Attempted to register a second handler for 'channel'");
    module.ipcMain.removeHandler('channel');
    module.ipcMain.handle('channel', () => 2);
    module.protocol.handle('app', async () => new Response(''));
    expect(() => module.protocol.handle('app', async () => new Response(''))).toThrow('Failed to register protocol: app');
    module.protocol.unhandle('app');
    module.protocol.handle('app', async () => new Response(''));
  });

  it('an invoke crosses by structured clone (Dates stay Dates, a function throws), and its senderFrame is null once the frame is gone', async () => {
    const fake = createFakeElectron();
    const { contents, window: owner } = window(fake);
    const events: { senderFrame: unknown }[] = [];
    fake.module.ipcMain.handle('echo', (event, value) => {
      events.push(event as { senderFrame: unknown });
      return value;
    });
    const when = new Date('2026-12-07T10:00:00Z');
    expect(await fake.invoke(contents, 'echo', [{ when }])).toEqual({ when });
    expect(((await fake.invoke(contents, 'echo', [{ when }])) as { when: unknown }).when).toBeInstanceOf(Date);
    await expect(fake.invoke(contents, 'echo', [{ callback: () => 1 }])).rejects.toThrow(/could not be cloned/);
    await fake.invoke(contents, 'echo', [1], { frame: 'gone' });
    owner.destroy();
    await fake.invoke(contents, 'echo', [1]);
    expect(events.map((e) => e.senderFrame)).toEqual([expect.objectContaining({ parent: null }), expect.objectContaining({ parent: null }), null, null]);
    await expect(fake.invoke(contents, 'nobody', [])).rejects.toThrow("No handler registered for 'nobody'");
  });
});
