import { ENDPOINTS, type Endpoint, pathPattern } from './endpoints';

export interface RequestCounts {
  /** Requests per endpoint name, every name present (0 when none came). */
  byEndpoint: Record<Endpoint, number>;
  /** Requests per "METHOD /path" (no query; login ids folded to :uid), e.g. "POST /connect/token". */
  byPath: Record<string, number>;
}

/** Counts what clients sent, faulted requests included; the sandbox's own calls are not counted. */
export function createRequestCounter() {
  let byEndpoint = new Map<Endpoint, number>();
  let byPath = new Map<string, number>();
  return {
    count(endpoint: Endpoint, method: string, pathname: string) {
      byEndpoint.set(endpoint, (byEndpoint.get(endpoint) ?? 0) + 1);
      const key = `${method} ${pathPattern(pathname)}`;
      byPath.set(key, (byPath.get(key) ?? 0) + 1);
    },
    counts: (): RequestCounts => ({
      byEndpoint: Object.fromEntries(ENDPOINTS.map((e) => [e, byEndpoint.get(e) ?? 0])) as Record<Endpoint, number>,
      byPath: Object.fromEntries(byPath),
    }),
    reset() {
      byEndpoint = new Map();
      byPath = new Map();
    },
  };
}
