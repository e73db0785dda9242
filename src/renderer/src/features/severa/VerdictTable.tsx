import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type ReactNode, memo, useCallback, useEffect, useRef, useState } from 'react';
import type { SeveraVerdictRow } from '../../../../shared/severa-panel';
import { EmailText } from './EmailText';
import { QuickResult } from './QuickCheck';
import { useSeveraWords } from './reasons';
import { PAGE_SIZE, pagesKey, useSeveraStore } from './severa-store';
import { ReasonBadge, VerdictDetails } from './VerdictDetails';
import { gridMoveTarget } from '../../components/grid-keys';

const ROW_HEIGHT = 52;
const COLUMNS = ['reason', 'azets', 'severa', 'why'] as const;

interface VerdictBrowserProps {
  runId: number;
  /** Shown above the selected entry's details (the quick check). */
  aside: ReactNode;
}

/**
 * The verdicts of one run under the panel's filter: a virtualized grid that fetches pages from
 * main as they scroll into view (100,000 entries never cross at once), and beside it the active
 * entry in full. The grid is one tab stop: arrows, Page Up/Down, Home and End move the active row.
 */
export function VerdictBrowser({ runId, aside }: VerdictBrowserProps) {
  const reason = useSeveraStore((s) => s.reason);
  const query = useSeveraStore((s) => s.query);
  const verdicts = useSeveraStore((s) => s.verdicts);
  const loadPage = useSeveraStore((s) => s.loadPage);
  const quick = useSeveraStore((s) => s.quick);
  const setQuick = useSeveraStore((s) => s.setQuick);
  const words = useSeveraWords();
  const { t } = words;
  const key = pagesKey(runId, reason, query);
  const current = verdicts.key === key ? verdicts : null;
  const total = current?.total ?? null;
  const rowAt = (index: number): SeveraVerdictRow | undefined => current?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

  const scrollRef = useRef<HTMLDivElement>(null);
  // The active row belongs to one filter: a new filter starts at the top.
  const [activeFor, setActiveFor] = useState({ key, index: 0 });
  const active = activeFor.key === key ? Math.min(activeFor.index, Math.max(0, (total ?? 1) - 1)) : 0;
  // Choosing a row shows its details in place of a quick check's answer.
  const setActive = useCallback(
    (index: number) => {
      setActiveFor({ key, index });
      setQuick(null);
    },
    [key, setQuick],
  );

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: { width: 900, height: 500 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    loadPage(runId, 0);
    virtualizer.scrollToOffset(0);
  }, [loadPage, runId, key, virtualizer]);

  useEffect(() => {
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) loadPage(runId, page);
  }, [loadPage, runId, key, first, last]);

  const onKeyDown = (event: KeyboardEvent) => {
    const target = gridMoveTarget(event.key, active, total ?? 0, scrollRef.current, ROW_HEIGHT);
    if (target !== null) {
      event.preventDefault();
      setActive(target);
      virtualizer.scrollToIndex(target);
    }
  };

  const selected = rowAt(active);

  return (
    <div className="results-body">
      <div
        className="verdict-table"
        role="grid"
        aria-label={t('severa.panel.table.label')}
        aria-rowcount={(total ?? 0) + 1}
        aria-readonly="true"
        aria-busy={total === null}
        tabIndex={0}
        aria-activedescendant={selected ? `verdict-row-${active}` : undefined}
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="verdict-row verdict-head">
            {COLUMNS.map((column) => (
              <div key={column} role="columnheader">
                {t('severa.panel.table.column', { column })}
              </div>
            ))}
          </div>
        </div>
        <div ref={scrollRef} role="rowgroup" className="verdict-body">
          {current?.error ? (
            <p className="empty form-error" role="presentation">
              {t('severa.panel.table.loadFailed', { error: words.say(current.error) })}
            </p>
          ) : total === 0 ? (
            <p className="empty" role="presentation">
              {t('severa.panel.table.noMatch')}
            </p>
          ) : (
            <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => (
                <VerdictRowView
                  key={item.index}
                  index={item.index}
                  row={rowAt(item.index)}
                  top={item.start}
                  active={item.index === active}
                  onActivate={setActive}
                  measure={virtualizer.measureElement}
                />
              ))}
            </div>
          )}
        </div>
      </div>
      <aside className="verdict-aside" aria-label={t('severa.panel.aside.label')}>
        {aside}
        <section className="aside-card" aria-labelledby="selected-title">
          <h3 id="selected-title">
            {quick ? t('severa.panel.quick.result') : selected ? t('severa.panel.aside.entry', { index: active + 1, total: total ?? 0 }) : t('severa.panel.aside.details')}
          </h3>
          <QuickResult />
          {!quick &&
            (selected ? <VerdictDetails verdict={selected} /> : <p className="hint">{total === 0 ? t('severa.panel.table.noMatch') : t('severa.panel.aside.choose')}</p>)}
        </section>
      </aside>
    </div>
  );
}

interface VerdictRowProps {
  index: number;
  row: SeveraVerdictRow | undefined;
  top: number;
  active: boolean;
  onActivate(index: number): void;
  /** Measures the row as drawn: an address wraps rather than being cut, so rows grow. */
  measure(element: HTMLElement | null): void;
}

const VerdictRowView = memo(function VerdictRowView({ index, row, top, active, onActivate, measure }: VerdictRowProps) {
  const words = useSeveraWords();
  const { t } = words;
  const style = { transform: `translateY(${top}px)`, minHeight: ROW_HEIGHT };
  if (!row) {
    return (
      <div id={`verdict-row-${index}`} ref={measure} data-index={index} role="row" aria-rowindex={index + 2} className="verdict-row loading" style={style}>
        <div role="gridcell" className="sub">
          {t('severa.panel.loading')}
        </div>
      </div>
    );
  }
  const { azets, severa } = row;
  const rowOf = (n: number | null) => (n === null ? null : t('severa.where.row', { row: n }));
  const why = words.all(row.detail);
  return (
    <div
      id={`verdict-row-${index}`}
      ref={measure}
      data-index={index}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      className={active ? 'verdict-row active' : 'verdict-row'}
      style={style}
      onClick={() => onActivate(index)}
    >
      <div role="gridcell">
        <ReasonBadge reason={row.reason} />
        {row.also.length > 0 && (
          <span className="sub also-count" title={t('severa.panel.table.alsoTitle', { reasons: words.list(row.also.map((reason) => words.reason(reason).label)) })}>
            {' '}
            {t('severa.panel.table.andMore', { count: row.also.length })}
          </span>
        )}
      </div>
      <div role="gridcell" className="cell-user">
        {azets ? <EmailText email={azets.email} /> : <span className="sub">—</span>}
        <span className="sub">{azets ? [azets.name, rowOf(azets.row)].filter(Boolean).join(' · ') : t('severa.panel.table.noAzetsUser')}</span>
      </div>
      <div role="gridcell" className="cell-user">
        {severa ? <EmailText email={severa.email} /> : <span className="sub">—</span>}
        <span className="sub">
          {severa
            ? [severa.name, rowOf(severa.row), severa.active === false ? t('severa.panel.activity', { active: 'no' }) : null].filter(Boolean).join(' · ')
            : t('severa.panel.table.noSeveraUser')}
        </span>
      </div>
      <div role="gridcell" className="cell-why" title={why}>
        {why}
      </div>
    </div>
  );
});
