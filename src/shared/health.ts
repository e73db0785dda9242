/** How a health check went: the counts a person reads at the end. */
export interface HealthCheckSummary {
  /** Profiles chosen. */
  total: number;
  /** Profiles asked about (all chosen, less the never-connected and any a cancel left). */
  checked: number;
  connected: number;
  expiring: number;
  needsReauth: number;
  error: number;
  /** Never connected: nothing to check. */
  skipped: number;
  /** Portal profiles: their connection is the portal's to check (its job log, or a job run), not Bridgekeeper's. */
  portal: number;
  /** Of those, the ones whose last reconnect nothing confirmed. */
  unconfirmed: number;
  cancelled: boolean;
  durationMs: number;
}
