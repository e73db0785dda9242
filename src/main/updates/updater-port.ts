import type { UpdateChannel } from '../../shared/updates';

/** Where updates come from: a generic server's folder and the channel file read there. */
export interface UpdateFeed {
  url: string;
  channel: UpdateChannel;
}

/** What the feed offers against the version running. */
export interface FeedAnswer {
  /** The version the channel file names. */
  version: string;
  /** Newer than the one running: to be downloaded. */
  newer: boolean;
  /** Older than the one running: refused (a downgrade is never installed). */
  older: boolean;
}

/**
 * Why a check or a download failed, as a kind the words are chosen by:
 * - unreachable: no connection to the server (refused, no such host, reset);
 * - timeout: the server did not answer, or the download stalled, within the time allowed;
 * - not-found: the server answered, but has no channel file or artefact there (HTTP 4xx/5xx);
 * - bad-feed: the channel file is not one (not YAML, no version, no files);
 * - checksum: the download's SHA-512 is not the one the channel file names (damaged or tampered);
 * - signature: the installer is not signed by the publisher this copy was signed by (Windows),
 *   or its code signature does not match this app's (macOS, Squirrel);
 * - inactive: the updater will not run here (a development build without a packaged update file);
 * - other: anything else (the detail says what).
 */
export const UPDATE_FAILURES = ['unreachable', 'timeout', 'not-found', 'bad-feed', 'checksum', 'signature', 'inactive', 'other'] as const;
export type UpdateFailureKind = (typeof UPDATE_FAILURES)[number];

export class UpdateFailure extends Error {
  constructor(
    readonly kind: UpdateFailureKind,
    /** The library's own words, English, for the log and the "details". */
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

/**
 * The platform seam for updates: all the update service needs of an updater. The app's is
 * electron-updater (updates/electron-updater-port.ts over platform/auto-updater.ts); tests drive
 * the same adapter over electron-updater's own classes against a server on 127.0.0.1.
 * Every method rejects with an UpdateFailure, never anything else.
 */
export interface UpdaterPort {
  /** Reads the feed's channel file. */
  check(feed: UpdateFeed): Promise<FeedAnswer>;
  /**
   * Downloads the version the last check found and verifies it (SHA-512 from the channel file;
   * the publisher's signature where the platform has one). Resolves only when the file is whole
   * and verified; a failed or tampered download leaves nothing to install.
   */
  download(signal: AbortSignal, onProgress: (percent: number) => void): Promise<void>;
  /** Quits, installs the verified download, and starts the new version. */
  restartAndInstall(): void;
}
