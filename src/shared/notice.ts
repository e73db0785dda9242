import type { Message } from './i18n/message';

/** Something the user must know that is not the answer to a click: a moved settings file, a missing keychain. */
export interface Notice {
  id: string;
  level: 'info' | 'warning' | 'error';
  /** English: for the log, and what a notice without words (the settings file's) shows. */
  message: string;
  /** The message as words in the catalog, shown in the reader's language. */
  words?: Message;
  /** Profiles the notice offers to reconnect together (the bulk reconnect chooser opens with exactly these). */
  profileIds?: string[];
}

/** The identity provider sent a login window to an origin the environment does not allow (shown in the reconnect dialog too). */
export const LOGIN_ORIGIN_BLOCKED = 'login-origin-blocked';
