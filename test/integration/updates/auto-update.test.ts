import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../src/shared/api';
import type { UpdateState, UpdateWait } from '../../../src/shared/updates';
import { createTranslator } from '../../../src/shared/i18n/translator';
import { createMemoryLogger } from '../../../src/main/logger';
import { electronUpdaterPort } from '../../../src/main/updates/electron-updater-port';
import { type UpdateServiceDeps, createUpdateService } from '../../../src/main/updates/update-service';
import { type UpdateServer, channelFile, sha512, startUpdateServer } from '../../helpers/update-server';
import {
  type FakeSquirrel,
  type RecordingNsisUpdater,
  createFakeSquirrel,
  createMacUpdater,
  createNsisUpdater,
  createTestApp,
  installFakeElectron,
  updateConfig,
} from '../../helpers/test-updater';

/**
 * Issue 25: auto-update through electron-updater's own classes (NsisUpdater for latest.yml,
 * MacUpdater for latest-mac.yml) against an update server on 127.0.0.1, port 0. What needs Electron
 * — Squirrel.Mac's autoUpdater, the 'before-quit-for-update' emit — is the strict fake in
 * test/helpers/test-updater.ts; the download, the SHA-512 check, the cache and the quit handler are
 * electron-updater's.
 */

const english = createTranslator('en-GB');
const INSTALLER = 'Bridgekeeper-Setup-1.1.0-x64.exe';
const installer = Buffer.from('MZ… Bridgekeeper 1.1.0 installer '.repeat(2000));

let server: UpdateServer;
let squirrel: FakeSquirrel;
let restoreElectron: () => void;
const cleanups: (() => void | Promise<void>)[] = [];

beforeEach(async () => {
  server = await startUpdateServer();
  squirrel = createFakeSquirrel();
  restoreElectron = installFakeElectron(squirrel);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  restoreElectron();
  await server.close();
});

function windowsApp(version = '1.0.0', options: { publisherName?: string; busy?: () => UpdateWait | null; timing?: Partial<UpdateServiceDeps> } = {}) {
  const test = createTestApp(version, updateConfig(options.publisherName));
  cleanups.push(test.cleanup);
  const updater = createNsisUpdater(test.app);
  const events: UpdateState[] = [];
  const log = createMemoryLogger();
  const service = createUpdateService({
    port: electronUpdaterPort(updater, log),
    version,
    channel: () => 'stable',
    feedUrl: () => server.url,
    busy: options.busy ?? (() => null),
    emit: (event: ApiEvent) => {
      if (event.type === 'update-changed') events.push(event.update);
    },
    log,
    checkTimeoutMs: 5_000,
    stallTimeoutMs: 1_500,
    waitPollMs: 20,
    ...options.timing,
  });
  cleanups.push(() => service.stop());
  return { app: test.app, root: test.root, updater, service, events, log };
}

/** The files the updater keeps: a verified download sits in its cache folder, nothing else does. */
function cachedFiles(root: string): string[] {
  const cache = path.join(root, 'cache');
  return fs.existsSync(cache) ? fs.readdirSync(cache, { recursive: true }).map(String).filter((f) => fs.statSync(path.join(cache, f)).isFile()) : [];
}

const words = (state: UpdateState) => (state.words ? english.text(state.words) : '');
const installsOf = (updater: RecordingNsisUpdater) => updater.installs;

describe('auto-update against a local update server (Windows: latest.yml, NsisUpdater)', () => {
  it('no update: the server offers the version running; nothing is downloaded, and it says so', async () => {
    server.publish('latest.yml', { version: '1.0.0', file: 'Bridgekeeper-Setup-1.0.0-x64.exe', bytes: installer });
    const { service, app, updater } = windowsApp('1.0.0');
    const state = await service.checkForUpdates();
    expect(state.phase).toBe('idle');
    expect(words(state)).toBe('Bridgekeeper 1.0.0 is the newest version.');
    expect(server.asked('latest.yml')).toBe(true);
    expect(server.asked('Bridgekeeper-Setup-1.0.0-x64.exe')).toBe(false);
    app.quit();
    expect(installsOf(updater)).toEqual([]);
  });

  it('an update: downloaded in the background, SHA-512 verified, installed silently on quit', async () => {
    server.publish('latest.yml', { version: '1.1.0', file: INSTALLER, bytes: installer });
    const { service, app, updater, events, root } = windowsApp('1.0.0');
    const state = await service.checkForUpdates();
    expect(state).toMatchObject({ phase: 'ready', available: '1.1.0', version: '1.0.0', channel: 'stable', words: null });
    expect(events.map((e) => e.phase)).toEqual(expect.arrayContaining(['checking', 'downloading', 'ready']));
    // The verified file is the published one, byte for byte.
    const cached = cachedFiles(root).filter((f) => f.endsWith('.exe'));
    expect(cached).toHaveLength(1);
    expect(fs.readFileSync(path.join(root, 'cache', cached[0]!)).equals(installer)).toBe(true);

    app.quit();
    expect(installsOf(updater)).toEqual([{ isSilent: true, isForceRunAfter: false, installer: path.join(root, 'cache', cached[0]!) }]);
  });

  it('"Restart now" installs at once and starts the new version, when nothing is under way', async () => {
    server.publish('latest.yml', { version: '1.1.0', file: INSTALLER, bytes: installer });
    const { service, app, updater } = windowsApp('1.0.0');
    await service.checkForUpdates();
    const quitting = new Promise<void>((resolve) => squirrel.once('before-quit-for-update', resolve));
    await service.restartToUpdate();
    expect(installsOf(updater)).toMatchObject([{ isSilent: true, isForceRunAfter: true }]);
    await quitting; // electron-updater emits it on Electron's autoUpdater, then quits the app
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.quits).toBe(1);
  });

  it('a newer version with a wrong hash: the download is refused and deleted, nothing is installed, and it says why', async () => {
    const tampered = Buffer.concat([installer, Buffer.from('tampered')]);
    server.set('latest.yml', { body: channelFile({ version: '1.1.0', file: INSTALLER, bytes: tampered, sha512: sha512(installer) }) });
    server.set(INSTALLER, { body: tampered });
    const { service, app, updater, root, log } = windowsApp('1.0.0');
    const state = await service.checkForUpdates();
    expect(server.asked(INSTALLER)).toBe(true);
    expect(state).toMatchObject({ phase: 'failed', version: '1.0.0', available: null });
    expect(words(state)).toMatch(/^The downloaded update is not the file the update server published \(its SHA-512 checksum differs\): it may be damaged or tampered with\. It was deleted and nothing changed\. \(sha512 checksum mismatch/);
    expect(cachedFiles(root).filter((f) => f.endsWith('.exe'))).toEqual([]);
    await expect(service.restartToUpdate()).rejects.toThrow(/No update has been downloaded yet/);
    app.quit();
    expect(installsOf(updater)).toEqual([]);
    expect(log.lines).toContainEqual(expect.objectContaining({ event: 'updates.failed', kind: 'checksum', during: 'download' }));
  });

  it('an installer not signed by the publisher (Windows Authenticode): refused, nothing installed', async () => {
    server.publish('latest.yml', { version: '1.1.0', file: INSTALLER, bytes: installer });
    const { service, app, updater } = windowsApp('1.0.0', { publisherName: 'Bridgekeeper AS' });
    const asked: string[][] = [];
    // electron-updater's hook for the signature check (PowerShell's Get-AuthenticodeSignature on Windows).
    updater.verifyUpdateCodeSignature = async (publishers) => {
      asked.push(publishers);
      return 'publisherNames: Bridgekeeper AS, raw info: {"SignerCertificate":{"Subject":"CN=Someone Else"},"Status":0}';
    };
    const state = await service.checkForUpdates();
    expect(asked).toEqual([['Bridgekeeper AS']]);
    expect(state.phase).toBe('failed');
    expect(words(state)).toMatch(/^The downloaded update is not signed by Bridgekeeper’s publisher\. It is not installed, and nothing changed\./);
    app.quit();
    expect(installsOf(updater)).toEqual([]);
  });

  it('the server is down: the check fails in words, nothing changes', async () => {
    await server.close();
    const { service } = windowsApp('1.0.0');
    const state = await service.checkForUpdates();
    expect(state.phase).toBe('failed');
    expect(words(state)).toMatch(/^Could not check for updates: the update server could not be reached\. Nothing changed\. \(.*ECONNREFUSED/);
    server = await startUpdateServer(); // for afterEach
  }, 15_000);

  it('the server is slow to answer: the check is given up after its time limit', async () => {
    server.publish('latest.yml', { version: '1.1.0', file: INSTALLER, bytes: installer });
    server.set('latest.yml', { body: 'version: 1.1.0\n', delayMs: 10_000 });
    const { service } = windowsApp('1.0.0', { timing: { checkTimeoutMs: 300 } });
    const started = Date.now();
    const state = await service.checkForUpdates();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(state.phase).toBe('failed');
    expect(words(state)).toBe('Could not check for updates: the update server did not answer in time. Nothing changed. (no answer within 0 s)');
  });

  it('a download that stalls: given up, its part deleted, nothing to install', async () => {
    server.publish('latest.yml', { version: '1.1.0', file: INSTALLER, bytes: installer });
    server.set(INSTALLER, { body: installer, stallAfter: 1000 });
    const { service, app, updater, root } = windowsApp('1.0.0', { timing: { stallTimeoutMs: 300 } });
    const state = await service.checkForUpdates();
    expect(state.phase).toBe('failed');
    expect(words(state)).toMatch(/^The update could not be downloaded: the update server did not answer in time\. Nothing changed\./);
    expect(cachedFiles(root).filter((f) => f.endsWith('.exe'))).toEqual([]);
    app.quit();
    expect(installsOf(updater)).toEqual([]);
  });

  it('a downgrade offered: refused, nothing downloaded, and it says so', async () => {
    server.publish('latest.yml', { version: '0.9.0', file: 'Bridgekeeper-Setup-0.9.0-x64.exe', bytes: installer });
    const { service, app, updater, log } = windowsApp('1.0.0');
    const state = await service.checkForUpdates();
    expect(state).toMatchObject({ phase: 'idle', available: null });
    expect(words(state)).toBe('The update server offers version 0.9.0, older than this one (1.0.0). An older version is never installed.');
    expect(server.asked('Bridgekeeper-Setup-0.9.0-x64.exe')).toBe(false);
    app.quit();
    expect(installsOf(updater)).toEqual([]);
    expect(log.lines).toContainEqual(expect.objectContaining({ event: 'updates.downgrade-refused', offered: '0.9.0' }));
  });

  it('a downgrade is refused on the beta channel too (setting a channel does not allow one)', async () => {
    server.publish('beta.yml', { version: '1.0.0-beta.3', file: 'Bridgekeeper-Setup-1.0.0-beta.3-x64.exe', bytes: installer });
    const test = windowsApp('1.0.0');
    const service = createUpdateService({
      port: electronUpdaterPort(test.updater, createMemoryLogger()),
      version: '1.0.0',
      channel: () => 'beta',
      feedUrl: () => server.url,
      busy: () => null,
      emit: () => undefined,
      log: createMemoryLogger(),
    });
    const state = await service.checkForUpdates();
    expect(server.asked('beta.yml')).toBe(true);
    expect(state.words?.key).toBe('updates.older-refused');
    expect(server.asked('Bridgekeeper-Setup-1.0.0-beta.3-x64.exe')).toBe(false);
  });

  it('busy, install later: "Restart now" waits for a login, a portal reconnect and a bulk run to end, says so, then restarts', async () => {
    server.publish('latest.yml', { version: '1.1.0', file: INSTALLER, bytes: installer });
    let busy: UpdateWait | null = 'login';
    const { service, updater, events } = windowsApp('1.0.0', { busy: () => busy });
    await service.checkForUpdates();
    const waiting = await service.restartToUpdate();
    expect(waiting).toMatchObject({ phase: 'waiting', waitingFor: 'login' });
    expect(english.t('updates.waiting', { wait: waiting.waitingFor! })).toBe('Bridgekeeper will restart to update when the login under way has ended.');
    busy = 'portal';
    service.poke();
    busy = 'bulk';
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(installsOf(updater)).toEqual([]);
    expect(events.map((e) => e.waitingFor).filter(Boolean)).toEqual(expect.arrayContaining(['login', 'portal', 'bulk']));
    // A second "Restart now" while waiting changes nothing.
    expect((await service.restartToUpdate()).phase).toBe('waiting');
    busy = null;
    service.poke();
    expect(installsOf(updater)).toMatchObject([{ isSilent: true, isForceRunAfter: true }]);
    // Polling too finds it free; nothing is installed twice.
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(installsOf(updater)).toHaveLength(1);
  });

  it('no feed (a development build): updates are off, no request is made', async () => {
    const test = createTestApp('1.0.0', updateConfig());
    cleanups.push(test.cleanup);
    const service = createUpdateService({
      port: electronUpdaterPort(createNsisUpdater(test.app), createMemoryLogger()),
      version: '1.0.0',
      channel: () => 'stable',
      feedUrl: () => '',
      busy: () => null,
      emit: () => undefined,
      log: createMemoryLogger(),
    });
    expect(service.state().phase).toBe('off');
    expect((await service.checkForUpdates()).phase).toBe('off');
    expect(server.requests).toEqual([]);
  });

  it('checks on start and then daily', async () => {
    server.publish('latest.yml', { version: '1.0.0', file: 'Bridgekeeper-Setup-1.0.0-x64.exe', bytes: installer });
    const { service } = windowsApp('1.0.0', { timing: { everyMs: 100 } });
    service.start();
    await new Promise((resolve) => setTimeout(resolve, 450));
    service.stop();
    const checks = server.requests.filter((r) => r === '/updates/latest.yml').length;
    expect(checks).toBeGreaterThanOrEqual(3);
  });
});

describe('auto-update on macOS (latest-mac.yml, MacUpdater over Squirrel.Mac)', () => {
  const ZIP = 'Bridgekeeper-1.1.0-x64-mac.zip';
  const zip = Buffer.from('PK… Bridgekeeper.app 1.1.0 '.repeat(2000));

  function macApp(accepts?: (zip: Buffer) => boolean) {
    restoreElectron();
    squirrel = createFakeSquirrel(accepts);
    restoreElectron = installFakeElectron(squirrel);
    const test = createTestApp('1.0.0', updateConfig());
    cleanups.push(test.cleanup);
    const updater = createMacUpdater(test.app);
    const service = createUpdateService({
      port: electronUpdaterPort(updater, createMemoryLogger()),
      version: '1.0.0',
      channel: () => 'stable',
      feedUrl: () => server.url,
      busy: () => null,
      emit: () => undefined,
      log: createMemoryLogger(),
      checkTimeoutMs: 5_000,
    });
    cleanups.push(() => service.stop());
    return { service, updater };
  }

  it('an update: verified, handed to Squirrel over its local feed, installed on "Restart now"', async () => {
    server.publish('latest-mac.yml', { version: '1.1.0', file: ZIP, bytes: zip });
    const { service } = macApp();
    const downloaded = new Promise<void>((resolve) => squirrel.once('update-downloaded', () => resolve()));
    const state = await service.checkForUpdates();
    expect(state).toMatchObject({ phase: 'ready', available: '1.1.0' });
    await downloaded;
    expect(squirrel.zips.map((z) => z.equals(zip))).toEqual([true]);
    await service.restartToUpdate();
    expect(squirrel.quits).toBe(1);
  });

  it('a wrong hash: Squirrel is never given the file', async () => {
    server.set('latest-mac.yml', { body: channelFile({ version: '1.1.0', file: ZIP, bytes: zip, sha512: sha512(Buffer.from('another')) }) });
    server.set(ZIP, { body: zip });
    const { service } = macApp();
    const state = await service.checkForUpdates();
    expect(state.phase).toBe('failed');
    expect(state.words?.key).toBe('updates.failed.checksum');
    expect(squirrel.zips).toEqual([]);
  });

  it("an app whose code signature is not this app's: Squirrel refuses it, and it says why", async () => {
    server.publish('latest-mac.yml', { version: '1.1.0', file: ZIP, bytes: zip });
    const { service } = macApp(() => false);
    const state = await service.checkForUpdates();
    expect(state.phase).toBe('failed');
    expect(english.text(state.words!)).toMatch(/^The downloaded update is not signed by Bridgekeeper’s publisher\. It is not installed, and nothing changed\. \(Code signature at URL .* did not pass validation/);
    expect(squirrel.quits).toBe(0);
  });
});

describe("the fake Squirrel.Mac is as strict as Electron's autoUpdater", () => {
  it('setFeedURL without a url throws; checkForUpdates before it is an error event, not a throw', async () => {
    const fake = createFakeSquirrel();
    expect(() => fake.setFeedURL({})).toThrow(TypeError);
    const error = new Promise<Error>((resolve) => fake.once('error', resolve));
    fake.checkForUpdates();
    expect((await error).message).toBe('Update URL is not set');
  });

  it("quitAndInstall before 'update-downloaded' is an error event, and nothing quits", async () => {
    const fake = createFakeSquirrel();
    const error = new Promise<Error>((resolve) => fake.once('error', resolve));
    fake.quitAndInstall();
    expect((await error).message).toBe("No update available, can't quit and install");
    expect(fake.quits).toBe(0);
  });

  it("events in Electron's order: checking, available, downloaded (with its arguments); 204 is 'update-not-available'", async () => {
    const zip = Buffer.from('PK zip');
    server.set('feed', { body: JSON.stringify({ url: `${server.url}app.zip` }) });
    server.set('app.zip', { body: zip });
    server.set('none', { body: '', status: 204 });
    const fake = createFakeSquirrel();
    const seen: string[] = [];
    for (const name of ['checking-for-update', 'update-available', 'update-not-available', 'update-downloaded', 'error']) fake.on(name, () => seen.push(name));
    const downloaded = new Promise<unknown[]>((resolve) => fake.once('update-downloaded', (...args: unknown[]) => resolve(args)));
    fake.setFeedURL({ url: `${server.url}feed` });
    fake.checkForUpdates();
    const args = await downloaded;
    expect(args).toHaveLength(5);
    expect(args[4]).toBe(`${server.url}app.zip`);
    expect(seen).toEqual(['checking-for-update', 'update-available', 'update-downloaded']);
    seen.length = 0;
    const none = new Promise<void>((resolve) => fake.once('update-not-available', () => resolve()));
    fake.setFeedURL({ url: `${server.url}none` });
    fake.checkForUpdates();
    await none;
    expect(seen).toEqual(['checking-for-update', 'update-not-available']);
  });
});
