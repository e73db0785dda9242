import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedUrlOfUpdateConfig } from '../../src/main/updates/app-updates';
import { sha512 } from '../helpers/update-server';

const run = promisify(execFile);
// electron-updater's own YAML reader (a dependency of it, without types of its own).
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

/**
 * Issue 25, points 3 and 5: the update configuration a build carries, and the installers' settings.
 * As in packaging.test.ts, electron-builder packs against a stand-in Electron (a file with the fuse
 * wire) and a stand-in fpm (records its arguments, writes an empty .deb); NSIS and dmg need Windows
 * and macOS tools, so their settings are read from electron-builder.yml.
 */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FEED = 'https://updates.example.com/bridgekeeper/';

type Config = Record<string, unknown> & {
  publish: { provider: string; url: string };
  win: Record<string, unknown>;
  nsis: Record<string, unknown>;
  mac: Record<string, unknown>;
  dmg: Record<string, unknown>;
  deb: Record<string, unknown>;
};
const config = load(fs.readFileSync('electron-builder.yml', 'utf8')) as Config;
const version = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version;

let work: string;
let unpacked: string;
let out: string;
beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-pack-updates-'));
  const dist = path.join(work, 'electron-dist');
  fs.mkdirSync(path.join(dist, 'resources'), { recursive: true });
  const fuses = '10110001';
  fs.writeFileSync(path.join(dist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n# stand-in\n'), Buffer.from(SENTINEL), Buffer.from([1, fuses.length]), Buffer.from(fuses)]), { mode: 0o755 });
  out = path.join(work, 'out');
  // The release machine names the update server on the command line (docs/releasing.md).
  await run('npx', ['electron-builder', '--dir', '--linux', `-c.electronDist=${dist}`, `-c.directories.output=${out}`, `-c.publish.url=${FEED}`], {
    env: { ...process.env, CI: 'true' },
  });
  unpacked = path.join(out, 'linux-unpacked');
  const fpm = path.join(work, 'fpm');
  fs.writeFileSync(fpm, `#!${process.execPath}\nconst a = process.argv.slice(2); require('fs').writeFileSync(a[a.indexOf('--package') + 1], 'a stand-in .deb');\n`, { mode: 0o755 });
  await run(
    'npx',
    ['electron-builder', '--linux', 'deb', `--prepackaged=${unpacked}`, `-c.directories.output=${out}`, `-c.publish.url=${FEED}`, '-c.extraMetadata.homepage=https://bridgekeeper.invalid'],
    { env: { ...process.env, CI: 'true', CUSTOM_FPM_PATH: fpm } },
  );
}, 240_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the update configuration a build carries', () => {
  it('a --dir build carries app-update.yml: the generic provider, the update server, the updater cache', () => {
    const text = fs.readFileSync(path.join(unpacked, 'resources', 'app-update.yml'), 'utf8');
    expect(load(text)).toEqual({ provider: 'generic', url: FEED, updaterCacheDirName: 'bridgekeeper-updater' });
    expect(feedUrlOfUpdateConfig(text)).toBe(FEED);
    // No certificate here: no publisherName, so nothing claims a signature this build does not have.
    expect(text).not.toMatch(/publisherName/);
  });

  it('electron-builder.yml names no real update server: a build made without one never checks', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: 'https://updates.bridgekeeper.invalid/' });
    expect(feedUrlOfUpdateConfig(`provider: generic\nurl: ${config.publish.url}\n`)).toBe('');
  });

  it('electron-updater is in the app (a runtime dependency), and nothing of the update tests is', () => {
    const files = listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    expect(files).toContain('/node_modules/electron-updater/out/main.js');
    expect(files).toContain('/node_modules/builder-util-runtime/package.json');
    expect(files.filter((f) => /test-updater|update-server|electron-builder\//.test(f))).toEqual([]);
  });

  it('the .deb carries package-type: electron-updater then updates it with dpkg (DebUpdater), not as an AppImage', () => {
    expect(fs.readFileSync(path.join(unpacked, 'resources', 'package-type'), 'utf8')).toBe('deb');
  });

  it('the .deb is named with version and architecture, and latest-linux.yml beside it holds its SHA-512', () => {
    const deb = `bridgekeeper_${version}_amd64.deb`;
    expect(fs.readdirSync(out)).toContain(deb);
    const info = load(fs.readFileSync(path.join(out, 'latest-linux.yml'), 'utf8')) as { version: string; files: { url: string; sha512: string }[] };
    expect(info.version).toBe(version);
    expect(info.files).toContainEqual(expect.objectContaining({ url: deb, sha512: sha512(fs.readFileSync(path.join(out, deb))) }));
  });
});

describe("the installers' settings", () => {
  it('no file associations and no protocol handlers: Bridgekeeper opens no file type and registers no URL scheme', () => {
    const sections = [config, config.win, config.nsis, config.mac, config.dmg, config.deb, (config.linux ?? {}) as Record<string, unknown>];
    for (const section of sections) {
      expect(section).not.toHaveProperty('fileAssociations');
      expect(section).not.toHaveProperty('protocols');
    }
    // …and the app itself claims none either (the browser login's answer comes to a loopback listener).
    const sources = fs.readdirSync('src', { recursive: true }).map(String).filter((f) => /\.(ts|tsx)$/.test(f));
    const claims = sources.filter((f) => /setAsDefaultProtocolClient|open-url/.test(fs.readFileSync(path.join('src', f), 'utf8')));
    expect(claims).toEqual([]);
  });

  it('every installer is named with the version and the architecture', () => {
    for (const section of [config.nsis, config.mac, config.dmg, config.deb]) {
      expect(section.artifactName).toMatch(/\$\{version\}/);
      expect(section.artifactName).toMatch(/\$\{arch\}/);
    }
    // Each name is distinct, so a release folder holds every platform's side by side.
    const names = [config.nsis, config.mac, config.dmg, config.deb].map((s) => s.artifactName);
    expect(new Set(names).size).toBe(names.length);
  });

  it('Windows: NSIS, per user, signed with SHA-256 and a timestamp when a certificate is given, publisher checked on update', () => {
    expect(config.win.target).toBe('nsis');
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
    expect(config.win.signtoolOptions).toMatchObject({ signingHashAlgorithms: ['sha256'], rfc3161TimeStampServer: expect.stringMatching(/^http/) });
    expect(config.win.verifyUpdateCodeSignature).toBe(true);
  });

  it('macOS: dmg to install, zip to update; hardened runtime with its entitlements; notarised when the environment says how', () => {
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).not.toBe(false);
    const entitlements = fs.readFileSync(config.mac.entitlements as string, 'utf8');
    expect([...entitlements.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements);
  });

  it('signing is driven only by the environment: no certificate, identity or password is written into the file', () => {
    const text = fs.readFileSync('electron-builder.yml', 'utf8');
    expect(text).not.toMatch(/^\s*(certificateFile|certificatePassword|certificateSubjectName|certificateSha1|cscLink|cscKeyPassword|identity|appleId|appleIdPassword|teamId)\s*:/m);
  });
});
