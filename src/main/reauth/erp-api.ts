import type { Environment } from '../../shared/environment';
import { isNetworkError } from './oidc-client';

/** How the ERP API answered a light call with an access token, sorted for the status model. */
export type ErpAnswer =
  | { ok: true; status: number }
  | {
      ok: false;
      /** 12002 ipp-company-id, 12027 no license, 401, 5xx, no answer, or something else. */
      kind: 'legacy-token' | 'no-license' | 'unauthorized' | 'server-error' | 'network-error' | 'unexpected';
      status?: number;
      faultCode?: string;
      message: string;
    };

const TIMEOUT_MS = 20_000;

/** Visma's error body: {"ExceptionType", "ExceptionMessage", "ExceptionFaultCode"}; anything else is tolerated. */
function parseFault(text: string): { faultCode?: string; message?: string } {
  try {
    const body = JSON.parse(text) as { ExceptionFaultCode?: unknown; ExceptionMessage?: unknown; Message?: unknown };
    return {
      ...(body.ExceptionFaultCode !== undefined ? { faultCode: String(body.ExceptionFaultCode) } : {}),
      ...(typeof body.ExceptionMessage === 'string'
        ? { message: body.ExceptionMessage }
        : typeof body.Message === 'string'
          ? { message: body.Message }
          : {}),
    };
  } catch {
    return {};
  }
}

/** GET <apiBaseUrl><verifyPath> with the token: the one call that proves a connection works. */
export async function callVerifyEndpoint(environment: Environment, accessToken: string, fetchImpl: typeof fetch = fetch): Promise<ErpAnswer> {
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(`${environment.apiBaseUrl.replace(/\/$/, '')}${environment.verifyPath}`, {
      headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    if (isNetworkError(error)) {
      const timedOut = (error as { name?: string }).name === 'TimeoutError';
      return { ok: false, kind: 'network-error', message: timedOut ? `No answer within ${TIMEOUT_MS / 1000} seconds.` : 'The connection failed.' };
    }
    throw error;
  }
  if (response.ok) return { ok: true, status: response.status };
  const fault = parseFault(text);
  const base = { status: response.status, ...(fault.faultCode ? { faultCode: fault.faultCode } : {}) };
  const message = fault.message ?? `HTTP ${response.status}`;
  if (fault.faultCode === '12002' || /ipp-company-id/i.test(text)) return { ok: false, kind: 'legacy-token', ...base, message };
  if (fault.faultCode === '12027' || /no license for this company/i.test(text)) return { ok: false, kind: 'no-license', ...base, message };
  if (response.status === 401) return { ok: false, kind: 'unauthorized', ...base, message };
  if (response.status >= 500) return { ok: false, kind: 'server-error', ...base, message };
  return { ok: false, kind: 'unexpected', ...base, message };
}
