import { api } from '../../api';
import { useAppStore } from '../../state/app-store';

export function NoticeBar() {
  const notices = useAppStore((s) => s.notices);
  const requestBulk = useAppStore((s) => s.requestBulk);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.level}`} role={notice.level === 'info' ? 'status' : 'alert'}>
          <p>{notice.message}</p>
          {notice.profileIds && notice.profileIds.length > 0 && (
            <button type="button" className="primary" onClick={() => requestBulk({ ids: notice.profileIds!, label: 'The profiles this notice names' })}>
              Reconnect these {notice.profileIds.length} profiles…
            </button>
          )}
          <button type="button" onClick={() => void api.dismissNotice(notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
