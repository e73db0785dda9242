import { Suspense, lazy, useCallback, useMemo, useRef, useState } from 'react';
import type { FileBytes } from '../../../../shared/severa-panel';
import type { ImportReport } from '../../../../shared/import-report';
import { PROFILE_STATUSES, type Profile, type ProfileStatus } from '../../../../shared/profile';
import { api, messageOf } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Message } from '../../components/Message';
import { STATUS_LABELS } from '../../components/StatusBadge';
import { download, readPickedBytes } from '../../components/files';
import { useAppStore } from '../../state/app-store';
import { HealthCheckButton } from '../health/HealthCheckButton';
import { ImportReportDialog } from './ImportReportDialog';
import { ProfileTable } from './ProfileTable';
import { type Sort, type SortKey, countByStatus, filterProfiles, sortProfiles } from './profile-query';

// The forms carry the validation schemas (zod); the first screen does not need them.
const ProfileForm = lazy(() => import('./ProfileForm').then((m) => ({ default: m.ProfileForm })));
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
  | { kind: 'delete'; profile: Profile }
  | { kind: 'import-report'; report: ImportReport; file: FileBytes }
  | { kind: 'environments' }
  | { kind: 'bulk'; suggestedIds?: string[] }
  | { kind: 'audit' }
  | { kind: 'explain' }
  | null;

export function ProfilesPanel() {
  const profiles = useAppStore((s) => s.profiles);
  const environments = useAppStore((s) => s.environments);
  const loaded = useAppStore((s) => s.loaded);
  const complete = useAppStore((s) => s.complete);
  const profileTotal = useAppStore((s) => s.profileTotal);
  const loadError = useAppStore((s) => s.loadError);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<ProfileStatus | 'all'>('all');
  const [sort, setSort] = useState<Sort>({ key: 'name', descending: false });
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const bulkRun = useAppStore((s) => s.bulkRun);
  const bulkLeft = bulkRun ? bulkRun.items.filter((i) => i.state === 'pending' || i.state === 'running').length : 0;
  const closeMenu = () => menu.current?.removeAttribute('open');

  const sorted = useMemo(() => sortProfiles(profiles.values(), sort), [profiles, sort]);
  const shown = useMemo(() => filterProfiles(sorted, search, status), [sorted, search, status]);
  const counts = useMemo(() => countByStatus(profiles.values()), [profiles]);
  const environmentNames = useMemo(() => new Map(environments.map((e) => [e.id, e.name])), [environments]);

  const say = (text: string, error = false) => setMessage({ text, error });

  const onOpen = useCallback((profile: Profile) => setOpen({ kind: 'details', profileId: profile.id }), []);
  const onReconnect = useCallback((profile: Profile) => setOpen({ kind: 'reconnect', profile }), []);
  const onEdit = useCallback((profile: Profile) => setOpen({ kind: 'form', profile }), []);
  const onDelete = useCallback((profile: Profile) => setOpen({ kind: 'delete', profile }), []);
  const environmentName = useCallback((id: string) => environmentNames.get(id) ?? id, [environmentNames]);

  const onSort = (key: SortKey) =>
    setSort((current) => (current.key === key ? { key, descending: !current.descending } : { key, descending: false }));

  const importFile = async (file: FileBytes, mode: 'all-or-nothing' | 'valid-only') => {
    try {
      const report = await api.importProfiles(file, mode);
      if (report.imported > 0) {
        setOpen(null);
        say(`Imported ${report.imported} profile${report.imported === 1 ? '' : 's'} from ${file.name}.`);
      } else if (report.problems.length > 0) {
        setOpen({ kind: 'import-report', report, file });
      } else {
        say(`${file.name} holds no profiles; nothing was imported.`);
      }
    } catch (error) {
      say(`${file.name}: ${messageOf(error)}`, true);
    }
  };

  const exportShown = async (format: 'csv' | 'xlsx' | 'json') => {
    try {
      download(await api.exportProfiles(format, shown.map((p) => p.id)));
      say(`Exported ${shown.length} profile${shown.length === 1 ? '' : 's'} as ${format.toUpperCase()}.`);
    } catch (error) {
      say(messageOf(error), true);
    }
  };

  const remove = async (profile: Profile) => {
    setOpen(null);
    try {
      const report = await api.deleteProfiles([profile.id]);
      const failure = report.revokeFailures[0];
      if (failure) say(`Deleted "${profile.name}", but Visma could not revoke its token: ${failure.message}. The local copy is gone.`, true);
      else say(`Deleted "${profile.name}".`);
    } catch (error) {
      say(messageOf(error), true);
    }
  };

  return (
    <div className="profiles-panel">
      <div className="toolbar" role="toolbar" aria-label="Profiles">
        <div className="field inline">
          <label htmlFor="profile-search">Search</label>
          <input
            id="profile-search"
            type="search"
            placeholder="Name, company, API user…"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="field inline">
          <label htmlFor="profile-status-filter">Status</label>
          <select id="profile-status-filter" value={status} onChange={(e) => setStatus(e.target.value as ProfileStatus | 'all')}>
            <option value="all">All statuses ({profiles.size})</option>
            {PROFILE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]} ({counts[s]})
              </option>
            ))}
          </select>
        </div>
        <span className="toolbar-spacer" />
        <button type="button" className="primary" onClick={() => setOpen({ kind: 'form', profile: null })}>
          Add profile
        </button>
        <HealthCheckButton profileIds={shown.length === profiles.size ? null : shown.map((p) => p.id)} onDone={say} />
        <button type="button" onClick={() => setOpen({ kind: 'explain' })}>
          Explain a log…
        </button>
        <button type="button" onClick={() => setOpen({ kind: 'bulk' })}>
          {bulkLeft > 0 ? `Bulk reconnect (${bulkLeft} left)…` : 'Bulk reconnect…'}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,.txt,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Profile list file"
          onChange={() =>
            void readPickedBytes(fileInput.current!)
              .then((file) => file && importFile(file, 'all-or-nothing'))
              .catch((error: unknown) => say(messageOf(error), true))
          }
        />
        <details className="menu" ref={menu}>
          <summary>More</summary>
          <div className="menu-items">
            <button
              type="button"
              onClick={() => {
                closeMenu();
                fileInput.current?.click();
              }}
            >
              Import…
            </button>
            <button type="button" onClick={() => {
                closeMenu();
                void exportShown('csv');
              }} disabled={shown.length === 0}>
              Export CSV
            </button>
            <button type="button" onClick={() => {
                closeMenu();
                void exportShown('xlsx');
              }} disabled={shown.length === 0}>
              Export Excel
            </button>
            <button type="button" onClick={() => {
                closeMenu();
                void exportShown('json');
              }} disabled={shown.length === 0}>
              Export JSON
            </button>
            <button type="button" onClick={() => {
                closeMenu();
                setOpen({ kind: 'environments' });
              }}>
              Environments…
            </button>
            <button type="button" onClick={() => {
                closeMenu();
                setOpen({ kind: 'audit' });
              }}>
              Audit trail…
            </button>
          </div>
        </details>
      </div>

      <div className="status-line">
        <p aria-live="polite">
          {!loaded
            ? 'Loading profiles…'
            : complete
              ? `Showing ${shown.length} of ${profiles.size} profiles`
              : `Loading profiles… ${profiles.size} of ${profileTotal}`}
        </p>
        <Message message={message} />
        {loadError && (
          <p role="alert" className="form-error">
            Could not load profiles: {loadError}
          </p>
        )}
      </div>

      <ProfileTable
        profiles={shown}
        environmentName={environmentName}
        sort={sort}
        onSort={onSort}
        onOpen={onOpen}
        onReconnect={onReconnect}
        onDelete={onDelete}
      />

      <Suspense>
        {open?.kind === 'form' && <ProfileForm profile={open.profile} environments={environments} onClose={() => setOpen(null)} />}
        {open?.kind === 'environments' && <EnvironmentsDialog onClose={() => setOpen(null)} />}
        {open?.kind === 'details' && (
          <ProfileDetails
            profileId={open.profileId}
            environmentName={environmentName(profiles.get(open.profileId)?.environmentId ?? '')}
            onReconnect={onReconnect}
            onEdit={onEdit}
            onDelete={onDelete}
            onClose={() => setOpen(null)}
          />
        )}
        {open?.kind === 'bulk' && <BulkDialog shownIds={shown.map((p) => p.id)} suggestedIds={open.suggestedIds} onClose={() => setOpen(null)} />}
        {open?.kind === 'audit' && <AuditTrailDialog onClose={() => setOpen(null)} />}
        {open?.kind === 'explain' && (
          <ExplainerDialog onReconnect={(ids) => setOpen({ kind: 'bulk', suggestedIds: ids })} onClose={() => setOpen(null)} />
        )}
        {open?.kind === 'reconnect' && (
          <ReconnectDialog profile={open.profile} environmentName={environmentName(open.profile.environmentId)} onClose={() => setOpen(null)} />
        )}
      </Suspense>
      {open?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete ${open.profile.name}?`}
          message={`The profile "${open.profile.name}" (${open.profile.id}) will be removed from Bridgekeeper.`}
          confirmLabel="Delete profile"
          onConfirm={() => void remove(open.profile)}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'import-report' && (
        <ImportReportDialog
          report={open.report}
          onImportValid={() => void importFile(open.file, 'valid-only')}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
