import type { RequestCounts } from '../faults/request-counter';
import type { AdminAction, AdminInput, ExpireTokensResult, FaultTarget, SandboxState } from './admin-contract';

/** Typed helper over the admin endpoint, for tests in this process or any other. */
export interface SandboxAdmin {
  /** Every request to `target` waits `ms` first, until changed; 0 removes the delay. */
  addLatency(target: FaultTarget, ms: number): Promise<void>;
  /** The next `count` requests to `target` are answered with `status` (5xx). */
  failNext(target: FaultTarget, count: number, status?: number): Promise<void>;
  /** The next `count` requests to `target` lose their connection without an answer. */
  dropConnections(target: FaultTarget, count?: number): Promise<void>;
  /** The next `count` requests get 429 with Retry-After: `retryAfterSeconds`. */
  throttle(target: FaultTarget, count: number, retryAfterSeconds: number): Promise<void>;
  clearFaults(): Promise<void>;
  /** The user's access tokens are refused from now on; refresh tokens and sessions are gone. */
  expireTokens(email: string): Promise<ExpireTokensResult>;
  grantApiUser(email: string, companyId: string): Promise<void>;
  removeApiUser(email: string, companyId: string): Promise<void>;
  deactivateUser(email: string): Promise<void>;
  activateUser(email: string): Promise<void>;
  /** For the client's next logins; with existingLogins, for refresh tokens already issued too. */
  setRefreshMode(clientId: string, mode: 'one-time' | 're-use', options?: { existingLogins?: boolean }): Promise<void>;
  requestCounts(): Promise<RequestCounts>;
  resetRequestCounts(): Promise<void>;
  state(): Promise<SandboxState>;
}

export class SandboxAdminError extends Error {
  override name = 'SandboxAdminError';
}

export function createSandboxAdmin(adminUrl: string): SandboxAdmin {
  const call = async <A extends AdminAction>(action: A, input: AdminInput<A>): Promise<Record<string, unknown>> => {
    const response = await fetch(`${adminUrl}/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new SandboxAdminError(String(body.error ?? `admin ${action} answered ${response.status}`));
    return body;
  };
  const read = async <T>(name: string): Promise<T> => {
    const response = await fetch(`${adminUrl}/${name}`);
    if (!response.ok) throw new SandboxAdminError(`admin ${name} answered ${response.status}`);
    return (await response.json()) as T;
  };

  return {
    addLatency: async (target, ms) => void (await call('latency', { target, ms })),
    failNext: async (target, count, status = 503) => void (await call('fail-next', { target, count, status })),
    dropConnections: async (target, count = 1) => void (await call('drop-next', { target, count })),
    throttle: async (target, count, retryAfterSeconds) => void (await call('throttle-next', { target, count, retryAfterSeconds })),
    clearFaults: async () => void (await call('clear-faults', {})),
    async expireTokens(email) {
      const { accessTokens, otherArtifacts } = await call('expire-tokens', { email });
      return { accessTokens: Number(accessTokens), otherArtifacts: Number(otherArtifacts) };
    },
    grantApiUser: async (email, companyId) => void (await call('api-user', { email, companyId, apiUser: true })),
    removeApiUser: async (email, companyId) => void (await call('api-user', { email, companyId, apiUser: false })),
    deactivateUser: async (email) => void (await call('user-active', { email, active: false })),
    activateUser: async (email) => void (await call('user-active', { email, active: true })),
    setRefreshMode: async (clientId, mode, options = {}) =>
      void (await call('refresh-mode', { clientId, mode, existingLogins: options.existingLogins ?? false })),
    requestCounts: () => read<RequestCounts>('requests'),
    resetRequestCounts: async () => void (await call('reset-counts', {})),
    state: () => read<SandboxState>('state'),
  };
}
