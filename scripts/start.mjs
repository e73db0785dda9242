// npm start: build and open Bridgekeeper. Electron downloads its binary on first use;
// where that cannot happen, say so in one sentence instead of a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

if (!existsSync('node_modules')) {
  const status = run('npm', ['install']);
  if (status !== 0) process.exit(status);
}

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));
const binaryPresent = () => {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron';
  return existsSync(override ? path.join(override, relative) : path.join(electronDir, 'dist', relative));
};

if (!binaryPresent()) {
  console.log('Downloading the Electron binary (first start only)…');
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore' });
}
if (!binaryPresent()) {
  console.error(
    'Bridgekeeper cannot start: the Electron binary is missing and could not be downloaded — run `npm start` where github.com is reachable, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an unpacked Electron 45.',
  );
  process.exit(1);
}
process.exit(run('npx', ['electron-vite', 'preview']));
