import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Notice } from '../../../src/shared/notice';
import { type ProbeResult, createDeferredVaults, reportTokenFile } from '../../../src/main/platform/keychain-startup';

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

  it('a token file that cannot be read is kept aside, logged by name, and the person told that connected profiles need a reconnect', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-vaults-'));
    const file = path.join(dir, 'tokens.vault');
    fs.writeFileSync(file, 'not a token file\n');
    const vaults = createDeferredVaults(async () => ({ ok: true }), async () => file);
    await vaults.probe();
    const report = await vaults.tokenFileOpened();
    expect(report?.movedAside).toMatch(/tokens\.vault\.(no-key|unreadable)-/);
    expect(fs.readFileSync(report!.movedAside!, 'utf8')).toBe('not a token file\n');
    const lines: [string, Record<string, unknown> | undefined][] = [];
    const notices: Notice[] = [];
    const log = { info: (event: string, fields?: Record<string, unknown>) => lines.push([event, fields]), warn: (event: string, fields?: Record<string, unknown>) => lines.push([event, fields]) };
    reportTokenFile(report, { log, post: (notice) => notices.push(notice) });
    expect(lines).toEqual([['token-file.moved-aside', expect.objectContaining({ keptAs: path.basename(report!.movedAside!) })]]);
    expect(notices.map((n) => n.message)).toEqual([expect.stringContaining(`kept it as ${report!.movedAside!}. The profiles connected before need a reconnect`)]);
    // A file that opens is logged in counts only, with no notice.
    await vaults.vault.set('p1', entry);
    reportTokenFile({ newKey: false, migrated: ['p1'], superseded: [], unrecognised: [] }, { log, post: (notice) => notices.push(notice) });
    expect(lines.at(-1)).toEqual(['token-file.opened', { newKey: false, migrated: 1, superseded: 0, unrecognised: 0 }]);
    expect(notices).toHaveLength(1);
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
