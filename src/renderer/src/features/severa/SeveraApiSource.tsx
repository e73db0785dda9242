import { Suspense, lazy, useState } from 'react';
import type { SeveraCheckState } from '../../../../shared/severa-panel';
import { api } from '../../api';
import { phrase } from '../../../../shared/severa-words';
import { useSeveraWords } from './reasons';
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
  const words = useSeveraWords();
  const { t } = words;
  const { api: connection, severa } = state;
  const fromApi = severa.status === 'loaded' && severa.source === 'api' ? severa : null;
  const stored = t('severa.panel.api.stored', { storage: connection.credentials.storage });

  const read = () =>
    change(phrase('severa.panel.busy.readingApi'), () => api.readSeveraUsersFromApi(), (next) => {
      const list = next.severa;
      return list.status === 'loaded' && list.source === 'api' ? phrase('severa.panel.api.read', { count: list.users, host: hostOf(list.baseUrl) }) : null;
    });

  return (
    <div className="source-api">
      <p className="file-facts">
        <span className="source-name">{hostOf(connection.baseUrl)}</span> · {t('severa.panel.api.addon', { name: connection.addonName })}
      </p>
      <p className="file-facts">
        {t('severa.panel.api.credentials')} {connection.credentials.saved ? stored : <strong>{t('severa.panel.api.notSet')}</strong>}
      </p>
      <div className="source-actions">
        <button type="button" onClick={() => setEditing(true)} disabled={busy}>
          {t('severa.panel.api.connection')}
        </button>
        <button type="button" className={fromApi ? '' : 'primary'} onClick={() => void read()} disabled={busy || !connection.credentials.saved}>
          {t(fromApi ? 'severa.panel.api.readAgain' : 'severa.panel.api.readUsers')}
        </button>
      </div>
      {fromApi && (
        <p className="source-loaded">
          {t('severa.panel.api.loaded', { count: fromApi.users, inactive: fromApi.inactive, time: words.date(fromApi.readAt) })}
          {fromApi.withoutEmail > 0 && t('severa.panel.api.withoutEmail', { count: fromApi.withoutEmail })}
        </p>
      )}
      {severa.status === 'loaded' && severa.source === 'file' && (
        <p className="hint">
          {t('severa.panel.api.inUseFromFile', { count: severa.users, file: severa.file.fileName })}
        </p>
      )}
      {fromApi?.notes.map((note, i) => (
        <p key={i} className="form-error">
          {words.say(note)}
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
