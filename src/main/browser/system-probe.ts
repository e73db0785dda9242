import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import { promisify } from 'node:util';
import type { SystemProbe } from './detect-browsers';

const run = promisify(execFile);

/** This machine, as browser detection reads it. */
export function systemProbe(): SystemProbe {
  return {
    platform: process.platform,
    env: process.env,
    home: os.homedir(),
    readText: (file) => readFile(file, 'utf8').catch(() => undefined),
    list: (folder) => readdir(folder).catch(() => []),
    isExecutable: (file) =>
      access(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK).then(
        () => true,
        () => false,
      ),
    registry: async (key) => {
      if (process.platform !== 'win32') return '';
      try {
        return (await run('reg', ['query', key, '/s'], { windowsHide: true, timeout: 5000 })).stdout;
      } catch {
        return ''; // the key does not exist
      }
    },
  };
}
