import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeychainVault, keychainWorks } from '../../../src/main/platform/keychain-vault';
import type { VaultEntry } from '../../../src/main/reauth/token-vault';

/** Against a real Secret Service (gnome-keyring on a private D-Bus, started by the global setup). */
describe('the keychain vault', () => {
  const service = `Bridgekeeper test ${randomUUID()}`;
  const entry = (refreshToken: string): VaultEntry => ({
    refreshToken,
    environmentId: 'visma-sandbox',
    tenantId: '1000001',
    savedAt: '2026-11-22T10:00:00.000Z',
  });

  it('finds a working keychain', async () => {
    expect(await keychainWorks(service)).toEqual({ ok: true });
  });

  it('keeps one entry per profile, replaces it, and removes it', async () => {
    const vault = createKeychainVault(service);
    await vault.set('profile-a', entry('refresh-a1'));
    await vault.set('profile-b', entry('refresh-b1'));
    expect(await vault.get('profile-a')).toEqual(entry('refresh-a1'));
    await vault.set('profile-a', entry('refresh-a2'));
    expect((await vault.get('profile-a'))!.refreshToken).toBe('refresh-a2');
    expect((await vault.get('profile-b'))!.refreshToken).toBe('refresh-b1');
    await vault.delete('profile-a');
    expect(await vault.get('profile-a')).toBeNull();
    expect(await vault.get('profile-b')).not.toBeNull();
    await vault.delete('profile-b');
  });

  it('sees what another process wrote: it is the OS keychain, not this process', async () => {
    const vault = createKeychainVault(service);
    await vault.set('shared', entry('written-here'));
    const { execFileSync } = await import('node:child_process');
    const seen = execFileSync(
      process.execPath,
      ['-e', `require('@napi-rs/keyring/keytar').getPassword(${JSON.stringify(service)}, 'shared').then((v) => process.stdout.write(v))`],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(seen).refreshToken).toBe('written-here');
    await vault.delete('shared');
  });

  it('reports a keychain that cannot be reached', async () => {
    // A fresh process: the keychain binding keeps its first D-Bus connection for the life of a process.
    const { execFileSync } = await import('node:child_process');
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'test/helpers/keychain-probe.ts'], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
      encoding: 'utf8',
    });
    const result = JSON.parse(output) as { ok: boolean; reason?: string };
    expect(result.ok).toBe(false);
    expect(result.reason).toBeTruthy();
  });

  it('takes a burst of calls without piling up Secret Service connections', async () => {
    // Each call opens a D-Bus connection that lives until its entry object is collected;
    // without the vault's periodic collection, 300 calls would leave 300 connections open.
    const { execFileSync } = await import('node:child_process');
    const connections = () =>
      execFileSync('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.ListNames'], { encoding: 'utf8' })
        .split('\n')
        .filter((line) => line.includes('":1.')).length;
    const vault = createKeychainVault(service);
    const before = connections();
    let most = before;
    for (let i = 0; i < 300; i++) {
      await vault.set(`burst-${i % 20}`, entry(`refresh-${i}`));
      if (i % 25 === 0) most = Math.max(most, connections());
    }
    expect(most - before).toBeLessThan(100);
    for (let i = 0; i < 20; i++) await vault.delete(`burst-${i}`);
  }, 60_000);
});
