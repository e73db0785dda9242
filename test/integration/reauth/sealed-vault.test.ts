import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeychainVault, createSealedKeychainVault } from '../../../src/main/platform/keychain-vault';
import { keychain } from '../../../src/main/platform/keychain';
import { NewerVaultError, type VaultKeyStore, createSealedVault } from '../../../src/main/reauth/sealed-vault';
import type { VaultEntry } from '../../../src/main/reauth/token-vault';

/** The tokens in one sealed file, its key and the earlier per-profile entries in a real Secret Service (the global setup's). */
const entry = (refreshToken: string, savedAt = '2026-11-22T10:00:00.000Z'): VaultEntry => ({
  refreshToken,
  environmentId: 'visma-sandbox',
  tenantId: '1000001',
  savedAt,
});

/** Every field an entry can have: a field added to VaultEntry must be listed here, and so is checked to outlive a restart. */
const everyField = (refreshToken: string, accessToken: string): Required<VaultEntry> => ({
  ...entry(refreshToken),
  refreshTokenExpiresAt: '2027-02-20T10:00:00.000Z',
  rotatingSince: '2026-11-22T10:00:01.000Z',
  access: { token: accessToken, expiresAt: '2026-11-22T11:00:00.000Z' },
});

const dirs: string[] = [];
const tempFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-sealed-'));
  dirs.push(dir);
  return path.join(dir, 'tokens.vault');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A key store in memory that counts the keychain's round trips. */
function memoryKey(): VaultKeyStore & { value: string | null; calls: number } {
  const store = {
    value: null as string | null,
    calls: 0,
    get: async () => (store.calls++, store.value),
    set: async (value: string) => void (store.calls++, (store.value = value)),
  };
  return store;
}

const services = () => ({ service: `Bridgekeeper test ${randomUUID()}`, keyService: `Bridgekeeper test key ${randomUUID()}` });

describe('the sealed token file', () => {
  it('keeps, replaces and removes entries across restarts, with no token in the file as text', async () => {
    const file = tempFile();
    const names = services();
    const vault = createSealedKeychainVault(file, names);
    await vault.set('profile-a', entry('refresh-a1-secret'));
    await vault.set('profile-b', entry('refresh-b1-secret'));
    await vault.set('profile-a', everyField('refresh-a2-secret', 'access-a2-secret'));
    await vault.delete('profile-b');
    await vault.close();

    const text = fs.readFileSync(file, 'utf8');
    for (const secret of ['refresh-a1-secret', 'refresh-a2-secret', 'refresh-b1-secret', 'access-a2-secret', 'profile-a', 'visma-sandbox']) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(Buffer.from(secret).toString('base64').slice(0, 12));
    }
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const again = createSealedKeychainVault(file, names);
    expect(await again.get('profile-a')).toEqual(everyField('refresh-a2-secret', 'access-a2-secret'));
    expect(await again.get('profile-b')).toBeNull();
    await again.close();
    await keychain.delete(names.keyService, 'aes-256-gcm');
  });

  it('the per-profile keychain entries of earlier versions leave the access token out (Windows keeps at most 2,560 bytes per entry)', async () => {
    const { service } = services();
    const perProfile = createKeychainVault(service);
    await perProfile.set('profile-a', everyField('refresh-a-secret', 'x'.repeat(3000)));
    const { access, ...rest } = everyField('refresh-a-secret', '');
    expect(access).toBeDefined();
    expect(await perProfile.get('profile-a')).toEqual(rest);
    await perProfile.delete('profile-a');
  });

  it('reads the keychain once per start, however many profiles, and shares disk flushes in a burst', async () => {
    const file = tempFile();
    const key = memoryKey();
    const vault = createSealedVault({ file, key });
    await Promise.all(Array.from({ length: 300 }, (_, i) => vault.set(`p${i}`, entry(`refresh-${i}`))));
    await vault.close();
    const records = fs.readFileSync(file, 'utf8').trimEnd().split('\n').length;
    expect(records).toBeLessThan(20); // a snapshot and a few batches, not 300 records

    key.calls = 0;
    const again = createSealedVault({ file, key });
    for (let i = 0; i < 300; i++) expect((await again.get(`p${i}`))!.refreshToken).toBe(`refresh-${i}`);
    await Promise.all(Array.from({ length: 300 }, (_, i) => again.set(`p${i}`, entry(`rotated-${i}`))));
    expect(key.calls).toBe(1);
    await again.close();
    expect((await createSealedVault({ file, key }).get('p299'))!.refreshToken).toBe('rotated-299');
  });

  it('has every acknowledged write in the file at once: a crash of Bridgekeeper loses none', async () => {
    const file = tempFile();
    const key = memoryKey();
    const vault = createSealedVault({ file, key });
    await vault.set('a', entry('rotated'));
    await vault.set('b', { ...entry('marked'), rotatingSince: '2026-11-22T10:00:01.000Z' });
    await vault.delete('c');
    // Not closed: read as the next start after a crash would.
    const after = createSealedVault({ file, key });
    expect((await after.get('a'))!.refreshToken).toBe('rotated');
    expect((await after.get('b'))!.rotatingSince).toBe('2026-11-22T10:00:01.000Z');
    await after.close();
    await vault.close();
  });

  it('ignores a record cut short by a crash, which was never acknowledged', async () => {
    const file = tempFile();
    const key = memoryKey();
    const vault = createSealedVault({ file, key });
    await vault.set('a', entry('first'));
    await vault.set('a', entry('second'));
    await vault.close();
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text + text.split('\n')[1]!.slice(0, 40)); // half a record, no line end

    const again = createSealedVault({ file, key });
    expect((await again.get('a'))!.refreshToken).toBe('second');
    await again.set('b', entry('third'));
    await again.close();
    const third = createSealedVault({ file, key });
    expect((await third.get('b'))!.refreshToken).toBe('third');
    expect((await third.open()).movedAside).toBeUndefined();
  });

  it('never uses part of a file: a damaged, reordered or foreign record makes it unreadable, moved aside', async () => {
    const key = memoryKey();
    const write = async (file: string) => {
      const vault = createSealedVault({ file, key });
      await vault.set('a', entry('one'));
      await vault.set('a', entry('two'));
      await vault.set('a', entry('three'));
      await vault.close();
      return fs.readFileSync(file, 'utf8').split('\n');
    };
    const damaged = tempFile();
    const lines = await write(damaged);
    const record = JSON.parse(lines[1]!) as { d: string };
    const bytes = Buffer.from(record.d, 'base64');
    bytes[3]! ^= 1;
    fs.writeFileSync(damaged, [lines[0], JSON.stringify({ ...record, d: bytes.toString('base64') }), ...lines.slice(2)].join('\n'));
    const reordered = tempFile();
    const ordered = await write(reordered);
    fs.writeFileSync(reordered, [ordered[0], ordered[2], ordered[1], ''].join('\n'));
    const dropped = tempFile();
    const all = await write(dropped);
    fs.writeFileSync(dropped, [all[0], all[2], ''].join('\n')); // the record between left out: an older token would show

    for (const file of [damaged, reordered, dropped]) {
      const vault = createSealedVault({ file, key });
      const report = await vault.open();
      expect(report.movedAside).toMatch(/tokens\.vault\.unreadable-/);
      expect(fs.existsSync(report.movedAside!)).toBe(true);
      expect(await vault.get('a')).toBeNull(); // a reconnect, never a token that may have rotated
      await vault.close();
    }

    // A good file, sealed with another key (another installation's, or a key made since): not ours to open.
    const otherKey = memoryKey();
    const foreign = tempFile();
    const other = createSealedVault({ file: foreign, key: otherKey });
    await other.set('a', entry('theirs'));
    await other.close();
    const mine = tempFile();
    fs.copyFileSync(foreign, mine);
    const vault = createSealedVault({ file: mine, key });
    expect((await vault.open()).movedAside).toMatch(/unreadable/);
    expect(await vault.get('a')).toBeNull();
    await vault.close();
  });

  it('leaves a newer version’s file and key alone', async () => {
    const file = tempFile();
    const key = memoryKey();
    const vault = createSealedVault({ file, key });
    await vault.set('a', entry('one'));
    await vault.close();
    const text = fs.readFileSync(file, 'utf8').replace('{"v":1,', '{"v":2,');
    fs.writeFileSync(file, text);
    await expect(createSealedVault({ file, key }).get('a')).rejects.toBeInstanceOf(NewerVaultError);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);

    const keyText = key.value;
    key.value = JSON.stringify({ v: 2, somethingElse: true });
    await expect(createSealedVault({ file: tempFile(), key }).get('a')).rejects.toThrow(/not one this version can use/);
    expect(key.value).toBe(JSON.stringify({ v: 2, somethingElse: true }));
    expect(keyText).toBeTruthy();
  });

  it('tries the keychain again on the next call when it could not answer', async () => {
    const file = tempFile();
    const key = memoryKey();
    let locked = true;
    const flaky: VaultKeyStore = { get: async () => (locked ? Promise.reject(new Error('locked')) : key.get()), set: (v) => key.set(v) };
    const vault = createSealedVault({ file, key: flaky });
    await expect(vault.get('a')).rejects.toThrow('locked');
    expect(fs.existsSync(file)).toBe(false);
    locked = false;
    await vault.set('a', entry('one'));
    expect((await vault.get('a'))!.refreshToken).toBe('one');
    await vault.close();
  });
});

describe('migrating the per-profile keychain entries of earlier versions', () => {
  it('takes every entry, verified in the file, and removes the old entries only after', async () => {
    const file = tempFile();
    const names = services();
    const old = createKeychainVault(names.service);
    for (let i = 0; i < 30; i++) await old.set(`p${i}`, entry(`old-${i}`));
    await keychain.set(names.service, 'not-a-token', 'probe'); // not ours to judge: left alone

    const vault = createSealedKeychainVault(file, names);
    const report = await vault.open();
    expect(report.migrated.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `p${i}`).sort());
    expect(report.unrecognised).toEqual(['not-a-token']);
    for (let i = 0; i < 30; i++) expect(await vault.get(`p${i}`)).toEqual(entry(`old-${i}`));
    expect(await vault.cleanup()).toEqual({ removed: 30, failed: 0 });
    expect(await keychain.list(names.service)).toEqual([{ account: 'not-a-token', password: 'probe' }]);
    const key = JSON.parse((await keychain.get(names.keyService, 'aes-256-gcm'))!) as { migratedAt?: string };
    expect(key.migratedAt).toBeTruthy();
    await vault.close();

    // A fresh process sees the same: the file and the key, not this process's memory.
    const again = createSealedKeychainVault(file, names);
    expect((await again.open()).migrated).toEqual([]);
    expect((await again.get('p7'))!.refreshToken).toBe('old-7');
    await again.close();
    await keychain.delete(names.service, 'not-a-token');
    await keychain.delete(names.keyService, 'aes-256-gcm');
  });

  it('keeps the old entries when the file cannot be written, and migrates them on the next start', async () => {
    const names = services();
    const old = createKeychainVault(names.service);
    await old.set('p1', entry('old-1'));
    const file = path.join(path.dirname(tempFile()), 'missing-folder', 'tokens.vault');
    const vault = createSealedKeychainVault(file, names);
    await expect(vault.open()).rejects.toThrow();
    expect(await old.get('p1')).toEqual(entry('old-1'));

    fs.mkdirSync(path.dirname(file));
    const report = await vault.open();
    expect(report.migrated).toEqual(['p1']);
    await vault.cleanup();
    expect(await old.get('p1')).toBeNull();
    await vault.close();
    await keychain.delete(names.keyService, 'aes-256-gcm');
  });

  it('never takes in a leftover that a removal missed: it may be a token that rotated since', async () => {
    const file = tempFile();
    const key = memoryKey();
    const legacy = new Map([['p1', JSON.stringify(entry('before-migration', '2026-11-01T00:00:00.000Z'))]]);
    let failRemovals = true;
    const store = {
      list: async () => [...legacy].map(([account, secret]) => ({ account, secret })),
      delete: async (account: string) => {
        if (failRemovals) throw new Error('the keychain refused');
        legacy.delete(account);
      },
    };
    const now = () => new Date('2026-12-01T00:00:00.000Z');
    const vault = createSealedVault({ file, key, legacy: store, now });
    expect((await vault.open()).migrated).toEqual(['p1']);
    expect(await vault.cleanup()).toEqual({ removed: 0, failed: 1 });
    await vault.set('p1', entry('rotated-since', '2026-12-01T00:00:01.000Z'));
    await vault.delete('p1'); // disconnected
    await vault.close();

    failRemovals = false;
    const again = createSealedVault({ file, key, legacy: store, now });
    const report = await again.open();
    expect(report.migrated).toEqual([]);
    expect(report.superseded).toEqual(['p1']);
    expect(await again.get('p1')).toBeNull();
    expect(await again.cleanup()).toEqual({ removed: 1, failed: 0 });
    expect(legacy.size).toBe(0);

    // An earlier version run again after the migration (a downgrade) wrote a newer entry: that one is taken.
    legacy.set('p2', JSON.stringify(entry('written-by-an-earlier-version', '2026-12-05T00:00:00.000Z')));
    await again.close();
    const third = createSealedVault({ file, key, legacy: store, now });
    expect((await third.open()).migrated).toEqual(['p2']);
    expect((await third.get('p2'))!.refreshToken).toBe('written-by-an-earlier-version');
    await third.close();
  });

  it('keeps the file’s own entry when it is newer than an old one', async () => {
    const file = tempFile();
    const key = memoryKey();
    const vault = createSealedVault({ file, key });
    await vault.set('p1', entry('in-the-file', '2026-11-20T00:00:00.000Z'));
    await vault.close();
    const legacy = { list: async () => [{ account: 'p1', secret: JSON.stringify(entry('older', '2026-11-10T00:00:00.000Z')) }], delete: async () => undefined };
    const again = createSealedVault({ file, key, legacy });
    expect((await again.open()).superseded).toEqual(['p1']);
    expect((await again.get('p1'))!.refreshToken).toBe('in-the-file');
    await again.close();
  });
});
