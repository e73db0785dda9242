import Conf from 'conf';
import path from 'node:path';
import type { JsonFileBackend } from '../../src/main/settings/settings-store';

/** conf is what electron-store wraps: the same file, the same atomic writes, in plain Node. */
export function confBackend(dir: string, name = 'settings'): { create: () => JsonFileBackend; path: string } {
  return {
    create: () =>
      new Conf<Record<string, unknown>>({
        cwd: dir,
        configName: name,
        clearInvalidConfig: false,
        accessPropertiesByDotNotation: false,
      }),
    path: path.join(dir, `${name}.json`),
  };
}
