import { REASON_PRECEDENCE } from '../../../../shared/severa-check';
import type { SeveraReasonFilter, SeveraRunSummary } from '../../../../shared/severa-panel';
import { useSeveraWords } from './reasons';

interface ReasonSummaryProps {
  result: SeveraRunSummary;
  reason: SeveraReasonFilter;
  onReason(reason: SeveraReasonFilter): void;
}

/**
 * Counts per reason, each a toggle that filters the table to it; "Everyone" and "Cannot log in"
 * sum them up. Reasons nobody has are left out.
 */
export function ReasonSummary({ result, reason, onReason }: ReasonSummaryProps) {
  const words = useSeveraWords();
  const { summary, totals, entries } = result;
  const chip = (value: SeveraReasonFilter, label: string, n: number, tone: string) => (
    <li key={value}>
      <button
        type="button"
        className={`reason-chip tone-${tone}`}
        aria-pressed={reason === value}
        onClick={() => onReason(reason === value && value !== 'all' ? 'all' : value)}
      >
        <span className="chip-count">{words.count(n)}</span> <span className="chip-label">{label}</span>
      </button>
    </li>
  );
  return (
    <section className="reason-summary" aria-labelledby="reason-summary-title">
      <h3 id="reason-summary-title" className="visually-hidden">
        {words.t('severa.panel.summary.title')}
      </h3>
      <ul>
        {chip('all', words.t('severa.panel.summary.everyone'), entries, 'all')}
        {chip('failing', words.t('severa.panel.summary.failing'), totals.failing, totals.failing > 0 ? 'failing' : 'ok')}
        {REASON_PRECEDENCE.filter((code) => summary[code] > 0).map((code) => {
          const reason = words.reason(code);
          return chip(code, reason.label, summary[code], reason.tone);
        })}
      </ul>
    </section>
  );
}
