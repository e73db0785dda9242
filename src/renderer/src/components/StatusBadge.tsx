import type { MessageKey } from '../../../shared/i18n/catalog';
import type { ProfileStatus } from '../../../shared/profile';
import { useI18n } from '../i18n/I18nProvider';

/** Each status's one word (docs/glossary.md), as catalog keys: `t(STATUS_KEYS[status])`. */
export const STATUS_KEYS: Record<ProfileStatus, MessageKey> = {
  'never-connected': 'components.status.never-connected',
  connected: 'components.status.connected',
  expiring: 'components.status.expiring',
  unconfirmed: 'components.status.unconfirmed',
  'needs-reauth': 'components.status.needs-reauth',
  error: 'components.status.error',
  checking: 'components.status.checking',
  reauthenticating: 'components.status.reauthenticating',
};

/** A status in the reader's words. */
export function useStatusLabel(): (status: ProfileStatus) => string {
  const { t } = useI18n();
  return (status) => t(STATUS_KEYS[status]);
}

export function StatusBadge({ status, title }: { status: ProfileStatus; title?: string | undefined }) {
  const { t } = useI18n();
  return (
    <span className={`status status-${status}`} title={title}>
      {t(STATUS_KEYS[status])}
    </span>
  );
}
