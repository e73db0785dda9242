import { useEffect, useState } from 'react';
import type { LogExplanation } from '../../../../shared/log-explanation';
import { api, messageOf } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ExplanationView } from './ExplanationView';
import { explainDroppedFile, useDroppedLog } from './dropped-log';

/** F9: paste DataBridge log lines or open a log file; every Visma error in it, explained. */
export function ExplainerDialog({ onReconnect, onClose }: { onReconnect(profileIds: string[]): void; onClose(): void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<LogExplanation | null>(null);
  const [error, setError] = useState<string | null>(null);

  const explain = async (run: () => Promise<LogExplanation | null>) => {
    setBusy(true);
    setError(null);
    try {
      const result = await run();
      if (result) setReport(result);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  // A log dropped on the window (before or while this is open) is explained at once.
  useEffect(() => {
    const take = (file: File | null) => {
      if (!file) return;
      useDroppedLog.getState().drop(null);
      void explain(() => explainDroppedFile(file));
    };
    take(useDroppedLog.getState().file);
    return useDroppedLog.subscribe((state) => take(state.file));
  }, []);

  return (
    <Dialog title="Explain a DataBridge log" onClose={onClose} wide>
      {report ? (
        <ExplanationView report={report} onReconnect={onReconnect} />
      ) : (
        <>
          <div className="field">
            <label htmlFor="log-text">Log lines</label>
            <textarea
              id="log-text"
              rows={10}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="Paste lines from DataBridge's log, e.g. Error calling Visma.net endpoint (…) Invalid parameter exception: ipp-company-id (12002_12002_…)"
              aria-describedby="log-text-hint"
            />
            <span id="log-text-hint" className="hint">
              Or open a whole log file, or drop one on this window: it is read from disk, however large.
            </span>
          </div>
        </>
      )}
      {busy && <p role="status">Reading the log…</p>}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        {report ? (
          <button type="button" onClick={() => setReport(null)}>
            Explain another log
          </button>
        ) : (
          <>
            <button type="button" disabled={busy} onClick={() => void explain(() => api.explainLogFile())}>
              Open a log file…
            </button>
            <button type="button" className="primary" disabled={busy || text.trim() === ''} onClick={() => void explain(() => api.explainLog({ name: 'Pasted text', text }))}>
              Explain
            </button>
          </>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
