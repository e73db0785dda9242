import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../../src/shared/api';
import type { FakeElectron } from '../../helpers/fake-electron';

/**
 * src/main/index.ts as Electron runs it, against the fake: a fresh module and a fresh fake each
 * test. The keychain binding is missing, as in an installer built on another OS.
 */
let fake: FakeElectron;
let userData: string;
let keytarLoads = 0;
const processListeners = () => ({ uncaught: process.listeners('uncaughtException'), unhandled: process.listeners('unhandledRejection') });
let before: ReturnType<typeof processListeners>;

async function launch(prepare: (fake: FakeElectron) => void = () => undefined) {
  vi.resetModules();
  const { createFakeElectron } = await import('../../helpers/fake-electron');
  fake = createFakeElectron();
  prepare(fake);
  vi.doMock('electron', () => fake.module);
  vi.doMock('@napi-rs/keyring/keytar.js', () => {
    keytarLoads++;
    throw new Error('Cannot find module @napi-rs/keyring-linux-x64-gnu');
  });
  await import('../../../src/main/index');
  // Electron is ready only after the main script's first run, in a later task: nothing before then may need it.
  await fake.module.app.becomeReady();
  await new Promise((resolve) => setTimeout(resolve, 20));
}

/** The page in `window` calls the API as the preload does: ipcRenderer.invoke, a structured clone each way. */
const call = (window: FakeElectron['windows'][number], method: string, args: unknown[], frame?: 'main' | 'gone') =>
  fake.invoke(window.webContents, IPC_INVOKE_CHANNEL, [method, args], frame ? { frame } : {});

beforeEach(() => {
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-lifecycle-'));
  process.env.BRIDGEKEEPER_USER_DATA = userData;
  keytarLoads = 0;
  before = processListeners();
});
afterEach(() => {
  // The app's crash handlers must not outlive the test in this worker.
  for (const listener of process.listeners('uncaughtException')) if (!before.uncaught.includes(listener)) process.off('uncaughtException', listener);
  for (const listener of process.listeners('unhandledRejection')) if (!before.unhandled.includes(listener)) process.off('unhandledRejection', listener);
  delete process.env.BRIDGEKEEPER_USER_DATA;
  vi.doUnmock('electron');
  vi.doUnmock('@napi-rs/keyring/keytar.js');
  fs.rmSync(userData, { recursive: true, force: true });
});

describe('the app as Electron starts it', () => {
  it('a second instance exits at once, before building anything', async () => {
    await launch((f) => void (f.module.app.gotLock = false));
    expect(fake.module.app.exitCode).toBe(0);
    expect(fake.module.app.whenReadyCalls).toBe(0);
    expect(fake.windows).toEqual([]);
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it('shows the window before the keychain is probed, and opens without the keychain binding, saying tokens stay in memory', async () => {
    await launch();
    const [window] = fake.windows;
    expect(window).toBeDefined();
    expect(fake.module.app.sandboxed).toBe(true);
    expect(keytarLoads).toBe(0); // nothing touched the keychain before the window shows
    window!.emit('ready-to-show');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(keytarLoads).toBeGreaterThan(0);
    const notices = (await call(window!, 'listNotices', [])) as { ok: true; value: { id: string; message: string }[] };
    // (vitest rewrites the loader's message; in the app it is the binding's own "Cannot find module …")
    expect(notices.value).toContainEqual(expect.objectContaining({ id: 'no-keychain', message: expect.stringMatching(/^No working keychain was found \(.+\): tokens are kept in memory only/) }));
  });

  it('loads its page through its own app:// handler, with the CSP header', async () => {
    const served: Response[] = [];
    await launch((f) => {
      const handle = f.module.protocol.handle;
      f.module.protocol.handle = (scheme, handler) => handle(scheme, async (request) => served[served.push(await handler(request)) - 1]!);
    });
    const window = fake.windows[0]!;
    expect(window.loaded).toEqual(['app://bridgekeeper/index.html']);
    await vi.waitFor(() => expect(served.map((r) => [r.status, r.headers.get('content-security-policy')?.startsWith("default-src 'none'")])).toEqual([[200, true]]));
    expect(window.webContents.getURL()).toBe('app://bridgekeeper/index.html');
  });

  it('says in its log when its page cannot load (loadURL rejects), rather than leaving a blank window unexplained', async () => {
    await launch((f) => {
      const handle = f.module.protocol.handle;
      f.module.protocol.handle = (scheme, handler) =>
        handle(scheme, async (request) => {
          if (request.url.endsWith('/index.html')) throw new Error('the renderer folder went away');
          return handler(request);
        });
    });
    await vi.waitFor(() => {
      const line = fs.readFileSync(path.join(userData, 'logs', 'bridgekeeper.log'), 'utf8').split('\n').find((l) => l.includes('"event":"main-window.load-failed"'));
      expect(line).toContain("ERR_UNEXPECTED (-9) loading 'app://bridgekeeper/index.html'");
    });
  });

  it('refuses a call whose frame is gone by the time main looks (senderFrame null), in words and a log line, never a TypeError', async () => {
    await launch();
    const window = fake.windows[0]!;
    expect(await call(window, 'listProfiles', [0, 10], 'gone')).toEqual({ ok: false, error: { code: 'forbidden', message: 'This window may not call Bridgekeeper.' } });
    expect(fs.readFileSync(path.join(userData, 'logs', 'bridgekeeper.log'), 'utf8')).toMatch(/"event":"ipc\.foreign-sender"[^\n]*"url":null|"url":null[^\n]*"event":"ipc\.foreign-sender"/);
  });

  it('speaks the system’s language once ready (app.getSystemLocale), not only Electron’s UI language', async () => {
    await launch((f) => void (f.module.app.systemLocale = 'fi-FI'));
    expect(fake.menus.application!.template.map((menu) => menu.label)).toEqual(['&Tiedosto', '&Muokkaa', '&Näytä', '&Ikkuna', '&Ohje']);
  });

  it('writes its log to a file in the logs folder', async () => {
    await launch();
    const log = fs.readFileSync(path.join(userData, 'logs', 'bridgekeeper.log'), 'utf8');
    expect(log).toContain('"event":"app.start"');
  });

  it('a failure during start-up is shown with the log file named, and the process exits non-zero', async () => {
    await launch((f) => {
      f.module.protocol.handle = () => {
        throw new Error('the app:// scheme could not be served');
      };
    });
    const logPath = path.join(userData, 'logs', 'bridgekeeper.log');
    expect(fake.errorBoxes).toEqual([{ title: 'Bridgekeeper could not start', content: expect.stringContaining(logPath) }]);
    expect(fake.errorBoxes[0]!.content).toContain('the app:// scheme could not be served');
    expect(fake.module.app.exitCode).toBe(1);
    expect(fs.readFileSync(logPath, 'utf8')).toContain('"event":"startup.failed"');
  });

  it('has its own menu: Ctrl/Cmd+R checks health (no reload), and the window hears it', async () => {
    await launch();
    const items = fake.menus.application!.template.flatMap((menu) => menu.submenu ?? []);
    const byAccelerator = Object.fromEntries(items.filter((i) => i.accelerator).map((i) => [i.accelerator, i.label]));
    expect(byAccelerator).toEqual({
      'CmdOrCtrl+I': 'Import profiles…',
      'CmdOrCtrl+E': 'Explain a log…',
      'CmdOrCtrl+F': 'Find profiles',
      'CmdOrCtrl+R': 'Check health',
    });
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['Open log folder', 'Save diagnostics…']));
    items.find((i) => i.label === 'Check health')!.click!();
    expect(fake.windows[0]!.webContents.sent).toContainEqual({ channel: IPC_EVENT_CHANNEL, payload: { type: 'menu-command', command: 'check-health' } });
  });

  it('speaks the chosen language in its menu, and builds the menu again when the person changes it', async () => {
    await launch();
    const window = fake.windows[0]!;
    const labels = () => fake.menus.application!.template.map((menu) => menu.label);
    expect(labels()).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    const answer = (await call(window, 'setLanguage', ['fi'])) as { ok: boolean };
    expect(answer.ok).toBe(true);
    expect(labels()).toEqual(['&Tiedosto', '&Muokkaa', '&Näytä', '&Ikkuna', '&Ohje']);
    const items = fake.menus.application!.template.flatMap((menu) => menu.submenu ?? []);
    expect(items.find((i) => i.accelerator === 'CmdOrCtrl+R')!.label).toBe('Tarkista yhteydet');
    // Role items carry our words too: Electron would say "Copy" whatever the language.
    expect(items.find((i) => i.role === 'copy')!.label).toBe('Kopioi');
    // A crash box after the change speaks Finnish as well.
    fake.module.app.emit('render-process-gone', {}, window.webContents, { reason: 'oom', exitCode: 1 });
    const added = process.listeners('unhandledRejection').filter((l) => !before.unhandled.includes(l));
    for (const listener of added) listener(new Error('levy katosi'), Promise.resolve());
    expect(fake.errorBoxes.at(-1)!.title).toBe('Bridgekeeperissa tapahtui odottamaton virhe');
  });

  it('starts in the language remembered in the settings', async () => {
    fs.writeFileSync(path.join(userData, 'settings.json'), JSON.stringify({ language: 'sv' }));
    await launch();
    expect(fake.menus.application!.template.map((menu) => menu.label)).toEqual(['&Arkiv', '&Redigera', '&Visa', '&Fönster', '&Hjälp']);
  });

  it('a renderer that crashes is logged and the person is offered a reload', async () => {
    await launch();
    const window = fake.windows[0]!;
    const reload = vi.spyOn(window.webContents, 'reload');
    fake.module.app.emit('render-process-gone', {}, window.webContents, { reason: 'oom', exitCode: 1 });
    expect(reload).toHaveBeenCalled();
    expect(fs.readFileSync(path.join(userData, 'logs', 'bridgekeeper.log'), 'utf8')).toContain('"event":"crash.render-process-gone"');
  });
});

describe('errors nobody caught in main', () => {
  it('are logged and shown, one box a minute at most', async () => {
    await launch();
    const added = process.listeners('unhandledRejection').filter((l) => !before.unhandled.includes(l));
    for (const listener of added) listener(new Error('the disk went away'), Promise.resolve());
    for (const listener of added) listener(new Error('the disk went away again'), Promise.resolve());
    expect(fake.errorBoxes).toEqual([{ title: 'Bridgekeeper hit an unexpected error', content: expect.stringContaining('the disk went away') }]);
    expect(fake.errorBoxes[0]!.content).toContain(path.join(userData, 'logs', 'bridgekeeper.log'));
    const log = fs.readFileSync(path.join(userData, 'logs', 'bridgekeeper.log'), 'utf8');
    expect(log.match(/crash\.unhandled-rejection/g)).toHaveLength(2);
  });
});
