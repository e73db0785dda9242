import { describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../src/main/logger';
import type { PortalCookie, PortalSessionEvents, PortalSite } from '../../../src/main/portal/portal-surface';
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
  signInUrl: 'https://my-databridge.infobridgeuniverse.com/Account/Login',
  identityOrigins: ['https://connect.visma.com'],
  signInOrigins: ['https://online.superoffice.com'],
  connectButtonLabel: 'Connected',
  connectSection: 'Visma.net Financials',
  connectedMarker: '',
};
const PAGE = `${PORTAL.origin}/integrations/7`;
const CALLBACK = `${PORTAL.origin}/visma/callback`;
const SIGN_IN: PortalCookie = { name: '.AspNet.Cookies', value: 'portal-session', path: '/', secure: true, httpOnly: true, sameSite: 'None' };
const allowed = (url: string) => url === 'about:blank' || [PORTAL.origin, ...PORTAL.identityOrigins].some((o) => url.startsWith(`${o}/`));

const surface = createPortalWindowSurface(() => null, createMemoryLogger());
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

type FakeWindow = InstanceType<ReturnType<typeof createFakeElectron>['module']['BrowserWindow']>;

/** Opens a session as the portal flows do, and records what it reports. */
async function openSession(cookies: PortalCookie[] = [SIGN_IN], site: PortalSite = PORTAL, using: typeof surface = surface) {
  const seen: string[] = [];
  const events: PortalSessionEvents = {
    request: (r) => seen.push(`request ${r.method} ${r.url}${r.body ? ` ${r.body}` : ''}${r.topLevel ? ' (top)' : ''}`),
    response: (r) => seen.push(`response ${r.status} ${r.url} [${r.setCookies.join(' | ')}]`),
    failed: (r) => seen.push(`failed ${r.url}`),
    navigating: (w, url) => seen.push(`navigating ${w} ${url}`),
    loaded: (w, url, status) => seen.push(`loaded ${w} ${url} ${status}`),
    blocked: (w, url, topLevel) => seen.push(`blocked ${w} ${url} ${topLevel ? 'top' : 'frame'}`),
    opened: (w) => seen.push(`opened ${w}`),
    closed: (w) => seen.push(`closed ${w}`),
  };
  const session = await using.open({ site, cookies, title: 'DataBridge: reconnect Orders', allowed, events });
  const window = fake.current.windows.find((w) => String(w.webContents.id) === session.mainWindow)! as FakeWindow;
  const partition = (window.options.webPreferences as { partition: string }).partition;
  return { session, window, partition, store: fake.current.sessions.get(partition)!, seen };
}

describe('the Electron portal window (F18)', () => {
  it('each use gets a cleared in-memory partition, seeded with the portal sign-in alone, in a sandboxed window without preload, menu or Electron user agent', async () => {
    const { session, window, partition, store } = await openSession();
    expect(partition).not.toMatch(/^persist:/);
    expect(window.options.webPreferences).toMatchObject({ partition, sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false });
    expect(window.options.webPreferences).not.toHaveProperty('preload');
    expect(window.menuRemoved).toBe(true); // no app shortcut (Ctrl+R: a health check) fires behind a login
    expect(store.userAgent).not.toMatch(/Electron|Bridgekeeper/);
    expect(store.jar.map((c) => [c.name, c.domain, c.path])).toEqual([['.AspNet.Cookies', 'my-databridge.infobridgeuniverse.com', '/']]);
    session.load(PAGE);
    expect(window.shown).toBe(false); // shown only once the flow knows it is no stale sign-in page
    session.reveal();
    expect(window.shown).toBe(true);
    await session.close();
    expect(store.cleared).toEqual(['data', 'auth', 'connections']);
    expect(window.destroyed).toBe(true);
  });

  it('200 uses in a row leave a bounded number of sessions: Electron never frees one', async () => {
    const before = fake.current.sessions.size;
    for (let i = 0; i < 200; i++) {
      const { session } = await openSession();
      session.load(PAGE);
      await session.close();
    }
    await flush();
    expect(fake.current.sessions.size - before).toBeLessThanOrEqual(2); // the one in use and the one prepared next
  });

  it('a cookie Chromium refuses (SameSite=None, not Secure) is tried as Secure, and nothing it refuses keeps the window from showing', async () => {
    const insecureNone: PortalCookie = { ...SIGN_IN, name: 'legacy', secure: false };
    const local: PortalSite = { ...PORTAL, origin: 'http://localhost:4321', signInUrl: 'http://localhost:4321/signin' };
    const { session, store, window } = await openSession([insecureNone, { ...SIGN_IN, domain: 'elsewhere.example' }], local);
    expect(store.jar.map((c) => [c.name, c.secure, c.url])).toEqual([['legacy', true, 'https://localhost:4321/']]);
    session.load('http://localhost:4321/integrations/7');
    session.reveal();
    expect(window.shown).toBe(true);
    await session.close();
  });

  it('keeps its own title: the page’s <title> is refused on the window, popups included', async () => {
    const { session, window } = await openSession();
    session.load(PAGE);
    window.webContents.pageTitle('DataBridge – Orders');
    expect(window.getTitle()).toBe('DataBridge: reconnect Orders');
    const popup = window.webContents.openWindow('https://connect.visma.com/connect/authorize?x=1')!;
    popup.webContents.pageTitle('Visma Connect - Sign in');
    expect(popup.getTitle()).toBe('DataBridge: reconnect Orders');
    expect(popup.menuRemoved).toBe(true);
    await session.close();
  });

  it('a popup opens only to where the session may go, and every popup — window.open or Shift/Ctrl-click — lives in the attempt’s partition', async () => {
    const { session, window, partition, seen } = await openSession();
    const opened = window.webContents.openWindow('https://connect.visma.com/connect/authorize?x=1', 'open')!;
    const clicked = window.webContents.openWindow(`${PORTAL.origin}/help`, 'modifier-click')!;
    for (const popup of [opened, clicked]) expect((popup.options.webPreferences as { partition: string }).partition).toBe(partition);
    expect(window.webContents.openWindow('https://evil.example/', 'open')).toBeNull();
    expect(seen).toContain(`blocked ${session.mainWindow} https://evil.example/ top`);
    expect(seen.filter((s) => s.startsWith('opened'))).toHaveLength(2);
    await session.close();
    expect(opened.destroyed && clicked.destroyed).toBe(true);
  });

  it('stops a navigation to where the session may not go, in any frame, and says so; allowed ones go on', async () => {
    const { session, window, seen } = await openSession();
    expect(window.webContents.navigate(`${PORTAL.origin}/integrations/8`)).toBe('sent');
    expect(window.webContents.navigate('https://connect.visma.com/login')).toBe('sent');
    expect(window.webContents.navigate('https://evil.example/phish')).toBe('prevented');
    expect(window.webContents.navigate('https://ads.example/frame', false)).toBe('prevented');
    expect(window.webContents.redirect('https://online.superoffice.com/login')).toBe('prevented');
    expect(seen.filter((s) => s.startsWith('blocked'))).toEqual([
      `blocked ${session.mainWindow} https://evil.example/phish top`,
      `blocked ${session.mainWindow} https://ads.example/frame frame`,
      `blocked ${session.mainWindow} https://online.superoffice.com/login top`,
    ]);
    await session.close();
  });

  it('frames: a known captcha’s challenge shows in a frame (never as the page); another frame is refused, reported, and the person told once a host, as words for their language', async () => {
    const told: { message: string; words: unknown }[] = [];
    const telling = createPortalWindowSurface(() => null, createMemoryLogger(), { onFrameBlocked: (blocked) => told.push(blocked) });
    const { session, window, seen } = await openSession([SIGN_IN], PORTAL, telling);
    expect(window.webContents.navigate('https://www.google.com/recaptcha/api2/anchor?k=x', false)).toBe('sent');
    expect(window.webContents.navigate('https://challenges.cloudflare.com/cdn-cgi/challenge-platform/h/b/turnstile/if/x', false)).toBe('sent');
    expect(window.webContents.navigate('about:srcdoc', false)).toBe('not-seen');
    expect(window.webContents.navigate(`${PORTAL.origin}/frame`, false)).toBe('sent');
    expect(window.webContents.navigate('https://www.google.com/recaptcha/api2/anchor?k=x')).toBe('prevented'); // as the page: no
    expect(window.webContents.navigate('https://ads.example/frame', false)).toBe('prevented');
    expect(window.webContents.navigate('https://ads.example/frame?2', false)).toBe('prevented');
    expect(seen.filter((s) => s.startsWith('blocked'))).toEqual([
      `blocked ${session.mainWindow} https://www.google.com/recaptcha/api2/anchor?k=x top`,
      `blocked ${session.mainWindow} https://ads.example/frame frame`,
      `blocked ${session.mainWindow} https://ads.example/frame?2 frame`,
    ]);
    expect(told).toEqual([
      {
        message: 'Part of the portal’s page, from ads.example, was not shown: the portal window shows only the portal, Visma and their sign-in pages. If the page cannot go on without it, save diagnostics (Help menu) and send them to support.',
        words: { key: 'platform.frame-blocked.portal', params: { origin: 'ads.example' } },
      },
    ]);
    await session.close();
    telling.dispose();
  });

  it('reports the traffic untouched — form_post bodies from the upload data, Set-Cookie in any case, failures — and each page load with its status', async () => {
    const { session, window, store, seen } = await openSession();
    let answer: unknown;
    store.beforeRequest!.handler({ id: 1, method: 'POST', url: CALLBACK, uploadData: [{ bytes: Buffer.from('code=THE-CODE&state=s') }], resourceType: 'mainFrame' } as never, (response) => (answer = response));
    expect(answer).toEqual({}); // watched, never cancelled or altered
    store.requestListeners.beforeRedirect!({ id: 1, url: CALLBACK, statusCode: 302, responseHeaders: { 'Set-Cookie': ['a=1; Path=/'], 'content-type': ['text/html'] } });
    store.requestListeners.errorOccurred!({ id: 2, url: `${PORTAL.origin}/slow` });
    window.webContents.load('about:blank', 0); // a prepared window's blank page is nobody's page
    window.webContents.load(PAGE, 200);
    expect(seen).toEqual([
      `request POST ${CALLBACK} code=THE-CODE&state=s (top)`,
      `response 302 ${CALLBACK} [a=1; Path=/]`,
      `failed ${PORTAL.origin}/slow`,
      `navigating ${session.mainWindow} ${PAGE}`,
      `loaded ${session.mainWindow} ${PAGE} 200`,
    ]);
    await session.close();
    expect(store.beforeRequest).toBeUndefined(); // a pooled session keeps no listener of a use that ended
    expect(store.requestListeners).toEqual({ beforeRedirect: undefined, completed: undefined, errorOccurred: undefined });
  });

  it('a page that did not load (Chromium’s error page) is not reported as loaded — once it was, with the last page’s status', async () => {
    const { session, window, seen } = await openSession();
    window.webContents.load(PAGE, 200);
    window.webContents.answer = () => ({ errorCode: -102, errorDescription: 'ERR_CONNECTION_REFUSED' });
    session.load(`${PORTAL.origin}/integrations/8`);
    await flush();
    expect(seen.filter((s) => s.startsWith('loaded'))).toEqual([`loaded ${session.mainWindow} ${PAGE} 200`]);
    window.webContents.answer = () => 201;
    session.load(`${PORTAL.origin}/integrations/9`);
    await flush();
    expect(seen.at(-1)).toBe(`loaded ${session.mainWindow} ${PORTAL.origin}/integrations/9 201`); // the next page that answers is
    await session.close();
  });

  it('reads every cookie of the session, on every path, and runs page scripts with a time limit', async () => {
    const { session, window, store } = await openSession();
    await store.cookies.set({ url: `${PORTAL.origin}/integrations`, name: 'antiforgery', value: 'x', path: '/integrations', secure: true });
    expect((await session.cookies()).map((c) => [c.name, c.path, c.hostOnly])).toEqual([
      ['.AspNet.Cookies', '/', true],
      ['antiforgery', '/integrations', true],
    ]);
    window.webContents.scriptAnswer = () => ({ snapshot: 'here' });
    await expect(session.run(session.mainWindow, '1', 1000)).resolves.toEqual({ snapshot: 'here' });
    window.webContents.scriptAnswer = undefined; // the page went away: Electron never answers
    await expect(session.run(session.mainWindow, '1', 20)).rejects.toThrow('did not answer');
    await session.close();
    await expect(session.run(session.mainWindow, '1', 20)).rejects.toThrow('closed');
  });

  it('the person closing the window is reported once; closing it ourselves is not', async () => {
    const first = await openSession();
    first.window.destroy();
    expect(first.seen).toEqual([`closed ${first.session.mainWindow}`]);
    await first.session.close();
    const second = await openSession();
    await second.session.close();
    expect(second.seen).toEqual([]);
  });
});

describe('the fake is as strict as Electron where the app relies on it', () => {
  it('a title prevented on the web contents is not kept: only the window’s own event is', () => {
    const { BrowserWindow } = fake.current.module;
    const window = new BrowserWindow({ title: 'ours' });
    window.webContents.on('page-title-updated', (event: { preventDefault(): void }) => event.preventDefault());
    window.webContents.pageTitle('theirs');
    expect(window.getTitle()).toBe('theirs');
  });

  it('cookies.get({ url }) gives only what goes to that path; cookies.set refuses SameSite=None set as not Secure', async () => {
    const store = fake.current.module.session.fromPartition('strict-cookies', {}) as unknown as ReturnType<ReturnType<typeof createFakeElectron>['sessions']['get']> & object;
    await store.cookies.set({ url: 'https://a.example/app', name: 'deep', value: '1', path: '/app' });
    expect((await store.cookies.get({ url: 'https://a.example/' })).map((c) => c.name)).toEqual([]);
    expect((await store.cookies.get({})).map((c) => c.name)).toEqual(['deep']);
    await expect(store.cookies.set({ url: 'https://a.example/', name: 'n', value: '1', sameSite: 'no_restriction', secure: false })).rejects.toThrow('SameSite=None');
  });

  it('a Shift/Ctrl-click window made without a partition lands in the default session', () => {
    const { BrowserWindow } = fake.current.module;
    const opener = new BrowserWindow({ webPreferences: { partition: 'attempt' } });
    opener.webContents.setWindowOpenHandler(() => ({ action: 'allow' }));
    expect((opener.webContents.openWindow('https://a.example/', 'modifier-click')!.options.webPreferences as { partition: string }).partition).toBe('');
    expect((opener.webContents.openWindow('https://a.example/', 'open')!.options.webPreferences as { partition: string }).partition).toBe('attempt');
  });
});
