import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readForm, sendJson, sendText } from '../http/respond';
import type { JobResult } from './job-runner';
import { SESSION_COOKIE, cookieValue, found, localPath, newNonce, sendPage, sessionCookie } from './portal-http';
import { callbackPage, integrationPage, integrationsPage, problemPage, signInPage } from './portal-pages';
import { type IntegrationRecord, type PortalState, recordConnection } from './portal-state';
import type { PortalVismaClient } from './portal-visma-client';

export const PORTAL_ADMIN_PREFIX = '/sandbox/admin';
export const CALLBACK_PATH = '/visma/callback';

export interface PortalRouteDeps {
  state: PortalState;
  visma: PortalVismaClient;
  runJob(record: IntegrationRecord): Promise<JobResult>;
  companyName(id: string): string;
  portalUrl: string;
  admin(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void>;
}

const sameSecret = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/** "5 minutes", "1 minute", "30 seconds": the trigger's rate-limit message. */
const duration = (seconds: number) =>
  seconds % 60 === 0 ? `${seconds / 60} minute${seconds === 60 ? '' : 's'}` : `${seconds} second${seconds === 1 ? '' : 's'}`;

/** The portal's origin: sign-in, integrations, Visma's callback, the triggered-job URL and its admin endpoint. */
export function createPortalRoutes({ state, visma, runJob, companyName, portalUrl, admin }: PortalRouteDeps) {
  const origin = new URL(portalUrl).origin;
  const pageOf = (record: IntegrationRecord) => `/integrations/${encodeURIComponent(record.id)}`;

  async function signIn(req: IncomingMessage, res: ServerResponse) {
    const form = await readForm(req);
    const email = form.get('email') ?? '';
    const next = localPath(form.get('next'));
    const user = state.user(email);
    if (!user || user.password !== form.get('password')) {
      return sendPage(res, 200, signInPage({ next, email, error: 'Wrong email or password.' }));
    }
    found(res, next, { 'Set-Cookie': sessionCookie(state.startSession(user.email)) });
  }

  async function callback(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== 'POST' && req.method !== 'GET') return sendText(res, 405, 'Method not allowed');
    const answer = req.method === 'POST' ? await readForm(req) : url.searchParams;
    const login = state.takePending(answer.get('state') ?? '');
    const record = login && state.integration(login.integrationId);
    if (!login || !record) {
      return sendPage(res, 400, problemPage('Sign-in not in progress', 'DataBridge did not start this Visma.net login, or it took too long. Start again from the integration.'));
    }
    if (state.faults.has('callback-500')) {
      return sendPage(res, 500, problemPage('Something went wrong', 'DataBridge could not save the Visma.net connection. Try again later.'));
    }
    const popup = login.loginIn === 'popup';
    const nonce = newNonce();
    const show = (title: string, message: string, ok: boolean) =>
      sendPage(res, 200, callbackPage({ title, message, ok, backTo: { href: pageOf(record), name: record.name }, popup, nonce }), popup ? { nonce } : {});
    // Navigating: back to the integration's page, which shows the outcome. In a popup: reload the opener, close.
    const done = (title: string, message: string, ok: boolean) => (popup ? show(title, message, ok) : found(res, pageOf(record)));

    const error = answer.get('error');
    if (error) {
      const description = answer.get('error_description');
      record.lastAttempt = { ok: false, text: `Visma said: ${error}`, ...(description ? { detail: description } : {}) };
      return done('Not connected', record.lastAttempt.text, false);
    }
    let tokens;
    try {
      tokens = await visma.redeem(answer, login);
    } catch (problem) {
      const code = (problem as { error?: string }).error ?? (problem as Error).message;
      record.lastAttempt = { ok: false, text: `Visma.net did not accept the login: ${code}` };
      return done('Not connected', record.lastAttempt.text, false);
    }
    if (tokens.tenantId !== record.companyId) {
      const picked = tokens.tenantId ? companyName(tokens.tenantId) : 'no company';
      const message = `Wrong company: you picked ${picked}, this integration uses ${companyName(record.companyId)}`;
      record.lastAttempt = { ok: false, text: message, detail: 'The connection was not changed. Press Connected again and pick the right company.' };
      return show('Wrong company', message, false);
    }
    recordConnection(record, tokens);
    record.lastAttempt = { ok: true, text: 'The Visma.net connection is saved.' };
    return done('Connected', `Connected to Visma.net as ${tokens.email ?? 'an unknown user'}.`, true);
  }

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

  async function integrationRoute(req: IncomingMessage, res: ServerResponse, user: string, record: IntegrationRecord, action: string) {
    const page = pageOf(record);
    if (req.method === 'GET' && action === '') {
      const nonce = newNonce();
      const { loginIn } = state.settings;
      return sendPage(res, 200, integrationPage({ user, record, companyName, loginIn, nonce }), loginIn === 'popup' ? { nonce } : {});
    }
    if (req.method === 'GET' && action === '/log') {
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
      return found(res, page);
    }
    if (req.method === 'POST' && action === '/visma/connect') {
      const popup = (req.headers.accept ?? '').includes('application/json');
      const { url, ...login } = await visma.begin({
        responseMode: state.settings.responseMode,
        ...(state.settings.sendLoginHint ? { loginHint: record.apiUser } : {}),
      });
      state.addPending({ ...login, integrationId: record.id, loginIn: popup ? 'popup' : 'navigate', startedAt: Date.now() });
      return popup ? sendJson(res, 200, { authorizeUrl: url.href }) : found(res, url.href);
    }
    sendPage(res, 404, problemPage('Not found', 'This page does not exist.'));
  }

  return async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', portalUrl);
    const { pathname } = url;
    if (pathname === PORTAL_ADMIN_PREFIX || pathname.startsWith(`${PORTAL_ADMIN_PREFIX}/`)) return admin(req, res, pathname);
    if (pathname === CALLBACK_PATH) return callback(req, res, url);
    const triggered = /^\/api\/jobs\/([^/]+)\/trigger$/.exec(pathname);
    if (triggered) return trigger(req, res, triggered[1]!, url);
    if (pathname === '/signin' && req.method === 'GET') return sendPage(res, 200, signInPage({ next: localPath(url.searchParams.get('next')) }));
    if (pathname === '/signin' && req.method === 'POST') return signIn(req, res);

    const user = state.sessionUser(cookieValue(req, SESSION_COOKIE));
    const integration = /^\/integrations\/([^/]+)(\/log|\/run|\/visma\/connect)?$/.exec(pathname);
    if (!user) {
      // After signing in, a POST's page (the integration) rather than the POST itself.
      const next = req.method === 'GET' ? `${pathname}${url.search}` : integration ? `/integrations/${integration[1]}` : '/integrations';
      return found(res, `/signin?next=${encodeURIComponent(next)}`);
    }
    // The session cookie is SameSite=None: refuse POSTs that another site's page sent.
    if (req.method === 'POST' && req.headers.origin !== undefined && req.headers.origin !== origin) {
      return sendPage(res, 403, problemPage('Forbidden', 'This form was sent from another site.'));
    }
    if (pathname === '/' && req.method === 'GET') return found(res, '/integrations');
    if (pathname === '/integrations' && req.method === 'GET') return sendPage(res, 200, integrationsPage({ user, integrations: state.integrations() }));
    const record = integration ? state.integration(integration[1]!) : undefined;
    if (integration && record) return integrationRoute(req, res, user, record, integration[2] ?? '');
    sendPage(res, 404, problemPage('Not found', 'This page does not exist.'));
  };
}
