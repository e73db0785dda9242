/** How often, and how long between, the client tries a call that failed for a passing reason. */
export interface RetryPolicy {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** Wait before the second attempt; doubled for each further one. */
  firstDelayMs: number;
  /** A Retry-After longer than this is not waited out: the call fails and says how long Severa asked for. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, firstDelayMs: 1000, maxRetryAfterMs: 60_000 };

/** Statuses worth another try: rate limits and the server's own failures. */
export const isRetryableStatus = (status: number): boolean => status === 429 || status === 502 || status === 503 || status === 504 || status === 500;

/** Retry-After as seconds ("120") or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The wait before attempt number `attempt + 1` (attempt counts from 1): exponential, no jitter (one client, one user). */
export const backoffMs = (policy: RetryPolicy, attempt: number): number => policy.firstDelayMs * 2 ** (attempt - 1);
