import { invalidCompanyId } from '../erp-api/visma-errors';
import type { IntegrationRecord } from './portal-state';
import type { PortalVismaClient } from './portal-visma-client';

/** Where DataBridge's log says it called: Visma's production address, whatever the sandbox's is. */
export const ENDPOINT_IN_LOG = 'https://integration.visma.net/API/controller/api/v1/customer/customerClass';
/** The token an old-style (pre-Visma Connect) connection still holds; start-sandbox lists it among the ERP API's legacy tokens. */
export const OLD_STYLE_TOKEN = 'databridge-old-style-connection';

export interface JobResult {
  success: boolean;
  message: string;
}

/**
 * The one ERP API call a job makes. The base URL comes from start-sandbox, so a change of the API's
 * address form is a change here and nowhere else.
 */
export async function readCustomerClasses(apiBaseUrl: string, accessToken: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${apiBaseUrl}/v1/customer/customerClass`, { headers: { Authorization: `Bearer ${accessToken}` } });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body };
}

/** A log line in DataBridge's style: `2026-11-30 19:34:01,123 [7] ERROR DataBridge.Visma - …` (UTC). */
export function logLine(level: 'INFO' | 'ERROR', text: string, now = new Date()): string {
  const stamp = now.toISOString().replace('T', ' ').replace('.', ',').slice(0, 23);
  return `${stamp} [7] ${level.padEnd(5)} DataBridge.${level === 'ERROR' ? 'Visma' : 'Sync'} - ${text}`;
}

const failed = (detail: string): JobResult => ({ success: false, message: `Error calling Visma.net endpoint (${ENDPOINT_IN_LOG}) ${detail}` });

export interface JobRunnerDeps {
  apiBaseUrl: string;
  visma: PortalVismaClient;
}

/** Runs an integration's job once: refreshes its tokens when they have expired, calls the ERP API, appends to its log. */
export function createJobRunner({ apiBaseUrl, visma }: JobRunnerDeps) {
  async function accessTokenOf(record: IntegrationRecord): Promise<string | JobResult | undefined> {
    if (record.connection === 'old-style') return OLD_STYLE_TOKEN;
    const tokens = record.tokens;
    if (record.connection !== 'connected' || !tokens) return undefined;
    if (tokens.expiresAt > Date.now() + 10_000) return tokens.accessToken;
    if (!tokens.refreshToken) return { success: false, message: `Token for ${record.id} expired and there is no refresh token: reconnect the integration` };
    try {
      record.tokens = await visma.refresh(tokens.refreshToken);
      return record.tokens.accessToken;
    } catch (error) {
      const { status, error: code, error_description: description } = error as { status?: number; error?: string; error_description?: string };
      const body = code ? JSON.stringify({ error: code, ...(description ? { error_description: description } : {}) }) : (error as Error).message;
      return { success: false, message: [`Token refresh failed for ${record.id}:`, ...(status ? [status] : []), body].join(' ') };
    }
  }

  async function outcome(record: IntegrationRecord): Promise<JobResult> {
    const token = await accessTokenOf(record);
    if (typeof token === 'object') return token;
    // No connection at all: DataBridge calls without a company, which Visma answers with 12002.
    if (token === undefined) return failed(invalidCompanyId().ExceptionMessage);
    let answer;
    try {
      answer = await readCustomerClasses(apiBaseUrl, token);
    } catch (error) {
      return failed(`${(error as Error).message}`);
    }
    if (answer.status === 200) {
      const count = Array.isArray(answer.body) ? answer.body.length : 0;
      return { success: true, message: `Job finished: ${count} records ${record.direction === 'import' ? 'imported' : 'exported'}` };
    }
    const body = answer.body as { ExceptionMessage?: unknown; Message?: unknown } | string;
    if (typeof body === 'object' && typeof body.ExceptionMessage === 'string') return failed(body.ExceptionMessage);
    if (answer.status === 401) return failed('The remote server returned an error: (401) Unauthorized.');
    return failed(`The remote server returned an error: (${answer.status}) ${typeof body === 'string' ? body : JSON.stringify(body)}`);
  }

  return async function runJob(record: IntegrationRecord): Promise<JobResult> {
    record.log.push(logLine('INFO', `Job started: ${record.name} (${record.id}), company ${record.companyId}`));
    const result = await outcome(record);
    record.log.push(logLine(result.success ? 'INFO' : 'ERROR', result.message));
    record.lastJob = { ...result, at: new Date().toISOString() };
    return result;
  };
}
