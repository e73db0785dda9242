import { describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../src/main/logger';
import type { LoginRequest } from '../../../src/main/reauth/login-surface';
import type { createFakeElectron } from '../../helpers/fake-electron';

const fake = vi.hoisted(() => ({ current: undefined as unknown as ReturnType<typeof createFakeElectron> }));
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('../../helpers/fake-electron');
  fake.current = createFakeElectron();
  return fake.current.module;
});

const { createLoginWindowSurface } = await import('../../../src/main/platform/login-window');

const REDIRECT = 'http://127.0.0.1/bridgekeeper/callback';
const log = createMemoryLogger();
const request = (signal = new AbortController().signal): LoginRequest => ({
  url: new URL('https://connect.visma.com/connect/authorize?client_id=x'),
  redirectUri: REDIRECT,
  allowedOrigins: ['https://connect.visma.com'],
  title: 'Visma login for Orders',
  signal,
});

/** Starts a login and returns its window and session as the fake recorded them. */
async function start(signal?: AbortSignal, surface = createLoginWindowSurface(() => null, log)) {
  const result = surface.open(request(signal));
  await Promise.resolve();
  const window = fake.current.windows.at(-1)! as unknown as {
    options: { webPreferences: Record<string, unknown> };
    loaded: string[];
    destroyed: boolean;
    emit(event: string): void;
    webContents: { emit(event: string, ...args: unknown[]): void; windowOpenHandler?: () => { action: string } };
  };
  const session = fake.current.sessions.at(-1)!;
  return { result, window, session };
}

describe('the Electron login window', () => {
  it('gets a partition of its own each attempt, in memory only', async () => {
    const first = await start();
    const second = await start();
    expect(first.session.partition).not.toBe(second.session.partition);
    for (const { session, window } of [first, second]) {
      expect(session.partition).not.toMatch(/^persist:/);
      expect(window.options.webPreferences.partition).toBe(session.partition);
    }
    first.window.emit('closed');
    second.window.emit('closed');
  });

  it('has no preload, a sandbox, isolation and no Node', async () => {
    const { window } = await start();
    expect(window.options.webPreferences).not.toHaveProperty('preload');
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(window.loaded).toEqual(['https://connect.visma.com/connect/authorize?client_id=x']);
    window.emit('closed');
  });

  it('catches the redirect URI before it loads, then clears the partition and closes the window', async () => {
    const { result, window, session } = await start();
    expect(session.beforeRequest!.filter).toEqual({ urls: [`${REDIRECT}*`] });
    const passThrough = vi.fn();
    session.beforeRequest!.handler({ url: 'https://connect.visma.com/connect/authorize/callback' }, passThrough);
    expect(passThrough).toHaveBeenCalledWith({});
    const cancel = vi.fn();
    session.beforeRequest!.handler({ url: `${REDIRECT}?code=abc&state=xyz` }, cancel);
    expect(cancel).toHaveBeenCalledWith({ cancel: true });
    expect(await result).toEqual({ kind: 'redirected', url: new URL(`${REDIRECT}?code=abc&state=xyz`) });
    expect(session.cleared).toEqual(['storage', 'cache']);
    expect(window.destroyed).toBe(true);
  });

  it('closes the window even when clearing the partition fails, and says so in the log', async () => {
    const { result, window, session } = await start();
    session.failClear = true;
    session.beforeRequest!.handler({ url: `${REDIRECT}?code=abc` }, () => undefined);
    expect(await result).toMatchObject({ kind: 'redirected' });
    expect(window.destroyed).toBe(true);
    expect(log.lines.at(-1)).toMatchObject({ event: 'login-window.clear-failed', error: 'clear failed' });
  });

  it('treats the user closing the window as cancelled, and cleans up', async () => {
    const { result, window, session } = await start();
    window.emit('closed');
    expect(await result).toEqual({ kind: 'closed' });
    expect(session.cleared).toContain('storage');
  });

  it('closes the window when the attempt is cancelled or times out', async () => {
    const controller = new AbortController();
    const { result, window } = await start(controller.signal);
    controller.abort();
    expect(await result).toEqual({ kind: 'closed' });
    expect(window.destroyed).toBe(true);
  });

  it('stays on the identity provider: other origins, new windows and permissions are refused', async () => {
    const { window, session } = await start();
    const away = { url: 'https://evil.example/phish', preventDefault: vi.fn() };
    window.webContents.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    const visma = { url: 'https://connect.visma.com/login', preventDefault: vi.fn() };
    window.webContents.emit('will-navigate', visma);
    expect(visma.preventDefault).not.toHaveBeenCalled();
    const redirect = { url: `${REDIRECT}?code=1`, preventDefault: vi.fn() };
    window.webContents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).not.toHaveBeenCalled();
    expect(window.webContents.windowOpenHandler!()).toEqual({ action: 'deny' });
    const permission = vi.fn();
    session.permissionRequest!({}, 'media', permission);
    expect(permission).toHaveBeenCalledWith(false);
    window.emit('closed');
  });

  it('prepares the next window while the person types — fresh, hidden, blank — and the next attempt uses it', async () => {
    const surface = createLoginWindowSurface(() => null, log);
    const first = await start(undefined, surface);
    await new Promise((resolve) => setTimeout(resolve, 5));
    first.session.beforeRequest!.handler({ url: `${REDIRECT}?code=1` }, () => undefined);
    await first.result;
    const spare = fake.current.windows.at(-1)! as unknown as { options: { show: boolean; webPreferences: { partition: string } }; loaded: string[]; shown: boolean };
    expect(spare).not.toBe(first.window);
    expect(spare.options.show).toBe(false);
    expect(spare.loaded).toEqual(['about:blank']);
    expect(spare.options.webPreferences.partition).not.toBe(first.session.partition);
    const count = fake.current.windows.length;
    const second = await start(undefined, surface);
    expect(fake.current.windows.length).toBe(count); // no new window: the prepared one is used
    expect(second.window).toBe(spare);
    expect(spare.shown).toBe(true);
    expect(spare.loaded).toEqual(['about:blank', 'https://connect.visma.com/connect/authorize?client_id=x']);
    second.window.emit('closed');
    await second.result;
    surface.dispose();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(fake.current.windows.length).toBe(count); // disposed: nothing prepared any more
  });
});
