import { type FormEvent, useState } from 'react';
import type { SeveraCheckState } from '../../../../shared/severa-panel';
import { type Phrase, phrase } from '../../../../shared/severa-words';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { errorWords, useSeveraWords } from './reasons';
import { useSeveraStore } from './severa-store';

const PRODUCTION = 'https://api.severa.visma.com/rest-api';

interface ApiConnectionDialogProps {
  state: SeveraCheckState;
  onClose(): void;
}

/**
 * The Severa REST API connection: its address, the add-on's name, and the client credentials.
 * The credentials go to main once and into the keychain; they are never shown again, only
 * replaced or forgotten.
 */
export function ApiConnectionDialog({ state, onClose }: ApiConnectionDialogProps) {
  const adopt = useSeveraStore((s) => s.adopt);
  const busy = useSeveraStore((s) => s.busy) !== null;
  const words = useSeveraWords();
  const { t } = words;
  const [saving, setSaving] = useState(false);
  const saved = state.api.credentials.saved;
  const [baseUrl, setBaseUrl] = useState(state.api.baseUrl);
  const [addonName, setAddonName] = useState(state.api.addonName);
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [scope, setScope] = useState('');
  const [error, setError] = useState<Phrase | null>(null);

  const typed = [clientId, clientSecret, scope].some((value) => value.trim() !== '');
  const missingCredential = (saved ? typed : true) && [clientId, clientSecret, scope].some((value) => value.trim() === '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (missingCredential) {
      setError(phrase(saved ? 'severa.panel.api.fillAllToReplace' : 'severa.panel.api.fillAll'));
      return;
    }
    setSaving(true);
    try {
      let next = await api.saveSeveraApiSettings({ baseUrl, addonName });
      if (typed) next = await api.saveSeveraCredentials({ clientId, clientSecret, scope });
      adopt(next, typed ? phrase('severa.panel.api.savedWithCredentials', { storage: next.api.credentials.storage }) : phrase('severa.panel.api.saved'));
      onClose();
    } catch (thrown) {
      setError(errorWords(thrown));
    } finally {
      setSaving(false);
    }
  };

  const forget = async () => {
    setError(null);
    try {
      adopt(await api.clearSeveraCredentials(), phrase('severa.panel.api.forgot'));
      onClose();
    } catch (thrown) {
      setError(errorWords(thrown));
    }
  };

  return (
    <Dialog title={t('severa.panel.api.title')} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor="severa-base-url">{t('severa.panel.api.baseUrl')}</label>
          <input id="severa-base-url" type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} aria-describedby="severa-base-url-hint" />
          <span id="severa-base-url-hint" className="hint">
            {t('severa.panel.api.baseUrlHint', { production: PRODUCTION, staging: 'https://api.severa.stag.visma.com/rest-api' })}
          </span>
        </div>
        <div className="field">
          <label htmlFor="severa-addon-name">{t('severa.panel.api.addonName')}</label>
          <input id="severa-addon-name" value={addonName} onChange={(e) => setAddonName(e.target.value)} aria-describedby="severa-addon-hint" />
          <span id="severa-addon-hint" className="hint">
            {t('severa.panel.api.addonNameHint')}
          </span>
        </div>
        <fieldset className="credentials">
          <legend>{t('severa.panel.api.client')}</legend>
          <p className="hint">
            {t(saved ? 'severa.panel.api.clientSaved' : 'severa.panel.api.clientWhere')}
          </p>
          <div className="field">
            <label htmlFor="severa-client-id">{t('severa.panel.api.clientId')}</label>
            <input id="severa-client-id" autoComplete="off" value={clientId} onChange={(e) => setClientId(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="severa-client-secret">{t('severa.panel.api.clientSecret')}</label>
            <input id="severa-client-secret" type="password" autoComplete="off" value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="severa-scope">{t('severa.panel.api.scope')}</label>
            <input id="severa-scope" autoComplete="off" value={scope} placeholder="users:read" onChange={(e) => setScope(e.target.value)} />
          </div>
        </fieldset>
        {error && (
          <p role="alert" className="form-error">
            {words.say(error)}
          </p>
        )}
        <div className="dialog-actions">
          {saved && (
            <button type="button" className="danger push-left" onClick={() => void forget()} disabled={busy}>
              {t('severa.panel.api.forget')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('severa.panel.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || saving}>
            {t('severa.panel.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
