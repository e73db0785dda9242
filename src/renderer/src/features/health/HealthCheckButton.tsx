import { useState } from 'react';
import type { HealthCheckSummary } from '../../../../shared/health';
import { api, messageOf } from '../../api';
import { useAppStore } from '../../state/app-store';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function describeSummary(s: HealthCheckSummary): string {
  const parts = [
    s.connected && `${s.connected} connected`,
    s.expiring && `${s.expiring} expiring`,
    s.needsReauth && `${s.needsReauth} need reauthentication`,
    s.error && `${plural(s.error, 'error')} (network or Visma; not a reason to reconnect)`,
    s.skipped && `${s.skipped} never connected`,
  ].filter(Boolean);
  const head = s.cancelled ? `Health check cancelled after ${plural(s.checked, 'profile')}` : `Checked ${plural(s.checked, 'profile')} in ${(s.durationMs / 1000).toFixed(1)} s`;
  const portal = s.portal
    ? ` ${plural(s.portal, 'portal profile')} left alone: DataBridge holds ${s.portal === 1 ? 'its' : 'their'} connection and checks it itself — open its job log or run its job.`
    : '';
  return `${head}: ${parts.join(', ') || 'nothing to check'}.${portal}`;
}

/** F9: one health check at a time, for the list shown or for the selected profiles. */
export function useHealthCheck(onDone: (message: string, error?: boolean) => void) {
  const health = useAppStore((s) => s.health);
  const [starting, setStarting] = useState(false);
  const run = async (profileIds: string[] | null) => {
    setStarting(true);
    try {
      onDone(describeSummary(await api.runHealthCheck(profileIds)));
    } catch (error) {
      onDone(messageOf(error), true);
    } finally {
      setStarting(false);
    }
  };
  return { running: starting || health?.running === true, run };
}

/**
 * The toolbar's button: "Check health" becomes "Cancel check" in the same place and width (both
 * labels lie in one grid cell, the other one hidden), so the toolbar does not move while a check
 * runs; the progress shows in the status line.
 */
export function HealthCheckButton({ running, onRun }: { running: boolean; onRun(): void }) {
  return (
    <button
      type="button"
      onClick={running ? () => void api.cancelHealthCheck() : onRun}
      aria-label={running ? 'Cancel check' : 'Check health'}
      title={running ? undefined : 'Ask the Visma.net API about every profile shown'}
    >
      <span className="same-width">
        <span className={running ? undefined : 'ghost'}>Cancel check</span>
        <span className={running ? 'ghost' : undefined}>Check health</span>
      </span>
    </button>
  );
}

/** "Checking 12 of 40…" with its bar; main counts from the first moment, so it never says "0 of 0". */
export function HealthProgress({ running }: { running: boolean }) {
  const health = useAppStore((s) => s.health);
  if (!running) return null;
  const counted = health?.running === true;
  return (
    <span className="health-progress">
      <progress max={counted ? Math.max(health.total, 1) : 1} value={counted ? health.done : 0} aria-label="Health check progress" />
      <span aria-live="polite">
        {!counted
          ? 'Starting the health check…'
          : health.waitingUntil
            ? `Checked ${health.done} of ${health.total}; Visma asked to slow down (HTTP 429), waiting until ${new Date(health.waitingUntil).toLocaleTimeString()}…`
            : `Checking ${health.done} of ${health.total}…`}
      </span>
    </span>
  );
}
