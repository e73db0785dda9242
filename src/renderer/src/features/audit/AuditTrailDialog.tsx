import { useEffect, useState } from 'react';
import type { ProfileEvent } from '../../../../shared/reauth';
import { api, messageOf } from '../../api';
import { Dialog } from '../../components/Dialog';
import { EventTable } from '../../components/EventTable';
import { download } from '../../components/files';

const SHOWN = 500;

/** B3: who was reconnected, disconnected, refreshed or checked, when, and how it ended. Never a secret. */
export function AuditTrailDialog({ onClose }: { onClose(): void }) {
  const [events, setEvents] = useState<ProfileEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.listAuditEvents(SHOWN).then(setEvents, (e: unknown) => setError(messageOf(e)));
  }, []);
  const exportAll = async () => {
    try {
      download(await api.exportAuditTrail());
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <Dialog title="Audit trail" onClose={onClose} wide>
      <p className="hint">The newest {SHOWN} events; the export holds every event Bridgekeeper has recorded.</p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {events === null ? (
        <p>Loading…</p>
      ) : events.length === 0 ? (
        <p>Nothing has been recorded yet.</p>
      ) : (
        <EventTable events={events} label="Audit events" showProfile />
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => void exportAll()}>
          Export CSV
        </button>
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
