import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ProbeResult, createDeferredVaults } from '../../../src/main/platform/keychain-startup';

const entry = { refreshToken: 'r', environmentId: 'visma-production', tenantId: 't', savedAt: '2026-11-30T12:00:00Z' };

describe('the vaults before the keychain probe', () => {
  it('make calls wait for the probe, then use memory when the keychain does not work', async () => {
    let answer!: (result: ProbeResult) => void;
    const vaults = createDeferredVaults(() => new Promise((resolve) => (answer = resolve)));
    let stored = false;
    const write = vaults.vault.set('p1', entry).then(() => (stored = true));
    const probing = vaults.probe();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stored).toBe(false); // nothing is decided, so nothing is written anywhere
    answer({ ok: false, reason: 'no Secret Service' });
    expect(await probing).toEqual({ ok: false, reason: 'no Secret Service' });
    await write;
    expect(vaults.vault.kind).toBe('memory');
    expect(vaults.severaCredentials.kind).toBe('memory');
    expect(await vaults.vault.get('p1')).toEqual(entry);
  });

  it('keep tokens in the sealed file beside the settings when the keychain works (its key in the keychain)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-vaults-'));
    const file = path.join(dir, 'tokens.vault');
    const vaults = createDeferredVaults(async () => ({ ok: true }), async () => file);
    const sealed = { ...entry, refreshToken: 'refresh-token-of-the-startup-test' };
    const write = vaults.vault.set('p1', sealed);
    await vaults.probe();
    await write;
    expect(vaults.vault.kind).toBe('keychain');
    expect(await vaults.vault.get('p1')).toEqual(sealed);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(sealed.refreshToken);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('count a probe that throws as no keychain, with its reason', async () => {
    const vaults = createDeferredVaults(async () => {
      throw new Error('Cannot find module @napi-rs/keyring-win32-x64-msvc');
    });
    expect(await vaults.probe()).toEqual({ ok: false, reason: 'Cannot find module @napi-rs/keyring-win32-x64-msvc' });
    expect(vaults.vault.kind).toBe('memory');
  });
});
