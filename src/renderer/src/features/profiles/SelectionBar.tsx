import type { Profile } from '../../../../shared/profile';
import { useI18n } from '../../i18n/I18nProvider';

interface SelectionBarProps {
  selected: readonly Profile[];
  healthRunning: boolean;
  onReconnect(profile: Profile): void;
  onBulk(): void;
  onCheckHealth(): void;
  onExport(format: 'csv' | 'xlsx' | 'json'): void;
  onDelete(): void;
  onClear(): void;
}

/**
 * What can be done with the selected rows. Always one line high, so the list does not jump when
 * rows are picked. Worded apart from the toolbar ("Reconnect in bulk…", "Health check"), so every
 * button name on the screen means one button.
 */
export function SelectionBar({ selected, healthRunning, onReconnect, onBulk, onCheckHealth, onExport, onDelete, onClear }: SelectionBarProps) {
  const count = selected.length;
  const { t } = useI18n();
  if (count === 0) {
    return (
      <div className="selection-bar">
        <p className="hint">{t('profiles.selection.hint')}</p>
      </div>
    );
  }
  const only = count === 1 ? selected[0]! : null;
  return (
    <div className="selection-bar" role="toolbar" aria-label={t('profiles.selection.label')}>
      <strong>{count === 1 ? t('profiles.selection.one', { name: only!.name }) : t('profiles.selection.many', { count })}</strong>
      {only && (
        <button type="button" onClick={() => onReconnect(only)} disabled={only.status === 'reauthenticating'}>
          {t('profiles.menu.reconnect')}
        </button>
      )}
      <button type="button" onClick={onBulk}>
        {t('profiles.selection.bulk')}
      </button>
      <button type="button" onClick={onCheckHealth} disabled={healthRunning}>
        {t('profiles.selection.health')}
      </button>
      <button type="button" onClick={() => onExport('csv')}>
        {t('profiles.export.csv')}
      </button>
      <button type="button" onClick={() => onExport('xlsx')}>
        {t('profiles.export.xlsx')}
      </button>
      <button type="button" onClick={() => onExport('json')}>
        {t('profiles.export.json')}
      </button>
      <button type="button" className="danger-text" onClick={onDelete}>
        {t('profiles.menu.delete')}
      </button>
      <button type="button" onClick={onClear}>
        {t('profiles.selection.clear')}
      </button>
    </div>
  );
}
