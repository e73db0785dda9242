import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http/respond';
import { noticeFor } from './connect-report';
import type { JobResult } from './job-runner';
import { LIST_ID, LIST_PATH, SHOW_MORE_ID, itemsIdOf, listItems, listPage } from './integrations-list';
import { connectControlScript } from './page-scripts/connect-control-script';
import { pageScript } from './page-scripts/page-script';
import { showMoreScript } from './page-scripts/show-more-script';
import type { PortalCookies } from './portal-cookies';
import { found, newNonce, sendPage } from './portal-http';
import { integrationPage, integrationsPage, problemPage, superOfficeConnectionPage } from './portal-pages';
import type { SignInRoutes } from './portal-sign-in';
import type { IntegrationRecord, PortalState } from './portal-state';
import type { PortalStyleInForce } from './portal-style';
import type { PortalVismaClient } from './portal-visma-client';
import type { PortalWords } from './portal-words';
import { CALLBACK_PATH, type VismaCallback, integrationPath } from './visma-callback';

export const PORTAL_ADMIN_PREFIX = '/sandbox/admin';

export interface PortalRouteDeps {
  state: PortalState;
  visma: PortalVismaClient;
  runJob(record: IntegrationRecord): Promise<JobResult>;
  companyName(id: string): string;
  portalUrl: string;
  admin(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void>;
  style: PortalStyleInForce;
  words: PortalWords;
  connectLabel: string;
  cookies: PortalCookies;
  signIn: SignInRoutes;
  /** Visma's answer, when it comes to the portal's own origin (callback "same-origin"). */
  callback?: VismaCallback;
}

const sameSecret = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/** "5 minutes", "1 minute", "30 seconds": the trigger's rate-limit message. */
const duration = (seconds: number) =>
  seconds % 60 === 0 ? `${seconds / 60} minute${seconds === 60 ? '' : 's'}` : `${seconds} second${seconds === 1 ? '' : 's'}`;

/** The query without show-more's `part`: signing in from a fetch of the items comes back to the page. */
const searchWithoutPart = (url: URL) => {
  if (!url.searchParams.has('part')) return url.search;
  const params = new URLSearchParams(url.searchParams);
  params.delete('part');
  const rest = params.toString();
  return rest ? `?${rest}` : '';
};

const INTEGRATION_ROUTE = /^\/integrations\/([^/]+)(\/log|\/run|\/visma\/connect|\/visma\/start|\/superoffice)?$/;

/** The portal's origin: sign-in, integrations, Visma's callback, the triggered-job URL and its admin endpoint. */
export function createPortalRoutes(deps: PortalRouteDeps) {
  const { state, visma, runJob, companyName, portalUrl, admin, style, words, connectLabel, cookies, signIn, callback } = deps;
  const origin = new URL(portalUrl).origin;
  const notFound = (res: ServerResponse) => sendPage(res, 404, problemPage(words, words.notFoundTitle, words.notFound));

  async function trigger(req: IncomingMessage, res: ServerResponse, id: string, url: URL) {
    if (req.method !== 'GET' && req.method !== 'POST') return sendJson(res, 405, { success: false, message: 'Use GET or POST.' });
    if (state.faults.has('job-down')) return sendJson(res, 503, { success: false, message: 'The job service is unavailable. Try again later.' });
    const record = state.integration(id);
    if (!record) return sendJson(res, 404, { success: false, message: `No integration "${id}".` });
    if (!sameSecret(url.searchParams.get('key') ?? '', record.jobKey)) {
      return sendJson(res, 401, { success: false, message: 'The key is missing or wrong.' });
    }
    const interval = state.settings.jobIntervalSeconds;
    const now = Date.now();
    if (record.lastTriggeredAt !== undefined && now - record.lastTriggeredAt < interval * 1000) {
      const again = new Date(record.lastTriggeredAt + interval * 1000).toISOString();
      return sendJson(res, 200, { success: false, message: `A job for this integration ran less than ${duration(interval)} ago. Try again after ${again}.` });
    }
    record.lastTriggeredAt = now;
    sendJson(res, 200, await runJob(record));
  }

  /** Starts the portal's Visma login for the integration: a redirect, or (the popup script asking) its URL as JSON. */
  async function startLogin(req: IncomingMessage, res: ServerResponse, record: IntegrationRecord, answer: 'redirect' | 'json', loginIn: 'navigate' | 'popup') {
    // With extraPathCookie the request must carry the antiforgery cookie, set at sign-in on /integrations only.
    if (!cookies.antiforgeryHolds(req)) return sendPage(res, 400, problemPage(words, words.formExpired, words.formExpiredDetail));
    const { url, ...login } = await visma.begin({
      responseMode: state.settings.responseMode,
      par: style.par,
      ...(state.settings.sendLoginHint ? { loginHint: record.apiUser } : {}),
    });
    state.addPending({ ...login, integrationId: record.id, loginIn, startedAt: Date.now() });
    return answer === 'json' ? sendJson(res, 200, { authorizeUrl: url.href }) : found(res, url.href);
  }

  /**
   * The integrations list, at /integrations (and / with same-url): `?page=N` picks the page,
   * `&part=items` answers that page's items alone (what show-more's script appends).
   */
  function showList(res: ServerResponse, user: string, url: URL) {
    const all = state.integrations();
    const { list } = style;
    const shown = listPage(all, list, url.searchParams.get('page'));
    if (url.searchParams.get('part') === 'items') return sendPage(res, 200, shown.beyondLast ? '' : listItems(words, list.layout, shown.records));
    const nonce = newNonce();
    const script =
      list.paging === 'show-more' && shown.page < shown.pages
        ? {
            nonce,
            source: pageScript(showMoreScript, { listId: LIST_ID, itemsId: itemsIdOf(list.layout), buttonId: SHOW_MORE_ID, url: LIST_PATH, nextPage: shown.page + 1, pages: shown.pages }),
          }
        : undefined;
    sendPage(res, 200, integrationsPage(words, { user, all, list, shown, ...(script ? { script } : {}) }), script ? { nonce } : {});
  }

  function showIntegration(res: ServerResponse, user: string, record: IntegrationRecord) {
    const { loginIn } = state.settings;
    const { kind, lateMs } = style.connect;
    const nonce = newNonce();
    const needsScript = loginIn !== 'navigate' || kind === 'role-button' || lateMs > 0;
    const script = needsScript
      ? {
          nonce,
          source: pageScript(connectControlScript, {
            lateMs,
            loginIn,
            startUrl: `${integrationPath(record)}/visma/start`,
            waiting: words.waitingForPopup,
            allowPopups: words.allowPopups(connectLabel),
          }),
        }
      : undefined;
    const notice = noticeFor(record, style);
    const html = integrationPage(words, {
      user,
      record,
      companyName,
      style,
      connectLabel,
      showConnection: style.success !== 'nothing',
      ...(notice ? { notice } : {}),
      ...(script ? { script } : {}),
    });
    sendPage(res, 200, html, script ? { nonce } : {});
  }

  async function integrationRoute(req: IncomingMessage, res: ServerResponse, user: string, record: IntegrationRecord, action: string) {
    const get = req.method === 'GET';
    if (get && action === '') return showIntegration(res, user, record);
    if (get && action === '/log') {
      const text = record.log.map((line) => `${line}\n`).join('');
      res.writeHead(200, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Disposition': `attachment; filename="${record.id}-job.log"`,
        'Content-Length': Buffer.byteLength(text),
        'Cache-Control': 'no-store',
      });
      return void res.end(text);
    }
    if (req.method === 'POST' && action === '/run') {
      await runJob(record);
      return found(res, integrationPath(record));
    }
    if (req.method === 'POST' && action === '/visma/connect') {
      const popup = (req.headers.accept ?? '').includes('application/json');
      return startLogin(req, res, record, popup ? 'json' : 'redirect', popup ? 'popup' : 'navigate');
    }
    // A Connect link: its GET starts the login in the same window.
    if (get && action === '/visma/connect' && style.connect.kind === 'link') return startLogin(req, res, record, 'redirect', 'navigate');
    // popup-via-portal: the popup opens this page of the portal first, which sends it on to Visma.
    if (get && action === '/visma/start' && state.settings.loginIn === 'popup-via-portal') return startLogin(req, res, record, 'redirect', 'popup');
    if (get && action === '/superoffice' && style.connect.decoy) return sendPage(res, 200, superOfficeConnectionPage(words, { user, record }));
    notFound(res);
  }

  return async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', portalUrl);
    const { pathname } = url;
    if (pathname === PORTAL_ADMIN_PREFIX || pathname.startsWith(`${PORTAL_ADMIN_PREFIX}/`)) return admin(req, res, pathname);
    if (pathname === CALLBACK_PATH && callback) return callback(req, res, url);
    const triggered = /^\/api\/jobs\/([^/]+)\/trigger$/.exec(pathname);
    if (triggered) return trigger(req, res, triggered[1]!, url);

    const user = state.sessionUser(cookies.sessionId(req));
    if (await signIn.handle(req, res, url, user)) return;
    // A session cookie whose Path leaves out / never comes with /: it only points the way in.
    if (pathname === '/' && req.method === 'GET' && !cookies.reaches('/')) return found(res, '/integrations');

    const integration = INTEGRATION_ROUTE.exec(pathname);
    if (!user) {
      // After signing in, a POST's page (the integration) rather than the POST itself; the list's page rather than its items alone.
      const next = req.method === 'GET' ? `${pathname}${searchWithoutPart(url)}` : integration ? `/integrations/${integration[1]}` : '/integrations';
      return found(res, signIn.locationFor(next));
    }
    // The session cookie may be SameSite=None: refuse POSTs that another site's page sent.
    if (req.method === 'POST' && req.headers.origin !== undefined && req.headers.origin !== origin) {
      return sendPage(res, 403, problemPage(words, words.forbiddenTitle, words.forbidden));
    }
    const dashboard = () => showList(res, user, url);
    // same-url: signed in, / is the dashboard itself.
    if (pathname === '/' && req.method === 'GET') return style.signIn === 'same-url' ? dashboard() : found(res, '/integrations');
    if (pathname === '/integrations' && req.method === 'GET') return dashboard();
    const record = integration ? state.integration(integration[1]!) : undefined;
    if (integration && record) return integrationRoute(req, res, user, record, integration[2] ?? '');
    notFound(res);
  };
}
