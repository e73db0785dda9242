import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDiagnostics } from '../../../src/main/logging/diagnostics';
import { createFileLogger } from '../../../src/main/logging/file-logger';
import { openLogFile } from '../../../src/main/logging/log-file';
import { REDACTED, redact } from '../../../src/main/logging/redact';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-log-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbm5hQGFjbWUuZXhhbXBsZSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

describe('the log file', () => {
  it('rotates at its size limit and keeps only the newest files', () => {
    const dir = tempDir();
    const file = openLogFile(dir, { maxBytes: 100, keep: 2 });
    for (let i = 0; i < 20; i++) file.write(`line ${String(i).padStart(2, '0')} ${'x'.repeat(30)}`);
    expect(fs.readdirSync(dir).sort()).toEqual(['bridgekeeper.1.log', 'bridgekeeper.2.log', 'bridgekeeper.log']);
    for (const name of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, name)).size).toBeLessThanOrEqual(100);
    expect(fs.readFileSync(file.path, 'utf8')).toContain('line 19');
    // Oldest first, as diagnostics shows them; the oldest lines are gone.
    const all = file.files().map((f) => fs.readFileSync(f, 'utf8')).join('');
    expect(all).not.toContain('line 00');
    expect(all.indexOf('line 15')).toBeLessThan(all.indexOf('line 19'));
  });

  it('goes on where it left off after a restart', () => {
    const dir = tempDir();
    openLogFile(dir).write('before');
    openLogFile(dir).write('after');
    expect(fs.readFileSync(path.join(dir, 'bridgekeeper.log'), 'utf8')).toBe('before\nafter\n');
  });

  it('never holds a token, a secret or an authorization code, whatever a caller or a library puts in a line', () => {
    const dir = tempDir();
    const file = openLogFile(dir);
    const log = createFileLogger(file, () => undefined);
    log.error('reauth.failed', {
      error: `token endpoint said no: Bearer ${JWT}`,
      url: 'http://127.0.0.1/bridgekeeper/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj',
      refreshToken: 'r-1234567890',
      clientSecret: 's3cret',
      profileId: 'orders',
    });
    const text = fs.readFileSync(file.path, 'utf8');
    for (const secret of [JWT, 'SplxlOBeZQQYbYS6WxSbIA', 'r-1234567890', 's3cret']) expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({ event: 'reauth.failed', profileId: 'orders', refreshToken: REDACTED, url: `http://127.0.0.1/bridgekeeper/callback?code=${REDACTED}&state=af0ifjsldkj` });
  });
});

describe('Save diagnostics', () => {
  it('writes versions, the settings without secrets, and every log file', () => {
    const dir = tempDir();
    const file = openLogFile(dir, { maxBytes: 60 });
    file.write('{"event":"first"}');
    file.write('{"event":"second","padding":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}');
    const settingsPath = path.join(dir, 'settings.json');
    fs.writeFileSync(settingsPath, JSON.stringify({ version: 3, environments: [{ id: 'test', clientId: 'bk', clientSecret: 'shh-123' }], profiles: [{ id: 'orders' }] }));
    const text = buildDiagnostics({ versions: { Bridgekeeper: '0.1.0', Electron: '45.4.1' }, logFiles: file.files(), settingsPath }, new Date('2026-11-30T12:00:00Z'));
    expect(text).toContain('Bridgekeeper diagnostics, 2026-11-30T12:00:00.000Z');
    expect(text).toContain('Electron: 45.4.1');
    expect(text).toContain('"clientId": "bk"');
    expect(text).not.toContain('shh-123');
    expect(text.indexOf('"first"')).toBeLessThan(text.indexOf('"second"'));
    expect(text).toContain('== Log bridgekeeper.1.log');
  });

  it('says so when there is no settings file, rather than failing', () => {
    const text = buildDiagnostics({ versions: {}, logFiles: [], settingsPath: path.join(tempDir(), 'missing.json') });
    expect(text).toContain('(no settings file)');
  });

  it('keeps the shape of what it redacts', () => {
    expect(redact({ password: 'p', nested: [{ accessToken: 'a', ok: true }], hasToken: true })).toEqual({ password: REDACTED, nested: [{ accessToken: REDACTED, ok: true }], hasToken: true });
  });
});
