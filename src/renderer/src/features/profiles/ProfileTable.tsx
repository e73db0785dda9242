import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type MouseEvent, type Ref, memo, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Translator } from '../../../../shared/i18n/translator';
import type { Profile } from '../../../../shared/profile';
import { STATUS_KEYS, StatusBadge } from '../../components/StatusBadge';
import { needsDetails } from '../../../../shared/missing-details';
import { useI18n } from '../../i18n/I18nProvider';
import { gridMoveTarget } from '../../components/grid-keys';
import { ColumnResizer } from './ColumnResizer';
import { type ColumnNeed, type ColumnSpec, type ColumnWidths, columnTemplate, loadColumnWidths, saveColumnWidths, textMeasurer } from './column-widths';
import { focusWithRing } from '../../components/focus';
import type { ConnectionLabel } from './connection-label';
import type { Sort, SortKey } from './profile-query';
import { type Selection, selectRange, toggle } from './selection';

const ROW_HEIGHT = 44;
/** A time in the reader's locale, or a dash for never. */
export const timeText = ({ t, date }: Pick<Translator, 't' | 'date'>, iso: string | undefined): string => (iso ? date(iso) : t('profiles.never'));

/** A profile's status in words, with its reason when it has one (stored reasons without words show as they were written). */
export function statusText({ t, text }: Pick<Translator, 't' | 'text'>, p: Profile): string {
  const status = t(STATUS_KEYS[p.status]);
  if (!p.statusReason) return status;
  return t('profiles.status.with-reason', { status, reason: p.statusReason.words ? text(p.statusReason.words) : p.statusReason.message });
}
export const ROW_MENU_ID = 'profile-row-menu';

/**
 * Each column is as wide as its content (column-widths.ts): the short ones (direction, status, a
 * date) whole, the long ones sharing what is left, none below its minimum, so the list fits 1024 px
 * without sideways scrolling. A width the person drags is kept, and remembered.
 */
const COLUMNS: ColumnSpec[] = [
  { key: 'name', min: 120 },
  { key: 'direction', min: 56, whole: true },
  { key: 'companyId', min: 100 },
  { key: 'apiUser', min: 100 },
  { key: 'environmentId', min: 90 },
  { key: 'status', min: 110, whole: true },
  { key: 'lastVerifiedAt', min: 90, whole: true },
];
/** The check box and menu columns, the gaps between the nine columns, the row's padding and the grid's border. */
const FIXED_WIDTH = 32 + 40 + 8 * 8 + 16 + 2;
/** Enough rows to know the columns' widths; a list of 10,000 is not measured whole on every change. */
const MEASURED_ROWS = 2000;

/** What the rest of the panel may ask of the table: focus a profile's row (after a dialog about it closes). */
export interface ProfileTableHandle {
  focusProfile(profileId: string | undefined): boolean;
}

interface ProfileTableProps {
  profiles: readonly Profile[];
  connectionLabel(profile: Profile): ConnectionLabel;
  sort: Sort;
  onSort(key: SortKey): void;
  selected: Selection;
  onSelect(selected: Selection): void;
  onOpen(profile: Profile): void;
  onDelete(profiles: Profile[]): void;
  /** The row menu's button was pressed: the menu (one for the whole table) shows that profile's actions. */
  onMenu(profile: Profile): void;
  /** What the table says when no row is shown. */
  empty: React.ReactNode;
  handle?: Ref<ProfileTableHandle>;
}

/**
 * Only the rows in view exist in the DOM, so 10,000 profiles scroll like 10.
 * The grid is one tab stop: arrows, Page Up/Down, Home and End move the active row, Space
 * selects it, Shift+arrows extend the selection, Ctrl+A selects every row shown, Escape
 * clears; Enter opens the active row's details, Delete asks to delete the selection.
 */
export function ProfileTable({ profiles, connectionLabel, sort, onSort, selected, onSelect, onOpen, onDelete, onMenu, empty, handle }: ProfileTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const translator = useI18n();
  const { t } = translator;
  const [active, setActive] = useState(0);
  const [anchor, setAnchor] = useState(0);
  const [widths, setWidths] = useState<ColumnWidths>(loadColumnWidths);
  const resize = (key: SortKey, width: number | undefined) =>
    setWidths((current) => {
      const next: ColumnWidths = Object.fromEntries(Object.entries(current).filter(([k]) => k !== key));
      if (width !== undefined) next[key] = width;
      saveColumnWidths(next);
      return next;
    });
  const [room, setRoom] = useState(0);
  const [fontFamily, setFontFamily] = useState('system-ui');
  useLayoutEffect(() => {
    const grid = gridRef.current!;
    setFontFamily(getComputedStyle(grid).fontFamily);
    const observer = new ResizeObserver(() => setRoom(grid.clientWidth));
    observer.observe(grid);
    setRoom(grid.clientWidth);
    return () => observer.disconnect();
  }, []);
  const measure = useMemo(textMeasurer, []);
  const needs = useMemo(
    () => columnNeeds(profiles.slice(0, MEASURED_ROWS), sort.key, translator, connectionLabel, measure, fontFamily),
    [profiles, sort.key, translator, connectionLabel, measure, fontFamily],
  );
  const virtualizer = useVirtualizer({
    count: profiles.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    initialRect: { width: 1200, height: 600 },
  });

  useEffect(() => {
    if (active >= profiles.length) setActive(Math.max(0, profiles.length - 1));
  }, [active, profiles.length]);

  const selectedShown = profiles.filter((p) => selected.has(p.id));

  const onKeyDown = (event: KeyboardEvent) => {
    // Keys pressed on a header button or a resizer are theirs, not the grid's.
    if (event.target !== event.currentTarget) return;
    const target = gridMoveTarget(event.key, active, profiles.length, scrollRef.current, ROW_HEIGHT);
    if (target !== null) {
      event.preventDefault();
      setActive(target);
      virtualizer.scrollToIndex(target);
      if (event.shiftKey) onSelect(selectRange(profiles, anchor, target, new Set()));
      else setAnchor(target);
      return;
    }
    const profile = profiles[active];
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      onSelect(new Set(profiles.map((p) => p.id)));
    } else if (event.key === 'Escape' && selected.size > 0) {
      event.preventDefault();
      onSelect(new Set());
    } else if (!profile) {
      return;
    } else if (event.key === ' ') {
      event.preventDefault();
      onSelect(toggle(selected, profile.id));
      setAnchor(active);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(profile);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      onDelete(selectedShown.length > 0 ? selectedShown : [profile]);
    }
  };

  // The rows' handlers read the latest state from here, so they stay the same functions and the
  // memoized rows are not rendered again on every keystroke in the search.
  const latest = useRef({ profiles, selected, anchor, onSelect });
  useLayoutEffect(() => {
    latest.current = { profiles, selected, anchor, onSelect };
  });

  /** Click selects the row alone; Ctrl/⌘-click adds or removes it; Shift-click selects from the last clicked row. */
  const onRowClick = useCallback((index: number, event: MouseEvent) => {
    const { profiles, selected, anchor, onSelect } = latest.current;
    setActive(index);
    if (event.shiftKey) {
      onSelect(selectRange(profiles, anchor, index, event.ctrlKey || event.metaKey ? selected : new Set()));
      return;
    }
    setAnchor(index);
    onSelect(event.ctrlKey || event.metaKey ? toggle(selected, profiles[index]!.id) : new Set([profiles[index]!.id]));
  }, []);

  /** The checkbox is for the mouse: it adds or removes its row and leaves the others be. */
  const onCheck = useCallback((index: number, shift: boolean) => {
    const { profiles, selected, anchor, onSelect } = latest.current;
    setActive(index);
    if (shift) onSelect(selectRange(profiles, anchor, index, selected));
    else {
      setAnchor(index);
      onSelect(toggle(selected, profiles[index]!.id));
    }
  }, []);

  const allChecked = profiles.length > 0 && selectedShown.length === profiles.length;
  const template = ['32px', ...columnTemplate(needs, Math.max(room - FIXED_WIDTH, 0), widths), '40px'].join(' ');
  const activeProfile = profiles[active];

  useImperativeHandle(
    handle,
    () => ({
      focusProfile(profileId) {
        const index = profileId === undefined ? -1 : profiles.findIndex((p) => p.id === profileId);
        if (index >= 0) {
          setActive(index);
          setAnchor(index);
          virtualizer.scrollToIndex(index);
        }
        if (!gridRef.current?.checkVisibility()) return false;
        focusWithRing(gridRef.current);
        return true;
      },
    }),
    [profiles, virtualizer],
  );

  return (
    <div className="profile-table-wrap" style={{ '--profile-columns': template } as React.CSSProperties}>
      <div
        ref={gridRef}
        className="profile-table"
        role="grid"
        aria-label={t('profiles.grid')}
        aria-rowcount={profiles.length + 1}
        aria-multiselectable="true"
        aria-readonly="true"
        tabIndex={0}
        aria-activedescendant={activeProfile ? `profile-row-${active}` : undefined}
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="profile-row profile-head">
            <div role="columnheader" className="cell-check">
              <input
                type="checkbox"
                aria-label={t('profiles.select-all')}
                checked={allChecked}
                ref={(box) => {
                  if (box) box.indeterminate = selectedShown.length > 0 && !allChecked;
                }}
                disabled={profiles.length === 0}
                onChange={() => onSelect(allChecked ? new Set() : new Set(profiles.map((p) => p.id)))}
              />
            </div>
            {COLUMNS.map((column) => (
              <div
                key={column.key}
                role="columnheader"
                className="column-head"
                aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
              >
                <button
                  type="button"
                  id={`profile-column-${column.key}`}
                  className="sort-button"
                  onClick={() => onSort(column.key)}
                  title={column.key === 'status' ? t('profiles.sort-status') : undefined}
                >
                  {t(`profiles.col.${column.key}`)}
                  <span aria-hidden="true">{sort.key === column.key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                </button>
                <ColumnResizer
                  headerId={`profile-column-${column.key}`}
                  min={column.min}
                  width={widths[column.key]}
                  onResize={(width) => resize(column.key, width)}
                />
              </div>
            ))}
            <div role="columnheader">
              <span className="visually-hidden">{t('profiles.col.actions')}</span>
            </div>
          </div>
        </div>
        <div ref={scrollRef} role="rowgroup" className="profile-body">
          {profiles.length === 0 ? (
            <div className="empty" role="presentation">
              {empty}
            </div>
          ) : (
            <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const p = profiles[item.index]!;
                return (
                  <ProfileRow
                    key={p.id}
                    profile={p}
                    index={item.index}
                    top={item.start}
                    active={item.index === active}
                    selected={selected.has(p.id)}
                    connection={connectionLabel(p)}
                    onRowClick={onRowClick}
                    onCheck={onCheck}
                    onOpen={onOpen}
                    onMenu={onMenu}
                  />
                );
              })}
            </div>
          )}
        </div>
      </div>
      {activeProfile && <RowReadout profile={activeProfile} connection={connectionLabel(activeProfile)} />}
    </div>
  );
}

/** While the grid has focus, the active row in full: nothing a narrow column cuts is out of reach by keyboard. */
function RowReadout({ profile: p, connection }: { profile: Profile; connection: ConnectionLabel }) {
  const translator = useI18n();
  const { t } = translator;
  const parts = [
    `${p.name} (${p.id})`,
    t(`profiles.direction.${p.direction}.long`),
    `${p.companyName ? `${p.companyName} ` : ''}${p.companyId}`,
    p.apiUser,
    connection.notSetUp ? `${connection.text} — ${connection.notSetUp}` : connection.text,
    statusText(translator, p),
    t('profiles.last-verified', { time: timeText(translator, p.lastVerifiedAt) }),
  ];
  return (
    <p className="row-readout" aria-hidden="true">
      {parts.join(' · ')}
    </p>
  );
}

interface ProfileRowProps {
  profile: Profile;
  index: number;
  top: number;
  active: boolean;
  selected: boolean;
  connection: ConnectionLabel;
  onRowClick(index: number, event: MouseEvent): void;
  onCheck(index: number, shift: boolean): void;
  onOpen(profile: Profile): void;
  onMenu(profile: Profile): void;
}

/** Memoized: while typing in the search, rows that stay on screen are not rendered again. */
const ProfileRow = memo(function ProfileRow({ profile: p, index, top, active, selected, connection, onRowClick, onCheck, onOpen, onMenu }: ProfileRowProps) {
  const company = p.companyName ? `${p.companyId} — ${p.companyName}` : p.companyId;
  const translator = useI18n();
  const { t } = translator;
  const verified = timeText(translator, p.lastVerifiedAt);
  return (
    <div
      id={`profile-row-${index}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-profile-id={p.id}
      className={['profile-row', active && 'active', selected && 'selected'].filter(Boolean).join(' ')}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={(event) => {
        // The checkbox and the menu button do their own thing.
        if ((event.target as HTMLElement).closest('input, button')) return;
        onRowClick(index, event);
      }}
      onDoubleClick={(event) => {
        if (!(event.target as HTMLElement).closest('input, button')) onOpen(p);
      }}
    >
      <div role="gridcell" className="cell-check">
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={t('profiles.select-one', { name: p.name })}
          checked={selected}
          onChange={() => undefined}
          onClick={(event) => onCheck(index, event.shiftKey)}
        />
      </div>
      <div role="gridcell" className="cell-two" title={`${p.name}\n${p.id}`}>
        <span className="name">{p.name}</span>
        <span className="sub">{p.id}</span>
      </div>
      <div role="gridcell" title={t(`profiles.direction.${p.direction}.long`)}>
        {t(`profiles.direction.${p.direction}`)}
      </div>
      <div role="gridcell" className="cell-two" title={company}>
        <span>{p.companyId}</span>
        {needsDetails(p) ? <span className="sub setup-flag">{t('profiles.needs-company')}</span> : <span className="sub">{p.companyName}</span>}
      </div>
      <div role="gridcell" title={p.apiUser}>
        {p.apiUser}
      </div>
      <div role="gridcell" className="cell-two" title={connection.notSetUp ? `${connection.text}: ${connection.notSetUp}` : connection.text}>
        <span>{connection.text}</span>
        {connection.notSetUp && <span className="sub setup-flag">{t('profiles.not-set-up')}</span>}
      </div>
      <div role="gridcell" title={statusText(translator, p)}>
        <StatusBadge status={p.status} />
      </div>
      <div role="gridcell" title={verified}>
        {verified}
      </div>
      <div role="gridcell" className="cell-menu">
        <button
          type="button"
          tabIndex={-1}
          className="row-menu-button"
          popoverTarget={ROW_MENU_ID}
          aria-label={t('profiles.actions-for', { name: p.name })}
          onClick={() => onMenu(p)}
        >
          ⋯
        </button>
      </div>
    </div>
  );
});

/** What each column needs for its longest value (of the rows measured) and its header, in the grid's font. */
function columnNeeds(
  profiles: readonly Profile[],
  sortedBy: SortKey,
  translator: Translator,
  connectionLabel: (profile: Profile) => ConnectionLabel,
  measure: (text: string, font: string) => number,
  family: string,
): ColumnNeed[] {
  const { t } = translator;
  const body = `400 14px ${family}`;
  const sub = `400 12px ${family}`;
  const subBold = `600 12px ${family}`;
  const most = (texts: Iterable<string>, font: string) => {
    let width = 0;
    for (const text of texts) width = Math.max(width, measure(text, font));
    return width;
  };
  const each = <T,>(pick: (p: Profile) => T) => profiles.map(pick);
  const content: Record<SortKey, number> = {
    name: Math.max(most(each((p) => p.name), body), most(each((p) => p.id), sub)),
    direction: Math.max(measure(t('profiles.direction.import'), body), measure(t('profiles.direction.export'), body)),
    companyId: Math.max(
      most(each((p) => p.companyId), body),
      most(each((p) => (needsDetails(p) ? '' : p.companyName)), sub),
      profiles.some(needsDetails) ? measure(t('profiles.needs-company'), subBold) : 0,
    ),
    apiUser: most(each((p) => p.apiUser), body),
    environmentId: Math.max(
      most(new Set(each((p) => connectionLabel(p).text)), body),
      profiles.some((p) => connectionLabel(p).notSetUp) ? measure(t('profiles.not-set-up'), subBold) : 0,
    ),
    // The badge: the longest status word (any of them, so the column does not move when a status changes) and its padding.
    status: most(Object.values(STATUS_KEYS).map((key) => t(key)), subBold) + 18,
    lastVerifiedAt: most(new Set(each((p) => timeText(translator, p.lastVerifiedAt))), body),
  };
  return COLUMNS.map(({ key, min, whole }) => {
    // The header: its word, the sort arrow if it sorts the list, and the resize handle.
    const header = measure(t(`profiles.col.${key}`), `600 14px ${family}`) + (key === sortedBy ? measure(' ▲', body) : 0) + 6;
    return { key, min, whole, natural: Math.ceil(Math.max(header, content[key]) + 4) };
  });
}
