import type { Profile } from '../../../../shared/profile';

interface SelectionBarProps {
  selected: readonly Profile[];
  healthRunning: boolean;
  onReconnect(profile: Profile): void;
  onBulk(): void;
  onCheckHealth(): void;
  onExport(format: 'csv' | 'json'): void;
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
  if (count === 0) {
    return (
      <div className="selection-bar">
        <p className="hint">Select profiles (click, Shift- or Ctrl-click, Space, Ctrl+A, or the boxes) to act on several at once.</p>
      </div>
    );
  }
  const only = count === 1 ? selected[0]! : null;
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected profiles">
      <strong>{count === 1 ? `“${only!.name}” selected` : `${count} profiles selected`}</strong>
      {only && (
        <button type="button" onClick={() => onReconnect(only)} disabled={only.status === 'reauthenticating'}>
          Reconnect…
        </button>
      )}
      <button type="button" onClick={onBulk}>
        Reconnect in bulk…
      </button>
      <button type="button" onClick={onCheckHealth} disabled={healthRunning}>
        Health check
      </button>
      <button type="button" onClick={() => onExport('csv')}>
        Export CSV
      </button>
      <button type="button" onClick={() => onExport('json')}>
        Export JSON
      </button>
      <button type="button" className="danger-text" onClick={onDelete}>
        Delete…
      </button>
      <button type="button" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
