import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { SandboxAdminError } from '../admin/admin-client';
import { readBody, sendJson, sendText } from '../http/respond';
import type { JobResult } from './job-runner';
import { loopbackUrl } from './portal-hosts';
import type { ConnectionState } from './portal-seed-schema';
import { LOGIN_IN } from './portal-style';
import { PORTAL_FAULTS, type IntegrationRecord, type PortalFault, type PortalSettings, type PortalState } from './portal-state';

/**
 * The portal's admin endpoint, on its own origin under /sandbox/admin, and the typed helper over it:
 * faults, settings at runtime, and what the portal holds for an integration (never its tokens).
 */
export interface PortalIntegrationView {
  id: string;
  name: string;
  companyId: string;
  connection: ConnectionState;
  /** The Visma user the connection was made as (the ID token's email). */
  connectedAs?: string;
  connectedCompanyId?: string;
  /** The Visma client the portal used: its own. */
  clientId?: string;
  connectedAt?: string;
}

export interface PortalAdmin {
  /** callback-500: the callback answers 500 without storing; job-down: the triggered-job URL answers 503; sessions-expired: every session so far ends (on only). */
  setFault(fault: PortalFault, on: boolean): Promise<void>;
  /** Every portal session cookie given out so far stops working: the next page is the sign-in. */
  expireSessions(): Promise<void>;
  configure(settings: Partial<PortalSettings>): Promise<PortalSettings>;
  integration(id: string): Promise<PortalIntegrationView>;
  jobLog(id: string): Promise<string>;
  /** The integration's triggered-job URL, with its key. */
  triggerUrl(id: string): Promise<string>;
  /** Runs the job now, as "Run job now" does (not rate-limited). */
  runJob(id: string): Promise<JobResult>;
}

const FaultBody = z.object({ fault: z.enum(PORTAL_FAULTS), on: z.boolean() });
const ConfigureBody = z
  .object({
    loginIn: z.enum(LOGIN_IN),
    responseMode: z.enum(['form_post', 'query']),
    jobIntervalSeconds: z.number().int().min(0),
    sendLoginHint: z.boolean(),
  })
  .partial()
  .strict();

export const viewOf = (record: IntegrationRecord): PortalIntegrationView => ({
  id: record.id,
  name: record.name,
  companyId: record.companyId,
  connection: record.connection,
  ...(record.connectedAs ? { connectedAs: record.connectedAs } : {}),
  ...(record.connectedCompanyId ? { connectedCompanyId: record.connectedCompanyId } : {}),
  ...(record.clientId ? { clientId: record.clientId } : {}),
  ...(record.connectedAt ? { connectedAt: record.connectedAt } : {}),
});

export function createPortalAdminRoutes({ state, portalUrl, runJob }: { state: PortalState; portalUrl: string; runJob(record: IntegrationRecord): Promise<JobResult> }) {
  const body = async <T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T | string> => {
    let json: unknown;
    try {
      const text = (await readBody(req)).toString('utf8');
      json = text ? JSON.parse(text) : {};
    } catch {
      return 'the body must be JSON';
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    return `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
  };

  return async function handlePortalAdmin(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const name = pathname.replace(/^\/sandbox\/admin\/?/, '');
    const post = req.method === 'POST';
    if (post && name === 'fault') {
      const input = await body(req, FaultBody);
      if (typeof input === 'string') return sendJson(res, 400, { error: `fault, ${input}` });
      if (input.fault === 'sessions-expired') {
        if (input.on) state.expireSessions();
      } else if (input.on) state.faults.add(input.fault);
      else state.faults.delete(input.fault);
      return sendJson(res, 200, { ok: true, faults: [...state.faults] });
    }
    if (post && name === 'expire-sessions') {
      state.expireSessions();
      return sendJson(res, 200, { ok: true });
    }
    if (post && name === 'configure') {
      const input = await body(req, ConfigureBody);
      if (typeof input === 'string') return sendJson(res, 400, { error: `configure, ${input}` });
      Object.assign(state.settings, input);
      return sendJson(res, 200, { ok: true, settings: state.settings });
    }
    const match = /^integrations\/([^/]+)(\/log|\/trigger-url|\/run)?$/.exec(name);
    const record = match ? state.integration(match[1]!) : undefined;
    if (match && !record) return sendJson(res, 404, { error: `No integration "${match[1]!}"` });
    if (record) {
      const action = match![2] ?? '';
      if (!post && action === '') return sendJson(res, 200, viewOf(record));
      if (!post && action === '/log') return sendText(res, 200, record.log.map((line) => `${line}\n`).join(''));
      if (!post && action === '/trigger-url') {
        return sendJson(res, 200, { url: `${portalUrl}/api/jobs/${encodeURIComponent(record.id)}/trigger?key=${encodeURIComponent(record.jobKey)}` });
      }
      if (post && action === '/run') return sendJson(res, 200, await runJob(record));
    }
    sendJson(res, 404, { error: `No portal admin action "${req.method} ${pathname}"` });
  };
}

/** The helper over a portal's admin endpoint (Node goes to 127.0.0.1 for a *.localhost portal: portal-hosts.ts). */
export function createPortalAdmin(portalUrl: string): PortalAdmin {
  const adminUrl = `${loopbackUrl(portalUrl).origin}/sandbox/admin`;
  const call = async (method: 'GET' | 'POST', path: string, input?: unknown): Promise<Response> => {
    const response = await fetch(`${adminUrl}/${path}`, {
      method,
      ...(method === 'POST' ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input ?? {}) } : {}),
    });
    if (!response.ok) {
      const text = await response.text();
      let message = `portal admin ${path} answered ${response.status}`;
      try {
        message = String((JSON.parse(text) as { error?: unknown }).error ?? message);
      } catch {
        // keep the status message
      }
      throw new SandboxAdminError(message);
    }
    return response;
  };
  const json = async <T>(method: 'GET' | 'POST', path: string, input?: unknown) => (await (await call(method, path, input)).json()) as T;
  const of = (id: string) => `integrations/${encodeURIComponent(id)}`;

  return {
    setFault: async (fault, on) => void (await call('POST', 'fault', { fault, on })),
    expireSessions: async () => void (await call('POST', 'expire-sessions')),
    configure: async (settings) => (await json<{ settings: PortalSettings }>('POST', 'configure', settings)).settings,
    integration: (id) => json<PortalIntegrationView>('GET', of(id)),
    jobLog: async (id) => (await call('GET', `${of(id)}/log`)).text(),
    triggerUrl: async (id) => (await json<{ url: string }>('GET', `${of(id)}/trigger-url`)).url,
    runJob: (id) => json<JobResult>('POST', `${of(id)}/run`),
  };
}
