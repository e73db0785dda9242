import type { FileText } from '../../../../shared/api';
import { useState } from 'react';
import type { Environment } from '../../../../shared/environment';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Message } from '../../components/Message';
import { useOutcomeMessage } from '../../components/use-outcome-message';
import { JsonFileButton } from '../../components/JsonFileButton';
import { useAppStore } from '../../state/app-store';
import { EnvironmentForm } from './EnvironmentForm';

/** Built-in Visma.net production plus the user's own (staging, the local sandbox). */
export function EnvironmentsDialog({ onClose }: { onClose(): void }) {
  const environments = useAppStore((s) => s.environments);
  const [editing, setEditing] = useState<Environment | 'new' | null>(null);
  const { message, run } = useOutcomeMessage();
  const importFile = (file: FileText) => run(async () => `Imported environment "${(await api.importEnvironment(file)).name}" from ${file.name}.`);

  return (
    <Dialog title="Environments" onClose={onClose} wide>
      {editing ? (
        <EnvironmentForm environment={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      ) : (
        <>
          <table className="simple-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Issuer</th>
                <th scope="col">Client id</th>
                <th scope="col">API base URL</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {environments.map((e) => (
                <tr key={e.id}>
                  <td>
                    {e.name}
                    {e.builtIn && <span className="sub"> (built in)</span>}
                  </td>
                  <td className="cell-url">{e.issuer}</td>
                  <td className="cell-url">{e.clientId || <em>not set</em>}</td>
                  <td className="cell-url">{e.apiBaseUrl}</td>
                  <td className="cell-actions">
                    <button type="button" onClick={() => setEditing(e)} aria-label={`Edit ${e.name}`}>
                      Edit
                    </button>
                    {!e.builtIn && (
                      <button
                        type="button"
                        aria-label={`Remove ${e.name}`}
                        onClick={() => void run(async () => (await api.deleteEnvironment(e.id), `Removed "${e.name}".`))}
                      >
                        Remove
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Message message={message} />
          <div className="dialog-actions">
            <JsonFileButton inputLabel="Environment file" onFile={(file) => void importFile(file)}>
              Import from file…
            </JsonFileButton>
            <button type="button" onClick={() => setEditing('new')}>
              Add environment
            </button>
            <button type="button" className="primary" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
