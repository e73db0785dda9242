import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../src/main/errors';
import { SETTINGS_VERSION, emptySettings } from '../../../src/main/settings/settings-schema';
import { openSettings } from '../../../src/main/settings/settings-store';
import { PRODUCTION_ENVIRONMENT_ID } from '../../../src/shared/environment';
import { createTranslator } from '../../../src/shared/i18n/translator';
import { LANGUAGES } from '../../../src/shared/i18n/languages';
import type { Profile } from '../../../src/shared/profile';
import { confBackend } from '../../helpers/conf-backend';
import { tempApp } from '../../helpers/temp-app';

const profile = (id: string): Profile => ({
  id,
  name: `Profile ${id}`,
  direction: 'import',
  companyId: '1234567',
  companyName: 'Acme AS',
  apiUser: 'api@acme.example',
  connection: 'direct',
  environmentId: PRODUCTION_ENVIRONMENT_ID,
  portalId: '',
  portalUrl: '',
  status: 'never-connected',
  statusSince: '2026-11-22T10:00:00.000Z',
});

const NEWER = SETTINGS_VERSION + 1;

/** What a newer Bridgekeeper might write: this version's fields, fields it does not know, and a bulk run under way. */
const newerFile = (extra: Record<string, unknown> = {}) =>
  JSON.stringify(
    {
      ...emptySettings(),
      schemaVersion: NEWER,
      profiles: [profile('kept')],
      somethingNew: { added: 'by a later version' },
      bulk: { id: 'run', startedAt: '2026-11-22T09:00:00.000Z', items: [], auto: true, alsoNew: 1 },
      ...extra,
    },
    null,
    '\t',
  );

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-newer-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const settingsFile = () => path.join(dir, 'settings.json');
const settingsFiles = () => fs.readdirSync(dir).filter((name) => name.startsWith('settings')).sort();

describe('a settings file written by a newer Bridgekeeper', () => {
  it('is never overwritten or moved: its bytes are unchanged after a start and every attempted change', async () => {
    const written = newerFile();
    fs.writeFileSync(settingsFile(), written);
    const before = fs.statSync(settingsFile());

    const app = tempApp(dir);
    const refused = { code: 'settings-read-only' };
    const input = { name: 'New', direction: 'import', companyId: '1', companyName: '', apiUser: 'new@acme.example', environmentId: PRODUCTION_ENVIRONMENT_ID } as const;
    await expect(app.api.createProfile({ ...input, id: 'new' })).rejects.toMatchObject(refused);
    await expect(app.api.updateProfile('kept', { ...input, id: 'kept', name: 'Renamed' })).rejects.toMatchObject(refused);
    await expect(app.api.deleteProfiles(['kept'])).rejects.toMatchObject(refused);
    await expect(app.api.setLanguage('fi')).rejects.toMatchObject(refused);
    const production = (await app.api.listEnvironments()).find((e) => e.id === PRODUCTION_ENVIRONMENT_ID)!;
    await expect(app.api.saveEnvironment({ ...production, clientId: 'isv_changed' })).rejects.toMatchObject(refused);
    await expect(app.api.saveSeveraApiSettings({ baseUrl: 'https://severa.example/rest-api', addonName: 'Other' })).rejects.toMatchObject(refused);
    await expect(app.api.startBulkRun(['kept'])).rejects.toMatchObject(refused);
    await app.profiles.finishDeletes();

    // A second start of the older version changes nothing either.
    tempApp(dir);

    expect(fs.readFileSync(settingsFile(), 'utf8')).toBe(written);
    expect(fs.statSync(settingsFile()).mtimeMs).toBe(before.mtimeMs);
    expect(settingsFiles()).toEqual(['settings.json']);
  });

  it('refuses, before they start, the actions that would change something elsewhere first: no login, no keychain, no portal window', async () => {
    fs.writeFileSync(settingsFile(), newerFile());
    const opened: string[] = [];
    const app = tempApp(dir, {
      loginSurface: { open: async () => (opened.push('login'), { kind: 'closed' }) },
      portalSurface: { open: async () => (opened.push('portal'), Promise.reject(new Error('no window'))) },
    });
    const refused = { code: 'settings-read-only' };
    await expect(app.api.reauthenticate('kept')).rejects.toMatchObject(refused);
    await expect(app.api.disconnectProfile('kept')).rejects.toMatchObject(refused);
    await expect(app.api.runHealthCheck(['kept'])).rejects.toMatchObject(refused);
    await expect(app.api.setJobUrl('kept', 'https://portal.example/api/jobs/1/trigger?key=abcdefghij')).rejects.toMatchObject(refused);
    await expect(app.api.openPortalList('databridge')).rejects.toMatchObject(refused);
    expect(opened).toEqual([]);
  });

  it('opens read-only with a notice in the catalog’s words, naming both versions, in every language', async () => {
    fs.writeFileSync(settingsFile(), newerFile());
    const app = tempApp(dir);
    const notices = (await app.api.listNotices()).filter((n) => n.id.startsWith('settings'));
    expect(notices).toHaveLength(1);
    const [notice] = notices;
    expect(notice).toMatchObject({ id: 'settings-newer', level: 'warning', words: { key: 'notices.settings-newer', params: { found: NEWER, supported: SETTINGS_VERSION } } });
    expect(notice!.message).toContain('written by a newer Bridgekeeper');
    expect(notice!.message).toContain('nothing you change here is saved');
    for (const language of LANGUAGES) {
      const text = createTranslator(language).text(notice!.words!);
      expect(text, language).toContain(String(NEWER));
      expect(text, language).not.toMatch(/[{}]|notices\./);
    }
    // The log says what happened: the file is left alone, not moved aside.
    expect(app.log.lines.map((line) => line.event).filter((event) => event.startsWith('settings.'))).toEqual(['settings.read-only']);
  });

  it('shows the profiles this version can read, leaves out the bulk run (resuming one writes), and refuses every write of the store', () => {
    fs.writeFileSync(settingsFile(), newerFile());
    const backend = confBackend(dir);
    const { store, notices } = openSettings(backend.create, backend.path);
    expect(store.readOnly).toBe(true);
    expect(store.current.profiles.map((p) => p.id)).toEqual(['kept']);
    expect(store.current.bulk).toBeNull();
    expect(notices[0]!.words!.params).toMatchObject({ shown: 'profiles' });

    const attempts = [() => store.update((s) => ({ ...s, profiles: [] })), () => store.save()];
    for (const attempt of attempts) {
      expect(attempt).toThrow(UserFacingError);
      expect(attempt).toThrow(/Not saved: your settings were written by a newer Bridgekeeper/);
    }
    expect(store.current.profiles.map((p) => p.id)).toEqual(['kept']);
  });

  it('starts empty, still read-only and untouched, when this version cannot read the newer shape', () => {
    const written = newerFile({ profiles: [{ id: 'x', shape: 'of the future' }] });
    fs.writeFileSync(settingsFile(), written);
    const backend = confBackend(dir);
    const { store, notices } = openSettings(backend.create, backend.path);
    expect(store.readOnly).toBe(true);
    expect(store.current.profiles).toEqual([]);
    expect(notices[0]!.words!.params).toMatchObject({ shown: 'none' });
    expect(notices[0]!.message).toContain('cannot read their profiles');
    expect(() => store.update((s) => s)).toThrow(UserFacingError);
    expect(fs.readFileSync(settingsFile(), 'utf8')).toBe(written);
    expect(settingsFiles()).toEqual(['settings.json']);
  });

  it('is still told apart from a damaged file: a corrupt one is moved aside as before', () => {
    fs.writeFileSync(settingsFile(), '{"schemaVersion": 99, "profiles": [');
    const backend = confBackend(dir);
    const { store, notices } = openSettings(backend.create, backend.path, new Date('2026-11-22T10:11:12.000Z'));
    expect(store.readOnly).toBe(false);
    expect(notices[0]!.id).toMatch(/^settings-corrupt-/);
    expect(settingsFiles()).toEqual(['settings.corrupt-20261122T101112Z.json', 'settings.json']);
  });
});
