/**
 * contextBridge.exposeInMainWorld as the harness's page gets it: what the preload hands over is
 * copied, not shared. Arguments and results cross by structured clone, functions become proxies,
 * and an Error — thrown or a promise's rejection — arrives with its message only (Electron drops
 * its custom properties, `code` included). Without this the harness passed where the app failed.
 *
 * Self-contained (no imports, no outer variables): the harness injects its source into the page.
 */
export function exposeInMainWorldTwin(target: Record<string, unknown>, name: string, api: Record<string, unknown>): void {
  const copyError = (error: unknown): Error => new Error(error instanceof Error ? error.message : String(error));
  const cross = (value: unknown): unknown => {
    if (typeof value === 'function') {
      const fn = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        let result: unknown;
        try {
          result = fn(...args.map(cross));
        } catch (error) {
          throw copyError(error);
        }
        return cross(result);
      };
    }
    if (value instanceof Promise) return value.then(cross, (error: unknown) => Promise.reject(copyError(error)));
    if (value instanceof Error) return copyError(value);
    if (value instanceof Blob) return value; // a File crosses as itself (immutable), so webUtils can find its path
    if (value !== null && typeof value === 'object' && Object.values(value).some((v) => typeof v === 'function')) {
      return Object.freeze(Object.fromEntries(Object.entries(value).map(([key, v]) => [key, cross(v)])));
    }
    return structuredClone(value);
  };
  Object.defineProperty(target, name, { value: cross(api), enumerable: true });
}
