import type { ApiEvent, ApiMethod, BridgekeeperClient } from './api';
import type { ApiResult } from './api-result';

type Invoke = (method: ApiMethod, args: unknown[]) => Promise<ApiResult<unknown>>;
type Subscribe = (deliver: (event: ApiEvent) => void) => void;

/**
 * Builds window.bridgekeeper from a transport: ipcRenderer in preload, a Playwright binding in tests.
 * Self-contained on purpose (no imports at run time, no outer variables): the E2E harness
 * injects this very function's source into the page, so both sides run the same code.
 */
export function createApiClient(methods: readonly ApiMethod[], invoke: Invoke, subscribe: Subscribe): BridgekeeperClient {
  const listeners = new Set<(event: ApiEvent) => void>();
  subscribe((event) => {
    for (const listener of listeners) listener(event);
  });
  const client: Record<string, unknown> = {
    onEvent(listener: (event: ApiEvent) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  for (const method of methods) {
    client[method] = async (...args: unknown[]) => {
      const result = await invoke(method, args);
      if (result.ok) return result.value;
      const error = new Error(result.error.message);
      error.name = 'ApiError';
      Object.assign(error, { code: result.error.code });
      throw error;
    };
  }
  return client as unknown as BridgekeeperClient;
}
