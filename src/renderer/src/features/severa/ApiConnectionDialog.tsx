import { type FormEvent, useState } from 'react';
import type { SeveraCheckState } from '../../../../shared/severa-panel';
import { api, messageOf } from '../../api';
import { Dialog } from '../../components/Dialog';
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
  const [saving, setSaving] = useState(false);
  const saved = state.api.credentials.saved;
  const [baseUrl, setBaseUrl] = useState(state.api.baseUrl);
  const [addonName, setAddonName] = useState(state.api.addonName);
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [scope, setScope] = useState('');
  const [error, setError] = useState<string | null>(null);

  const typed = [clientId, clientSecret, scope].some((value) => value.trim() !== '');
  const missingCredential = (saved ? typed : true) && [clientId, clientSecret, scope].some((value) => value.trim() === '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (missingCredential) {
      setError(saved ? 'To replace the saved credentials, fill in the client id, the secret and the scope.' : 'Fill in the client id, the secret and the scope.');
      return;
    }
    setSaving(true);
    try {
      let next = await api.saveSeveraApiSettings({ baseUrl, addonName });
      if (typed) next = await api.saveSeveraCredentials({ clientId, clientSecret, scope });
      const where = next.api.credentials.storage === 'keychain' ? 'in the keychain' : 'for this session only';
      adopt(next, typed ? `Saved the Severa connection; the credentials are ${where}.` : 'Saved the Severa connection.');
      onClose();
    } catch (thrown) {
      setError(messageOf(thrown));
    } finally {
      setSaving(false);
    }
  };

  const forget = async () => {
    setError(null);
    try {
      adopt(await api.clearSeveraCredentials(), 'Forgot the Severa API credentials.');
      onClose();
    } catch (thrown) {
      setError(messageOf(thrown));
    }
  };

  return (
    <Dialog title="Severa API connection" onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor="severa-base-url">API address</label>
          <input id="severa-base-url" type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} aria-describedby="severa-base-url-hint" />
          <span id="severa-base-url-hint" className="hint">
            Production: {PRODUCTION}; staging: https://api.severa.stag.visma.com/rest-api
          </span>
        </div>
        <div className="field">
          <label htmlFor="severa-addon-name">Name of the Azets Work add-on</label>
          <input id="severa-addon-name" value={addonName} onChange={(e) => setAddonName(e.target.value)} aria-describedby="severa-addon-hint" />
          <span id="severa-addon-hint" className="hint">
            As Severa lists it among the organization’s active add-ons (case, spaces and dashes do not matter).
          </span>
        </div>
        <fieldset className="credentials">
          <legend>REST API client</legend>
          <p className="hint">
            {saved
              ? 'Credentials are saved in the keychain. Fill in all three to replace them.'
              : 'From Severa: Settings → Upgrades → REST API, where an administrator creates the client.'}
          </p>
          <div className="field">
            <label htmlFor="severa-client-id">Client id</label>
            <input id="severa-client-id" autoComplete="off" value={clientId} onChange={(e) => setClientId(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="severa-client-secret">Client secret</label>
            <input id="severa-client-secret" type="password" autoComplete="off" value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="severa-scope">Scope</label>
            <input id="severa-scope" autoComplete="off" value={scope} placeholder="users:read" onChange={(e) => setScope(e.target.value)} />
          </div>
        </fieldset>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          {saved && (
            <button type="button" className="danger push-left" onClick={() => void forget()} disabled={busy}>
              Forget saved credentials
            </button>
          )}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || saving}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
