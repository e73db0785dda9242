import type { Language } from './i18n/languages';
import type { Message } from './i18n/message';

/** stable reads latest.yml (latest-mac.yml, latest-linux.yml); beta reads beta.yml and its twins. */
export const UPDATE_CHANNELS = ['stable', 'beta'] as const;
export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];

/** What a restart to update waits for: it never ends one of these under the person's hands. */
export const UPDATE_WAITS = ['login', 'portal', 'bulk'] as const;
export type UpdateWait = (typeof UPDATE_WAITS)[number];

/**
 * Where the updater is:
 * - off: no update feed (a development build, or none set);
 * - idle: nothing newer was found (or no check yet);
 * - checking, downloading: under way, in the background;
 * - ready: the new version is downloaded and verified; it is installed on quit or on "Restart now";
 * - waiting: "Restart now" was asked while a login, a portal reconnect or a bulk run is under way;
 *   it restarts when that ends;
 * - failed: the last check or download failed; nothing changed (`words` say why).
 */
export type UpdatePhase = 'off' | 'idle' | 'checking' | 'downloading' | 'ready' | 'waiting' | 'failed';

export interface UpdateState {
  /** This copy's version and channel: what the About box shows. */
  version: string;
  channel: UpdateChannel;
  phase: UpdatePhase;
  /** The newer version found, downloading or downloaded; null when none. */
  available: string | null;
  /** downloading: how far, 0–100. */
  percent: number | null;
  /** waiting: what the restart waits for. */
  waitingFor: UpdateWait | null;
  /** What the last check said (up to date, an older version refused) or why it failed. */
  words: Message | null;
  /** When the last check ended (ISO time); null before the first. */
  checkedAt: string | null;
}

/** What changed in the version now running, shown once after an update. */
export interface ReleaseNotes {
  version: string;
  /** The language the notes are in: the reader's where they exist, English otherwise. */
  language: Language;
  /** Plain text: paragraphs split by blank lines, "- " starts a list item. */
  text: string;
}
