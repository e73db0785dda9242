import { useEffect, useState } from 'react';
import type { ProfileEvent } from '../../../../shared/reauth';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { EventTable } from '../../components/EventTable';
import { download } from '../../components/files';
import { useErrorText, useI18n } from '../../i18n/I18nProvider';

const SHOWN = 500;

/** B3: who was reconnected, disconnected, refreshed or checked, when, and how it ended. Never a secret. */
export function AuditTrailDialog({ onClose }: { onClose(): void }) {
  const [events, setEvents] = useState<ProfileEvent[] | null>(null);
  const [error, setError] = useState<{ error: unknown } | null>(null);
  const { t } = useI18n();
  const errorText = useErrorText();
  useEffect(() => {
    api.listAuditEvents(SHOWN).then(setEvents, (e: unknown) => setError({ error: e }));
  }, []);
  const exportAll = async () => {
    try {
      download(await api.exportAuditTrail());
    } catch (e) {
      setError({ error: e });
    }
  };
  return (
    <Dialog title={t('audit.dialog.title')} onClose={onClose} wide>
      <p className="hint">{t('audit.dialog.hint', { count: SHOWN })}</p>
      {error && (
        <p role="alert" className="form-error">
          {errorText(error.error)}
        </p>
      )}
      {events === null ? (
        <p>{t('audit.dialog.loading')}</p>
      ) : events.length === 0 ? (
        <p>{t('audit.dialog.empty')}</p>
      ) : (
        <EventTable events={events} label={t('audit.dialog.events')} showProfile />
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => void exportAll()}>
          {t('audit.dialog.export')}
        </button>
        <button type="button" className="primary" onClick={onClose} autoFocus>
          {t('audit.dialog.close')}
        </button>
      </div>
    </Dialog>
  );
}
