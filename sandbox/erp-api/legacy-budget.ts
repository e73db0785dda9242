const HOUR_MS = 3600 * 1000;

/**
 * The throttle on the old base URL (visma-facts: since 1 February 2026, 500 calls per hour per app,
 * then HTTP 429): calls per client in the current clock hour. Answers carry Visma's rate limit headers.
 */
export function createLegacyBudget(callsPerHour: number, now: () => number) {
  let hour = -1;
  const spent = new Map<string, number>();
  return {
    /** Counts one call of the client; returns the 429 to send when its budget for this hour is gone. */
    spend(clientId: string): { body: unknown; headers: Record<string, string> } | null {
      const current = Math.floor(now() / HOUR_MS);
      if (current !== hour) {
        hour = current;
        spent.clear();
      }
      const used = (spent.get(clientId) ?? 0) + 1;
      spent.set(clientId, used);
      if (used <= callsPerHour) return null;
      const resetSeconds = Math.max(1, Math.ceil(((current + 1) * HOUR_MS - now()) / 1000));
      return {
        body: {
          Message: `API calls quota exceeded! maximum admitted ${callsPerHour} per 1h. integration.visma.net/API is being replaced by https://api.finance.visma.net: change the base URL.`,
        },
        headers: {
          'Retry-After': String(resetSeconds),
          'X-RateLimit-Limit': String(callsPerHour),
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String(resetSeconds),
        },
      };
    },
  };
}
