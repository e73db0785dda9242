import { useEffect, useState } from 'react';
import type { DeleteReport } from '../../../../shared/api';
import { useI18n } from '../../i18n/I18nProvider';

interface UndoDeleteProps {
  report: DeleteReport;
  what: string;
  onUndo(): void;
  onFinal(): void;
}

/** "Deleted … Undo (8 s)": counts down to the moment main makes the deletion final. */
export function UndoDelete({ report, what, onUndo, onFinal }: UndoDeleteProps) {
  const finalAt = Date.parse(report.finalAt);
  const { t } = useI18n();
  const [left, setLeft] = useState(() => Math.max(0, Math.ceil((finalAt - Date.now()) / 1000)));
  useEffect(() => {
    const timer = setInterval(() => {
      const seconds = Math.max(0, Math.ceil((finalAt - Date.now()) / 1000));
      setLeft(seconds);
      if (seconds === 0) onFinal();
    }, 250);
    return () => clearInterval(timer);
  }, [finalAt, onFinal]);
  return (
    <p role="status" className="undo-line">
      {t('profiles.deleted', { what })}{' '}
      <button type="button" onClick={onUndo}>
        {t('profiles.undo')}
      </button>{' '}
      <span className="hint">{t('profiles.undo.left', { seconds: left })}</span>
    </p>
  );
}
