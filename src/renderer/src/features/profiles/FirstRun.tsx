import type { Environment } from '../../../../shared/environment';
import { isSetUp } from '../../../../shared/environment-setup';
import { api } from '../../api';
import { JsonFileButton } from '../../components/JsonFileButton';
import { Message } from '../../components/Message';
import { useOutcomeMessage } from '../../components/use-outcome-message';
import { useAppStore } from '../../state/app-store';

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
  const { message, run } = useOutcomeMessage();
  const portals = useAppStore((s) => s.portals);
  // Where logins can go: an environment that is set up, or a portal (DataBridge holds the rest).
  const ready = [...environments.filter(isSetUp), ...portals];

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
            <JsonFileButton
              inputLabel="Environment file"
              className={ready.length > 0 ? undefined : 'primary'}
              onFile={(file) => void run(async () => `Set up "${(await api.importEnvironment(file)).name}" from ${file.name}.`)}
            >
              Import environment file…
            </JsonFileButton>
            <JsonFileButton inputLabel="Portal file" onFile={(file) => void run(async () => `Set up "${(await api.importPortal(file)).name}" from ${file.name}.`)}>
              Import portal file…
            </JsonFileButton>
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
