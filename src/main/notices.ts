import type { ApiEvent } from '../shared/api';
import type { Notice } from '../shared/notice';
import { inWords } from './in-words';

/** Notices live until the user dismisses them; they are not persisted (each start says what it found). */
export function createNoticeBoard(emit: (event: ApiEvent) => void, initial: Notice[] = []) {
  let notices = [...initial];
  const changed = () => emit({ type: 'notices-changed', notices });
  return {
    async listNotices() {
      return notices;
    },
    async dismissNotice(id: string) {
      notices = notices.filter((n) => n.id !== id);
      changed();
    },
    post(notice: Notice) {
      notices = [...notices.filter((n) => n.id !== notice.id), notice];
      changed();
    },
  };
}

/** The token file could not be opened with its key and was moved aside: the tokens in it are gone. */
export const tokenFileUnreadableNotice = (path: string): Notice => ({
  id: 'token-file-unreadable',
  level: 'warning',
  ...inWords('notices.token-file-unreadable', { path }),
});

/** Where no keychain works (posted at start, or once the keychain probe has failed). */
export const noKeychainNotice = (reason?: string): Notice => ({
  id: 'no-keychain',
  level: 'warning',
  ...(reason ? inWords('notices.no-keychain.reason', { reason }) : inWords('notices.no-keychain')),
});
