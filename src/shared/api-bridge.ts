import type { ApiEvent, ApiMethod, BridgekeeperApi } from './api';
import type { ApiResult } from './api-result';

/**
 * What crosses contextBridge: each method answers with a result, never a thrown error, because
 * contextBridge copies an Error's message and drops everything else (its `code` included).
 * The main world turns failed results back into errors (api-client.ts).
 */
export type ApiBridge = {
  [K in Exclude<ApiMethod, FileMethod>]: (...args: Parameters<BridgekeeperApi[K]>) => Promise<ApiResult<Awaited<ReturnType<BridgekeeperApi[K]>>>>;
} & {
  [K in FileMethod]: (file: File) => Promise<ApiResult<Awaited<ReturnType<BridgekeeperApi[K]>>>>;
} & {
  onEvent(listener: (event: ApiEvent) => void): () => void;
};

/** Methods whose path the page never names: it passes the dropped File, the preload finds where it is. */
export type FileMethod = 'explainDroppedLog';

type Invoke = (method: ApiMethod, args: unknown[]) => Promise<ApiResult<unknown>>;
type Subscribe = (deliver: (event: ApiEvent) => void) => void;
/** webUtils.getPathForFile in the preload: '' for a File made by script rather than dropped. */
type PathOf = (file: File) => string;

/**
 * Builds the bridge from a transport: ipcRenderer in preload, a Playwright binding in tests.
 * Self-contained on purpose (no imports at run time, no outer variables): the E2E harness
 * injects this very function's source into the page, so both sides run the same code.
 */
export function createApiBridge(methods: readonly ApiMethod[], invoke: Invoke, subscribe: Subscribe, pathOf: PathOf): ApiBridge {
  const fileMethods: readonly string[] = ['explainDroppedLog'] satisfies FileMethod[];
  const listeners = new Set<(event: ApiEvent) => void>();
  subscribe((event) => {
    for (const listener of listeners) listener(event);
  });
  const bridge: Record<string, unknown> = {
    onEvent(listener: (event: ApiEvent) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  for (const method of methods) {
    bridge[method] = async (...args: unknown[]) => {
      try {
        if (fileMethods.includes(method)) {
          const path = args[0] instanceof File ? pathOf(args[0]) : '';
          if (!path) return { ok: false, error: { code: 'no-file-path', message: 'Only a file dropped from disk can be opened this way.' } };
          return await invoke(method, [path]);
        }
        return await invoke(method, args);
      } catch (error) {
        // The transport itself failed (no handler, a closed window): still a result, never a throw.
        return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
      }
    };
  }
  return bridge as unknown as ApiBridge;
}
