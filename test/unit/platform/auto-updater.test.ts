import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as ElectronUpdater from 'electron-updater';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../src/main/logger';
import type { FakeElectron } from '../../helpers/fake-electron';
import { createFakeSquirrel, installFakeElectron } from '../../helpers/test-updater';

const fake = vi.hoisted(() => ({ current: undefined as unknown as FakeElectron }));
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('../../helpers/fake-electron');
  fake.current = createFakeElectron();
  return fake.current.module;
});

const { createAppUpdater } = await import('../../../src/main/platform/auto-updater');

let resources: string;
let restore: () => void;
const resourcesPathBefore = process.resourcesPath;
beforeAll(() => {
  resources = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-resources-'));
  Object.assign(process, { resourcesPath: resources });
  // electron-updater requires 'electron' itself (CommonJS, out of vi.mock's reach): the same fake.
  restore = installFakeElectron(createFakeSquirrel(), fake.current.module as unknown as Record<string, unknown>);
});
afterAll(() => {
  restore();
  Object.assign(process, { resourcesPath: resourcesPathBefore });
  fs.rmSync(resources, { recursive: true, force: true });
});

describe('the platform updater (issue 25)', () => {
  it('a development build has no updater and no update server', () => {
    fake.current.module.app.isPackaged = false;
    expect(createAppUpdater(createMemoryLogger())).toEqual({ port: null, version: '0.1.0', packagedFeedUrl: '' });
  });

  it("a packaged build: the platform's electron-updater class, told to do nothing by itself, and app-update.yml's server", async () => {
    fake.current.module.app.isPackaged = true;
    fs.writeFileSync(path.join(resources, 'app-update.yml'), 'provider: generic\nurl: https://updates.example.com/bk/\nupdaterCacheDirName: bridgekeeper-updater\n');
    // What the .deb writes beside app.asar: electron-updater then updates through dpkg.
    fs.writeFileSync(path.join(resources, 'package-type'), 'deb');
    const updater = createAppUpdater(createMemoryLogger());
    expect(updater).toMatchObject({ version: '0.1.0', packagedFeedUrl: 'https://updates.example.com/bk/' });
    expect(updater.port).not.toBeNull();
    const { autoUpdater } = (await import('electron-updater')).default as unknown as typeof ElectronUpdater;
    const platformClass = process.platform === 'win32' ? 'NsisUpdater' : process.platform === 'darwin' ? 'MacUpdater' : 'DebUpdater';
    expect(autoUpdater.constructor.name).toBe(platformClass);
    expect(autoUpdater).toMatchObject({ autoDownload: false, allowDowngrade: false, autoInstallOnAppQuit: true, disableWebInstaller: true });
  });

  it('a packaged build made without an update server (the placeholder) never checks', () => {
    fake.current.module.app.isPackaged = true;
    fs.writeFileSync(path.join(resources, 'app-update.yml'), 'provider: generic\nurl: https://updates.bridgekeeper.invalid/\n');
    expect(createAppUpdater(createMemoryLogger()).packagedFeedUrl).toBe('');
  });

  it('a packaged build without app-update.yml: no server, and the log says why', () => {
    fake.current.module.app.isPackaged = true;
    fs.rmSync(path.join(resources, 'app-update.yml'));
    const log = createMemoryLogger();
    expect(createAppUpdater(log).packagedFeedUrl).toBe('');
    expect(log.lines).toContainEqual(expect.objectContaining({ event: 'updates.no-update-config' }));
  });
});
