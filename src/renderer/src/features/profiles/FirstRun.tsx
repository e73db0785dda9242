import type { Environment } from '../../../../shared/environment';
import { isSetUp } from '../../../../shared/environment-setup';
import { api } from '../../api';
import { JsonFileButton } from '../../components/JsonFileButton';
import { Message } from '../../components/Message';
import { useOutcomeMessage } from '../../components/use-outcome-message';
import { useI18n } from '../../i18n/I18nProvider';
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
  const { t, list } = useI18n();
  // Where logins can go: an environment that is set up, or a portal (DataBridge holds the rest).
  const ready = [...environments.filter(isSetUp), ...portals];

  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t('profiles.first.title')}</h2>
      <ol>
        <li className={ready.length > 0 ? 'first-run-done' : undefined}>
          <strong>{t('profiles.first.where')}</strong>{' '}
          {ready.length > 0 ? t('profiles.first.done', { names: list(ready.map((e) => e.name)), count: ready.length }) : t('profiles.first.how')}
          <span className="first-run-actions">
            <JsonFileButton
              inputLabel={t('profiles.first.environment-file')}
              className={ready.length > 0 ? undefined : 'primary'}
              onFile={(file) => void run(async () => t('profiles.first.imported', { name: (await api.importEnvironment(file)).name, file: file.name }))}
            >
              {t('profiles.first.import-environment')}
            </JsonFileButton>
            <JsonFileButton inputLabel={t('profiles.first.portal-file')} onFile={(file) => void run(async () => t('profiles.first.imported', { name: (await api.importPortal(file)).name, file: file.name }))}>
              {t('profiles.first.import-portal')}
            </JsonFileButton>
            <button type="button" onClick={onEnvironments}>
              {t('profiles.first.open-environments')}
            </button>
          </span>
          <Message message={message} />
        </li>
        <li>
          <strong>{t('profiles.first.add')}</strong> {t('profiles.first.add-how')}
          <span className="first-run-actions">
            <button type="button" className={ready.length > 0 ? 'primary' : undefined} onClick={onAddProfile}>
              {t('profiles.first.add-first')}
            </button>
            <button type="button" onClick={onImportProfiles}>
              {t('profiles.first.import-list')}
            </button>
          </span>
        </li>
        <li>
          <strong>{t('profiles.first.reconnect')}</strong> {t('profiles.first.reconnect-how')}
        </li>
      </ol>
    </section>
  );
}
