import type { FileText } from '../../../../shared/api';
import { useState } from 'react';
import type { Environment } from '../../../../shared/environment';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Message } from '../../components/Message';
import { useOutcomeMessage } from '../../components/use-outcome-message';
import { JsonFileButton } from '../../components/JsonFileButton';
import { useI18n } from '../../i18n/I18nProvider';
import { useAppStore } from '../../state/app-store';
import { EnvironmentForm } from './EnvironmentForm';

/** Built-in Visma.net production plus the user's own (staging, the local sandbox). */
export function EnvironmentsDialog({ onClose }: { onClose(): void }) {
  const environments = useAppStore((s) => s.environments);
  const [editing, setEditing] = useState<Environment | 'new' | null>(null);
  const { message, run } = useOutcomeMessage();
  const { t } = useI18n();
  const importFile = (file: FileText) => run(async () => t('environments.imported', { name: (await api.importEnvironment(file)).name, file: file.name }));

  return (
    <Dialog title={t('environments.title')} onClose={onClose} wide>
      {editing ? (
        <EnvironmentForm environment={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      ) : (
        <>
          <table className="simple-table">
            <thead>
              <tr>
                <th scope="col">{t('environments.col.name')}</th>
                <th scope="col">{t('environments.col.issuer')}</th>
                <th scope="col">{t('environments.col.client')}</th>
                <th scope="col">{t('environments.col.api')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('environments.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {environments.map((e) => (
                <tr key={e.id}>
                  <td>
                    {e.name}
                    {e.builtIn && <span className="sub">{t('environments.built-in')}</span>}
                  </td>
                  <td className="cell-url">{e.issuer}</td>
                  <td className="cell-url">{e.clientId || <em>{t('environments.not-set')}</em>}</td>
                  <td className="cell-url">{e.apiBaseUrl}</td>
                  <td className="cell-actions">
                    <button type="button" onClick={() => setEditing(e)} aria-label={t('environments.edit-label', { name: e.name })}>
                      {t('environments.edit')}
                    </button>
                    {!e.builtIn && (
                      <button
                        type="button"
                        aria-label={t('environments.remove-label', { name: e.name })}
                        onClick={() => void run(async () => (await api.deleteEnvironment(e.id), t('environments.removed', { name: e.name })))}
                      >
                        {t('environments.remove')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Message message={message} />
          <div className="dialog-actions">
            <JsonFileButton inputLabel={t('environments.file')} onFile={(file) => void importFile(file)}>
              {t('environments.import')}
            </JsonFileButton>
            <button type="button" onClick={() => setEditing('new')}>
              {t('environments.add')}
            </button>
            <button type="button" className="primary" onClick={onClose}>
              {t('environments.close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
