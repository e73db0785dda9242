import { useId, useState } from 'react';
import type { PortalWord } from '../../../../shared/reauth';
import { api } from '../../api';
import { useErrorText, useI18n } from '../../i18n/I18nProvider';

/** The words of one such question: what is asked, and its three answers. */
export interface WordLabels {
  question: string;
  yes: string;
  no: string;
  unsure: string;
  /** The question for the failure's detail, and the button that sends it. */
  what: string;
  send: string;
}

/**
 * The person's word on a portal's page that Bridgekeeper could not read for itself (F18, B4):
 * connected — and, when `lines` are offered, which of the page's lines says so, for Bridgekeeper to
 * look for next time — or a problem, with what the page said, or that they cannot tell.
 */
export function PersonsWord({ profileId, labels, lines = [] }: { profileId: string; labels: WordLabels; lines?: string[] }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const id = useId();
  const [answer, setAnswer] = useState<'ask' | 'which' | 'what'>('ask');
  const [marker, setMarker] = useState('');
  const [detail, setDetail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = (word: PortalWord) => api.reportPortalWord(profileId, word).catch((e: unknown) => setError(errorText(e)));
  const connected = () => (lines.length > 0 ? setAnswer('which') : void send({ outcome: 'connected' }));

  return (
    <div className="prompt-box" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`}>
        <strong>{labels.question}</strong>
      </p>
      {answer === 'ask' && (
        <div className="dialog-actions left">
          <button type="button" className="primary" onClick={connected} autoFocus>
            {labels.yes}
          </button>
          <button type="button" onClick={() => setAnswer('what')}>
            {labels.no}
          </button>
          <button type="button" onClick={() => void send({ outcome: 'unsure' })}>
            {labels.unsure}
          </button>
        </div>
      )}
      {answer === 'which' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void send(marker ? { outcome: 'connected', marker } : { outcome: 'connected' });
          }}
        >
          <fieldset className="choices">
            <legend>{t('reauth.prompt.confirm.which')}</legend>
            {lines.map((line, i) => (
              <label key={line}>
                <input type="radio" name={`${id}-line`} value={line} checked={marker === line} onChange={() => setMarker(line)} autoFocus={i === 0} />
                <span className="wrap-anywhere">{line}</span>
              </label>
            ))}
            <label>
              <input type="radio" name={`${id}-line`} value="" checked={marker === ''} onChange={() => setMarker('')} />
              <span>{t('reauth.prompt.confirm.none-of-these')}</span>
            </label>
          </fieldset>
          <div className="dialog-actions left">
            <button type="submit" className="primary">
              {t('reauth.prompt.confirm.ok')}
            </button>
          </div>
        </form>
      )}
      {answer === 'what' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void send({ outcome: 'failed', ...(detail.trim() ? { detail: detail.trim() } : {}) });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-detail`}>{labels.what}</label>
            <textarea id={`${id}-detail`} value={detail} onChange={(e) => setDetail(e.target.value)} rows={3} autoFocus />
          </div>
          <div className="dialog-actions left">
            <button type="submit" className="primary">
              {labels.send}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
