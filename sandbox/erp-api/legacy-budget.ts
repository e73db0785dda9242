const HOUR_MS = 3600 * 1000;

/**
 * The throttle on the old base URL (visma-facts: since 1 February 2026, 500 calls per hour per app,
 * then HTTP 429): calls per client in an hour that starts with the client's first call (Visma does
 * not say whether its hour is the clock's; this way a 429's Retry-After does not depend on the
 * minute a test runs). Answers carry Visma's rate limit headers.
 */
export function createLegacyBudget(callsPerHour: number, now: () => number) {
  const windows = new Map<string, { startedAt: number; used: number }>();
  return {
    /** Counts one call of the client; returns the 429 to send when its budget for this hour is gone. */
    spend(clientId: string): { body: unknown; headers: Record<string, string> } | null {
      let window = windows.get(clientId);
      if (!window || now() - window.startedAt >= HOUR_MS) windows.set(clientId, (window = { startedAt: now(), used: 0 }));
      window.used++;
      if (window.used <= callsPerHour) return null;
      const resetSeconds = Math.max(1, Math.ceil((window.startedAt + HOUR_MS - now()) / 1000));
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
