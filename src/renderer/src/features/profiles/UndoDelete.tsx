import { useEffect, useState } from 'react';
import type { DeleteReport } from '../../../../shared/api';

interface UndoDeleteProps {
  report: DeleteReport;
  what: string;
  onUndo(): void;
  onFinal(): void;
}

/** "Deleted … Undo (8 s)": counts down to the moment main makes the deletion final. */
export function UndoDelete({ report, what, onUndo, onFinal }: UndoDeleteProps) {
  const finalAt = Date.parse(report.finalAt);
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
      Deleted {what}.{' '}
      <button type="button" onClick={onUndo}>
        Undo
      </button>{' '}
      <span className="hint">({left} s before the tokens are revoked)</span>
    </p>
  );
}
