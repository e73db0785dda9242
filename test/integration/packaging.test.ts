import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/**
 * No Electron binary can be had here, so electron-builder packs against a stand-in: a file that
 * carries Electron's fuse wire (sentinel, version, states) so the fuses in electron-builder.yml are
 * really flipped. Installers (NSIS, DMG, AppImage, deb) need the real binary; `--dir` proves the rest.
 */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_DEFAULT_FUSES = '10110001';
// A fuse is the character '0' (off) or '1' (on) in the wire.
const FuseState = { DISABLE: '0'.charCodeAt(0), ENABLE: '1'.charCodeAt(0) };

let work: string;
let unpacked: string;
let fpmArgsFile: string;
beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-pack-'));
  const dist = path.join(work, 'electron-dist');
  fs.mkdirSync(path.join(dist, 'resources'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]), Buffer.from(ELECTRON_DEFAULT_FUSES)]);
  fs.writeFileSync(path.join(dist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n# stand-in\n'), wire]), { mode: 0o755 });
  await run(
    'npx',
    ['electron-builder', '--dir', '--linux', `-c.electronDist=${dist}`, `-c.directories.output=${path.join(work, 'out')}`],
    { env: { ...process.env, CI: 'true' } },
  );
  unpacked = path.join(work, 'out', 'linux-unpacked');

  // The .deb: fpm cannot be downloaded here either, so a stand-in records the arguments
  // electron-builder gives it (the package's dependencies among them) and leaves an empty file.
  const fpm = path.join(work, 'fpm');
  fpmArgsFile = path.join(work, 'fpm-args.json');
  fs.writeFileSync(
    fpm,
    `#!${process.execPath}\nconst a = process.argv.slice(2); require('fs').writeFileSync(${JSON.stringify(fpmArgsFile)}, JSON.stringify(a)); require('fs').writeFileSync(a[a.indexOf('--package') + 1], '');\n`,
    { mode: 0o755 },
  );
  // A .deb needs a project URL: electron-builder takes package.json's homepage or the git remote, and
  // this checkout has neither.
  const homepage = '-c.extraMetadata.homepage=https://bridgekeeper.invalid';
  await run('npx', ['electron-builder', '--linux', 'deb', `--prepackaged=${unpacked}`, `-c.directories.output=${path.join(work, 'out')}`, homepage], {
    env: { ...process.env, CI: 'true', CUSTOM_FPM_PATH: fpm },
  });
}, 180_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('electron-builder.yml', () => {
  it('names an installer for every platform', () => {
    const yml = fs.readFileSync('electron-builder.yml', 'utf8');
    expect(yml).toMatch(/win:\s*\n\s*target: nsis/);
    expect(yml).toMatch(/mac:\s*\n\s*target: dmg/);
    expect(yml).toMatch(/linux:\s*\n\s*target:\s*\n\s*- AppImage\s*\n\s*- deb/);
  });

  it('packs the built app and its runtime dependencies, and nothing of the sources or tests', () => {
    const files = listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    for (const needed of ['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json']) {
      expect(files).toContain(needed);
    }
    for (const runtime of ['openid-client', 'conf', 'react', '@napi-rs/keyring']) {
      expect(files.some((f) => f.startsWith(`/node_modules/${runtime}/`))).toBe(true);
    }
    const forbidden = files.filter((f) => /^\/(src|test|sandbox|bench|scripts|docs)\//.test(f) || /\/node_modules\/(oidc-provider|@playwright|vitest|electron-builder|typescript|electron-store)\//.test(f) || f.endsWith('.map'));
    expect(forbidden).toEqual([]);
  });

  it("keeps electron-builder's .deb dependencies (GTK, NSS, …) that Electron needs to start, and recommends a Secret Service", () => {
    const args = JSON.parse(fs.readFileSync(fpmArgsFile, 'utf8')) as string[];
    const values = (flag: string) => args.flatMap((arg, i) => (arg === flag ? [args[i + 1]] : []));
    expect(values('-d')).toEqual(['libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0']);
    expect(values('--deb-recommends')).toEqual(['libappindicator3-1', 'gnome-keyring']);
  });

  it('keeps the native keychain binding outside the archive, where it can be loaded', () => {
    const nativeFiles = fs
      .readdirSync(path.join(unpacked, 'resources', 'app.asar.unpacked'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.node'));
    expect(nativeFiles.some((f) => f.includes('keyring'))).toBe(true);
  });

  it('flips the fuses: no run-as-node, no NODE_OPTIONS or inspector, asar only and integrity-checked', async () => {
    const fuses = await getCurrentFuseWire(path.join(unpacked, 'bridgekeeper'));
    expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });
});
