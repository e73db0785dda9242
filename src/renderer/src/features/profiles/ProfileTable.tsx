import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, memo, useEffect, useRef, useState } from 'react';
import { DIRECTION_LABELS, type Profile } from '../../../../shared/profile';
import { StatusBadge } from '../../components/StatusBadge';
import { formatTime } from '../../components/files';
import { gridMoveTarget } from '../../components/grid-keys';
import type { Sort, SortKey } from './profile-query';

const ROW_HEIGHT = 44;

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'direction', label: 'Direction' },
  { key: 'companyId', label: 'Visma.net company' },
  { key: 'apiUser', label: 'API user' },
  { key: 'environmentId', label: 'Environment' },
  { key: 'status', label: 'Status' },
  { key: 'lastVerifiedAt', label: 'Last verified' },
];

interface ProfileTableProps {
  profiles: readonly Profile[];
  /** Where the profile's connection is made: its environment or portal, by name. */
  environmentName(profile: Profile): string;
  sort: Sort;
  onSort(key: SortKey): void;
  onOpen(profile: Profile): void;
  onReconnect(profile: Profile): void;
  onDelete(profile: Profile): void;
}

/**
 * Only the rows in view exist in the DOM, so 10,000 profiles scroll like 10.
 * The grid is one tab stop: arrows, Page Up/Down, Home and End move the active row,
 * Enter opens its details, Delete asks to delete it.
 */
export function ProfileTable({ profiles, environmentName, sort, onSort, onOpen, onReconnect, onDelete }: ProfileTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
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

  const onKeyDown = (event: KeyboardEvent) => {
    const target = gridMoveTarget(event.key, active, profiles.length, scrollRef.current, ROW_HEIGHT);
    if (target !== null) {
      event.preventDefault();
      setActive(target);
      virtualizer.scrollToIndex(target);
      return;
    }
    const profile = profiles[active];
    if (!profile || event.target !== event.currentTarget) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(profile);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      onDelete(profile);
    }
  };

  return (
    <div
      className="profile-table"
      role="grid"
      aria-label="Profiles: arrow keys move, Enter opens details, Delete deletes"
      aria-rowcount={profiles.length + 1}
      aria-readonly="true"
      tabIndex={0}
      aria-activedescendant={profiles[active] ? `profile-row-${active}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="profile-row profile-head">
          {COLUMNS.map((column) => (
            <div
              key={column.key}
              role="columnheader"
              aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
            >
              <button type="button" className="sort-button" onClick={() => onSort(column.key)}>
                {column.label}
                <span aria-hidden="true">{sort.key === column.key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
              </button>
            </div>
          ))}
          <div role="columnheader">
            <span className="visually-hidden">Actions</span>
          </div>
        </div>
      </div>
      <div ref={scrollRef} role="rowgroup" className="profile-body">
        {profiles.length === 0 ? (
          <p className="empty" role="presentation">
            No profiles match.
          </p>
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
                  environment={environmentName(p)}
                  onActivate={setActive}
                  onOpen={onOpen}
                  onReconnect={onReconnect}
                />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

interface ProfileRowProps {
  profile: Profile;
  index: number;
  top: number;
  active: boolean;
  environment: string;
  onActivate(index: number): void;
  onOpen(profile: Profile): void;
  onReconnect(profile: Profile): void;
}

/** Memoized: while typing in the search, rows that stay on screen are not rendered again. */
const ProfileRow = memo(function ProfileRow({ profile: p, index, top, active, environment, onActivate, onOpen, onReconnect }: ProfileRowProps) {
  return (
    <div
      id={`profile-row-${index}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      data-profile-id={p.id}
      className={active ? 'profile-row active' : 'profile-row'}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => onActivate(index)}
      onDoubleClick={() => onOpen(p)}
    >
      <div role="gridcell" className="cell-name">
        <span className="name">{p.name}</span>
        <span className="sub">{p.id}</span>
      </div>
      <div role="gridcell">{DIRECTION_LABELS[p.direction]}</div>
      <div role="gridcell" className="cell-company">
        <span>{p.companyId}</span>
        <span className="sub">{p.companyName}</span>
      </div>
      <div role="gridcell">{p.apiUser}</div>
      <div role="gridcell">{environment}</div>
      <div role="gridcell">
        <StatusBadge status={p.status} title={p.statusReason?.message} />
      </div>
      <div role="gridcell">{formatTime(p.lastVerifiedAt)}</div>
      <div role="gridcell" className="cell-actions">
        <button type="button" onClick={() => onReconnect(p)} aria-label={`Reconnect ${p.name}`} disabled={p.status === 'reauthenticating'}>
          Reconnect
        </button>
        <button type="button" onClick={() => onOpen(p)} aria-label={`Details of ${p.name}`}>
          Details
        </button>
      </div>
    </div>
  );
});
