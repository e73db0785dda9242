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
  cancelled: boolean;
  durationMs: number;
}
