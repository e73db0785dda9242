import { type AppUpdater, CancellationToken, type ProgressInfo } from 'electron-updater';
import type { Logger } from '../logger';
import { UpdateFailure, type UpdateFailureKind, type UpdaterPort } from './updater-port';

/** electron-updater's channel file for our channel: stable is its default, "latest". */
const channelFile = (channel: 'stable' | 'beta') => (channel === 'stable' ? 'latest' : 'beta');

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ERR_CONNECTION_REFUSED']);

/** electron-updater's and builder-util-runtime's errors, by their codes, as the kinds the words follow. */
export function failureOf(error: unknown): UpdateFailure {
  if (error instanceof UpdateFailure) return error;
  const e = (error ?? {}) as { code?: unknown; message?: unknown; statusCode?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const detail = typeof e.message === 'string' ? e.message.split('\n')[0]!.slice(0, 500) : String(error);
  const kind: UpdateFailureKind =
    code === 'ERR_CHECKSUM_MISMATCH'
      ? 'checksum'
      : code === 'ERR_UPDATER_INVALID_SIGNATURE'
        ? 'signature'
        : code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' || code.startsWith('HTTP_ERROR_') || typeof e.statusCode === 'number'
          ? 'not-found'
          : code === 'ERR_UPDATER_INVALID_UPDATE_INFO' || code === 'ERR_UPDATER_INVALID_VERSION' || code === 'ERR_UPDATER_NO_FILES_PROVIDED' || code === 'ERR_UPDATER_ZIP_FILE_NOT_FOUND' || code === 'ERR_UPDATER_NO_CHECKSUM'
            ? 'bad-feed'
            : NETWORK_CODES.has(code) || /net::ERR_(CONNECTION|NAME|INTERNET|ADDRESS|NETWORK)/.test(detail)
              ? 'unreachable'
              : code === 'ETIMEDOUT' || /timed out|net::ERR_TIMED_OUT/i.test(detail)
                ? 'timeout'
                : /code signature|did not pass validation/i.test(detail)
                  ? 'signature'
                  : 'other';
  return new UpdateFailure(kind, detail);
}

/**
 * On macOS electron-updater verifies the zip's SHA-512 and then hands it to Electron's autoUpdater
 * (Squirrel.Mac), which checks the new app's code signature against this one's: the update is ready
 * only when Squirrel says 'update-downloaded', and its 'error' (a signature that does not match) is
 * a failed download. Elsewhere there is no native updater and nothing to wait for.
 */
function watchSquirrel(updater: AppUpdater): { settled(signal: AbortSignal): Promise<void>; stop(): void } {
  const squirrel = (updater as unknown as { nativeUpdater?: NodeJS.EventEmitter }).nativeUpdater;
  if (!squirrel) return { settled: async () => undefined, stop: () => undefined };
  // Listening from before the download starts: Squirrel may answer before electron-updater's promise settles.
  let outcome: { ok: true } | { ok: false; error: unknown } | null = null;
  let wake = () => {};
  const downloaded = () => {
    outcome ??= { ok: true };
    wake();
  };
  const failed = (error: unknown) => {
    outcome ??= { ok: false, error };
    wake();
  };
  squirrel.on('update-downloaded', downloaded);
  squirrel.on('error', failed);
  return {
    async settled(signal) {
      await new Promise<void>((resolve, reject) => {
        const abort = () => reject(signal.reason);
        wake = () => {
          signal.removeEventListener('abort', abort);
          if (outcome?.ok) resolve();
          else if (outcome) reject(outcome.error);
        };
        signal.addEventListener('abort', abort);
        if (outcome) wake();
      });
    },
    stop() {
      squirrel.off('update-downloaded', downloaded);
      squirrel.off('error', failed);
    },
  };
}

/**
 * The update seam over electron-updater (any of its classes: NsisUpdater, MacUpdater, DebUpdater,
 * AppImageUpdater), deliberately thin: the policy (when to check, when a restart may happen, the
 * words) is the update service's. It sets the updater to do nothing by itself:
 * - autoDownload off: the service downloads, and knows when;
 * - allowDowngrade off after every feed change: setting a channel turns it on in electron-updater
 *   (AppUpdater's channel setter), and an older version is never installed;
 * - disableWebInstaller: only a full installer, whose SHA-512 the channel file names;
 * - autoInstallOnAppQuit stays on: the quit handler is armed only once a download is verified
 *   (BaseUpdater.executeDownload's done), and installs only that file.
 */
export function electronUpdaterPort(updater: AppUpdater, log: Logger): UpdaterPort {
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = true;
  updater.allowDowngrade = false;
  updater.disableWebInstaller = true;
  updater.logger = {
    info: (message?: unknown) => log.info('updates.updater', { message: String(message) }),
    warn: (message?: unknown) => log.warn('updates.updater', { message: String(message) }),
    error: (message?: unknown) => log.error('updates.updater', { message: String(message) }),
  };
  let configured = '';
  return {
    async check(feed) {
      const key = `${feed.url}\n${feed.channel}`;
      if (key !== configured) {
        updater.setFeedURL({ provider: 'generic', url: feed.url, channel: channelFile(feed.channel) });
        updater.allowDowngrade = false;
        configured = key;
      }
      let result;
      try {
        result = await updater.checkForUpdates();
      } catch (error) {
        throw failureOf(error);
      }
      if (!result) throw new UpdateFailure('inactive', 'the updater runs only in a packaged app');
      const version = result.updateInfo.version;
      const order = updater.currentVersion.compare(version);
      return { version, newer: result.isUpdateAvailable && order < 0, older: order > 0 };
    },

    async download(signal, onProgress) {
      const token = new CancellationToken();
      const abort = () => token.cancel();
      signal.addEventListener('abort', abort);
      const progress = (info: ProgressInfo) => onProgress(info.percent);
      const squirrel = watchSquirrel(updater);
      updater.on('download-progress', progress);
      try {
        if (signal.aborted) throw signal.reason;
        await updater.downloadUpdate(token);
        await squirrel.settled(signal);
      } catch (error) {
        throw signal.aborted && signal.reason instanceof UpdateFailure ? signal.reason : failureOf(error);
      } finally {
        squirrel.stop();
        signal.removeEventListener('abort', abort);
        updater.off('download-progress', progress);
      }
    },

    restartAndInstall() {
      // Silent (no installer pages on Windows) and started again afterwards; macOS's Squirrel
      // ignores both and relaunches.
      updater.quitAndInstall(true, true);
    },
  };
}
