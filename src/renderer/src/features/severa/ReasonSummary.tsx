import { REASON_PRECEDENCE } from '../../../../shared/severa-check';
import type { SeveraReasonFilter, SeveraRunSummary } from '../../../../shared/severa-panel';
import { REASONS, count } from './reasons';

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
  const { summary, totals, entries } = result;
  const chip = (value: SeveraReasonFilter, label: string, n: number, tone: string) => (
    <li key={value}>
      <button
        type="button"
        className={`reason-chip tone-${tone}`}
        aria-pressed={reason === value}
        onClick={() => onReason(reason === value && value !== 'all' ? 'all' : value)}
      >
        <span className="chip-count">{count(n)}</span> <span className="chip-label">{label}</span>
      </button>
    </li>
  );
  return (
    <section className="reason-summary" aria-labelledby="reason-summary-title">
      <h3 id="reason-summary-title" className="visually-hidden">
        Summary per reason: choose one to show only those users
      </h3>
      <ul>
        {chip('all', 'Everyone', entries, 'all')}
        {chip('failing', 'Cannot log in', totals.failing, totals.failing > 0 ? 'failing' : 'ok')}
        {REASON_PRECEDENCE.filter((code) => summary[code] > 0).map((code) => chip(code, REASONS[code].label, summary[code], REASONS[code].tone))}
      </ul>
    </section>
  );
}
