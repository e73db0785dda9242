import path from 'node:path';
import { app } from 'electron';
import Conf from 'conf';
import type { JsonFileBackend } from '../settings/settings-store';

const NAME = 'settings';

export const settingsPath = (): string => path.join(app.getPath('userData'), `${NAME}.json`);

/**
 * conf, what electron-store wraps, and the very backend the tests use: the same file and atomic
 * writes. Not electron-store itself: it opens an `ipcMain` channel that answers any sender.
 * conf's silent "clear the invalid file" is off: we move a bad file aside ourselves.
 */
export const createSettingsBackend = (): JsonFileBackend =>
  new Conf<Record<string, unknown>>({
    cwd: app.getPath('userData'),
    configName: NAME,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
  });
