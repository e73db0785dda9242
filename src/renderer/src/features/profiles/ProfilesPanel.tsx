import { Suspense, lazy, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DeleteReport } from '../../../../shared/api';
import type { FileBytes } from '../../../../shared/severa-panel';
import type { ExistingRows, ImportPreview, ImportReport } from '../../../../shared/import-report';
import { PROFILE_STATUSES, type Profile, type ProfileStatus } from '../../../../shared/profile';
import type { Environment } from '../../../../shared/environment';
import { isSetUp } from '../../../../shared/environment-setup';
import { NotSetUpDialog } from './NotSetUpDialog';
import { api } from '../../api';
import { Message } from '../../components/Message';
import { download, readPickedBytes } from '../../components/files';
import { type Words, errorWords, useI18n } from '../../i18n/I18nProvider';
import { useAppStore } from '../../state/app-store';
import { HealthCheckButton, HealthProgress, useHealthCheck } from '../health/HealthCheckButton';
import { DeleteDialog } from './DeleteDialog';
import { FirstRun } from './FirstRun';
import { ImportPreviewDialog } from './ImportPreviewDialog';
import { ImportReportDialog } from './ImportReportDialog';
import { ProfileTable, type ProfileTableHandle } from './ProfileTable';
import { focusWithRing } from '../../components/focus';
import { RowMenu } from './RowMenu';
import { SelectionBar } from './SelectionBar';
import { connectionLabeller } from './connection-label';
import { type Sort, type SortKey, countByStatus, filterProfiles, sortProfiles } from './profile-query';
import { connectionTargetName } from '../portals/connection-target';
import type { Selection } from './selection';
import { UndoDelete } from './UndoDelete';
import { STATUS_KEYS } from '../../components/StatusBadge';

// The forms carry the validation schemas (zod); the first screen does not need them.
const ProfileForm = lazy(() => import('./ProfileForm').then((m) => ({ default: m.ProfileForm })));
const PortalsDialog = lazy(() => import('../portals/PortalsDialog').then((m) => ({ default: m.PortalsDialog })));
const EnvironmentsDialog = lazy(() => import('../environments/EnvironmentsDialog').then((m) => ({ default: m.EnvironmentsDialog })));

const ReconnectDialog = lazy(() => import('../reauth/ReconnectDialog').then((m) => ({ default: m.ReconnectDialog })));
const ProfileDetails = lazy(() => import('./ProfileDetails').then((m) => ({ default: m.ProfileDetails })));
const BulkDialog = lazy(() => import('../bulk/BulkDialog').then((m) => ({ default: m.BulkDialog })));
const ExplainerDialog = lazy(() => import('../explainer/ExplainerDialog').then((m) => ({ default: m.ExplainerDialog })));
const AuditTrailDialog = lazy(() => import('../audit/AuditTrailDialog').then((m) => ({ default: m.AuditTrailDialog })));

type Open =
  | { kind: 'form'; profile: Profile | null }
  | { kind: 'details'; profileId: string }
  | { kind: 'reconnect'; profile: Profile }
  | { kind: 'not-set-up'; profile: Profile; environment: Environment }
  | { kind: 'delete'; profiles: Profile[] }
  | { kind: 'import-preview'; preview: ImportPreview; file: FileBytes }
  | { kind: 'import-report'; report: ImportReport; file: FileBytes; existing: ExistingRows }
  | { kind: 'environments' }
  | { kind: 'portals' }
  | { kind: 'bulk'; suggestedIds?: string[]; suggestedLabel?: string }
  | { kind: 'audit' }
  | { kind: 'explain' }
  | null;

const MORE_MENU_ID = 'profiles-more-menu';
/** How long a line that says an action went well stays (a problem stays until put away or replaced). */
export const MESSAGE_SECONDS = 30;

export function ProfilesPanel() {
  const profiles = useAppStore((s) => s.profiles);
  const environments = useAppStore((s) => s.environments);
  const loaded = useAppStore((s) => s.loaded);
  const complete = useAppStore((s) => s.complete);
  const profileTotal = useAppStore((s) => s.profileTotal);
  const loadError = useAppStore((s) => s.loadError);
  const translator = useI18n();
  const { t, locale } = translator;
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<ProfileStatus | 'all'>('all');
  const [sort, setSort] = useState<Sort>({ key: 'name', descending: false });
  const [selected, setSelected] = useState<Selection>(new Set());
  const [menuProfile, setMenuProfile] = useState<Profile | null>(null);
  const [open, setOpen] = useState<Open>(null);
  // A notice ("Visma ended every connection of …") asks for a bulk reconnect of exactly its profiles.
  const bulkRequest = useAppStore((s) => s.bulkRequest);
  const requestBulk = useAppStore((s) => s.requestBulk);

  // Words as data: the line is put into words when shown, so a language switch changes it too.
  const [message, setMessage] = useState<{ error: boolean; words: Words } | null>(null);
  const [undo, setUndo] = useState<{ report: DeleteReport; what: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const moreMenu = useRef<HTMLDivElement>(null);
  const moreButton = useRef<HTMLButtonElement>(null);
  const table = useRef<ProfileTableHandle>(null);
  const bulkRun = useAppStore((s) => s.bulkRun);
  const bulkLeft = bulkRun ? bulkRun.items.filter((i) => i.state === 'pending' || i.state === 'running').length : 0;

  const sorted = useMemo(() => sortProfiles(profiles.values(), sort, locale), [profiles, sort, locale]);
  const shown = useMemo(() => filterProfiles(sorted, search, status), [sorted, search, status]);
  // Only what is selected and shown is acted on: a search never hides part of what a button does.
  const selectedShown = useMemo(() => shown.filter((p) => selected.has(p.id)), [shown, selected]);
  const counts = useMemo(() => countByStatus(profiles.values()), [profiles]);
  const portals = useAppStore((s) => s.portals);
  const connectionLabel = useMemo(() => connectionLabeller(environments, portals, t), [environments, portals, t]);

  const say = useCallback((words: Words, error = false) => setMessage({ words, error }), []);
  const sayError = useCallback((error: unknown) => setMessage({ words: errorWords(error), error: true }), []);
  useEffect(() => {
    if (!message || message.error) return;
    const timer = setTimeout(() => setMessage((now) => (now === message ? null : now)), MESSAGE_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [message]);
  const health = useHealthCheck(say);

  const onOpen = useCallback((profile: Profile) => setOpen({ kind: 'details', profileId: profile.id }), []);
  // An environment without its client id or redirect URI cannot open a Visma login: say so instead of offering one.
  const onReconnect = useCallback(
    (profile: Profile) => {
      const environment = profile.connection === 'direct' ? environments.find((e) => e.id === profile.environmentId) : undefined;
      setOpen(environment && !isSetUp(environment) ? { kind: 'not-set-up', profile, environment } : { kind: 'reconnect', profile });
    },
    [environments],
  );
  const onEdit = useCallback((profile: Profile) => setOpen({ kind: 'form', profile }), []);
  const onDelete = useCallback((list: Profile[]) => setOpen({ kind: 'delete', profiles: list }), []);
  const targetName = useCallback((p: Profile) => connectionTargetName(p, environments, portals), [environments, portals]);
  const closeMore = () => moreMenu.current?.hidePopover();

  const onSort = (key: SortKey) =>
    setSort((current) => (current.key === key ? { key, descending: !current.descending } : { key, descending: false }));

  const importFile = async (file: FileBytes, mode: 'all-or-nothing' | 'valid-only', existing: ExistingRows) => {
    try {
      const report = await api.importProfiles(file, mode, existing);
      if (report.imported + report.updated > 0) {
        setOpen(null);
        const onlyNew = report.updated + report.skipped === 0;
        say(({ t }) => {
          const parts = [
            report.imported > 0 && t('profiles.imported.new', { count: report.imported }),
            report.updated > 0 && t('profiles.imported.updated', { count: report.updated }),
            report.skipped > 0 && t('profiles.imported.skipped', { count: report.skipped }),
          ];
          return onlyNew ? t('profiles.imported', { count: report.imported, file: file.name }) : t('profiles.imported.parts', { file: file.name, parts: parts.filter(Boolean).join(', ') });
        });
      } else if (report.problems.length > 0) {
        setOpen({ kind: 'import-report', report, file, existing });
      } else {
        setOpen(null);
        say(({ t }) => t(report.skipped > 0 ? 'profiles.imported.unchanged' : 'profiles.imported.none', { file: file.name }));
      }
    } catch (error) {
      say((tr) => tr.t('profiles.file-error', { file: file.name, error: errorWords(error)(tr) }), true);
    }
  };

  /** A file naming profiles that exist first shows what it would change; any other goes straight in. */
  const startImport = async (file: FileBytes) => {
    try {
      const preview = await api.previewImport(file);
      // A file that adds nothing and changes nothing has nothing to import: said at once, no dialog.
      if (preview.added + preview.changes.length === 0 && preview.unchanged > 0 && preview.problems.length === 0)
        say(({ t }) => t('profiles.import.nothing-new', { file: file.name }));
      else if (preview.changes.length + preview.unchanged > 0) setOpen({ kind: 'import-preview', preview, file });
      else await importFile(file, 'all-or-nothing', 'refuse');
    } catch (error) {
      say((tr) => tr.t('profiles.file-error', { file: file.name, error: errorWords(error)(tr) }), true);
    }
  };

  const exportProfiles = async (format: 'csv' | 'xlsx' | 'json', list: readonly Profile[]) => {
    try {
      download(await api.exportProfiles(format, list.map((p) => p.id)));
      say(({ t }) => t('profiles.exported', { count: list.length, format }));
    } catch (error) {
      sayError(error);
    }
  };

  const remove = async (list: Profile[]) => {
    setOpen(null);
    try {
      const report = await api.deleteProfiles(list.map((p) => p.id));
      setSelected(new Set());
      setMessage(null);
      setUndo({ report, what: list.length === 1 ? t('profiles.quoted', { name: list[0]!.name }) : t('profiles.count', { count: list.length }) });
    } catch (error) {
      sayError(error);
    }
  };

  const undoDelete = async () => {
    if (!undo) return;
    setUndo(null);
    try {
      const { restored } = await api.undoDelete(undo.report.undoId);
      const what = undo.what;
      say(({ t }) => t('profiles.restored', { what: restored === 1 ? what : t('profiles.count', { count: restored }) }));
    } catch (error) {
      sayError(error);
    }
  };
  const deleteFinal = useCallback(() => setUndo(null), []);

  // When a dialog closes, focus goes back where it came from (the browser's doing). Where that is
  // gone — the Details dialog a reconnect was started from, a closed menu, a notice's button — it goes
  // to the row the dialog was about, or to the grid, with its ring: never to the page body.
  const dialogShown = useMemo<Open>(() => open ?? (bulkRequest ? { kind: 'bulk' } : null), [open, bulkRequest]);
  const lastShown = useRef<Open>(null);
  useLayoutEffect(() => {
    const was = lastShown.current;
    lastShown.current = dialogShown;
    if (!was || dialogShown) return;
    const focused = document.activeElement;
    if (focused && focused !== document.body && focused.isConnected && (focused as HTMLElement).checkVisibility?.()) return;
    const profileId = was.kind === 'details' ? was.profileId : was.kind === 'reconnect' || was.kind === 'not-set-up' ? was.profile.id : was.kind === 'form' ? was.profile?.id : undefined;
    if (table.current?.focusProfile(profileId)) return;
    focusWithRing(moreButton.current);
  }, [dialogShown]);

  const pickProfileFile = () => fileInput.current?.click();
  const empty = complete && profiles.size === 0 && !loadError;

  return (
    <div className="profiles-panel">
      <div className="toolbar" role="toolbar" aria-label={t('profiles.toolbar')}>
        <div className="field inline">
          <label htmlFor="profile-search">{t('profiles.search')}</label>
          <input
            id="profile-search"
            type="search"
            placeholder={t('profiles.search.placeholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="field inline">
          <label htmlFor="profile-status-filter">{t('profiles.status-filter')}</label>
          <select id="profile-status-filter" value={status} onChange={(e) => setStatus(e.target.value as ProfileStatus | 'all')}>
            <option value="all">{t('profiles.status-filter.all', { count: profiles.size })}</option>
            {PROFILE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t('profiles.status-filter.option', { label: t(STATUS_KEYS[s]), count: counts[s] })}
              </option>
            ))}
          </select>
        </div>
        <span className="toolbar-spacer" />
        <button type="button" className="primary" onClick={() => setOpen({ kind: 'form', profile: null })}>
          {t('profiles.add')}
        </button>
        <HealthCheckButton running={health.running} onRun={() => void health.run(shown.length === profiles.size ? null : shown.map((p) => p.id))} />
        <button type="button" data-menu-command="explain-log" onClick={() => setOpen({ kind: 'explain' })}>
          {t('profiles.explain')}
        </button>
        <button type="button" onClick={() => setOpen({ kind: 'bulk' })}>
          {bulkLeft > 0 ? t('profiles.bulk.left', { count: bulkLeft }) : t('profiles.bulk')}
        </button>
        <input
          ref={fileInput}
          type="file"
          data-menu-command="import-profiles"
          accept=".csv,.txt,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('profiles.file-label')}
          onChange={() =>
            void readPickedBytes(fileInput.current!)
              .then((file) => file && startImport(file))
              .catch(sayError)
          }
        />
        <button ref={moreButton} type="button" popoverTarget={MORE_MENU_ID} className="menu-button">
          {t('profiles.more')}
        </button>
        {/* A popover: Escape and a click outside close it. */}
        <div ref={moreMenu} id={MORE_MENU_ID} popover="auto" className="menu-items more-menu">
          <button
            type="button"
            onClick={() => {
              closeMore();
              pickProfileFile();
            }}
          >
            {t('profiles.import')}
          </button>
          <button
            type="button"
            onClick={() => {
              closeMore();
              void exportProfiles('csv', shown);
            }}
            disabled={shown.length === 0}
          >
            {t('profiles.export.csv')}
          </button>
          <button
            type="button"
            onClick={() => {
              closeMore();
              void exportProfiles('xlsx', shown);
            }}
            disabled={shown.length === 0}
          >
            {t('profiles.export.xlsx')}
          </button>
          <button
            type="button"
            onClick={() => {
              closeMore();
              void exportProfiles('json', shown);
            }}
            disabled={shown.length === 0}
          >
            {t('profiles.export.json')}
          </button>
          <button
            type="button"
            onClick={() => {
              closeMore();
              setOpen({ kind: 'environments' });
            }}
          >
            {t('profiles.environments')}
          </button>
          <button
            type="button"
            onClick={() => {
              closeMore();
              setOpen({ kind: 'portals' });
            }}
          >
            {t('profiles.portals')}
          </button>
          <button
            type="button"
            onClick={() => {
              closeMore();
              setOpen({ kind: 'audit' });
            }}
          >
            {t('profiles.audit')}
          </button>
        </div>
      </div>

      <div className="status-line">
        <p aria-live="polite">
          {!loaded
            ? t('profiles.loading')
            : complete
              ? t('profiles.showing', { shown: shown.length, total: profiles.size })
              : t('profiles.loading.count', { loaded: profiles.size, total: profileTotal })}
        </p>
        <HealthProgress running={health.running} />
        {undo ? <UndoDelete report={undo.report} what={undo.what} onUndo={() => void undoDelete()} onFinal={deleteFinal} /> : <Message message={message && { error: message.error, text: message.words(translator) }} onDismiss={() => setMessage(null)} />}
        {loadError && (
          <p role="alert" className="form-error">
            {t('profiles.load-error', { error: loadError })}
          </p>
        )}
      </div>

      {empty ? (
        <FirstRun
          environments={environments}
          onEnvironments={() => setOpen({ kind: 'environments' })}
          onAddProfile={() => setOpen({ kind: 'form', profile: null })}
          onImportProfiles={pickProfileFile}
        />
      ) : (
        <>
          <SelectionBar
            selected={selectedShown}
            healthRunning={health.running}
            onReconnect={onReconnect}
            onBulk={() => setOpen({ kind: 'bulk', suggestedIds: selectedShown.map((p) => p.id), suggestedLabel: t('profiles.selected-label') })}
            onCheckHealth={() => void health.run(selectedShown.map((p) => p.id))}
            onExport={(format) => void exportProfiles(format, selectedShown)}
            onDelete={() => onDelete(selectedShown)}
            onClear={() => setSelected(new Set())}
          />
          <ProfileTable
            handle={table}
            profiles={shown}
            connectionLabel={connectionLabel}
            sort={sort}
            onSort={onSort}
            selected={selected}
            onSelect={setSelected}
            onOpen={onOpen}
            onDelete={onDelete}
            onMenu={setMenuProfile}
            empty={search || status !== 'all' ? t('profiles.no-match') : t('profiles.loading')}
          />
          <RowMenu
            profile={menuProfile}
            onReconnect={onReconnect}
            onDetails={onOpen}
            onEdit={onEdit}
            onDelete={(p) => onDelete([p])}
          />
        </>
      )}

      <Suspense>
        {open?.kind === 'form' && <ProfileForm profile={open.profile} environments={environments} onClose={() => setOpen(null)} />}
        {open?.kind === 'environments' && <EnvironmentsDialog onClose={() => setOpen(null)} />}
        {open?.kind === 'portals' && <PortalsDialog onClose={() => setOpen(null)} />}
        {open?.kind === 'details' && (
          <ProfileDetails
            profileId={open.profileId}
            targetName={profiles.get(open.profileId) ? targetName(profiles.get(open.profileId)!) : ''}
            onReconnect={onReconnect}
            onEdit={onEdit}
            onDelete={(p) => onDelete([p])}
            onClose={() => setOpen(null)}
          />
        )}
        {open?.kind === 'bulk' && (
          <BulkDialog shownIds={shown.map((p) => p.id)} suggestedIds={open.suggestedIds} {...(open.suggestedLabel ? { suggestedLabel: open.suggestedLabel } : {})} onClose={() => setOpen(null)} />
        )}
        {bulkRequest && open?.kind !== 'bulk' && (
          <BulkDialog shownIds={shown.map((p) => p.id)} suggestedIds={bulkRequest.ids} suggestedLabel={bulkRequest.label} onClose={() => requestBulk(null)} />
        )}
        {open?.kind === 'audit' && <AuditTrailDialog onClose={() => setOpen(null)} />}
        {open?.kind === 'explain' && (
          <ExplainerDialog onReconnect={(ids) => setOpen({ kind: 'bulk', suggestedIds: ids })} onClose={() => setOpen(null)} />
        )}
        {open?.kind === 'reconnect' && (
          <ReconnectDialog profile={open.profile} targetName={targetName(open.profile)} onClose={() => setOpen(null)} />
        )}
      </Suspense>
      {open?.kind === 'not-set-up' && (
        <NotSetUpDialog profile={open.profile} environment={open.environment} onEnvironments={() => setOpen({ kind: 'environments' })} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'delete' && <DeleteDialog profiles={open.profiles} onConfirm={() => void remove(open.profiles)} onClose={() => setOpen(null)} />}
      {open?.kind === 'import-preview' && (
        <ImportPreviewDialog
          preview={open.preview}
          onImport={(existing) => void importFile(open.file, 'all-or-nothing', existing)}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'import-report' && (
        <ImportReportDialog
          report={open.report}
          onImportValid={() => void importFile(open.file, 'valid-only', open.existing)}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
