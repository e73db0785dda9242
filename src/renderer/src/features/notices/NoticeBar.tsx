import { api } from '../../api';
import { useI18n } from '../../i18n/I18nProvider';
import { useAppStore } from '../../state/app-store';

export function NoticeBar() {
  const notices = useAppStore((s) => s.notices);
  const requestBulk = useAppStore((s) => s.requestBulk);
  const { t, text } = useI18n();
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.level}`} role={notice.level === 'info' ? 'status' : 'alert'}>
          <p>{notice.words ? text(notice.words) : notice.message}</p>
          {notice.profileIds && notice.profileIds.length > 0 && (
            <button type="button" className="primary" onClick={() => requestBulk({ ids: notice.profileIds!, label: t('notices.bulk-label') })}>
              {t('notices.reconnect', { count: notice.profileIds.length })}
            </button>
          )}
          <button type="button" onClick={() => void api.dismissNotice(notice.id)}>
            {t('notices.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
