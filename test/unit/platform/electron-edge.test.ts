import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../src/main/logger';
import type { createFakeElectron } from '../../helpers/fake-electron';

const fake = vi.hoisted(() => ({ current: undefined as unknown as ReturnType<typeof createFakeElectron> }));
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('../../helpers/fake-electron');
  fake.current = createFakeElectron();
  return fake.current.module;
});

const { createMainWindow } = await import('../../../src/main/platform/main-window');
const { registerAppScheme, serveRenderer, APP_ORIGIN } = await import('../../../src/main/platform/app-protocol');
const { installSecurityGuards } = await import('../../../src/main/platform/security-guards');
const { CONTENT_SECURITY_POLICY } = await import('../../../src/main/platform/content-security-policy');

describe('the main window', () => {
  it('is isolated, sandboxed, without Node, with our preload only', () => {
    const window = createMainWindow('out/preload/index.cjs') as unknown as { options: { webPreferences: Record<string, unknown> } };
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      preload: path.resolve('out/preload/index.cjs'),
    });
  });
});

describe('app:// serves the built renderer and nothing else', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-renderer-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<p>app</p>');
    fs.writeFileSync(path.join(dir, '..', `${path.basename(dir)}-secret.txt`), 'secret');
    registerAppScheme();
    serveRenderer(dir);
  });
  // Electron handles a scheme once: a second protocol.handle throws until it is unhandled.
  afterEach(() => fake.current.module.protocol.unhandle('app'));
  const get = (url: string) => fake.current.handlers.app!(new Request(url));

  it('registers a secure standard scheme', () => {
    expect(fake.current.privileged).toContainEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  it('serves index.html with the CSP header', async () => {
    const response = await get(`${APP_ORIGIN}/`);
    expect(await response.text()).toBe('<p>app</p>');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses paths that climb out of the renderer folder and foreign hosts', async () => {
    expect((await get(`${APP_ORIGIN}/..%2F${path.basename(dir)}-secret.txt`)).status).toBe(404);
    expect((await get(`${APP_ORIGIN}/%2e%2e/${path.basename(dir)}-secret.txt`)).status).toBe(404);
    expect((await get(`app://elsewhere/index.html`)).status).toBe(404);
  });

  it('answers 404 for any file the renderer folder lacks, where Electron’s net.fetch rejects (net::ERR_FILE_NOT_FOUND)', async () => {
    await expect(fake.current.module.net.fetch(pathToFileURL(path.join(dir, 'missing.js')).href)).rejects.toThrow('net::ERR_FILE_NOT_FOUND');
    for (const missing of ['missing.js', 'assets/index-0000.css', 'assets/']) expect((await get(`${APP_ORIGIN}/${missing}`)).status).toBe(404);
  });
});

describe('app-wide guards', () => {
  const setup = () => {
    const log = createMemoryLogger();
    installSecurityGuards((url) => url.startsWith(`${APP_ORIGIN}/`), log);
    const contents = new fake.current.FakeWebContents();
    fake.current.module.app.emit('web-contents-created', {}, contents);
    return { contents, log };
  };

  it('denies every new window; allow-listed help links open in the system browser', () => {
    const { contents } = setup();
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/', disposition: 'foreground-tab' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'https://community.visma.com/t5/x', disposition: 'foreground-tab' })).toEqual({ action: 'deny' });
    expect(fake.current.opened).toEqual(['https://community.visma.com/t5/x']);
  });

  it('a help link the system cannot open is said in words, with the address to copy — never an unhandled rejection (the crash box)', async () => {
    const { contents, log } = setup();
    const unhandled: unknown[] = [];
    const catchUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', catchUnhandled);
    try {
      fake.current.external.failWith = 'The action failed'; // xdg-open's words for its exit code 4
      const owner = new fake.current.module.BrowserWindow({});
      owner.webContents.windowOpenHandler!({ url: 'https://community.visma.com/t5/y', disposition: 'foreground-tab' });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
      expect(fake.current.messageBoxes.at(-1)).toEqual({
        window: owner,
        options: expect.objectContaining({ type: 'warning', message: 'Your system could not open this address in a browser. Copy it and open it in your browser yourself.', detail: 'https://community.visma.com/t5/y', buttons: ['Copy the address', 'Close'] }),
      });
      expect(fake.current.module.clipboard.readText()).toBe('https://community.visma.com/t5/y'); // the person pressed "Copy the address"
      expect(log.lines.at(-1)).toMatchObject({ event: 'security.open-external-failed', error: 'The action failed' });
      // A web contents with no window of its own gets a box of the app's.
      contents.windowOpenHandler!({ url: 'https://docs.superoffice.com/x', disposition: 'foreground-tab' });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(fake.current.messageBoxes.at(-1)!.window).toBeNull();
    } finally {
      fake.current.external.failWith = null;
      process.off('unhandledRejection', catchUnhandled);
    }
  });

  it('says it in the language main speaks', async () => {
    const { createTranslator } = await import('../../../src/shared/i18n/translator');
    installSecurityGuards((url) => url.startsWith(`${APP_ORIGIN}/`), createMemoryLogger(), () => createTranslator('fi'));
    const contents = new fake.current.FakeWebContents();
    fake.current.module.app.emit('web-contents-created', {}, contents);
    fake.current.external.failWith = 'Failed to open: The system cannot find the file specified.';
    try {
      contents.windowOpenHandler!({ url: 'https://community.visma.com/t5/z', disposition: 'foreground-tab' });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(fake.current.messageBoxes.at(-1)!.options).toMatchObject({ message: expect.stringMatching(/^Järjestelmäsi ei pystynyt/), buttons: ['Kopioi osoite', 'Sulje'] });
    } finally {
      fake.current.external.failWith = null;
    }
  });

  it('blocks navigation away from the app and webviews', () => {
    const { contents } = setup();
    const away = { url: 'https://evil.example/', preventDefault: vi.fn() };
    contents.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    const home = { url: `${APP_ORIGIN}/index.html`, preventDefault: vi.fn() };
    contents.emit('will-navigate', home);
    expect(home.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('rejects certificate errors and denies permissions by default', () => {
    setup();
    const callback = vi.fn();
    const event = { preventDefault: vi.fn() };
    fake.current.module.app.emit('certificate-error', event, {}, 'https://x', 'net::ERR_CERT_INVALID', {}, callback);
    expect(callback).toHaveBeenCalledWith(false);
    const permission = vi.fn();
    fake.current.defaultSession.permissionRequest!({}, 'media', permission);
    expect(permission).toHaveBeenCalledWith(false);
    expect(fake.current.defaultSession.permissionCheck!()).toBe(false);
  });
});

describe('isSameOrigin', () => {
  it('compares scheme and host, where URL.origin would call every app: and file: URL "null"', async () => {
    const { isSameOrigin } = await import('../../../src/main/platform/app-protocol');
    expect(isSameOrigin('app://bridgekeeper/index.html', 'app://bridgekeeper')).toBe(true);
    expect(isSameOrigin('app://other/index.html', 'app://bridgekeeper')).toBe(false);
    expect(isSameOrigin('file:///etc/passwd', 'app://bridgekeeper')).toBe(false);
    expect(isSameOrigin('evil://bridgekeeper/', 'app://bridgekeeper')).toBe(false);
    expect(isSameOrigin('http://localhost:5173/', 'http://localhost:5173/index.html')).toBe(true);
    expect(isSameOrigin('not a url', 'app://bridgekeeper')).toBe(false);
  });
});

describe('the CSP', () => {
  it('is the same in index.html as in the app:// response header', () => {
    const html = fs.readFileSync('src/renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });
});
