import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { type DownloadOptions, HttpExecutor, configureRequestOptions, configureRequestUrl } from 'builder-util-runtime';
import { MacUpdater, NsisUpdater, type AppUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';

/**
 * electron-updater's ElectronHttpExecutor with node:http in place of Electron's net: its download()
 * is ElectronHttpExecutor.download line for line (the SHA-512 check is builder-util-runtime's
 * doDownload, shared by both).
 */
class NodeHttpExecutor extends HttpExecutor<http.ClientRequest> {
  createRequest(options: http.RequestOptions, callback: (response: http.IncomingMessage) => void): http.ClientRequest {
    return http.request(options, callback);
  }

  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: http.RequestOptions & { redirect?: string } = { headers: options.headers || undefined, redirect: 'manual' };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      // doDownload is public in builder-util-runtime's JavaScript, protected in its types.
      (this as unknown as { doDownload(o: unknown, d: unknown, redirects: number): void }).doDownload(
        requestOptions,
        { destination, options, onCancel, callback: (error: Error | null) => (error == null ? resolve(destination) : reject(error)), responseHandler: null },
        0,
      );
    });
  }
}

/**
 * Electron's autoUpdater as Squirrel.Mac is behind it, as strict as Electron's:
 * - setFeedURL needs { url: string } and throws a TypeError otherwise;
 * - checkForUpdates before setFeedURL emits 'error' (no URL), as does any failed request;
 * - checkForUpdates emits 'checking-for-update', asks the feed URL with its headers (204: 'update-not-available';
 *   200: JSON { url }), emits 'update-available', downloads the zip, verifies its code signature
 *   against the running app's (here `signatureAccepted`), and emits 'update-downloaded'
 *   (event, releaseNotes, releaseName, releaseDate, updateURL) — or 'error' ("did not pass validation");
 * - quitAndInstall before 'update-downloaded' emits 'error' ("No update available, can't quit and install");
 *   after it, 'before-quit-for-update', then the app quits (recorded).
 * On Windows and Linux electron-updater uses only its 'before-quit-for-update' emit from this object.
 */
export function createFakeSquirrel(signatureAccepted: (zip: Buffer) => boolean = () => true) {
  let feed: { url: string; headers: Record<string, string> } | null = null;
  let downloaded = false;
  const squirrel = Object.assign(new EventEmitter(), {
    quits: 0,
    zips: [] as Buffer[],
    setFeedURL(options: { url?: unknown; headers?: Record<string, string> }) {
      if (typeof options?.url !== 'string') throw new TypeError('Expected an options object with a \'url\' property to be provided');
      feed = { url: options.url, headers: options.headers ?? {} };
    },
    getFeedURL: () => feed?.url ?? '',
    checkForUpdates() {
      if (!feed) {
        squirrel.emit('error', new Error('Update URL is not set'));
        return;
      }
      const { url, headers } = feed;
      squirrel.emit('checking-for-update');
      void (async () => {
        try {
          const answer = await fetch(url, { headers });
          if (answer.status === 204) return void squirrel.emit('update-not-available');
          if (!answer.ok) throw new Error(`Update check failed. The server sent an invalid response. Try again later. (${answer.status})`);
          const { url: zipUrl } = (await answer.json()) as { url: string };
          squirrel.emit('update-available');
          const zip = Buffer.from(await (await fetch(zipUrl)).arrayBuffer());
          squirrel.zips.push(zip);
          if (!signatureAccepted(zip)) throw new Error(`Code signature at URL ${zipUrl} did not pass validation: code failed to satisfy specified code requirement(s)`);
          downloaded = true;
          squirrel.emit('update-downloaded', {}, '', '', new Date(), zipUrl);
        } catch (error) {
          squirrel.emit('error', error);
        }
      })();
    },
    quitAndInstall() {
      if (!downloaded) {
        squirrel.emit('error', new Error("No update available, can't quit and install"));
        return;
      }
      squirrel.emit('before-quit-for-update');
      squirrel.quits++;
    },
  });
  return squirrel;
}

export type FakeSquirrel = ReturnType<typeof createFakeSquirrel>;

/**
 * electron-updater requires 'electron' lazily (MacUpdater's constructor, BaseUpdater.quitAndInstall's
 * emit): the fake goes into the CommonJS cache under the path electron-updater resolves, for the
 * test's life. The real 'electron' package here has no binary and would throw.
 */
export function installFakeElectron(autoUpdater: FakeSquirrel, rest: Record<string, unknown> = {}): () => void {
  const fromUpdater = createRequire(createRequire(import.meta.url).resolve('electron-updater'));
  const id = fromUpdater.resolve('electron');
  const cache = fromUpdater.cache;
  const before = cache[id];
  cache[id] = { id, filename: id, loaded: true, exports: { ...rest, autoUpdater } } as unknown as NodeJS.Module;
  return () => {
    if (before) cache[id] = before;
    else Reflect.deleteProperty(cache, id);
  };
}

/** electron-updater's AppAdapter for a packaged app of `version`, its folders in a temporary directory; quit() fires the quit handlers with exit code 0. */
export function createTestApp(version: string, updateConfig: string) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-update-'));
  const config = path.join(root, 'app-update.yml');
  fs.writeFileSync(config, updateConfig);
  const quitHandlers: ((exitCode: number) => void)[] = [];
  const app = {
    version,
    name: 'Bridgekeeper',
    isPackaged: true,
    appUpdateConfigPath: config,
    userDataPath: path.join(root, 'user-data'),
    baseCachePath: path.join(root, 'cache'),
    quits: 0,
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit() {
      app.quits++;
      for (const handler of quitHandlers.splice(0)) handler(0);
    },
    onQuit(handler: (exitCode: number) => void) {
      quitHandlers.push(handler);
    },
  } satisfies AppAdapter & Record<string, unknown>;
  return { app, root, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** The app-update.yml electron-builder writes for the generic provider (publisherName: a signed Windows build). */
export const updateConfig = (publisherName?: string) =>
  ['provider: generic', 'url: https://updates.bridgekeeper.invalid/', 'updaterCacheDirName: bridgekeeper-updater', ...(publisherName ? ['publisherName:', `  - ${publisherName}`] : []), ''].join('\n');

/** What electron-updater's tests do to run an updater in plain Node: Node's HTTP, the platform's channel file, full downloads. */
function tune(updater: AppUpdater, platform: NodeJS.Platform): void {
  Object.assign(updater, {
    httpExecutor: new NodeHttpExecutor(),
    _testOnlyOptions: { platform, isUseDifferentialDownload: false },
  });
}

/** The NSIS updater (latest.yml), installing nothing for real: each install's options are recorded. */
export class RecordingNsisUpdater extends NsisUpdater {
  readonly installs: { isSilent: boolean; isForceRunAfter: boolean; installer: string | null }[] = [];
  protected override doInstall(options: { isSilent: boolean; isForceRunAfter: boolean }): boolean {
    this.installs.push({ isSilent: options.isSilent, isForceRunAfter: options.isForceRunAfter, installer: this.installerPath });
    return true;
  }
}

export function createNsisUpdater(app: AppAdapter): RecordingNsisUpdater {
  const updater = new RecordingNsisUpdater(undefined, app);
  tune(updater, 'win32');
  return updater;
}

/** The macOS updater (latest-mac.yml), over the fake Squirrel installed with installFakeElectron. */
export function createMacUpdater(app: AppAdapter): MacUpdater {
  const updater = new MacUpdater(undefined, app);
  tune(updater, 'darwin');
  return updater;
}
