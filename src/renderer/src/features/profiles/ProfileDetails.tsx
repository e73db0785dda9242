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
  /** Where its connection is made: the environment's or the portal's name. */
  targetName: string;
  onReconnect(profile: Profile): void;
  onEdit(profile: Profile): void;
  onDelete(profile: Profile): void;
  onClose(): void;
}

/** One profile: its connection (status, why, token expiry) and its last events. */
export function ProfileDetails({ profileId, targetName, onReconnect, onEdit, onDelete, onClose }: ProfileDetailsProps) {
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
  const viaPortal = profile.connection === 'portal';
  const connected = !viaPortal && ['connected', 'expiring', 'error'].includes(profile.status);

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
        {viaPortal ? (
          <>
            <dt>Connection</dt>
            <dd>Kept by {targetName}; Bridgekeeper never holds its tokens</dd>
            <dt>Page in {targetName}</dt>
            <dd className="wrap-anywhere">{profile.portalUrl}</dd>
            {profile.connectedVia && (
              <>
                <dt>Last connected through</dt>
                <dd>
                  {targetName}
                  {profile.connectedVia.clientId && `, Visma client ${profile.connectedVia.clientId}`}
                  {profile.connectedVia.user && `, as ${profile.connectedVia.user}`}
                </dd>
              </>
            )}
            <dt>Confirmed by a job run</dt>
            <dd>{formatTime(profile.lastVerifiedAt)}</dd>
          </>
        ) : (
          <>
            <dt>Environment</dt>
            <dd>{targetName}</dd>
            <dt>Last verified</dt>
            <dd>{formatTime(profile.lastVerifiedAt)}</dd>
            <dt>Access token expires</dt>
            <dd>{formatTime(profile.accessTokenExpiresAt)}</dd>
            <dt>Refresh token expires</dt>
            <dd>{profile.refreshTokenExpiresAt ? formatTime(profile.refreshTokenExpiresAt) : connected ? 'not told by Visma' : '—'}</dd>
          </>
        )}
      </dl>
      {viaPortal && <JobUrlField profile={profile} portalName={targetName} />}
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

/**
 * The optional confirmation (F18): a profile's triggered-job URL runs its job once after a reconnect.
 * The URL carries the job's secret key, so it goes to the keychain and only a masked form comes back.
 */
function JobUrlField({ profile, portalName }: { profile: Profile; portalName: string }) {
  const [url, setUrl] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const save = async (value: string | null) => {
    try {
      await api.setJobUrl(profile.id, value);
      setUrl('');
      setMessage({ error: false, text: value ? 'Saved in the system keychain. The job runs once after each reconnect of this profile.' : 'Removed from the keychain.' });
    } catch (error) {
      setMessage({ error: true, text: messageOf(error) });
    }
  };
  return (
    <section aria-labelledby="job-url-title">
      <h3 id="job-url-title">Confirm with a job run</h3>
      <p className="hint">
        {portalName} gives each profile a triggered-job URL. With it, Bridgekeeper runs the job once after a reconnect and reads whether it worked. It runs a
        real job (at most one per 5 minutes), so it is your choice; it is never part of a health check.
      </p>
      {profile.jobUrlMasked ? (
        <p>
          Job URL: <code className="wrap-anywhere">{profile.jobUrlMasked}</code>{' '}
          <button type="button" onClick={() => void save(null)}>
            Remove job URL
          </button>
        </p>
      ) : (
        <div className="field">
          <label htmlFor="job-url">Triggered-job URL</label>
          <input id="job-url" type="password" autoComplete="off" value={url} onChange={(e) => setUrl(e.target.value)} />
          <button type="button" disabled={!url.trim()} onClick={() => void save(url)}>
            Save job URL
          </button>
        </div>
      )}
      <Message message={message} />
    </section>
  );
}
