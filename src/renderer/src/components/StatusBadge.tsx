import type { ProfileStatus } from '../../../shared/profile';

export const STATUS_LABELS: Record<ProfileStatus, string> = {
  'never-connected': 'Never connected',
  connected: 'Connected',
  expiring: 'Expiring',
  'needs-reauth': 'Needs reauthentication',
  error: 'Error',
  checking: 'Checking…',
  reauthenticating: 'Reauthenticating…',
};

export function StatusBadge({ status, title }: { status: ProfileStatus; title?: string | undefined }) {
  return (
    <span className={`status status-${status}`} title={title}>
      {STATUS_LABELS[status]}
    </span>
  );
}
