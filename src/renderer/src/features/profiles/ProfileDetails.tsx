import { useEffect, useState } from 'react';
import type { Profile } from '../../../../shared/profile';
import type { ProfileEvent } from '../../../../shared/reauth';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { EventTable } from '../../components/EventTable';
import { Message } from '../../components/Message';
import { StatusBadge } from '../../components/StatusBadge';
import { useErrorText, useI18n } from '../../i18n/I18nProvider';
import { useAppStore } from '../../state/app-store';
import { timeText } from './ProfileTable';

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
  const translator = useI18n();
  const { t, text } = translator;
  const messageOf = useErrorText();
  const formatTime = (iso: string | undefined) => timeText(translator, iso);

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
          ? { error: true, text: t('profiles.details.disconnected.revoke-failed', { error: report.revokeError }) }
          : { error: false, text: t('profiles.details.disconnected') },
      );
    } catch (error) {
      setMessage({ error: true, text: messageOf(error) });
    }
  };

  return (
    <Dialog title={profile.name} onClose={onClose} wide>
      <dl className="facts">
        <dt>{t('profiles.details.status')}</dt>
        <dd>
          <StatusBadge status={profile.status} /> {t('profiles.details.since', { time: formatTime(profile.statusSince) })}
          {profile.statusReason && <span className="reason"> — {profile.statusReason.words ? text(profile.statusReason.words) : profile.statusReason.message}</span>}
        </dd>
        <dt>{t('profiles.details.company')}</dt>
        <dd>
          {profile.companyName} ({profile.companyId})
        </dd>
        <dt>{t('profiles.details.api-user')}</dt>
        <dd>{profile.apiUser}</dd>
        {viaPortal ? (
          <>
            <dt>{t('profiles.details.connection')}</dt>
            <dd>{t('profiles.details.kept-by', { target: targetName })}</dd>
            <dt>{t('profiles.details.page-in', { target: targetName })}</dt>
            <dd className="wrap-anywhere">{profile.portalUrl}</dd>
            {profile.connectedVia && (
              <>
                <dt>{t('profiles.details.last-through')}</dt>
                <dd>
                  {targetName}
                  {profile.connectedVia.clientId && t('profiles.details.client', { client: profile.connectedVia.clientId })}
                  {profile.connectedVia.user && t('profiles.details.as-user', { user: profile.connectedVia.user })}
                </dd>
              </>
            )}
            <dt>{t('profiles.details.evidence')}</dt>
            <dd className="wrap-anywhere">
              {profile.status === 'connected' && profile.connectedVia?.evidence
                ? t(`profiles.details.evidence.${profile.connectedVia.evidence}`, { target: targetName, said: profile.connectedVia.said ?? '' })
                : t('profiles.details.evidence.none')}
            </dd>
            <dt>{t('profiles.details.job-confirmed')}</dt>
            <dd>{formatTime(profile.lastVerifiedAt)}</dd>
          </>
        ) : (
          <>
            <dt>{t('profiles.details.environment')}</dt>
            <dd>{targetName}</dd>
            <dt>{t('profiles.details.last-verified')}</dt>
            <dd>{formatTime(profile.lastVerifiedAt)}</dd>
            <dt>{t('profiles.details.access-expires')}</dt>
            <dd>{formatTime(profile.accessTokenExpiresAt)}</dd>
            <dt>{t('profiles.details.refresh-expires')}</dt>
            <dd>{profile.refreshTokenExpiresAt ? formatTime(profile.refreshTokenExpiresAt) : connected ? t('profiles.details.not-told') : t('profiles.never')}</dd>
          </>
        )}
      </dl>
      {viaPortal && <JobUrlField profile={profile} portalName={targetName} />}
      <h3>{t('profiles.details.events')}</h3>
      {events === null ? (
        <p>{t('profiles.details.loading')}</p>
      ) : events.length === 0 ? (
        <p className="hint">{t('profiles.details.no-events')}</p>
      ) : (
        <EventTable events={events} label={t('profiles.details.events')} />
      )}
      <Message message={message} />
      <div className="dialog-actions">
        <button type="button" className="danger" onClick={() => onDelete(profile)}>
          {t('profiles.details.delete')}
        </button>
        <button type="button" onClick={() => onEdit(profile)}>
          {t('profiles.details.edit')}
        </button>
        {connected && (
          <button type="button" onClick={() => void disconnect()}>
            {t('profiles.details.disconnect')}
          </button>
        )}
        <button type="button" onClick={() => onReconnect(profile)}>
          {t('profiles.details.reconnect')}
        </button>
        <button type="button" className="primary" onClick={onClose} autoFocus>
          {t('profiles.details.close')}
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
  const { t } = useI18n();
  const messageOf = useErrorText();
  const save = async (value: string | null) => {
    try {
      await api.setJobUrl(profile.id, value);
      setUrl('');
      setMessage({ error: false, text: t(value ? 'profiles.job.saved' : 'profiles.job.removed') });
    } catch (error) {
      setMessage({ error: true, text: messageOf(error) });
    }
  };
  return (
    <section aria-labelledby="job-url-title">
      <h3 id="job-url-title">{t('profiles.job.title')}</h3>
      <p className="hint">{t('profiles.job.hint', { portal: portalName })}</p>
      {profile.jobUrlMasked ? (
        <p>
          {t('profiles.job.url')} <code className="wrap-anywhere">{profile.jobUrlMasked}</code>{' '}
          <button type="button" onClick={() => void save(null)}>
            {t('profiles.job.remove')}
          </button>
        </p>
      ) : (
        <div className="field">
          <label htmlFor="job-url">{t('profiles.job.field')}</label>
          <input id="job-url" type="password" autoComplete="off" value={url} onChange={(e) => setUrl(e.target.value)} />
          <button type="button" disabled={!url.trim()} onClick={() => void save(url)}>
            {t('profiles.job.save')}
          </button>
        </div>
      )}
      <Message message={message} />
    </section>
  );
}
