import type { Environment } from '../../../../shared/environment';
import { missingSetup } from '../../../../shared/environment-setup';
import type { Profile } from '../../../../shared/profile';
import { Dialog } from '../../components/Dialog';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * Reconnect on a profile whose environment has no client id or redirect URI: no Visma login can
 * open, so none is offered — what is missing, and the way to Environments to set it up.
 */
export function NotSetUpDialog({ profile, environment, onEnvironments, onClose }: { profile: Profile; environment: Environment; onEnvironments(): void; onClose(): void }) {
  const { t } = useI18n();
  const missing = missingSetup(environment);
  return (
    <Dialog title={t('reauth.dialog.title', { profile: profile.name })} onClose={onClose}>
      <p role="alert">
        {t('profiles.form.not-set-up', { environment: environment.name, missing: missing.length > 1 ? 'both' : missing[0] === 'client id' ? 'client' : 'redirect' })}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('profiles.details.close')}
        </button>
        <button type="button" className="primary" onClick={onEnvironments} autoFocus>
          {t('profiles.environments')}
        </button>
      </div>
    </Dialog>
  );
}
