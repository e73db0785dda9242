import { useEffect, useState } from 'react';
import type { LogExplanation } from '../../../../shared/log-explanation';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useErrorText, useI18n } from '../../i18n/I18nProvider';
import { ExplanationView } from './ExplanationView';
import { explainDroppedFile, useDroppedLog } from './dropped-log';

/** F9: paste DataBridge log lines or open a log file; every Visma error in it, explained. */
export function ExplainerDialog({ onReconnect, onClose }: { onReconnect(profileIds: string[]): void; onClose(): void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<LogExplanation | null>(null);
  const [error, setError] = useState<{ error: unknown } | null>(null);
  const { t } = useI18n();
  const errorText = useErrorText();

  const explain = async (run: () => Promise<LogExplanation | null>) => {
    setBusy(true);
    setError(null);
    try {
      const result = await run();
      if (result) setReport(result);
    } catch (e) {
      setError({ error: e });
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
    <Dialog title={t('explainer.dialog.title')} onClose={onClose} wide>
      {report ? (
        <ExplanationView report={report} onReconnect={onReconnect} />
      ) : (
        <>
          <div className="field">
            <label htmlFor="log-text">{t('explainer.dialog.log-lines')}</label>
            <textarea
              id="log-text"
              rows={10}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t('explainer.dialog.placeholder')}
              aria-describedby="log-text-hint"
            />
            <span id="log-text-hint" className="hint">
              {t('explainer.dialog.hint')}
            </span>
          </div>
        </>
      )}
      {busy && <p role="status">{t('explainer.dialog.reading')}</p>}
      {error && (
        <p role="alert" className="form-error">
          {errorText(error.error)}
        </p>
      )}
      <div className="dialog-actions">
        {report ? (
          <button type="button" onClick={() => setReport(null)}>
            {t('explainer.dialog.another')}
          </button>
        ) : (
          <>
            <button type="button" disabled={busy} onClick={() => void explain(() => api.explainLogFile())}>
              {t('explainer.dialog.open-file')}
            </button>
            <button type="button" className="primary" disabled={busy || text.trim() === ''} onClick={() => void explain(() => api.explainLog({ name: t('explainer.dialog.pasted'), text }))}>
              {t('explainer.dialog.explain')}
            </button>
          </>
        )}
        <button type="button" onClick={onClose}>
          {t('explainer.dialog.close')}
        </button>
      </div>
    </Dialog>
  );
}
