import { useId, useState } from 'react';
import type { PortalWord } from '../../../../shared/reauth';
import { api } from '../../api';
import { useErrorText, useI18n } from '../../i18n/I18nProvider';

/**
 * B4, a portal profile in a browser: Bridgekeeper cannot watch that browser, so the person says
 * how it went — connected, failed (with what the portal or Visma said), or that they cannot tell.
 */
export function BrowserWordPrompt({ profileId, browser, target }: { profileId: string; browser: string; target: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const id = useId();
  const [failing, setFailing] = useState(false);
  const [detail, setDetail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = (word: PortalWord) => api.reportPortalWord(profileId, word).catch((e: unknown) => setError(errorText(e)));

  return (
    <div className="browser-word">
      <p>{t('browser.portal.word', { browser })}</p>
      {failing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void send({ outcome: 'failed', ...(detail.trim() ? { detail: detail.trim() } : {}) });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-detail`}>{t('browser.portal.failedDetail', { target })}</label>
            <textarea id={`${id}-detail`} value={detail} onChange={(e) => setDetail(e.target.value)} rows={3} autoFocus />
          </div>
          <button type="submit">{t('browser.portal.sendFailed')}</button>
        </form>
      ) : (
        <div className="dialog-actions">
          <button type="button" onClick={() => setFailing(true)}>
            {t('browser.portal.failed')}
          </button>
          <button type="button" onClick={() => void send({ outcome: 'unsure' })}>
            {t('browser.portal.unsure')}
          </button>
          <button type="button" className="primary" onClick={() => void send({ outcome: 'connected' })}>
            {t('browser.portal.done')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
