import { describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../src/main/logger';
import type { LoginRequest } from '../../../src/main/reauth/login-surface';
import type { FakeElectron } from '../../helpers/fake-electron';

const fake = vi.hoisted(() => ({ current: undefined as unknown as FakeElectron }));
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('../../helpers/fake-electron');
  fake.current = createFakeElectron();
  return fake.current.module;
});

const { createLoginWindowSurface, loginWindowSize } = await import('../../../src/main/platform/login-window');

const REDIRECT = 'http://127.0.0.1/bridgekeeper/callback';
const log = createMemoryLogger();
const request = (signal = new AbortController().signal, redirectUri = REDIRECT): LoginRequest => ({
  url: new URL('https://connect.visma.com/connect/authorize?client_id=x'),
  redirectUri,
  allowedOrigins: ['https://connect.visma.com'],
  title: 'Visma login for Orders',
  signal,
});

type Window = InstanceType<FakeElectron['module']['BrowserWindow']>;
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Starts a login and returns its window and session as the fake recorded them. */
async function start(
  options: { signal?: AbortSignal; redirectUri?: string; surface?: ReturnType<typeof createLoginWindowSurface>; onBlocked?: (m: string) => void } = {},
) {
  const surface = options.surface ?? createLoginWindowSurface({ parent: () => null, log, ...(options.onBlocked ? { onBlocked: options.onBlocked } : {}) });
  const result = surface.open(request(options.signal, options.redirectUri));
  await Promise.resolve();
  const window = fake.current.windows.findLast((w) => w.shown && !w.destroyed) as Window;
  const partition = (window.options.webPreferences as { partition: string }).partition;
  const session = fake.current.sessions.get(partition)!;
  return { result, window, session, surface };
}

describe('the Electron login window', () => {
  it('gets a partition of its own while it is open, in memory only', async () => {
    const first = await start();
    const second = await start();
    expect(first.session.partition).not.toBe(second.session.partition);
    for (const { session, window } of [first, second]) {
      expect(session.partition).not.toMatch(/^persist:/);
      expect(window.options.webPreferences).toMatchObject({ partition: session.partition });
    }
    first.window.emit('closed');
    second.window.emit('closed');
    await Promise.all([first.result, second.result]);
  });

  it('has no preload, a sandbox, isolation and no Node', async () => {
    const { window, result } = await start();
    expect(window.options.webPreferences).not.toHaveProperty('preload');
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: true });
    expect(window.loaded).toEqual(['https://connect.visma.com/connect/authorize?client_id=x']);
    window.emit('closed');
    await result;
  });

  it('catches the redirect URI before it loads, then clears everything of the login and closes the window', async () => {
    const { result, window, session } = await start();
    expect(session.beforeRequest!.filter).toEqual({ urls: [`${REDIRECT}*`] });
    expect(window.webContents.navigate('https://connect.visma.com/connect/authorize/callback')).toBe('sent');
    session.held = new Set(['cookies', 'localstorage', 'indexdb', 'serviceworkers', 'cache', 'auth', 'connections']);
    expect(session.request(`${REDIRECT}?code=abc&state=xyz`)).toBe('cancelled');
    expect(await result).toEqual({ kind: 'redirected', url: new URL(`${REDIRECT}?code=abc&state=xyz`) });
    expect([...session.held]).toEqual([]); // nothing of this login survives into the next
    expect(window.destroyed).toBe(true);
  });

  it('catches a custom-scheme redirect URI at the navigation: webRequest never sees such a URL', async () => {
    const custom = 'no.bridgekeeper.app:/oauth/callback';
    const { result, window, session } = await start({ redirectUri: custom });
    expect(session.request(`${custom}?code=abc`)).toBe('not-seen');
    expect(window.webContents.redirect(`${custom}?code=abc`)).toBe('prevented');
    expect(await result).toEqual({ kind: 'redirected', url: new URL(`${custom}?code=abc`) });
  });

  it('keeps its own title when the login page has a <title> of its own', async () => {
    const { window, result } = await start();
    expect(window.getTitle()).toBe('Visma login for Orders');
    window.webContents.pageTitle('Visma Connect - Sign in');
    expect(window.getTitle()).toBe('Visma login for Orders');
    window.emit('closed');
    await result;
  });

  it('looks like a plain Chrome to the identity provider, and refuses downloads', async () => {
    const { window, session, result } = await start();
    expect(session.userAgent).toMatch(/Chrome\/140/);
    expect(session.userAgent).not.toMatch(/Electron|Bridgekeeper/);
    const download = { preventDefault: vi.fn() };
    session.emit('will-download', download, {}, window.webContents);
    expect(download.preventDefault).toHaveBeenCalled();
    window.emit('closed');
    await result;
  });

  it('fits the screen: 1366×768 at 125% leaves less than 800 px of height', () => {
    expect(loginWindowSize({ width: 1093, height: 582 })).toEqual({ width: 560, height: 582 });
    expect(loginWindowSize({ width: 1920, height: 1040 })).toEqual({ width: 560, height: 800 });
  });

  it('reuses a few cleared partitions rather than leaving a session behind per login', async () => {
    const surface = createLoginWindowSurface({ parent: () => null, log });
    const before = fake.current.sessions.size;
    for (let i = 0; i < 50; i++) {
      const { result, session } = await start({ surface });
      session.held.add('cookies');
      session.request(`${REDIRECT}?code=${i}`);
      await result;
      await tick();
    }
    surface.dispose();
    // The one in use and the one prepared for the next login: Electron frees neither, so they must not grow.
    expect(fake.current.sessions.size - before).toBeLessThanOrEqual(2);
    for (const session of fake.current.sessions.values()) expect(session.held.has('cookies')).toBe(false);
  });

  it('retires a partition that could not be cleared, closes the window all the same, and says so in the log', async () => {
    const { result, window, session, surface } = await start();
    session.failClear = true;
    session.request(`${REDIRECT}?code=abc`);
    expect(await result).toMatchObject({ kind: 'redirected' });
    expect(window.destroyed).toBe(true);
    expect(log.lines.at(-1)).toMatchObject({ event: 'login-window.clear-failed', error: 'clear failed' });
    await tick();
    const next = await start({ surface });
    expect(next.session).not.toBe(session);
    next.window.emit('closed');
    await next.result;
    surface.dispose();
  });

  it('treats the user closing the window as cancelled, and cleans up', async () => {
    const { result, window, session } = await start();
    window.emit('closed');
    expect(await result).toEqual({ kind: 'closed' });
    expect(session.cleared).toEqual(['data', 'auth', 'connections']);
  });

  it('closes the window when the attempt is cancelled or times out', async () => {
    const controller = new AbortController();
    const { result, window } = await start({ signal: controller.signal });
    controller.abort();
    expect(await result).toEqual({ kind: 'closed' });
    expect(window.destroyed).toBe(true);
  });

  it('stays on the identity provider: other origins, new windows and permissions are refused', async () => {
    const { window, session, result } = await start();
    expect(window.webContents.navigate('https://evil.example/phish', false)).toBe('prevented');
    expect(window.webContents.navigate('https://connect.visma.com/login')).toBe('sent');
    expect(window.webContents.windowOpenHandler!({ url: 'https://connect.visma.com/', disposition: 'foreground-tab' })).toEqual({ action: 'deny' });
    const permission = vi.fn();
    session.permissionRequest!({}, 'media', permission);
    expect(permission).toHaveBeenCalledWith(false);
    window.emit('closed');
    await result;
  });

  it('says in the window and to the app where the identity provider sent the person, when that is not allowed', async () => {
    const blocked = vi.fn();
    const { window, result } = await start({ onBlocked: blocked });
    expect(window.webContents.redirect('https://login.microsoftonline.com/common/oauth2/authorize')).toBe('prevented');
    expect(blocked).toHaveBeenCalledWith(expect.stringContaining('Visma sent you to login.microsoftonline.com, which this environment does not allow'));
    expect(decodeURIComponent(window.loaded.at(-1)!)).toContain('login.microsoftonline.com, which this environment does not allow');
    window.emit('closed');
    await result;
  });

  it('frames (iframes): the identity provider’s own and a known captcha’s challenge show; another is refused and the person told once, the page left as it is', async () => {
    const blocked = vi.fn();
    const { window, result } = await start({ onBlocked: blocked });
    const frame = (url: string) => window.webContents.navigate(url, false);
    expect(frame('https://connect.visma.com/widget')).toBe('sent');
    expect(frame('about:blank')).toBe('not-seen'); // let through; no request for webRequest to see
    expect(frame('https://www.google.com/recaptcha/api2/anchor?k=site-key')).toBe('sent');
    expect(frame('https://newassets.hcaptcha.com/captcha/v1/abc/static/hcaptcha.html#frame=checkbox')).toBe('sent');
    expect(frame('https://challenges.cloudflare.com/cdn-cgi/challenge-platform/h/b/turnstile/if/ov2/av0/rcv/x')).toBe('sent');
    expect(frame('https://client-api.arkoselabs.com/fc/gc/?token=x')).toBe('sent');
    expect(blocked).not.toHaveBeenCalled();
    // A captcha provider's host elsewhere than its challenge, or not over https, is no captcha.
    expect(frame('https://www.google.com/search?q=x')).toBe('prevented');
    expect(frame('http://www.google.com/recaptcha/api2/anchor')).toBe('prevented');
    expect(frame('https://consent.example/widget')).toBe('prevented');
    expect(frame('https://consent.example/widget?again')).toBe('prevented');
    expect(window.webContents.redirect('https://tracker.example/pixel', false)).toBe('prevented');
    expect(frame('data:text/html,<p>x</p>')).toBe('prevented'); // no address the person could add: not told
    expect(blocked.mock.calls.map(([message]) => message)).toEqual([
      'Part of the login page, from www.google.com, was not shown: this environment does not allow it. If the login cannot go on without it, add www.google.com to the environment’s extra login origins in Environments, then reconnect.',
      expect.stringContaining('from consent.example,'),
      expect.stringContaining('from tracker.example,'),
    ]);
    // The login page stays: a refused frame is no refused page.
    expect(window.loaded).toEqual(['https://connect.visma.com/connect/authorize?client_id=x']);
    // Captchas show in frames only: the page itself still stays on the identity provider.
    expect(window.webContents.navigate('https://www.google.com/recaptcha/api2/anchor')).toBe('prevented');
    expect(decodeURIComponent(window.loaded.at(-1)!)).toContain('Visma sent you to www.google.com');
    window.emit('closed');
    await result;
  });

  it('prepares the next window while the person types — fresh, hidden, blank — and the next attempt uses it', async () => {
    const surface = createLoginWindowSurface({ parent: () => null, log });
    const first = await start({ surface });
    await tick();
    first.session.request(`${REDIRECT}?code=1`);
    await first.result;
    const spare = fake.current.windows.at(-1)!;
    expect(spare).not.toBe(first.window);
    expect(spare.options.show).toBe(false);
    expect(spare.loaded).toEqual(['about:blank']);
    expect((spare.options.webPreferences as { partition: string }).partition).not.toBe(first.session.partition);
    const count = fake.current.windows.length;
    const second = await start({ surface });
    expect(fake.current.windows.length).toBe(count); // no new window: the prepared one is used
    expect(second.window).toBe(spare);
    expect(spare.shown).toBe(true);
    expect(spare.loaded).toEqual(['about:blank', 'https://connect.visma.com/connect/authorize?client_id=x']);
    second.window.emit('closed');
    await second.result;
    surface.dispose();
    await tick();
    expect(fake.current.windows.length).toBe(count); // disposed: nothing prepared any more
  });
});
