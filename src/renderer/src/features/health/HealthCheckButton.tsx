import { useState } from 'react';
import type { HealthCheckSummary } from '../../../../shared/health';
import { api } from '../../api';
import { type Words, errorWords, useI18n } from '../../i18n/I18nProvider';
import type { Translator } from '../../../../shared/i18n/translator';
import { useAppStore } from '../../state/app-store';

/** How a health check went, in the reader's words: the counts that are not zero, and what the portal profiles need. */
export function describeSummary(s: HealthCheckSummary, { t, number }: Pick<Translator, 't' | 'number'>): string {
  const parts = [
    s.connected && t('health.summary.connected', { count: s.connected }),
    s.expiring && t('health.summary.expiring', { count: s.expiring }),
    s.needsReauth && t('health.summary.needs-reauth', { count: s.needsReauth }),
    s.error && t('health.summary.error', { count: s.error }),
    s.skipped && t('health.summary.skipped', { count: s.skipped }),
  ].filter(Boolean);
  const seconds = number(s.durationMs / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const head = s.cancelled ? t('health.summary.cancelled', { count: s.checked }) : t('health.summary.checked', { count: s.checked, seconds });
  const line = t('health.summary.line', { head, parts: parts.join(', ') || t('health.summary.nothing') });
  const portal = s.portal ? ` ${t('health.summary.portal', { count: s.portal })}` : '';
  const unconfirmed = s.unconfirmed ? ` ${t('health.summary.unconfirmed', { count: s.unconfirmed })}` : '';
  return `${line}${portal}${unconfirmed}`;
}

/** F9: one health check at a time, for the list shown or for the selected profiles. */
export function useHealthCheck(onDone: (words: Words, error?: boolean) => void) {
  const health = useAppStore((s) => s.health);
  const [starting, setStarting] = useState(false);
  const run = async (profileIds: string[] | null) => {
    setStarting(true);
    try {
      const summary = await api.runHealthCheck(profileIds);
      onDone((translator) => describeSummary(summary, translator));
    } catch (error) {
      onDone(errorWords(error), true);
    } finally {
      setStarting(false);
    }
  };
  return { running: starting || health?.running === true, run };
}

/**
 * The toolbar's button: "Check health" becomes "Cancel check" in the same place and width (both
 * labels lie in one grid cell, the other one hidden), so the toolbar does not move while a check
 * runs; the progress shows in the status line. The second click of a double click, or a second
 * Enter, is not taken as "Cancel check" (components/turn-guard).
 */
export function HealthCheckButton({ running, onRun }: { running: boolean; onRun(): void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      data-menu-command="check-health"
      onClick={running ? () => void api.cancelHealthCheck() : onRun}
      aria-label={t(running ? 'health.button.cancel' : 'health.button.check')}
      title={running ? undefined : t('health.button.title')}
    >
      <span className="same-width">
        <span className={running ? undefined : 'ghost'}>{t('health.button.cancel')}</span>
        <span className={running ? 'ghost' : undefined}>{t('health.button.check')}</span>
      </span>
    </button>
  );
}

/** "Checking 12 of 40…" with its bar; main counts from the first moment, so it never says "0 of 0". */
export function HealthProgress({ running }: { running: boolean }) {
  const health = useAppStore((s) => s.health);
  const { t, date } = useI18n();
  if (!running) return null;
  const counted = health?.running === true;
  return (
    <span className="health-progress">
      <progress max={counted ? Math.max(health.total, 1) : 1} value={counted ? health.done : 0} aria-label={t('health.progress.label')} />
      <span aria-live="polite">
        {!counted
          ? t('health.progress.starting')
          : health.waitingUntil
            ? t('health.progress.waiting', { done: health.done, total: health.total, time: date(health.waitingUntil, { timeStyle: 'medium' }) })
            : t('health.progress.checking', { done: health.done, total: health.total })}
      </span>
    </span>
  );
}
