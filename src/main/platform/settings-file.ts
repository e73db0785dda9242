import path from 'node:path';
import { app } from 'electron';
import ElectronStore from 'electron-store';
import type { JsonFileBackend } from '../settings/settings-store';

const NAME = 'settings';

export const settingsPath = (): string => path.join(app.getPath('userData'), `${NAME}.json`);

/** electron-store, with conf's silent "clear the invalid file" turned off: we move it aside ourselves. */
export const createSettingsBackend = (): JsonFileBackend =>
  new ElectronStore<Record<string, unknown>>({ name: NAME, clearInvalidConfig: false, accessPropertiesByDotNotation: false });
