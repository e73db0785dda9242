import type { ConnectFinding, PageSnapshot } from './page/page-snapshot';
import { createCookieLedger, portalCookies } from './portal-cookies';
import { type PortalVerdict, type SeenPage, isPage } from './portal-evidence';
import { portalReader } from './portal-reader';
import type { PortalCookie, PortalSession, PortalSite, PortalSurface } from './portal-surface';
import { type AuthorizeSeen, type Delivery, authorizeOf, deliveryOf, onOrigin } from './portal-traffic';
import { isSignInPage } from './sign-in-page';
import { watchUntilSignedIn } from './signed-in-watch';

/** What the portal did with Visma's answer, for the verdict. */
export interface PortalObservation {
  before?: PageSnapshot;
  callbackStatus?: number;
  after: SeenPage[];
}

export interface PortalAttemptRequest {
  site: PortalSite;
  /** The profile's page in the portal. */
  pageUrl: string;
  /** The portal sign-in: the only cookies the attempt's session starts with. */
  cookies: PortalCookie[];
  title: string;
  signal: AbortSignal;
  /** As the portal's Visma login goes by: for the dialog's steps. */
  onStep(step: 'signing-in' | 'portal-page' | 'portal-login' | 'portal-finishing' | 'portal-reading'): void;
  /**
   * What became of the Connect control: pressed, or which the person should press — also when a
   * press brought the portal's page back instead of Visma's login (`came-back`).
   */
  onConnect(finding: ConnectFinding | { kind: 'came-back'; name: string }): void;
  /**
   * A sign-in page instead of the profile's is no reason to end: the person signs in right in this
   * window (for a portal whose sign-in a fresh session does not carry: one kept in the page's storage,
   * or a cookie bound to the window it was made in).
   */
  signInHere?: boolean;
  /** The verdict on what the portal showed (portal-evidence.ts, with the profile's particulars). */
  judge(observation: PortalObservation): PortalVerdict;
  /**
   * Runs once the verdict is known, while the portal's page is still on screen, so the person can
   * see what the portal said while they are asked about it. `windowClosed` aborts when they close it.
   */
  whileShown(found: PortalAnswered, windowClosed: AbortSignal): Promise<void>;
}

export interface PortalAnswered {
  authorize: AuthorizeSeen;
  /** Visma's answer, when it was seen going to the portal (it may go unseen: a pushed request, another host). */
  delivery?: Delivery;
  callbackStatus?: number;
  verdict: PortalVerdict;
  /** What the verdict was made of: a page shown later can be judged with it. */
  observation: PortalObservation;
}

export type PortalAttemptResult =
  /** The portal showed its sign-in instead of the profile's page: the sign-in has expired. */
  | { kind: 'signed-out' }
  /** The profile's page itself answered with an HTTP error (a wrong address, the portal down). */
  | { kind: 'page-failed'; status: number; said?: string }
  /** Closed (by the person, a cancel or the time-out) before the portal had Visma's answer. */
  | { kind: 'closed'; authorize?: AuthorizeSeen; cookies: PortalCookie[]; signedInHere?: boolean }
  | ({ kind: 'answered'; cookies: PortalCookie[]; signedInHere?: boolean } & PortalAnswered);

/** After the last page of the portal has loaded, how long nothing more happens before its word is taken as said. */
const SETTLE_MS = 300;
/** How long a portal may take to show anything after Visma's answer. */
const LANDING_TIMEOUT_MS = 30_000;
/** The window shows once the profile's page is known not to be a stale sign-in; a slow portal's, after this at the latest. */
const REVEAL_AFTER_MS = 4000;

/** How long the portal's page stays after a press, without Visma's login beginning, before the person is told. */
const CAME_BACK_MS = 1500;

const decisive = (verdict: PortalVerdict) => verdict.kind !== 'unconfirmed';
/** The last two labels of a host name: what a portal and its other hosts share (my-databridge.infobridgeuniverse.com: infobridgeuniverse.com). */
const parentOf = (host: string) => host.split('.').slice(-2).join('.');
/** Another origin of the portal's own: its host on another port, or a host under the same parent name, over https (or on this machine). */
const sameSite = (url: string, origin: string) => {
  if (!URL.canParse(url)) return false;
  const target = new URL(url);
  const portal = new URL(origin);
  return (target.protocol === 'https:' || target.protocol === portal.protocol) && parentOf(target.hostname) === parentOf(portal.hostname);
};

/**
 * One portal reconnect, from the profile's page to the portal's verdict (F18), in a fresh session
 * seeded with the portal sign-in alone. Bridgekeeper presses the Connect control when it is one
 * alone, watches the portal's Visma login go by without touching it, and after Visma's answer reached
 * the portal it reads the portal's own pages: they, not an HTTP status, decide the verdict. The page
 * stays on screen until the verdict is known and `whileShown` is done.
 */
export async function runPortalAttempt(surface: PortalSurface, request: PortalAttemptRequest): Promise<PortalAttemptResult> {
  const { site } = request;
  const ledger = createCookieLedger();
  /** The portal's origins in this attempt: its own, and where the authorize request sends Visma's answer. */
  const portalOrigins = [site.origin];
  const providers = [...site.identityOrigins, ...site.signInOrigins];

  let session: PortalSession | undefined;
  let reader: ReturnType<typeof portalReader> | undefined;
  let before: PageSnapshot | undefined;
  let firstLoad = true;
  /** The Connect control Bridgekeeper pressed; told once if the portal's page comes back instead of Visma's login. */
  let pressed: { name: string; told: boolean } | undefined;
  let loads = 0;
  /** The person signed in in this window (signInHere): its sign-in did not come along in the cookies. */
  let signedInHere = false;
  let authorize: AuthorizeSeen | undefined;
  let delivered: { requestId: string; delivery: Delivery } | undefined;
  let callbackStatus: number | undefined;
  /** Visma's answer went by (or the portal's page came back after Visma): the portal's pages are the evidence from here. */
  let answeredAt: number | undefined;
  const after: SeenPage[] = [];
  let pendingReads = 0;
  let lastActivity = 0;
  let navigating = false;
  /** Windows that have shown Visma's pages since the authorize request: a portal page loading in one is the way back. */
  const atVisma = new Set<string>();
  /** Set while the profile's page is loaded once more after the verdict: its load is read for it. */
  let reloading: ((page: SeenPage | null) => void) | undefined;

  let end!: (result: Exclude<PortalAttemptResult, { kind: 'answered' | 'closed' }> | { kind: 'closed' } | { kind: 'judge' }) => void;
  const ending = new Promise<Parameters<typeof end>[0]>((resolve) => (end = resolve));
  const windowClosed = new AbortController();

  const isPortal = (url: string) => onOrigin(url, portalOrigins);
  const judgeNow = () => request.judge({ ...(before ? { before } : {}), ...(callbackStatus !== undefined ? { callbackStatus } : {}), after });
  const answered = () => {
    if (answeredAt !== undefined) return;
    answeredAt = Date.now();
    lastActivity = Date.now();
    request.onStep('portal-reading');
  };
  /** Landed: a decisive page, or nothing more happening for a moment after the last page loaded. */
  const checkLanded = () => {
    if (answeredAt === undefined) return;
    if (callbackStatus === 0) return end({ kind: 'judge' }); // the portal never answered Visma's answer: nothing more will come
    if (delivered?.delivery.error && after.length > 0) return end({ kind: 'judge' });
    if (after.length > 0 && decisive(judgeNow())) return end({ kind: 'judge' });
    if (after.length > 0 && pendingReads === 0 && !navigating && Date.now() - lastActivity >= SETTLE_MS) return end({ kind: 'judge' });
    if (Date.now() - answeredAt >= LANDING_TIMEOUT_MS) return end({ kind: 'judge' });
  };
  const ticker = setInterval(checkLanded, 50);

  const pageLoaded = async (windowId: string, url: string, status: number) => {
    if (!reader) return;
    if (reloading) {
      // Wherever the profile's page sends the window now (its sign-in page, say): that is what it shows.
      if (windowId !== session?.mainWindow) return;
      const snapshot = await reader.read(windowId);
      reloading(snapshot ? { snapshot, status } : null);
      return;
    }
    // Back at the portal from Visma in the same window, Visma's answer unseen (a pushed request, another
    // host): the portal has it. A portal page loading in another window (the opener of a login popup) is not that.
    if (answeredAt === undefined && authorize && isPortal(url) && atVisma.has(windowId)) answered();
    if (answeredAt !== undefined) {
      // A glance first (a page that says it at once is decided at once), then the page once settled.
      pendingReads++;
      lastActivity = Date.now();
      const glance = await reader.glance(windowId);
      const seen: SeenPage | undefined = glance ? { snapshot: glance, status } : undefined;
      if (seen) after.push(seen);
      checkLanded();
      const settled = await reader.read(windowId);
      if (settled && seen) seen.snapshot = settled;
      else if (settled) after.push({ snapshot: settled, status });
      pendingReads--;
      lastActivity = Date.now();
      checkLanded();
      return;
    }
    if (windowId === session?.mainWindow) loads++;
    if (!firstLoad && pressed && !pressed.told && !authorize && windowId === session?.mainWindow && onOrigin(url, [site.origin])) return cameBack(loads);
    if (!firstLoad || windowId !== session?.mainWindow || !onOrigin(url, [site.origin])) return;
    firstLoad = false;
    const first = await reader.glance(windowId);
    if (status >= 400) return end({ kind: 'page-failed', status, ...(first ? { said: first.alerts[0] ?? first.title } : {}) });
    if (first && isSignInPage(first, site) && !authorize && !(await signInHere(windowId))) return;
    session.reveal();
    for (;;) {
      const answer = await reader.press(windowId);
      if (!answer) return; // the page went away already: the person pressed first, or the portal moved on
      // A sign-in page some portals draw only after loading (a single-page app's) is known by now.
      if (isSignInPage(answer.snapshot, site) && !authorize && answer.connect?.kind !== 'pressed') {
        if (await signInHere(windowId)) continue;
        return;
      }
      before = answer.snapshot;
      if (answer.connect?.kind === 'pressed') pressed = { name: answer.connect.name, told: false };
      if (answer.connect) request.onConnect(answer.connect);
      return;
    }
  };

  /**
   * The portal's page loaded again after the press and Visma's login has not begun: the portal may
   * show why (an error), or the press did nothing. Once the page stays put a moment (a page that
   * forwards to Visma by itself does not), the person is told, rather than left waiting.
   */
  const cameBack = async (load: number) => {
    await new Promise((resolve) => setTimeout(resolve, CAME_BACK_MS));
    if (!pressed || pressed.told || authorize || load !== loads || navigating || request.signal.aborted || windowClosed.signal.aborted) return;
    pressed.told = true;
    session?.reveal();
    request.onConnect({ kind: 'came-back', name: pressed.name });
  };

  /**
   * The profile's page is the portal's sign-in: the attempt ends (signed out), or — with
   * `signInHere` — the window shows and the person signs in in it. True once a page of the portal that
   * is no sign-in page shows (a single-page app may sign in without loading a page: it is looked at).
   */
  const signInHere = async (windowId: string): Promise<boolean> => {
    if (!request.signInHere) {
      end({ kind: 'signed-out' });
      return false;
    }
    signedInHere = true;
    request.onStep('signing-in');
    session?.reveal();
    const signedIn = await watchUntilSignedIn(reader!, windowId, site, () => answeredAt !== undefined || request.signal.aborted || windowClosed.signal.aborted);
    if (signedIn) request.onStep('portal-page');
    return signedIn;
  };

  session = await surface.open({
    site,
    cookies: request.cookies,
    title: request.title,
    allowed: (url) =>
      url === 'about:blank' ||
      onOrigin(url, [...portalOrigins, ...site.identityOrigins]) ||
      // Signing in here may pass through other sites (SuperOffice, an e-mail provider's login), as the sign-in window may.
      (!!request.signInHere && !authorize && URL.canParse(url) && (onOrigin(url, site.signInOrigins) || new URL(url).protocol === 'https:')) ||
      // A pushed request names no redirect URI: Visma may answer to another host of the portal's.
      (!!authorize && !authorize.redirectUri && sameSite(url, site.origin)),
    events: {
      request: ({ id, method, url, body }) => {
        const seen = authorizeOf(url, site.identityOrigins);
        if (seen) {
          authorize = seen;
          if (seen.redirectUri) {
            const callback = new URL(seen.redirectUri).origin;
            if (!portalOrigins.includes(callback)) portalOrigins.push(callback);
          }
          request.onStep('portal-login');
          return;
        }
        if (!authorize || delivered) return;
        const delivery = deliveryOf(method, url, body, authorize, site.identityOrigins);
        if (!delivery) return;
        delivered = { requestId: id, delivery };
        if (!portalOrigins.includes(new URL(url).origin)) portalOrigins.push(new URL(url).origin);
        request.onStep('portal-finishing');
        answered();
      },
      response: ({ id, url, status, setCookies }) => {
        ledger.saw(url, setCookies);
        if (delivered?.requestId === id && callbackStatus === undefined) callbackStatus = status;
      },
      failed: ({ id }) => {
        if (delivered?.requestId === id && callbackStatus === undefined) callbackStatus = 0;
      },
      navigating: (windowId, url) => {
        navigating = true;
        lastActivity = Date.now();
        if (authorize && onOrigin(url, site.identityOrigins)) atVisma.add(windowId);
      },
      loaded: (windowId, url, status) => {
        navigating = false;
        lastActivity = Date.now();
        if (authorize && onOrigin(url, site.identityOrigins)) atVisma.add(windowId);
        void pageLoaded(windowId, url, status);
      },
      blocked: (_windowId, url, topLevel) => {
        // The portal wants its sign-in (SuperOffice's, say): the held one has expired.
        if (topLevel && !authorize && !request.signInHere && onOrigin(url, site.signInOrigins)) end({ kind: 'signed-out' });
      },
      opened: () => undefined,
      closed: (windowId) => {
        if (windowId !== session?.mainWindow) return;
        windowClosed.abort();
        end(answeredAt !== undefined ? { kind: 'judge' } : { kind: 'closed' });
      },
    },
  });
  reader = portalReader(session, site);
  const stop = () => end(answeredAt !== undefined ? { kind: 'judge' } : { kind: 'closed' });
  request.signal.addEventListener('abort', stop, { once: true });
  if (request.signal.aborted) stop();
  else session.load(request.pageUrl);
  const revealLate = setTimeout(() => session?.reveal(), REVEAL_AFTER_MS);

  let result: PortalAttemptResult;
  try {
    const outcome = await ending;
    clearInterval(ticker);
    if (outcome.kind === 'judge' && authorize) {
      let verdict = judgeNow();
      // The portal's page did not say, and the profile's own page was not among those it showed:
      // look at that page once more (a fresh top-level load also carries a SameSite=Strict sign-in).
      if (verdict.kind === 'unconfirmed' && !windowClosed.signal.aborted && !request.signal.aborted && !after.some((p) => isPage(p.snapshot.url, request.pageUrl))) {
        const seen = await new Promise<SeenPage | null>((resolve) => {
          const timer = setTimeout(() => resolve(null), LANDING_TIMEOUT_MS);
          reloading = (page) => {
            clearTimeout(timer);
            resolve(page);
          };
          windowClosed.signal.addEventListener('abort', () => reloading?.(null), { once: true });
          session!.load(request.pageUrl);
        });
        reloading = undefined;
        if (seen) {
          after.push(seen);
          verdict = judgeNow();
        }
      }
      const observation: PortalObservation = { ...(before ? { before } : {}), ...(callbackStatus !== undefined ? { callbackStatus } : {}), after };
      const found: PortalAnswered = { authorize, ...(delivered ? { delivery: delivered.delivery } : {}), ...(callbackStatus !== undefined ? { callbackStatus } : {}), verdict, observation };
      if (!windowClosed.signal.aborted && !request.signal.aborted) await request.whileShown(found, AbortSignal.any([windowClosed.signal, request.signal]));
      result = { kind: 'answered', ...found, cookies: await cookiesOf(session), ...(signedInHere ? { signedInHere } : {}) };
    } else if (outcome.kind === 'closed' || outcome.kind === 'judge') {
      result = { kind: 'closed', ...(authorize ? { authorize } : {}), cookies: await cookiesOf(session), ...(signedInHere ? { signedInHere } : {}) };
    } else result = outcome;
  } finally {
    clearInterval(ticker);
    clearTimeout(revealLate);
    await session.close();
  }
  return result;

  async function cookiesOf(open: PortalSession): Promise<PortalCookie[]> {
    const all = await open.cookies().catch(() => []);
    return portalCookies(all, ledger, { portalOrigins, providerOrigins: providers, seeded: request.cookies });
  }
}
