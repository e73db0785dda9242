import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/shared/i18n/languages';
import { busyWith, channelOfVersion, feedUrlOfUpdateConfig, underWay } from '../../../src/main/updates/app-updates';
import { RELEASE_NOTES, compareVersions, releaseNotesFor } from '../../../src/main/updates/release-notes';
import type { SettingsStore } from '../../../src/main/settings/settings-store';
import { tempApp } from '../../helpers/temp-app';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const freshDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-notes-'));
  dirs.push(dir);
  return dir;
};
const open = (dir: string, version: string, locale = 'en-GB') => tempApp(dir, { updater: { port: null, version, packagedFeedUrl: '' }, locale: () => locale });

describe('release notes (issue 25, point 4)', () => {
  it("package.json's version has its notes, in English at least, in plain text the window can show", () => {
    const { version } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };
    expect(RELEASE_NOTES[version]?.en).toBeTruthy();
    for (const notes of Object.values(RELEASE_NOTES)) {
      for (const text of Object.values(notes)) expect(text).not.toMatch(/<[a-z]/i);
    }
  });

  it("in the reader's language where written, English otherwise", () => {
    const table = { '2.0.0': { en: 'New.', fi: 'Uutta.' } };
    expect(releaseNotesFor('2.0.0', 'fi', table)).toEqual({ version: '2.0.0', language: 'fi', text: 'Uutta.' });
    expect(releaseNotesFor('2.0.0', 'nb', table)).toEqual({ version: '2.0.0', language: 'en', text: 'New.' });
    expect(releaseNotesFor('3.0.0', 'fi', table)).toBeNull();
    for (const language of LANGUAGES) expect(releaseNotesFor('0.1.0', language)?.text).toBeTruthy();
  });

  it('shown once after an update: waiting until closed, not again on the next start', async () => {
    const dir = freshDir();
    open(dir, '0.0.9');
    const updated = open(dir, '0.1.0', 'fi-FI');
    const notes = await updated.api.getReleaseNotes();
    expect(notes).toMatchObject({ version: '0.1.0', language: 'fi' });
    expect(notes!.text).toBe(RELEASE_NOTES['0.1.0']!.fi);
    // A crash before they are read loses nothing: the next start still shows them.
    expect(await open(dir, '0.1.0', 'fi-FI').api.getReleaseNotes()).toMatchObject({ version: '0.1.0' });
    await updated.api.dismissReleaseNotes();
    expect(await updated.api.getReleaseNotes()).toBeNull();
    expect(await open(dir, '0.1.0', 'fi-FI').api.getReleaseNotes()).toBeNull();
  });

  it('in English where the language has none (Norwegian for 0.1.0)', async () => {
    const dir = freshDir();
    open(dir, '0.0.9');
    expect(await open(dir, '0.1.0', 'nb-NO').api.getReleaseNotes()).toMatchObject({ language: 'en', text: RELEASE_NOTES['0.1.0']!.en });
  });

  it('a first install, the same version again, or an older one shows none', async () => {
    const dir = freshDir();
    expect(await open(dir, '0.1.0').api.getReleaseNotes()).toBeNull();
    expect(await open(dir, '0.1.0').api.getReleaseNotes()).toBeNull();
    const other = freshDir();
    open(other, '0.2.0');
    expect(await open(other, '0.1.0').api.getReleaseNotes()).toBeNull();
  });

  it('the tests and the harness (no updater) record no run and check nothing', async () => {
    const app = tempApp(freshDir());
    dirs.push(app.dir);
    expect(app.settings.current.updates).toBeUndefined();
    expect(await app.api.getUpdateState()).toMatchObject({ phase: 'off', version: '0.0.0', channel: 'stable' });
    expect(await app.api.checkForUpdates()).toMatchObject({ phase: 'off' });
    await expect(app.api.restartToUpdate()).rejects.toThrow('No update has been downloaded yet');
  });

  it('versions compare by number, a pre-release before its release', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1.0.0-beta.2', '1.0.0')).toBe(-1);
    expect(compareVersions('1.0.0-beta.2', '1.0.0-beta.1')).toBe(1);
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
  });
});

describe('the update settings the app reads', () => {
  it('app-update.yml: the packaged server, or none for the placeholder, a non-HTTP scheme or no url', () => {
    expect(feedUrlOfUpdateConfig('provider: generic\nurl: https://updates.example.com/bk/\nupdaterCacheDirName: x\n')).toBe('https://updates.example.com/bk/');
    expect(feedUrlOfUpdateConfig("provider: generic\nurl: 'https://updates.example.com/bk/'\n")).toBe('https://updates.example.com/bk/');
    expect(feedUrlOfUpdateConfig('provider: generic\nurl: https://updates.bridgekeeper.invalid/\n')).toBe('');
    expect(feedUrlOfUpdateConfig('provider: generic\nurl: file:///etc/\n')).toBe('');
    expect(feedUrlOfUpdateConfig('provider: generic\n')).toBe('');
  });

  it('the channel follows the version unless the settings choose', () => {
    expect(channelOfVersion('1.4.0')).toBe('stable');
    expect(channelOfVersion('1.4.0-beta.1')).toBe('beta');
    expect(channelOfVersion('1.4.0-alpha.1')).toBe('stable');
  });

  it('what a restart waits for: a bulk run with a login open or going on by itself, then a portal reconnect, then a login', () => {
    const item = (state: string) => ({ state });
    let bulk: unknown = null;
    let reconnecting: { connection: string } | undefined;
    const busy = busyWith({ settings: { get current() { return { bulk }; } } as unknown as SettingsStore, reconnecting: () => reconnecting });
    expect(busy()).toBeNull();
    bulk = { auto: false, items: [item('pending'), item('done')] };
    expect(busy()).toBeNull(); // paused: kept on disk, it survives a restart
    bulk = { auto: true, items: [item('pending')] };
    expect(busy()).toBe('bulk');
    bulk = { auto: false, items: [item('running')] };
    expect(busy()).toBe('bulk');
    bulk = null;
    reconnecting = { connection: 'portal' };
    expect(busy()).toBe('portal');
    reconnecting = { connection: 'direct' };
    expect(busy()).toBe('login');
  });

  it('a portal sign-in under way is a login a restart waits for', async () => {
    let finish = () => {};
    const signIn = underWay((id: string) => new Promise<string>((resolve) => (finish = () => resolve(id))));
    const busy = busyWith({ settings: { current: { bulk: null } } as unknown as SettingsStore, reconnecting: () => undefined, signingIn: signIn.now });
    expect(busy()).toBeNull();
    const signing = signIn.run('databridge');
    expect(busy()).toBe('login');
    finish();
    expect(await signing).toBe('databridge');
    expect(busy()).toBeNull();
    const failing = underWay(async () => Promise.reject(new Error('closed')));
    await expect(failing.run()).rejects.toThrow('closed');
    expect(failing.now()).toBe(false);
  });
});
