import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/**
 * No Electron binary can be had here, so electron-builder packs against a stand-in: a file that
 * carries Electron's fuse wire (sentinel, version, states) so the fuses in electron-builder.yml are
 * really flipped. Installers (NSIS, DMG) need the real binary; `--dir` proves the rest, and the .deb
 * is made from it with a stand-in fpm.
 */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_DEFAULT_FUSES = '10110001';
// A fuse is the character '0' (off) or '1' (on) in the wire.
const FuseState = { DISABLE: '0'.charCodeAt(0), ENABLE: '1'.charCodeAt(0) };

let work: string;
let unpacked: string;
let fpmArgsFile: string;
let afterInstallFile: string;
let linuxArtifacts: string[];
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
  afterInstallFile = path.join(work, 'after-install.sh');
  fs.writeFileSync(
    fpm,
    // It also keeps the after-install script, which electron-builder deletes once the build is done.
    `#!${process.execPath}\nconst fs = require('fs'); const a = process.argv.slice(2); fs.writeFileSync(${JSON.stringify(fpmArgsFile)}, JSON.stringify(a)); fs.copyFileSync(a[a.indexOf('--after-install') + 1], ${JSON.stringify(afterInstallFile)}); fs.writeFileSync(a[a.indexOf('--package') + 1], '');\n`,
    { mode: 0o755 },
  );
  // A .deb needs a project URL: electron-builder takes package.json's homepage or the git remote, and
  // this checkout has neither.
  const homepage = '-c.extraMetadata.homepage=https://bridgekeeper.invalid';
  // Every Linux target electron-builder.yml names, as a release build makes them (no target named here).
  await run('npx', ['electron-builder', '--linux', `--prepackaged=${unpacked}`, `-c.directories.output=${path.join(work, 'out')}`, homepage], {
    env: { ...process.env, CI: 'true', CUSTOM_FPM_PATH: fpm },
  });
  linuxArtifacts = fs.readdirSync(path.join(work, 'out')).filter((f) => /\.(deb|AppImage|rpm|snap)$/.test(f));
}, 180_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('electron-builder.yml', () => {
  it('names an installer for every platform', () => {
    const yml = fs.readFileSync('electron-builder.yml', 'utf8');
    expect(yml).toMatch(/win:\s*\n\s*target: nsis/);
    expect(yml).toMatch(/mac:\n(?:\s*#.*\n)*\s*target:\s*\n\s*- dmg\n\s*- zip\n/); // dmg to install, zip to update (Squirrel.Mac)
    expect(yml).toMatch(/linux:\n(?:\s*#.*\n)*\s*target:\s*\n\s*- deb\n\s*category:/); // the .deb alone: see below
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

/**
 * Ubuntu 23.10+ (kernel.apparmor_restrict_unprivileged_userns=1) gives Chromium's namespace sandbox no
 * user namespace unless an AppArmor profile allows it, and the setuid chrome-sandbox cannot be root-owned
 * 4755 inside an AppImage's mount (electron/electron#42510). docs/architecture.md, "Linux: the .deb only".
 */
describe('Linux packages keep the sandbox on Ubuntu 24.04', () => {
  it('ships a .deb and no AppImage', () => {
    expect(linuxArtifacts).toEqual(['bridgekeeper_0.1.0_amd64.deb']);
  });

  it('the .deb brings an AppArmor profile that allows user namespaces for the installed binary, and installs it', () => {
    const args = JSON.parse(fs.readFileSync(fpmArgsFile, 'utf8')) as string[];
    // The unpacked app becomes /opt/Bridgekeeper, with the profile among its resources.
    expect(args).toContain(`${unpacked}/=/opt/Bridgekeeper`);
    const profile = fs.readFileSync(path.join(unpacked, 'resources', 'apparmor-profile'), 'utf8');
    expect(profile).toMatch(/^abi <abi\/4\.0>,/);
    expect(profile).toContain('profile "bridgekeeper" "/opt/Bridgekeeper/bridgekeeper" flags=(unconfined) {');
    expect(profile).toMatch(/^\s*userns,$/m);
    const afterInstall = fs.readFileSync(afterInstallFile, 'utf8');
    expect(afterInstall).toContain("APPARMOR_PROFILE_SOURCE='/opt/Bridgekeeper/resources/apparmor-profile'");
    expect(afterInstall).toContain("APPARMOR_PROFILE_TARGET='/etc/apparmor.d/bridgekeeper'");
    expect(afterInstall).toContain('apparmor_parser --replace --write-cache --skip-read-cache "$APPARMOR_PROFILE_TARGET"');
    // Where the kernel has no user namespaces at all, the setuid helper takes over; never --no-sandbox.
    expect(afterInstall).toContain("chmod 4755 '/opt/Bridgekeeper/chrome-sandbox'");
    expect(afterInstall).not.toContain('no-sandbox');
  });

  it("why there is no AppImage: electron-builder's launcher turns the sandbox off wherever user namespaces are restricted", async () => {
    // The launcher electron-builder 26 writes into every AppImage, run against a stand-in binary that prints its arguments.
    const require = createRequire(import.meta.url);
    const { generateAppRunScript } = require('app-builder-lib/out/targets/appimage/appImageUtil.js') as { generateAppRunScript(config: Record<string, string>): string };
    const appDir = path.join(work, 'AppDir');
    const bin = path.join(work, 'restricted-bin');
    fs.mkdirSync(appDir);
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(appDir, 'AppRun'), generateAppRunScript({ ProductName: 'Bridgekeeper', ProductFilename: 'Bridgekeeper', ExecutableName: 'bridgekeeper' }), { mode: 0o755 });
    fs.writeFileSync(path.join(appDir, 'bridgekeeper'), '#!/bin/sh\necho "$@"\n', { mode: 0o755 });
    // Ubuntu 24.04's unshare for an unconfined user: the namespace is made, the uid map cannot be written.
    fs.writeFileSync(path.join(bin, 'unshare'), '#!/bin/sh\necho "unshare: write failed /proc/self/uid_map: Operation not permitted" >&2\nexit 1\n', { mode: 0o755 });
    const launch = (pathPrefix: string[]) =>
      run('bash', [path.join(appDir, 'AppRun')], { env: { ...process.env, APPDIR: appDir, PATH: [...pathPrefix, process.env.PATH].join(':') } }).then((r) => r.stdout.trim());
    expect(await launch([bin])).toBe('--no-sandbox');
    const unshare = await run('unshare', ['-Ur', 'true']).then(() => true, () => false);
    if (unshare) expect(await launch([])).toBe(''); // where user namespaces work, the same launcher keeps the sandbox
  });
});
