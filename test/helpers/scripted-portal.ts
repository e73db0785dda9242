import type { ConnectFinding, PageSnapshot } from '../../src/main/portal/page/page-snapshot';
import type { PortalCookie, PortalSession, PortalSessionRequest, PortalSurface, SessionCookie } from '../../src/main/portal/portal-surface';

/**
 * A portal surface that plays a script instead of a browser: for tests of what the app makes of a
 * portal's flow (statuses, words, the audit trail, sign-ins), fast and exact. What a real page and a
 * real browser do is tested with Chromium and the sandbox's look-alike portals (portal-page.test.ts,
 * the E2E); this plays the events a surface reports, in their order, and answers the page script
 * with the snapshots the script gives.
 */

export interface ScriptedPage {
  path: string;
  status?: number;
  lines?: string[];
  section?: string[];
  alerts?: string[];
  notices?: string[];
  passwordField?: boolean;
  signInControls?: string[];
  /** Drawn in place by the page's own script (a single-page app): no page loads, the window just shows it. */
  drawn?: boolean;
}

export interface ScriptedLogin {
  /** The authorize request's URL (Visma's). */
  authorize: string;
  /** Visma's answer to the portal; left out: it goes unseen (a pushed request, another host). */
  deliver?: { method: 'GET' | 'POST'; url: string; body?: string };
  /** The portal's HTTP answer to it; 0: the connection broke. */
  callbackStatus?: number;
  /** The pages the portal shows after it, in order. */
  after: ScriptedPage[];
  /** What the profile's page shows when Bridgekeeper loads it once more. */
  reload?: ScriptedPage;
}

export type ScriptedSession =
  /** A sign-in window: shows these pages (the sign-in page first), then holds these cookies. */
  | { kind: 'sign-in'; pages?: ScriptedPage[]; cookies: PortalCookie[] }
  /** A profile's page; with `login`, someone presses Connect and the login runs as scripted. */
  | {
      kind: 'profile';
      page: ScriptedPage;
      connect?: ConnectFinding;
      login?: ScriptedLogin;
      cookies?: PortalCookie[];
      /** The portal's sign-in page shows first, and the person signs in right there (if the window is shown). */
      signInFirst?: ScriptedPage;
      /** What the portal shows when Connect is pressed, instead of Visma's login (its page again, with an error, say). */
      pressShows?: ScriptedPage;
    }
  /** The person closes the window before anything shows. */
  | { kind: 'closes' };

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

export function scriptedPortal(origin: string, script: ScriptedSession[]) {
  const opened: { request: PortalSessionRequest; script: ScriptedSession; closed: boolean; revealed: boolean; ran: string[] }[] = [];

  const snapshot = (page: ScriptedPage): PageSnapshot => ({
    url: `${origin}${page.path}`,
    title: page.lines?.[0] ?? '',
    lines: page.lines ?? [],
    ...(page.section ? { section: page.section } : {}),
    alerts: page.alerts ?? [],
    notices: page.notices ?? [],
    passwordField: page.passwordField ?? false,
    codeField: false,
    userForm: false,
    signInControls: page.signInControls ?? [],
  });

  const surface: PortalSurface = {
    async open(request) {
      const step = script.shift();
      if (!step) throw new Error(`the test scripted no session for "${request.title}"`);
      const record = { request, script: step, closed: false, revealed: false, ran: [] as string[] };
      opened.push(record);
      const { events } = request;
      let current: ScriptedPage | undefined;
      let requestId = 0;
      const show = async (page: ScriptedPage) => {
        if (record.closed) return;
        const url = `${origin}${page.path}`;
        if (page.drawn) {
          await tick();
          current = page;
          return;
        }
        events.navigating('main', url);
        await tick();
        current = page;
        events.loaded('main', url, page.status ?? 200);
      };
      const login = async (flow: ScriptedLogin) => {
        await tick();
        events.navigating('main', flow.authorize);
        events.request({ id: String(++requestId), method: 'GET', url: flow.authorize, topLevel: true });
        await tick();
        events.loaded('main', flow.authorize, 200); // Visma's sign-in page
        await tick();
        if (flow.deliver) {
          const id = String(++requestId);
          events.request({ id, method: flow.deliver.method, url: flow.deliver.url, ...(flow.deliver.body ? { body: flow.deliver.body } : {}), topLevel: true });
          await tick();
          if (flow.callbackStatus === 0) events.failed({ id, url: flow.deliver.url });
          else events.response({ id, url: flow.deliver.url, status: flow.callbackStatus ?? 302, setCookies: [] });
        }
        for (const page of flow.after) await show(page);
      };
      let reloads = 0;
      const session: PortalSession = {
        mainWindow: 'main',
        load(url) {
          if (step.kind === 'closes') return void setTimeout(() => events.closed('main'), 0);
          if (step.kind === 'sign-in') return void (async () => {
            for (const page of step.pages ?? [{ path: new URL(url).pathname }]) await show(page);
          })();
          // Loaded once more after the verdict: the page as the script says it looks now.
          if (reloads++ > 0 && step.login?.reload) return void show(step.login.reload);
          if (!step.signInFirst) return void show(step.page);
          void (async () => {
            await show(step.signInFirst!);
            for (let i = 0; i < 100 && !record.revealed; i++) await tick(); // a person signs in only in a window they see
            if (record.revealed) await show(step.page);
          })();
        },
        reveal() {
          record.revealed = true;
        },
        async run(_windowId, script) {
          record.ran.push(script);
          if (record.closed || !current) throw new Error('no page');
          const press = script.includes('"kind":"press"');
          const answer = { snapshot: snapshot(current), ...(press && step.kind === 'profile' ? { connect: step.connect ?? { kind: 'pressed', name: 'Connected' } } : {}) };
          if (press && step.kind === 'profile' && step.pressShows) void tick().then(() => show(step.pressShows!));
          else if (press && step.kind === 'profile' && step.login) void login(step.login);
          return answer;
        },
        async cookies(): Promise<SessionCookie[]> {
          const held = step.kind === 'closes' ? [] : (step.cookies ?? request.cookies);
          const host = new URL(origin).hostname;
          return held.map(({ domain, ...c }) => ({ ...c, domain: domain ?? host, hostOnly: !domain }));
        },
        async close() {
          record.closed = true;
        },
      };
      return session;
    },
  };

  return {
    surface,
    opened,
    /** The person closes the window of the session under way. */
    closeWindow() {
      const last = opened.at(-1);
      if (last) last.request.events.closed('main');
    },
  };
}
