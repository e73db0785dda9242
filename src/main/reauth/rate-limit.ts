/**
 * Visma's rate limit headers (visma-facts.md): 429 with Retry-After, and X-RateLimit-Limit,
 * -Remaining, -Reset on answers. Read into one "not before" time.
 */
export interface RateLimit {
  /** Epoch ms before which the API should not be asked again. */
  notBefore: number;
  limit?: number;
  remaining?: number;
}

/** Longest wait any header can ask for; beyond it, the answer is "try again later", not a wait. */
export const MAX_RATE_LIMIT_WAIT_MS = 15 * 60 * 1000;
/** A 429 without a usable header waits this long. */
const DEFAULT_WAIT_MS = 30_000;

/** Retry-After: seconds or an HTTP date. */
function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** X-RateLimit-Reset: seconds until the window resets, or (a large number) the epoch second it resets. */
function resetMs(value: string | null, now: number): number | undefined {
  if (!value || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  const n = Number(value);
  return n > 1e9 ? Math.max(0, n * 1000 - now) : n * 1000;
}

const numberOf = (value: string | null) => (value !== null && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined);

/** The limit an answer states: always for a 429, and for any answer that used the last call of the window. */
export function rateLimitOf(response: Response, now = Date.now()): RateLimit | undefined {
  const headers = response.headers;
  const remaining = numberOf(headers.get('x-ratelimit-remaining'));
  const limit = numberOf(headers.get('x-ratelimit-limit'));
  const exhausted = response.status === 429 || remaining === 0;
  if (!exhausted) return undefined;
  const wait = retryAfterMs(headers.get('retry-after'), now) ?? resetMs(headers.get('x-ratelimit-reset'), now) ?? DEFAULT_WAIT_MS;
  return { notBefore: now + wait, ...(limit !== undefined ? { limit } : {}), ...(remaining !== undefined ? { remaining } : {}) };
}
