import { useEffect, useState } from 'react';
import type { Profile } from '../../../../shared/profile';
import type { ProfileEvent } from '../../../../shared/reauth';
import { api, messageOf } from '../../api';
import { Dialog } from '../../components/Dialog';
import { EventTable } from '../../components/EventTable';
import { Message } from '../../components/Message';
import { StatusBadge } from '../../components/StatusBadge';
import { formatTime } from '../../components/files';
import { useAppStore } from '../../state/app-store';

interface ProfileDetailsProps {
  profileId: string;
  environmentName: string;
  onReconnect(profile: Profile): void;
  onEdit(profile: Profile): void;
  onDelete(profile: Profile): void;
  onClose(): void;
}

/** One profile: its connection (status, why, token expiry) and its last events. */
export function ProfileDetails({ profileId, environmentName, onReconnect, onEdit, onDelete, onClose }: ProfileDetailsProps) {
  const profile = useAppStore((s) => s.profiles.get(profileId));
  const [events, setEvents] = useState<ProfileEvent[] | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    api.listProfileEvents(profileId).then((list) => live && setEvents(list), () => live && setEvents([]));
    return () => {
      live = false;
    };
  }, [profileId, profile?.status, profile?.statusSince]);

  if (!profile) return null;
  const connected = ['connected', 'expiring', 'error'].includes(profile.status);

  const disconnect = async () => {
    try {
      const report = await api.disconnectProfile(profile.id);
      setMessage(
        report.revokeError
          ? { error: true, text: `Disconnected here, but Visma could not revoke the token: ${report.revokeError}. The local copy is gone.` }
          : { error: false, text: 'Disconnected: the token was revoked at Visma and removed from the keychain.' },
      );
    } catch (error) {
      setMessage({ error: true, text: messageOf(error) });
    }
  };

  return (
    <Dialog title={profile.name} onClose={onClose} wide>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={profile.status} /> since {formatTime(profile.statusSince)}
          {profile.statusReason && <span className="reason"> — {profile.statusReason.message}</span>}
        </dd>
        <dt>Company</dt>
        <dd>
          {profile.companyName} ({profile.companyId})
        </dd>
        <dt>API user</dt>
        <dd>{profile.apiUser}</dd>
        <dt>Environment</dt>
        <dd>{environmentName}</dd>
        <dt>Last verified</dt>
        <dd>{formatTime(profile.lastVerifiedAt)}</dd>
        <dt>Access token expires</dt>
        <dd>{formatTime(profile.accessTokenExpiresAt)}</dd>
        <dt>Refresh token expires</dt>
        <dd>{profile.refreshTokenExpiresAt ? formatTime(profile.refreshTokenExpiresAt) : connected ? 'not told by Visma' : '—'}</dd>
      </dl>
      <h3>Last events</h3>
      {events === null ? (
        <p>Loading…</p>
      ) : events.length === 0 ? (
        <p className="hint">Nothing has happened to this profile yet.</p>
      ) : (
        <EventTable events={events} label="Last events" />
      )}
      <Message message={message} />
      <div className="dialog-actions">
        <button type="button" className="danger" onClick={() => onDelete(profile)}>
          Delete
        </button>
        <button type="button" onClick={() => onEdit(profile)}>
          Edit
        </button>
        {connected && (
          <button type="button" onClick={() => void disconnect()}>
            Disconnect
          </button>
        )}
        <button type="button" onClick={() => onReconnect(profile)}>
          Reconnect
        </button>
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
