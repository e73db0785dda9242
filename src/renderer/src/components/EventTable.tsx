import { useMemo, useState } from 'react';
import { eventWords } from '../../../shared/event-words';
import type { ProfileEvent } from '../../../shared/reauth';
import { useI18n } from '../i18n/I18nProvider';
import { useAppStore } from '../state/app-store';
import { formatTime } from './files';

interface EventTableProps {
  events: ProfileEvent[];
  label: string;
  /** The trail of every profile: a Profile column, searchable by profile name. */
  showProfile?: boolean;
}

/**
 * Events of the audit trail, newest first, in words: profile names, what happened, how it ended.
 * A search (profile, what, outcome, details) and an outcome filter narrow them down.
 */
export function EventTable({ events, label, showProfile = false }: EventTableProps) {
  const profiles = useAppStore((s) => s.profiles);
  const i18n = useI18n();
  const { t, compare } = i18n;
  const said = useMemo(() => eventWords(i18n), [i18n]);
  const [search, setSearch] = useState('');
  const [outcome, setOutcome] = useState('all');
  const nameOf = (id: string) => profiles.get(id)?.name ?? t('components.events.deleted', { id });

  const outcomes = useMemo(() => [...new Set(events.map((e) => e.outcome))].sort((a, b) => compare(said.outcome(a), said.outcome(b))), [events, compare, said]);
  const phrase = search.trim().toLowerCase().replace(/\s+/g, ' ');
  const words = phrase.split(' ').filter(Boolean);
  const textOf = (e: ProfileEvent) => [showProfile ? nameOf(e.profileId) : '', e.profileId, said.kind(e.kind), said.outcome(e.outcome), said.message(e)].join(' ').toLowerCase().replace(/\s+/g, ' ');
  const matching = events.filter((e) => (outcome === 'all' || e.outcome === outcome) && (words.length === 0 || words.every((w) => textOf(e).includes(w))));
  // As in the profile list: events holding the whole phrase first ("Profile 003" before a message whose id happens to start with 003).
  const shown = words.length > 1 ? [...matching.filter((e) => textOf(e).includes(phrase)), ...matching.filter((e) => !textOf(e).includes(phrase))] : matching;
  const id = label.replace(/\W+/g, '-').toLowerCase();

  return (
    <>
      <div className="event-filters">
        <div className="field inline">
          <label htmlFor={`${id}-search`}>{t('components.events.search')}</label>
          <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="field inline">
          <label htmlFor={`${id}-outcome`}>{t('components.events.outcome')}</label>
          <select id={`${id}-outcome`} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            <option value="all">{t('components.events.any-outcome', { count: events.length })}</option>
            {outcomes.map((o) => (
              <option key={o} value={o}>
                {t('components.events.outcome-count', { outcome: said.outcome(o), count: events.filter((e) => e.outcome === o).length })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="hint">{t('components.events.none')}</p>
      ) : (
        <div className="scroll-box">
        <table className="simple-table event-table" aria-label={label}>
          <thead>
            <tr>
              <th scope="col">{t('components.events.when')}</th>
              {showProfile && <th scope="col">{t('components.events.profile')}</th>}
              <th scope="col">{t('components.events.what')}</th>
              <th scope="col">{t('components.events.outcome')}</th>
              <th scope="col">{t('components.events.details')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e, i) => (
              <tr key={i}>
                <td className="nowrap">{formatTime(e.time)}</td>
                {showProfile && <td>{nameOf(e.profileId)}</td>}
                <td>{said.kind(e.kind)}</td>
                <td>{said.outcome(e.outcome)}</td>
                <td>{said.message(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </>
  );
}
