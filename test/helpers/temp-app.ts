import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiEvent } from '../../src/shared/api';
import { type AppDeps, createApp } from '../../src/main/create-app';
import type { PortalSurface } from '../../src/main/portal/portal-surface';
import type { LoginSurface } from '../../src/main/reauth/login-surface';
import { createMemoryVault } from '../../src/main/reauth/token-vault';
import { createMemoryLogger } from '../../src/main/logger';
import { confBackend } from './conf-backend';

/** The real main-side services over a settings file in a fresh temp folder. */
/** Unit tests open no login windows: a login here ends as if the person closed the window. */
const noLogins: LoginSurface = { open: async () => ({ kind: 'closed' }) };
/** Nor portal windows: one closes as soon as it would show a page. */
const noPortalWindows: PortalSurface = {
  async open({ events }) {
    return {
      mainWindow: 'main',
      load: () => void setTimeout(() => events.closed('main'), 0),
      reveal: () => undefined,
      run: async () => Promise.reject(new Error('no page')),
      cookies: async () => [],
      close: async () => undefined,
    };
  },
};

export function tempApp(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-app-')), options: Partial<AppDeps> = {}) {
  const events: ApiEvent[] = [];
  const log = createMemoryLogger();
  const backend = confBackend(dir);
  const app = createApp({
    createSettingsBackend: backend.create,
    settingsPath: backend.path,
    eventLogPath: path.join(dir, 'events.jsonl'),
    vault: createMemoryVault(),
    loginSurface: noLogins,
    portalSurface: noPortalWindows,
    pickLogFile: async () => null,
    emit: (e) => events.push(e),
    log,
    now: () => new Date('2026-11-22T09:00:00.000Z'),
    // A comma-separated locale unless a test asks for another: exports are the same on every machine.
    locale: () => 'en-GB',
    ...options,
  });
  return { ...app, dir, events, log, settingsFile: backend.path, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
