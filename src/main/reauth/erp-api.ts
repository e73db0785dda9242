import type { Environment } from '../../shared/environment';
import { BODY_CAPS, ResponseTooLarge, readCappedText } from '../http/read-capped';
import { redact } from '../redact';
import { isNetworkError } from './oidc-client';
import { type RateLimit, rateLimitOf } from './rate-limit';

/** How the ERP API answered a light call with an access token, sorted for the status model. */
export type ErpAnswer =
  | { ok: true; status: number; rateLimit?: RateLimit }
  | {
      ok: false;
      /** 12002 ipp-company-id, 12027 no license, 401, 429, 5xx, no answer, or something else. */
      kind: 'legacy-token' | 'no-license' | 'unauthorized' | 'rate-limited' | 'server-error' | 'network-error' | 'unexpected';
      status?: number;
      faultCode?: string;
      /** The per-request id Visma puts in "12002_12002_<guid>" (ExceptionMessageID): for Visma's support, not a company. */
      vismaErrorId?: string;
      /** What Visma said (ExceptionMessage, with ExceptionDetails), redacted. */
      message: string;
      /** On 429 (and when X-RateLimit-Remaining reached 0): when asking again makes sense. */
      rateLimit?: RateLimit;
    };

const TIMEOUT_MS = 20_000;
const ERROR_ID = /\d+_\d+_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

interface Fault {
  faultCode?: string;
  message?: string;
  vismaErrorId?: string;
}

/**
 * Visma's error body: {"ExceptionType", "ExceptionMessage", "ExceptionFaultCode", "ExceptionMessageID",
 * "ExceptionDetails"}; anything else is tolerated. The GUID of "12002_12002_<guid>" is a per-request
 * error id (visma-facts.md), kept apart from the words so nobody takes it for a company.
 */
export function parseFault(text: string): Fault {
  let body: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return {};
    body = parsed as Record<string, unknown>;
  } catch {
    return {};
  }
  const words = typeof body.ExceptionMessage === 'string' ? body.ExceptionMessage : typeof body.Message === 'string' ? body.Message : undefined;
  const details = typeof body.ExceptionDetails === 'string' && body.ExceptionDetails.trim() ? body.ExceptionDetails.trim() : undefined;
  const idSource = [body.ExceptionMessageID, words].find((v): v is string => typeof v === 'string' && ERROR_ID.test(v));
  const vismaErrorId = idSource ? ERROR_ID.exec(idSource)![1]!.toLowerCase() : undefined;
  const message = words && details && !words.includes(details) ? `${words} (${details})` : (words ?? details);
  return {
    ...(body.ExceptionFaultCode !== undefined && body.ExceptionFaultCode !== null ? { faultCode: String(body.ExceptionFaultCode).slice(0, 32) } : {}),
    ...(message ? { message } : {}),
    ...(vismaErrorId ? { vismaErrorId } : {}),
  };
}

/** "Visma error id <guid>" wherever such an id is shown: for Visma's support, not a company id. */
export const labelErrorId = (message: string, id: string | undefined): string =>
  id ? `${message.replace(new RegExp(`\\s*\\(?\\d+_\\d+_${id}\\)?`, 'i'), '')} (Visma error id ${id})` : message;

/** GET <apiBaseUrl><verifyPath> with the token: the one call that proves a connection works. */
export async function callVerifyEndpoint(environment: Environment, accessToken: string, fetchImpl: typeof fetch = fetch): Promise<ErpAnswer> {
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(`${environment.apiBaseUrl.replace(/\/$/, '')}${environment.verifyPath}`, {
      headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    text = await readCappedText(response, BODY_CAPS.erp);
  } catch (error) {
    if (error instanceof ResponseTooLarge) return { ok: false, kind: 'server-error', message: error.message };
    if (isNetworkError(error)) {
      const timedOut = (error as { name?: string }).name === 'TimeoutError';
      return { ok: false, kind: 'network-error', message: timedOut ? `No answer within ${TIMEOUT_MS / 1000} seconds.` : 'The connection failed.' };
    }
    throw error;
  }
  const rateLimit = rateLimitOf(response);
  if (response.ok) return { ok: true, status: response.status, ...(rateLimit ? { rateLimit } : {}) };
  const fault = parseFault(text);
  const base = {
    status: response.status,
    ...(fault.faultCode ? { faultCode: fault.faultCode } : {}),
    ...(fault.vismaErrorId ? { vismaErrorId: fault.vismaErrorId } : {}),
    ...(rateLimit ? { rateLimit } : {}),
  };
  const message = redact(labelErrorId(fault.message ?? `HTTP ${response.status}`, fault.vismaErrorId), { accessToken });
  if (response.status === 429) return { ok: false, kind: 'rate-limited', ...base, message };
  if (fault.faultCode === '12002' || /ipp-company-id/i.test(text)) return { ok: false, kind: 'legacy-token', ...base, message };
  if (fault.faultCode === '12027' || /no license for this company/i.test(text)) return { ok: false, kind: 'no-license', ...base, message };
  if (response.status === 401) return { ok: false, kind: 'unauthorized', ...base, message };
  if (response.status >= 500) return { ok: false, kind: 'server-error', ...base, message };
  return { ok: false, kind: 'unexpected', ...base, message };
}
