import type { IncomingMessage, ServerResponse } from 'node:http';
import { readForm, sendText } from '../http/respond';
import { type ConnectOutcome, rememberOutcome, reportOutcome } from './connect-report';
import { sendPage } from './portal-http';
import { problemPage } from './portal-pages';
import { type IntegrationRecord, type PendingLogin, type PortalState, recordConnection } from './portal-state';
import type { PortalStyleInForce } from './portal-style';
import type { PortalVismaClient } from './portal-visma-client';
import type { PortalWords } from './portal-words';

export const CALLBACK_PATH = '/visma/callback';

export interface VismaCallbackDeps {
  state: PortalState;
  visma: PortalVismaClient;
  companyName(id: string): string;
  style: PortalStyleInForce;
  words: PortalWords;
  connectLabel: string;
  portalUrl: string;
  /** The origin Visma's answer comes to: the portal's, or with callback "other-origin" another one. */
  callbackOrigin: string;
}

export const integrationPath = (record: IntegrationRecord) => `/integrations/${encodeURIComponent(record.id)}`;

/**
 * Where Visma Connect delivers its answer (form_post or query): the state finds the login the portal
 * started (kept server-side, so the session cookie is not needed here); the code is redeemed with the
 * portal's own client; the company — and with wrongUser "refuse" the user — must be the integration's.
 * The outcome is kept and reported as the style says (connect-report.ts).
 */
export function createVismaCallback(deps: VismaCallbackDeps) {
  const { state, visma, companyName, style, words, connectLabel, portalUrl, callbackOrigin } = deps;
  const sameOrigin = new URL(portalUrl).origin === new URL(callbackOrigin).origin;

  async function judge(answer: URLSearchParams, login: PendingLogin, record: IntegrationRecord): Promise<ConnectOutcome> {
    const error = answer.get('error');
    if (error) {
      const description = answer.get('error_description');
      return { ok: false, title: words.notConnected, text: words.vismaSaid(error), ...(description ? { detail: description } : {}), refused: false };
    }
    let tokens;
    try {
      tokens = await visma.redeem(answer, login);
    } catch (problem) {
      const code = (problem as { error?: string }).error ?? (problem as Error).message;
      return { ok: false, title: words.notConnected, text: words.notAccepted(code), refused: false };
    }
    if (tokens.tenantId !== record.companyId) {
      const picked = tokens.tenantId ? companyName(tokens.tenantId) : words.noCompany;
      return { ok: false, title: words.wrongCompanyTitle, text: words.wrongCompany(picked, companyName(record.companyId)), detail: words.wrongCompanyDetail(connectLabel), refused: true };
    }
    if (style.wrongUser === 'refuse' && tokens.email?.toLowerCase() !== record.apiUser.toLowerCase()) {
      return { ok: false, title: words.wrongUserTitle, text: words.wrongUser(tokens.email ?? words.unknownUser, record.apiUser), detail: words.wrongUserDetail, refused: true };
    }
    recordConnection(record, tokens);
    return { ok: true, email: tokens.email ?? words.unknownUser };
  }

  return async function callback(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'POST' && req.method !== 'GET') return sendText(res, 405, 'Method not allowed');
    const answer = req.method === 'POST' ? await readForm(req) : url.searchParams;
    if (style.slowMs > 0) await new Promise((resolve) => setTimeout(resolve, style.slowMs));
    const login = state.takePending(answer.get('state') ?? '');
    const record = login && state.integration(login.integrationId);
    if (!login || !record) return sendPage(res, 400, problemPage(words, words.notInProgressTitle, words.notInProgress));
    if (state.faults.has('callback-500')) return sendPage(res, 500, problemPage(words, words.somethingWentWrong, words.couldNotSave));

    const outcome = await judge(answer, login, record);
    rememberOutcome(record, outcome, style, words);
    const page = integrationPath(record);
    reportOutcome(res, outcome, { style, words, record, pageUrl: sameOrigin ? page : `${portalUrl}${page}`, sameOrigin, popup: login.loginIn === 'popup' });
  };
}

export type VismaCallback = ReturnType<typeof createVismaCallback>;
