import type { Language } from '../../shared/i18n/languages';
import type { ApiEvent } from '../../shared/api';
import type { UpdateChannel, UpdateWait } from '../../shared/updates';
import type { Logger } from '../logger';
import type { SettingsStore } from '../settings/settings-store';
import { createReleaseNotes } from './release-notes';
import { type UpdateServiceDeps, createUpdateService } from './update-service';
import type { UpdaterPort } from './updater-port';

/** The app's updater as the platform gives it (platform/auto-updater.ts); absent in tests and the harness: off. */
export interface AppUpdaterDeps {
  port: UpdaterPort | null;
  /** This copy's version (app.getVersion()). */
  version: string;
  /** The update server the build was packaged with (app-update.yml); '' in a development build. */
  packagedFeedUrl: string;
  /** Timings (tests shorten them). */
  timing?: Pick<UpdateServiceDeps, 'everyMs' | 'checkTimeoutMs' | 'stallTimeoutMs' | 'waitPollMs'>;
}

/** A -beta version is on the beta channel unless the settings say otherwise. */
export const channelOfVersion = (version: string): UpdateChannel => (/-beta\b/i.test(version) ? 'beta' : 'stable');

/** An app-update.yml's `url:`, or '' when it has none or names no real place (an `.invalid` host: a build made without a feed). */
export function feedUrlOfUpdateConfig(text: string): string {
  const found = /^url:\s*['"]?([^'"\s#]+)['"]?\s*$/m.exec(text)?.[1] ?? '';
  try {
    const url = new URL(found);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.hostname.endsWith('.invalid') ? found : '';
  } catch {
    return '';
  }
}

/**
 * What a restart must wait for: a bulk reconnect with a login open or going on by itself, a portal
 * reconnect, a login. A paused bulk run is kept on disk and survives a restart: it does not hold one.
 */
export function busyWith(deps: { settings: SettingsStore; reconnecting: () => { connection: string } | undefined; signingIn?: () => boolean }): () => UpdateWait | null {
  return () => {
    const run = deps.settings.current.bulk;
    if (run && (run.items.some((i) => i.state === 'running') || (run.auto && run.items.some((i) => i.state === 'pending')))) return 'bulk';
    const profile = deps.reconnecting();
    if (profile) return profile.connection === 'portal' ? 'portal' : 'login';
    // A sign-in to a portal is a login too.
    return deps.signingIn?.() ? 'login' : null;
  };
}

/** Counts the calls of `run` under way: what busyWith's signingIn asks. */
export function underWay<A extends unknown[], R>(run: (...args: A) => Promise<R>): { run: (...args: A) => Promise<R>; now: () => boolean } {
  let count = 0;
  return {
    run: async (...args: A) => {
      count++;
      try {
        return await run(...args);
      } finally {
        count--;
      }
    },
    now: () => count > 0,
  };
}

/** The update service, the release notes, and their part of the API. */
export function createAppUpdates(
  updater: AppUpdaterDeps | undefined,
  deps: { settings: SettingsStore; language: () => Language; busy: () => UpdateWait | null; emit: (event: ApiEvent) => void; log: Logger; now?: () => Date },
) {
  const { settings } = deps;
  // Without an updater (tests, the E2E harness) nothing is checked and no run is recorded.
  const recordRuns = updater !== undefined;
  updater ??= { port: null, version: '0.0.0', packagedFeedUrl: '' };
  const version = updater.version;
  const packaged = updater.packagedFeedUrl;
  const channel = () => settings.current.updates?.channel ?? channelOfVersion(version);
  const service = createUpdateService({
    port: updater.port,
    version,
    channel,
    feedUrl: () => settings.current.updates?.feedUrl?.trim() || packaged,
    busy: deps.busy,
    emit: deps.emit,
    log: deps.log,
    ...(deps.now ? { now: deps.now } : {}),
    ...updater.timing,
  });
  const notes = createReleaseNotes({ settings, version, language: deps.language, log: deps.log, record: recordRuns });
  return {
    service,
    api: {
      getUpdateState: async () => service.state(),
      checkForUpdates: () => service.checkForUpdates(),
      restartToUpdate: () => service.restartToUpdate(),
      getReleaseNotes: notes.getReleaseNotes,
      dismissReleaseNotes: notes.dismissReleaseNotes,
    },
  };
}
