import { useEffect, useId, useMemo, useState } from 'react';
import { LIST_LIMIT, type ListRead, type ListWindowState, type ReviewRow } from '../../../../shared/portal-listing';
import type { Portal } from '../../../../shared/portal';
import { PATTERN_EXAMPLE } from '../../../../shared/profile-link-pattern';
import { takenDetails } from '../../../../shared/taken-profile';
import { DIRECTIONS, type Direction } from '../../../../shared/profile';
import { api } from '../../api';
import { Message } from '../../components/Message';
import { useOutcomeMessage } from '../../components/use-outcome-message';
import { useI18n } from '../../i18n/I18nProvider';

/** The key a review row is ticked by: an existing profile's id, or a new one's page. */
const keyOf = (row: ReviewRow) => row.profileId ?? row.url;
/** What is ticked when a read comes in: new and renamed profiles; gone ones are only offered. */
const tickedAtFirst = (rows: ReviewRow[]) => new Set(rows.filter((r) => r.state === 'new' || r.state === 'renamed').map(keyOf));

/**
 * F19: Portals → Take profiles from the portal. The portal's list opens in the portal window; the
 * person reads it (all its pages), points at one profile link when the portal's pattern is not known,
 * reviews what is new, renamed and gone, fills in company and API user for the ticked ones (or leaves
 * them for later), and applies. Nothing is saved before that.
 */
export function TakeProfilesDialog({ portal, onDone }: { portal: Portal; onDone(): void }) {
  const { t } = useI18n();
  const { message, run } = useOutcomeMessage();
  const [win, setWin] = useState<ListWindowState | null>(null);
  const [read, setRead] = useState<ListRead | null>(null);
  const [busy, setBusy] = useState<'opening' | 'reading' | 'saving' | null>('opening');
  const [pattern, setPattern] = useState(portal.profilePattern);
  const [limit, setLimit] = useState<number>(LIST_LIMIT.default);
  const [example, setExample] = useState('');
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [fill, setFill] = useState<{ direction: Direction; companyId: string; companyName: string; apiUser: string }>({ direction: 'import', companyId: '', companyName: '', apiUser: '' });
  const ids = { pattern: useId(), limit: useId(), example: useId(), summary: useId() };

  useEffect(() => {
    let listingId: string | null = null;
    let gone = false;
    const off = api.onEvent((event) => {
      if (event.type === 'portal-list-window' && event.window.listingId === listingId) setWin(event.window);
    });
    void run(async () => {
      try {
        const opened = await api.openPortalList(portal.id);
        listingId = opened.listingId;
        if (gone) await api.closePortalList(opened.listingId);
        else setWin(opened);
        return t('portal-list.opened', { name: portal.name });
      } finally {
        setBusy(null);
      }
    });
    return () => {
      gone = true;
      off();
      if (listingId) void api.closePortalList(listingId);
    };
    // Opened once per dialog; the portal does not change under it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const readList = async (how: { example?: string } = {}) => {
    if (!win) return;
    setBusy('reading');
    await run(async () => {
      try {
        const answer = await api.readPortalList(win.listingId, { limit, ...(how.example ? { example: how.example } : pattern.trim() && pattern.trim() !== portal.profilePattern ? { pattern: pattern.trim() } : {}) });
        setRead(answer);
        if (answer.pattern) setPattern(answer.pattern);
        setTicked(tickedAtFirst(answer.rows));
        if (answer.problem) throw Object.assign(new Error(t(answer.problem.words.key, answer.problem.words.params)), { words: answer.problem.words });
        return t('portal-list.read-done', countsOf(answer.rows, answer.pages));
      } finally {
        setBusy(null);
      }
    });
  };

  const apply = async () => {
    if (!win || !read) return;
    const rows = read.rows.filter((r) => ticked.has(keyOf(r)));
    setBusy('saving');
    await run(async () => {
      try {
        const report = await api.applyPortalList(win.listingId, {
          add: rows.filter((r) => r.state === 'new').map((r) => ({ url: r.url, name: r.name, direction: fill.direction, ...takenDetails(r.details, fill) })),
          rename: rows.filter((r) => r.state === 'renamed').map((r) => ({ profileId: r.profileId!, name: r.name })),
          remove: rows.filter((r) => r.state === 'gone').map((r) => r.profileId!),
        });
        setRead(null);
        setTicked(new Set());
        return t('portal-list.applied', { added: report.added, renamed: report.renamed, removed: report.removed });
      } finally {
        setBusy(null);
      }
    });
  };

  const chosen = useMemo(() => {
    const rows = read?.rows.filter((r) => ticked.has(keyOf(r))) ?? [];
    return { add: rows.filter((r) => r.state === 'new').length, rename: rows.filter((r) => r.state === 'renamed').length, remove: rows.filter((r) => r.state === 'gone').length };
  }, [read, ticked]);
  const toggle = (row: ReviewRow) =>
    setTicked((now) => {
      const next = new Set(now);
      if (!next.delete(keyOf(row))) next.add(keyOf(row));
      return next;
    });
  const pointable = read && !read.rows.length && read.links.length > 0 && read.problem && read.problem.code !== 'over-limit' && read.problem.code !== 'signed-out';
  const closed = win !== null && !win.open;
  const missing = chosen.add > 0 && (!fill.companyId.trim() || !fill.apiUser.trim());

  return (
    <div className="take-profiles">
      <p className="hint">{t('portal-list.hint', { name: portal.name })}</p>
      <p aria-live="polite">
        {closed
          ? t('portal-list.window-closed')
          : win?.progress
            ? t(`portal-list.progress.${win.progress.kind}`, { done: win.progress.done, total: win.progress.total ?? 0 })
            : win
              ? t('portal-list.window-shows', { url: win.url })
              : t('portal-list.window-opening')}
      </p>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.pattern}>{t('portal-list.pattern')}</label>
          <input id={ids.pattern} value={pattern} placeholder={PATTERN_EXAMPLE} spellCheck={false} onChange={(e) => setPattern(e.target.value)} aria-describedby={`${ids.pattern}-hint`} />
          <p id={`${ids.pattern}-hint`} className="field-hint">
            {read?.patternSource ? t(`portal-list.pattern-from.${read.patternSource}`) : t('portal-list.pattern-hint')}
          </p>
        </div>
        <div className="field field-narrow">
          <label htmlFor={ids.limit}>{t('portal-list.limit')}</label>
          <input id={ids.limit} type="number" min={1} max={LIST_LIMIT.max} value={limit} onChange={(e) => setLimit(Math.min(LIST_LIMIT.max, Math.max(1, Number(e.target.value) || 1)))} />
        </div>
      </div>
      <div className="dialog-actions dialog-actions-start">
        <button type="button" className="primary" disabled={!win || closed || busy !== null} onClick={() => void readList()}>
          {busy === 'reading' ? t('portal-list.reading') : t('portal-list.read')}
        </button>
      </div>
      <Message message={message} />

      {pointable && (
        <div className="field">
          <label htmlFor={ids.example}>{t('portal-list.example')}</label>
          <select id={ids.example} size={Math.min(8, read.links.length)} value={example} onChange={(e) => setExample(e.target.value)}>
            {read.links.map((link) => (
              <option key={link.url} value={link.url}>
                {link.text ? `${link.text} — ${link.url}` : link.url}
              </option>
            ))}
          </select>
          <div className="dialog-actions dialog-actions-start">
            <button type="button" disabled={!example || busy !== null || closed} onClick={() => void readList({ example })}>
              {t('portal-list.learn')}
            </button>
          </div>
        </div>
      )}

      {read && read.rows.length > 0 && (
        <>
          <p id={ids.summary}>
            {t('portal-list.summary', countsOf(read.rows, read.pages))} {read.complete ? '' : t('portal-list.incomplete')}
          </p>
          <div className="table-scroll">
            <table className="simple-table" aria-describedby={ids.summary}>
              <thead>
                <tr>
                  <th scope="col">{t('portal-list.col.take')}</th>
                  <th scope="col">{t('portal-list.col.name')}</th>
                  <th scope="col">{t('portal-list.col.page')}</th>
                  <th scope="col">{t('portal-list.col.state')}</th>
                </tr>
              </thead>
              <tbody>
                {read.rows.map((row) => (
                  <tr key={`${row.state}:${keyOf(row)}`}>
                    <td>
                      {row.state !== 'unchanged' && (
                        <input type="checkbox" checked={ticked.has(keyOf(row))} onChange={() => toggle(row)} aria-label={t(`portal-list.tick.${row.state}`, { name: row.name })} />
                      )}
                    </td>
                    <td>{row.name}</td>
                    <td className="wrap-anywhere">{row.url}</td>
                    <td>
                      {t(`portal-list.state.${row.state}`, { old: row.oldName ?? '' })}
                      {row.sameNameAs ? ` ${t('portal-list.same-name', { name: row.sameNameAs })}` : ''}
                      {row.needsDetails ? ` ${t('portal-list.needs-details')}` : ''}
                      {row.details && <span className="sub">{t('portal-list.from-page', { what: [row.details.companyName, row.details.companyId, row.details.apiUser].filter(Boolean).join(', '), said: row.details.said })}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {chosen.add > 0 && (
            <fieldset className="bulk-fill">
              <legend>{t('portal-list.fill', { count: chosen.add })}</legend>
              <p className="field-hint">{t('portal-list.fill-hint')}</p>
              {read.detailPages > 0 && <p className="field-hint">{t('portal-list.fill-page-first', { count: read.detailPages })}</p>}
              <div className="field-row">
                <label>
                  {t('portal-list.direction')}
                  <select value={fill.direction} onChange={(e) => setFill({ ...fill, direction: e.target.value as Direction })}>
                    {DIRECTIONS.map((d) => (
                      <option key={d} value={d}>
                        {t(`profiles.direction.${d}.long`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('portal-list.company-id')}
                  <input value={fill.companyId} spellCheck={false} onChange={(e) => setFill({ ...fill, companyId: e.target.value })} />
                </label>
                <label>
                  {t('portal-list.company-name')}
                  <input value={fill.companyName} onChange={(e) => setFill({ ...fill, companyName: e.target.value })} />
                </label>
                <label>
                  {t('portal-list.api-user')}
                  <input type="email" value={fill.apiUser} spellCheck={false} onChange={(e) => setFill({ ...fill, apiUser: e.target.value })} />
                </label>
              </div>
              {missing && <p className="field-hint">{t('portal-list.will-need-details', { count: chosen.add })}</p>}
            </fieldset>
          )}
        </>
      )}

      <div className="dialog-actions">
        {read && read.rows.length > 0 && (
          <button type="button" className="primary" disabled={busy !== null || chosen.add + chosen.rename + chosen.remove === 0} onClick={() => void apply()}>
            {busy === 'saving' ? t('portal-list.saving') : t('portal-list.apply', chosen)}
          </button>
        )}
        <button type="button" onClick={onDone}>
          {t('portal-list.close')}
        </button>
      </div>
    </div>
  );
}

function countsOf(rows: ReviewRow[], pages: number) {
  const count = (state: ReviewRow['state']) => rows.filter((r) => r.state === state).length;
  return { pages, new: count('new'), renamed: count('renamed'), unchanged: count('unchanged'), gone: count('gone') };
}
