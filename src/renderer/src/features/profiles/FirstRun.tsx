import { useRef, useState } from 'react';
import type { Environment } from '../../../../shared/environment';
import { isSetUp } from '../../../../shared/environment-setup';
import { api, messageOf } from '../../api';
import { Message } from '../../components/Message';
import { readPickedFile } from '../../components/files';

interface FirstRunProps {
  environments: Environment[];
  onEnvironments(): void;
  onAddProfile(): void;
  onImportProfiles(): void;
}

/**
 * An empty app says what to do first: set up where the logins go, then bring in the profiles.
 * Its buttons are named apart from the toolbar's, so each name stays one button.
 */
export function FirstRun({ environments, onEnvironments, onAddProfile, onImportProfiles }: FirstRunProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const ready = environments.filter(isSetUp);

  const importEnvironment = async () => {
    const file = await readPickedFile(fileInput.current!);
    if (!file) return;
    try {
      const environment = await api.importEnvironment(file);
      setMessage({ error: false, text: `Set up "${environment.name}" from ${file.name}.` });
    } catch (error) {
      setMessage({ error: true, text: messageOf(error) });
    }
  };

  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">Start here</h2>
      <ol>
        <li className={ready.length > 0 ? 'first-run-done' : undefined}>
          <strong>Set up where the logins go.</strong>{' '}
          {ready.length > 0
            ? `Done: ${ready.map((e) => e.name).join(', ')} ${ready.length === 1 ? 'is' : 'are'} set up.`
            : 'Import the environment (or portal) file your admin or the sandbox gave you, or enter the client id and redirect URI registered with Visma.'}
          <span className="first-run-actions">
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              className="visually-hidden"
              tabIndex={-1}
              aria-label="Environment file"
              onChange={() => void importEnvironment()}
            />
            <button type="button" className={ready.length > 0 ? undefined : 'primary'} onClick={() => fileInput.current?.click()}>
              Import environment file…
            </button>
            <button type="button" onClick={onEnvironments}>
              Open Environments…
            </button>
          </span>
          <Message message={message} />
        </li>
        <li>
          <strong>Add your DataBridge profiles,</strong> one at a time or from a list (CSV or JSON) exported from DataBridge or another Bridgekeeper.
          <span className="first-run-actions">
            <button type="button" className={ready.length > 0 ? 'primary' : undefined} onClick={onAddProfile}>
              Add the first profile
            </button>
            <button type="button" onClick={onImportProfiles}>
              Import a profile list…
            </button>
          </span>
        </li>
        <li>
          <strong>Reconnect them</strong> one at a time from a row&apos;s menu, or all at once with Bulk reconnect.
        </li>
      </ol>
    </section>
  );
}
