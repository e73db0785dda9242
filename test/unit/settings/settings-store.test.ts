import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, NewerSettingsError } from '../../../src/main/settings/migrations';
import { SETTINGS_VERSION, emptySettings } from '../../../src/main/settings/settings-schema';
import { openSettings } from '../../../src/main/settings/settings-store';
import type { Profile } from '../../../src/shared/profile';
import { confBackend } from '../../helpers/conf-backend';

const profile = (id: string): Profile => ({
  id,
  name: `Profile ${id}`,
  direction: 'import',
  companyId: '1234567',
  companyName: 'Acme AS',
  apiUser: 'api@acme.example',
  connection: 'direct',
  environmentId: 'visma-production',
  portalId: '',
  portalUrl: '',
  status: 'never-connected',
  statusSince: '2026-11-22T10:00:00.000Z',
});

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-settings-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const open = () => {
  const backend = confBackend(dir);
  return openSettings(backend.create, backend.path, new Date('2026-11-22T10:11:12.000Z'));
};
const filesInDir = () => fs.readdirSync(dir).sort();

describe('settings file', () => {
  it('starts empty on first run and writes a versioned file', () => {
    const { store, notices } = open();
    expect(store.current.profiles).toEqual([]);
    expect(notices).toEqual([]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).schemaVersion).toBe(SETTINGS_VERSION);
  });

  it('keeps what was written across a restart', () => {
    open().store.update((s) => ({ ...s, profiles: [profile('a'), profile('b')] }));
    const reopened = open();
    expect(reopened.store.current.profiles.map((p) => p.id)).toEqual(['a', 'b']);
    expect(reopened.notices).toEqual([]);
  });

  it('migrates a file without a version (version 0) and saves it as the current version', () => {
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ profiles: [profile('old')] }));
    const { store, notices } = open();
    expect(notices).toEqual([]);
    expect(store.current.profiles.map((p) => p.id)).toEqual(['old']);
    expect(store.current.environments).toEqual([]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).schemaVersion).toBe(SETTINGS_VERSION);
  });

  it('migrates a version-1 file (no bulk reconnect field) to the current version, keeping everything', () => {
    const v1 = { schemaVersion: 1, profiles: [profile('kept')], environments: [], production: { clientId: 'dbr', redirectUri: '' }, severa: { baseUrl: 'https://api.severa.visma.com/rest-api', addonName: 'Azets Work' } };
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(v1));
    const { store, notices } = open();
    expect(notices).toEqual([]);
    expect(store.current).toMatchObject({ schemaVersion: SETTINGS_VERSION, bulk: null, production: { clientId: 'dbr' }, severa: v1.severa });
    expect(store.current.profiles.map((p) => p.id)).toEqual(['kept']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toMatchObject({ schemaVersion: SETTINGS_VERSION, bulk: null });
  });

  it('migrates a version-3 file: a portal profile called connected from the portal’s HTTP answer alone becomes not confirmed', () => {
    const portalProfile = (id: string, state: Partial<Profile>) => ({ ...profile(id), connection: 'portal', environmentId: '', portalId: 'databridge', portalUrl: `https://portal.example/p/${id}`, ...state });
    const v3 = {
      schemaVersion: 3,
      profiles: [
        portalProfile('said-2xx', { status: 'connected', connectedVia: { portalId: 'databridge', clientId: 'isv_db' } }),
        portalProfile('job-ran', { status: 'connected', lastVerifiedAt: '2026-11-20T10:00:00.000Z' }),
        profile('direct'),
        { ...profile('direct-connected'), status: 'connected' },
      ],
      environments: [],
      production: { clientId: '', redirectUri: '' },
      bulk: null,
      portals: [],
    };
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(v3));
    const { store, notices } = open();
    expect(notices).toEqual([]);
    expect(store.current.profiles.map((p) => [p.id, p.status, p.statusReason?.code])).toEqual([
      ['said-2xx', 'unconfirmed', 'not-confirmed'],
      ['job-ran', 'connected', undefined],
      ['direct', 'never-connected', undefined],
      ['direct-connected', 'connected', undefined],
    ]);
  });

  it('migrates a version-4 file: a job URL masked by length is masked by structure, so a key in the path is not shown', () => {
    const v4 = {
      schemaVersion: 4,
      profiles: [{ ...profile('job'), connection: 'portal', environmentId: '', portalId: 'databridge', portalUrl: 'https://portal.example/p/job', jobUrlMasked: 'https://portal.example/api/jobs/7/trigger/Zk3v9Qw2Lm8x…' }, profile('direct')],
      environments: [],
      production: { clientId: '', redirectUri: '' },
      bulk: null,
      portals: [],
    };
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(v4));
    const { store } = open();
    expect(Object.fromEntries(store.current.profiles.map((p) => [p.id, p.jobUrlMasked]))).toEqual({ direct: undefined, job: 'https://portal.example/api/…' });
  });

  it('moves a corrupt file aside, says where it is, and starts empty', () => {
    const garbage = '{"schemaVersion": 1, "profiles": [ {"id": ';
    fs.writeFileSync(path.join(dir, 'settings.json'), garbage);
    const { store, notices } = open();
    expect(store.current.profiles).toEqual([]);
    const kept = path.join(dir, 'settings.corrupt-20261122T101112Z.json');
    expect(filesInDir()).toContain('settings.corrupt-20261122T101112Z.json');
    expect(fs.readFileSync(kept, 'utf8')).toBe(garbage);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.level).toBe('error');
    expect(notices[0]!.message).toContain(kept);
    expect(notices[0]!.message).toContain('not valid JSON');
  });

  it('moves aside a file that parses but breaks the schema, naming the bad field', () => {
    const bad = { ...emptySettings(), profiles: [{ ...profile('x'), apiUser: 'not-an-email' }] };
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(bad));
    const { store, notices } = open();
    expect(store.current.profiles).toEqual([]);
    expect(notices[0]!.message).toMatch(/profiles\.0\.apiUser/);
    expect(filesInDir().filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
  });

  it('never overwrites an earlier corrupt copy', () => {
    fs.writeFileSync(path.join(dir, 'settings.json'), 'first');
    open();
    fs.writeFileSync(path.join(dir, 'settings.json'), 'second');
    open();
    const copies = filesInDir().filter((f) => f.includes('.corrupt-'));
    expect(copies).toHaveLength(2);
    expect(copies.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).sort()).toEqual(['first', 'second']);
  });

  it('leaves a file from a newer Bridgekeeper where it is instead of downgrading it (newer-settings.test.ts)', () => {
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...emptySettings(), schemaVersion: 99 }));
    const { notices } = open();
    expect(notices[0]!.message).toContain('written by a newer Bridgekeeper');
    expect(filesInDir()).toEqual(['settings.json']);
  });

  it('leaves memory unchanged when a write fails', () => {
    const { store } = open();
    store.update((s) => ({ ...s, profiles: [profile('kept')] }));
    // A directory where the file should be: every write fails, even as root.
    const file = path.join(dir, 'settings.json');
    fs.rmSync(file);
    fs.mkdirSync(file);
    fs.writeFileSync(path.join(file, 'blocker'), '');
    expect(() => store.update((s) => ({ ...s, profiles: [] }))).toThrow();
    expect(store.current.profiles.map((p) => p.id)).toEqual(['kept']);
  });

  it('writes atomically: a reader never sees a half-written file', async () => {
    const { store } = open();
    const many = Array.from({ length: 3000 }, (_, i) => profile(`p${i}`));
    const file = path.join(dir, 'settings.json');
    // Another process reads the file as fast as it can while this one rewrites it.
    const reader = spawn(
      process.execPath,
      [
        '-e',
        `const fs=require('fs');let reads=0,torn=0;const end=Date.now()+1500;
         while(Date.now()<end){try{JSON.parse(fs.readFileSync(${JSON.stringify(file)},'utf8'));reads++}catch(e){if(e.code!=='ENOENT')torn++}}
         console.log(JSON.stringify({reads,torn}))`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    reader.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const done = new Promise((resolve) => reader.on('exit', resolve));
    let writes = 0;
    const until = Date.now() + 1200;
    while (Date.now() < until) {
      store.update((s) => ({ ...s, profiles: many.slice(0, 1000 + (writes % 2000)) }));
      writes++;
      await new Promise((r) => setImmediate(r));
    }
    await done;
    const { reads, torn } = JSON.parse(output) as { reads: number; torn: number };
    expect(writes).toBeGreaterThan(5);
    expect(reads).toBeGreaterThan(5);
    expect(torn).toBe(0);
  });
});

describe('migrate', () => {
  const steps = {
    0: (d: Record<string, unknown>) => ({ ...d, a: 1 }),
    1: (d: Record<string, unknown>) => ({ ...d, b: (d.a as number) + 1 }),
  };

  it('runs every step from the file version to the target, in order', () => {
    expect(migrate({}, steps, 2)).toEqual({ a: 1, b: 2, schemaVersion: 2 });
    expect(migrate({ schemaVersion: 1, a: 5 }, steps, 2)).toEqual({ a: 5, b: 6, schemaVersion: 2 });
  });

  it('leaves its input untouched', () => {
    const input = { schemaVersion: 1, a: 5 };
    migrate(input, steps, 2);
    expect(input).toEqual({ schemaVersion: 1, a: 5 });
  });

  it('refuses a newer file and a nonsense version', () => {
    expect(() => migrate({ schemaVersion: 3 }, steps, 2)).toThrow(NewerSettingsError);
    expect(() => migrate({ schemaVersion: 'two' }, steps, 2)).toThrow(/not a version number/);
  });

  it('fails loudly when a step is missing', () => {
    expect(() => migrate({}, { 0: steps[0] }, 2)).toThrow(/no migration from settings version 1/);
  });
});
