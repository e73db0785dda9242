import { API_METHODS, type BridgekeeperClient } from './api';
import type { ApiBridge, FileMethod } from './api-bridge';
import type { Message } from './i18n/message';

/** The API as the renderer calls it: a dropped log goes as its File (the preload finds its path). */
export type RendererApi = Omit<BridgekeeperClient, FileMethod> & {
  [K in FileMethod]: (file: File) => ReturnType<BridgekeeperClient[K]>;
};

/** A failed call, as the renderer sees it: the words for the person and the code to branch on. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Main's words from the catalog, when it sent them: show these in the reader's language. */
    readonly words?: Message,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * window.bridgekeeper as the renderer uses it, built in the main world over the bridge the
 * preload exposed: a result that failed becomes an ApiError thrown here, on this side of
 * contextBridge, so its code survives.
 */
export function createApiClient(bridge: ApiBridge): RendererApi {
  const client: Record<string, unknown> = { onEvent: bridge.onEvent };
  for (const method of API_METHODS) {
    client[method] = async (...given: unknown[]) => {
      // An optional argument left undefined is not sent: it would cross IPC as undefined and JSON as null, and fail the method's schema either way.
      const args = given.slice(0, given.findLastIndex((arg) => arg !== undefined) + 1);
      const result = await (bridge[method] as (...a: unknown[]) => Promise<Awaited<ReturnType<ApiBridge[typeof method]>>>)(...args);
      if (result.ok) return result.value;
      throw new ApiError(result.error.code, result.error.message, result.error.words);
    };
  }
  return client as unknown as RendererApi;
}
