import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { app } from 'electron';
import type * as ElectronUpdater from 'electron-updater';
import type { Logger } from '../logger';
import { type AppUpdaterDeps, feedUrlOfUpdateConfig } from '../updates/app-updates';
import { electronUpdaterPort } from '../updates/electron-updater-port';

/**
 * The updater for this platform (electron-updater's: NSIS on Windows, Squirrel.Mac on macOS, the
 * .deb's or the AppImage's on Linux), or none in a development build: electron-updater runs only in a
 * packaged app, and a development build has no update server. The update server the build was
 * packaged with is app-update.yml's (electron-builder writes it from the `publish` setting).
 */
export function createAppUpdater(log: Logger): AppUpdaterDeps {
  const version = app.getVersion();
  if (!app.isPackaged) return { port: null, version, packagedFeedUrl: '' };
  let packagedFeedUrl = '';
  try {
    packagedFeedUrl = feedUrlOfUpdateConfig(fs.readFileSync(path.join(process.resourcesPath, 'app-update.yml'), 'utf8'));
  } catch (error) {
    log.warn('updates.no-update-config', { message: error instanceof Error ? error.message : String(error) });
  }
  // autoUpdater is a getter Node's ES-module loader cannot name (so: required); it builds the
  // platform's class on first use, here, and only in a packaged app.
  const { autoUpdater } = createRequire(import.meta.url)('electron-updater') as typeof ElectronUpdater;
  return { port: electronUpdaterPort(autoUpdater, log), version, packagedFeedUrl };
}
