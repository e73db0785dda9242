import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiEvent } from '../../src/shared/api';
import { createApp } from '../../src/main/create-app';
import { createMemoryLogger } from '../../src/main/logger';
import { confBackend } from './conf-backend';

/** The real main-side services over a settings file in a fresh temp folder. */
export function tempApp(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-app-'))) {
  const events: ApiEvent[] = [];
  const log = createMemoryLogger();
  const backend = confBackend(dir);
  const app = createApp({
    createSettingsBackend: backend.create,
    settingsPath: backend.path,
    emit: (e) => events.push(e),
    log,
    now: () => new Date('2026-11-22T09:00:00.000Z'),
  });
  return { ...app, dir, events, log, settingsFile: backend.path, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
