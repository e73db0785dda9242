import { describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../src/main/logger';
import type { PortalAttemptRequest, PortalCookie, PortalSite } from '../../../src/main/portal/portal-surface';
import type { createFakeElectron } from '../../helpers/fake-electron';

const fake = vi.hoisted(() => ({ current: undefined as unknown as ReturnType<typeof createFakeElectron> }));
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('../../helpers/fake-electron');
  fake.current = createFakeElectron();
  return fake.current.module;
});

const { createPortalWindowSurface } = await import('../../../src/main/platform/portal-window');

const PORTAL: PortalSite = {
  origin: 'https://my-databridge.infobridgeuniverse.com',
  signInUrl: 'https://my-databridge.infobridgeuniverse.com/signin',
  identityOrigins: ['https://connect.visma.com'],
  connectButtonLabel: 'Connected',
};
const PAGE = `${PORTAL.origin}/integrations/7`;
const CALLBACK = `${PORTAL.origin}/visma/callback`;
const AUTHORIZE = `https://connect.visma.com/connect/authorize?client_id=isv_databridge&response_type=code&response_mode=form_post&redirect_uri=${encodeURIComponent(CALLBACK)}`;
const SIGN_IN: PortalCookie = { name: '.AspNet.Cookies', value: 'portal-session', path: '/', secure: true, httpOnly: true, sameSite: 'None' };

const surface = createPortalWindowSurface(() => null, createMemoryLogger());
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The window the last attempt showed (not the blank one prepared for the next), and its session. */
function shown(url: string) {
  const window = fake.current.windows.findLast((w) => w.loaded.includes(url)) as unknown as FakeWindow;
  const session = fake.current.sessions.get(window.options.webPreferences.partition as string)!;
  return { window, session };
}

type FakeWindow = {
  options: { webPreferences: Record<string, unknown> };
  loaded: string[];
  destroyed: boolean;
  emit(event: string, ...args: unknown[]): void;
  webContents: { emit(event: string, ...args: unknown[]): void; executed: string[]; windowOpenHandler?: (d: { url: string }) => { action: string; overrideBrowserWindowOptions?: { webPreferences?: Record<string, unknown> } } };
};

async function startAttempt(overrides: Partial<PortalAttemptRequest> = {}) {
  const controller = new AbortController();
  const steps: string[] = [];
  const result = surface.reconnect({ portal: PORTAL, pageUrl: PAGE, cookies: [SIGN_IN], title: 'DataBridge: reconnect Orders', signal: controller.signal, onProgress: (s) => steps.push(s), ...overrides });
  await flush();
  const { window, session } = shown(overrides.pageUrl ?? PAGE);
  /** The browser's traffic, as Electron's webRequest reports it. */
  let id = 0;
  const request = (method: string, url: string, body?: string) => {
    const details = { id: ++id, method, url, ...(body ? { uploadData: [{ bytes: Buffer.from(body) }] } : {}) };
    let answer: unknown;
    session.beforeRequest!.handler(details, (response) => (answer = response));
    return { details, answer };
  };
  return { result, window, session, steps, controller, request };
}

describe('the Electron portal window (F18)', () => {
  it('gets a partition of its own per attempt, in memory only, seeded with the portal sign-in and nothing else', async () => {
    const first = await startAttempt();
    const second = await startAttempt();
    expect(first.session.partition).not.toBe(second.session.partition);
    for (const { session, window } of [first, second]) {
      expect(session.partition).not.toMatch(/^persist:/);
      expect(window.options.webPreferences).toMatchObject({ partition: session.partition, sandbox: true, contextIsolation: true, nodeIntegration: false });
      expect(window.options.webPreferences).not.toHaveProperty('preload');
      expect(session.jar.map((c) => [c.name, c.domain, c.url])).toEqual([['.AspNet.Cookies', 'my-databridge.infobridgeuniverse.com', `${PORTAL.origin}/`]]);
      expect(window.loaded.at(-1)).toBe(PAGE);
      expect(window.loaded.slice(0, -1).every((url) => url === 'about:blank')).toBe(true); // a prepared window had shown nothing before
    }
    first.window.emit('closed');
    second.window.emit('closed');
    await Promise.all([first.result, second.result]);
  });

  it('seeds a Secure cookie of a portal on this machine over plain http (the sandbox) through the https form of its origin', async () => {
    const local: PortalSite = { ...PORTAL, origin: 'http://localhost:4321', signInUrl: 'http://localhost:4321/signin' };
    const { result, window, session } = await startAttempt({ portal: local, pageUrl: 'http://localhost:4321/integrations/7' });
    expect(session.jar.map((c) => [c.name, c.url, c.secure])).toEqual([['.AspNet.Cookies', 'https://localhost:4321/', true]]);
    expect(window.loaded.at(-1)).toBe('http://localhost:4321/integrations/7');
    window.emit('closed');
    await result;
  });

  it('reads the form_post answer from the upload data, passes every request on untouched, and ends with the portal’s answer', async () => {
    const { result, window, session, steps, request } = await startAttempt();
    expect(request('GET', PAGE).answer).toEqual({});
    request('GET', AUTHORIZE);
    const delivery = request('POST', CALLBACK, 'code=THE-CODE&state=abc');
    expect(delivery.answer).toEqual({}); // observed, never cancelled or altered
    await session.cookies.set({ url: PORTAL.origin, name: '.AspNet.Cookies', value: 'renewed', path: '/', secure: true, httpOnly: true, sameSite: 'no_restriction' });
    session.requestListeners.beforeRedirect!({ ...delivery.details, statusCode: 302 });
    const ended = await result;
    expect(ended).toMatchObject({ kind: 'answered', portalStatus: 302, delivery: { via: 'form_post', codeDelivered: true }, authorize: { clientId: 'isv_databridge', responseMode: 'form_post' } });
    expect(JSON.stringify(ended)).not.toContain('THE-CODE');
    expect(ended.kind === 'answered' && ended.cookies.map((c) => c.value)).toEqual(['renewed']);
    expect(steps).toEqual(['authorize', 'delivered']);
    expect(session.cleared).toEqual(['storage', 'cache', 'auth']);
    expect(window.destroyed).toBe(true);
  });

  it('notices an expired portal sign-in: the page lands on the sign-in page', async () => {
    const { result, window, session } = await startAttempt();
    window.webContents.emit('did-navigate', {}, `${PORTAL.signInUrl}?next=%2Fintegrations%2F7`);
    await expect(result).resolves.toEqual({ kind: 'signed-out' });
    expect(session.cleared).toContain('storage');
    expect(window.destroyed).toBe(true);
  });

  it('limits navigation to the portal and its identity providers, and lets a login popup open only to them, in the same session', async () => {
    const { result, window } = await startAttempt();
    const navigate = (url: string) => {
      let prevented = false;
      window.webContents.emit('will-navigate', { url, preventDefault: () => (prevented = true) });
      return !prevented;
    };
    expect(navigate(`${PORTAL.origin}/integrations/8`)).toBe(true);
    expect(navigate(AUTHORIZE)).toBe(true);
    expect(navigate('https://evil.example/phish')).toBe(false);
    const popup = window.webContents.windowOpenHandler!({ url: AUTHORIZE });
    expect(popup.action).toBe('allow');
    expect(popup.overrideBrowserWindowOptions?.webPreferences).not.toHaveProperty('partition'); // inherited: the attempt's own session
    expect(window.webContents.windowOpenHandler!({ url: 'https://evil.example/' }).action).toBe('deny');
    window.emit('closed');
    await expect(result).resolves.toMatchObject({ kind: 'closed' });
  });

  it('presses the portal’s Connect button when the portal names it, once, on the profile’s page', async () => {
    const { result, window } = await startAttempt();
    window.webContents.emit('did-finish-load');
    window.webContents.emit('did-finish-load');
    expect(window.webContents.executed).toHaveLength(1);
    expect(window.webContents.executed[0]).toContain('"Connected"');
    window.emit('closed');
    await result;
  });

  it('a cancel closes the window and wipes the session, whatever stage the attempt is at', async () => {
    const { result, window, session, controller, request } = await startAttempt();
    request('GET', AUTHORIZE);
    controller.abort();
    await expect(result).resolves.toMatchObject({ kind: 'closed', authorize: { clientId: 'isv_databridge' } });
    expect(session.cleared).toEqual(['storage', 'cache', 'auth']);
    expect(window.destroyed).toBe(true);
  });

  it('signs in in a window of its own, and hands back the portal’s cookies once the person is past the sign-in page', async () => {
    const controller = new AbortController();
    const signIn = surface.signIn({ portal: PORTAL, title: 'Sign in to DataBridge', cookies: [], signal: controller.signal });
    await flush();
    const { window, session } = shown(PORTAL.signInUrl);
    expect(window.loaded.at(-1)).toBe(PORTAL.signInUrl);
    window.webContents.emit('did-navigate', {}, PORTAL.signInUrl);
    await session.cookies.set({ url: PORTAL.origin, name: 'session', value: 'fresh', path: '/', secure: true, httpOnly: true });
    await session.cookies.set({ url: 'https://online.superoffice.com', name: 'so', value: 'not ours', path: '/' });
    window.webContents.emit('did-navigate', {}, `${PORTAL.origin}/integrations`);
    const result = await signIn;
    expect(result).toMatchObject({ kind: 'signed-in', cookies: [{ name: 'session', value: 'fresh' }] });
    expect(window.destroyed).toBe(true);
  });
});
