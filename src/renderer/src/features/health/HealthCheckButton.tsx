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

/** F9: checks the profiles the list shows (all, or what the search and filter leave). */
export function HealthCheckButton({ profileIds, onDone }: { profileIds: string[] | null; onDone(message: string, error?: boolean): void }) {
  const health = useAppStore((s) => s.health);
  const [starting, setStarting] = useState(false);
  const running = starting || health?.running === true;

  const run = async () => {
    setStarting(true);
    try {
      onDone(describeSummary(await api.runHealthCheck(profileIds)));
    } catch (error) {
      onDone(messageOf(error), true);
    } finally {
      setStarting(false);
    }
  };

  if (!running) {
    return (
      <button type="button" onClick={() => void run()} title="Ask the Visma.net API about every profile shown">
        Check health
      </button>
    );
  }
  const done = health?.running ? health.done : 0;
  const total = health?.running ? health.total : 0;
  return (
    <span className="health-progress">
      <progress max={Math.max(total, 1)} value={done} aria-label="Health check progress" />
      <span aria-live="polite">
        {health?.running && health.waitingUntil
          ? `Checked ${done} of ${total}; Visma asked to slow down (HTTP 429), waiting until ${new Date(health.waitingUntil).toLocaleTimeString()}…`
          : `Checking ${done} of ${total}…`}
      </span>
      <button type="button" onClick={() => void api.cancelHealthCheck()}>
        Cancel check
      </button>
    </span>
  );
}
