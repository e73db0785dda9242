import { useId, useState } from 'react';
import type { PortalWord } from '../../../../shared/reauth';
import { api } from '../../api';
import { useErrorText, useI18n } from '../../i18n/I18nProvider';
import { useAppStore } from '../../state/app-store';

/**
 * What a portal reconnect asks of the person while the portal's page is on screen (F18): which
 * control to press when Bridgekeeper pressed none, or — when the portal's page did not say —
 * whether it shows the profile connected, and which of its words say so (Bridgekeeper then looks
 * for them on the portal's next reconnects).
 */
export function PortalPromptView({ profileId, target }: { profileId: string; target: string }) {
  const prompt = useAppStore((s) => s.portalPrompts.get(profileId));
  const { t } = useI18n();
  if (!prompt) return null;
  if (prompt.kind === 'press') {
    const label = prompt.label || t('reauth.prompt.label-fallback');
    const key = prompt.found === 'several' ? 'reauth.prompt.press.several' : prompt.sectionFound ? 'reauth.prompt.press.none' : 'reauth.prompt.press.no-section';
    return (
      <p role="status" className="prompt-box">
        {t(key, { label, section: prompt.section, target, names: prompt.names.join(', ') })}
      </p>
    );
  }
  return <ConfirmQuestion key={prompt.lines.join('\n')} profileId={profileId} target={target} lines={prompt.lines} />;
}

function ConfirmQuestion({ profileId, target, lines }: { profileId: string; target: string; lines: string[] }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const id = useId();
  const [answer, setAnswer] = useState<'ask' | 'which' | 'what'>('ask');
  const [marker, setMarker] = useState<string>('');
  const [detail, setDetail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = (word: PortalWord) => api.reportPortalWord(profileId, word).catch((e: unknown) => setError(errorText(e)));
  const connected = () => (lines.length > 0 ? setAnswer('which') : void send({ outcome: 'connected' }));

  return (
    <div className="prompt-box" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`}>
        <strong>{t('reauth.prompt.confirm.question', { target })}</strong>
      </p>
      {answer === 'ask' && (
        <div className="dialog-actions left">
          <button type="button" className="primary" onClick={connected} autoFocus>
            {t('reauth.prompt.confirm.yes')}
          </button>
          <button type="button" onClick={() => setAnswer('what')}>
            {t('reauth.prompt.confirm.no')}
          </button>
          <button type="button" onClick={() => void send({ outcome: 'unsure' })}>
            {t('reauth.prompt.confirm.unsure')}
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
            <label htmlFor={`${id}-detail`}>{t('reauth.prompt.confirm.what', { target })}</label>
            <textarea id={`${id}-detail`} value={detail} onChange={(e) => setDetail(e.target.value)} rows={3} autoFocus />
          </div>
          <div className="dialog-actions left">
            <button type="submit" className="primary">
              {t('reauth.prompt.confirm.send')}
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
