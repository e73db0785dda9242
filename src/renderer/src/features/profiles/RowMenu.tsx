import { useRef } from 'react';
import type { Profile } from '../../../../shared/profile';
import { useI18n } from '../../i18n/I18nProvider';
import { ROW_MENU_ID } from './ProfileTable';

interface RowMenuProps {
  /** The profile whose menu button was pressed last. */
  profile: Profile | null;
  onReconnect(profile: Profile): void;
  onDetails(profile: Profile): void;
  onEdit(profile: Profile): void;
  onDelete(profile: Profile): void;
}

/**
 * One menu for every row, opened by the row's "⋯" button (a popover: Escape and a click
 * outside close it, and focus goes back to the button). It sits beside the button in the
 * top layer, so no column has to be wide enough for the actions.
 */
export function RowMenu({ profile, onReconnect, onDetails, onEdit, onDelete }: RowMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const { t } = useI18n();
  const item = (label: string, act: (p: Profile) => void, props: { danger?: boolean; disabled?: boolean } = {}) => (
    <button
      type="button"
      className={props.danger ? 'danger-text' : undefined}
      disabled={props.disabled}
      onClick={() => {
        ref.current?.hidePopover();
        if (profile) act(profile);
      }}
    >
      {label}
    </button>
  );
  return (
    <div ref={ref} id={ROW_MENU_ID} popover="auto" className="menu-items row-menu" aria-label={profile ? t('profiles.actions-for', { name: profile.name }) : t('profiles.actions')} role="group">
      {item(t('profiles.menu.reconnect'), onReconnect, { disabled: profile?.status === 'reauthenticating' })}
      {item(t('profiles.menu.details'), onDetails)}
      {item(t('profiles.menu.edit'), onEdit)}
      {item(t('profiles.menu.delete'), onDelete, { danger: true })}
    </div>
  );
}
