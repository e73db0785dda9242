import { Suspense, lazy, useState } from 'react';
import type { SeveraCheckState } from '../../../../shared/severa-panel';
import { api } from '../../api';
import { formatTime } from '../../components/files';
import { count, plural } from './reasons';
import { useSeveraStore } from './severa-store';

const ApiConnectionDialog = lazy(() => import('./ApiConnectionDialog').then((m) => ({ default: m.ApiConnectionDialog })));

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** Severa users read live from the Severa REST API: the connection in brief, and the read. */
export function SeveraApiSource({ state }: { state: SeveraCheckState }) {
  const [editing, setEditing] = useState(false);
  const change = useSeveraStore((s) => s.change);
  const busy = useSeveraStore((s) => s.busy) !== null;
  const { api: connection, severa } = state;
  const fromApi = severa.status === 'loaded' && severa.source === 'api' ? severa : null;
  const stored = connection.credentials.storage === 'keychain' ? 'saved in the keychain' : 'kept for this session only (no keychain)';

  const read = () =>
    change('Reading users from Severa…', () => api.readSeveraUsersFromApi(), (next) => {
      const list = next.severa;
      return list.status === 'loaded' && list.source === 'api' ? `Read ${plural(list.users, 'Severa user')} from ${hostOf(list.baseUrl)}.` : null;
    });

  return (
    <div className="source-api">
      <p className="file-facts">
        <span className="source-name">{hostOf(connection.baseUrl)}</span> · add-on <q>{connection.addonName}</q>
      </p>
      <p className="file-facts">
        Client credentials: {connection.credentials.saved ? stored : <strong>not set</strong>}
      </p>
      <div className="source-actions">
        <button type="button" onClick={() => setEditing(true)} disabled={busy}>
          Connection…
        </button>
        <button type="button" className={fromApi ? '' : 'primary'} onClick={() => void read()} disabled={busy || !connection.credentials.saved}>
          {fromApi ? 'Read again' : 'Read users from Severa'}
        </button>
      </div>
      {fromApi && (
        <p className="source-loaded">
          {plural(fromApi.users, 'user')} ({count(fromApi.inactive)} inactive) read {formatTime(fromApi.readAt)}
          {fromApi.withoutEmail > 0 && `; ${plural(fromApi.withoutEmail, 'user')} without an email left out`}
        </p>
      )}
      {severa.status === 'loaded' && severa.source === 'file' && (
        <p className="hint">
          In use now: {plural(severa.users, 'user')} from {severa.file.fileName}. Reading from Severa replaces them.
        </p>
      )}
      {fromApi?.notes.map((note) => (
        <p key={note} className="form-error">
          {note}
        </p>
      ))}
      {editing && (
        <Suspense>
          <ApiConnectionDialog state={state} onClose={() => setEditing(false)} />
        </Suspense>
      )}
    </div>
  );
}
