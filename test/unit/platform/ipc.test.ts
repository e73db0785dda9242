import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../src/main/api/dispatcher';
import { createMemoryLogger } from '../../../src/main/logger';
import { serveApi, trustedSender } from '../../../src/main/platform/ipc';
import { IPC_INVOKE_CHANNEL } from '../../../src/shared/api';
import { tempApp } from '../../helpers/temp-app';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** Bitwarden-style: capture what platform/ipc hands to ipcMain.handle, then call it as Electron would. */
function served() {
  const app = tempApp();
  const log = createMemoryLogger();
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, handler: Handler) => void handlers.set(channel, handler) };
  const OUR_ID = 7;
  const APP = 'app://bridgekeeper';
  const createProfile = vi.spyOn(app.api, 'createProfile');
  serveApi(
    ipcMain as never,
    createDispatcher(app.api, log),
    trustedSender((id) => id === OUR_ID, (url) => url.startsWith(`${APP}/`)),
    log,
  );
  const call = (sender: { id: number; url: string; top?: boolean }, method: unknown, args: unknown) => {
    const frame = { url: sender.url, parent: sender.top === false ? {} : null };
    const event = { sender: { id: sender.id }, senderFrame: frame } as unknown as IpcMainInvokeEvent;
    return handlers.get(IPC_INVOKE_CHANNEL)!(event, method, args);
  };
  const ours = { id: OUR_ID, url: `${APP}/index.html` };
  return { app, log, call, ours, createProfile };
}

const valid = {
  id: 'p1',
  name: 'Orders to Visma',
  direction: 'import',
  companyId: '1234567',
  companyName: 'Acme AS',
  apiUser: 'api@acme.example',
  environmentId: 'visma-production',
};

describe('the IPC edge', () => {
  it('serves our own window', async () => {
    const { call, ours, app } = served();
    expect(await call(ours, 'createProfile', [valid])).toMatchObject({ ok: true, value: { id: 'p1', status: 'never-connected' } });
    expect(await call(ours, 'listProfiles', [0, 100])).toMatchObject({ ok: true, value: { profiles: [{ id: 'p1' }], total: 1 } });
    app.cleanup();
  });

  it.each([
    ['another window', { id: 8, url: 'app://bridgekeeper/index.html' }],
    ['a subframe of our window', { id: 7, url: 'app://bridgekeeper/index.html', top: false }],
    ['our window showing a foreign page', { id: 7, url: 'https://evil.example/' }],
  ])('refuses %s and never reaches the service', async (_name, sender) => {
    const { call, createProfile, log, app } = served();
    expect(await call(sender, 'createProfile', [valid])).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'This window may not call Bridgekeeper.' },
    });
    expect(createProfile).not.toHaveBeenCalled();
    expect(log.lines.some((l) => l.event === 'ipc.foreign-sender')).toBe(true);
    app.cleanup();
  });

  it.each([
    ['an unknown method', 'eval', [], 'unknown-method'],
    ['a method name that is not a string', 42, [], 'unknown-method'],
    ['an inherited property', 'constructor', [], 'unknown-method'],
    ['arguments that are not a list', 'createProfile', valid, 'invalid-argument'],
    ['too few arguments', 'createProfile', [], 'invalid-argument'],
    ['too many arguments', 'listProfiles', [0, 10, 1], 'invalid-argument'],
    ['a negative offset', 'listProfiles', [-1, 10], 'invalid-argument'],
    ['a field of the wrong type', 'createProfile', [{ ...valid, companyId: 42 }], 'invalid-argument'],
    ['a bad email', 'createProfile', [{ ...valid, apiUser: 'nobody' }], 'invalid-argument'],
    ['an oversized import', 'importProfiles', [{ name: 'x.csv', text: 'x'.repeat(64 * 1024 * 1024 + 1) }, 'all-or-nothing'], 'invalid-argument'],
    ['an unknown import mode', 'importProfiles', [{ name: 'x.csv', text: '' }, 'merge'], 'invalid-argument'],
  ])('rejects %s before any service runs', async (_name, method, args, code) => {
    const { call, ours, createProfile, app } = served();
    const result = (await call(ours, method, args)) as { ok: boolean; error: { code: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe(code);
    expect(createProfile).not.toHaveBeenCalled();
    expect(await app.profiles.all()).toEqual([]);
    app.cleanup();
  });

  it('names the offending field', async () => {
    const { call, ours, app } = served();
    const result = (await call(ours, 'createProfile', [{ ...valid, apiUser: 'nobody' }])) as { error: { message: string } };
    expect(result.error.message).toBe('apiUser must be an email address: there is no "@" in the address');
    app.cleanup();
  });

  it('passes a service error on as words for the user, and hides internal errors', async () => {
    const { call, ours, app } = served();
    await call(ours, 'createProfile', [valid]);
    expect(await call(ours, 'createProfile', [valid])).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'A profile with id "p1" already exists ("Orders to Visma").',
        words: { key: 'profiles.error.exists', params: { id: 'p1', name: 'Orders to Visma' } },
      },
    });
    vi.spyOn(app.api, 'listProfiles').mockRejectedValue(new Error('disk on fire at /secret/path'));
    const hidden = (await call(ours, 'listProfiles', [0, 10])) as { error: { code: string; message: string } };
    expect(hidden.error.code).toBe('internal');
    expect(hidden.error.message).not.toContain('/secret/path');
    app.cleanup();
  });
});
