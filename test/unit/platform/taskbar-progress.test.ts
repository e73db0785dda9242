import { describe, expect, it } from 'vitest';
import { createTaskbarProgress } from '../../../src/main/platform/taskbar-progress';
import { viewOf } from '../../../src/main/bulk/bulk-run';
import type { BulkRun } from '../../../src/shared/bulk';
import { createFakeElectron } from '../../helpers/fake-electron';

const fake = { current: createFakeElectron() };

const run = (states: BulkRun['items'][number]['state'][]): BulkRun =>
  viewOf({
    id: 'r',
    startedAt: '2026-11-30T12:00:00Z',
    auto: false,
    items: states.map((state, i) => ({ profileId: `p${i}`, name: `P${i}`, companyId: '1', companyName: 'C', apiUser: 'a@b.c', state })),
  });

describe('taskbar and dock progress', () => {
  it('follows the health check, a bulk reconnect, and the explainer, and goes away after', async () => {
    const window = new fake.current.module.BrowserWindow({});
    const progress = createTaskbarProgress(() => window as never);
    progress.follow({ type: 'health-progress', done: 0, total: 4, running: true });
    progress.follow({ type: 'health-progress', done: 1, total: 4, running: true });
    progress.follow({ type: 'health-progress', done: 4, total: 4, running: false });
    progress.follow({ type: 'bulk-changed', run: run(['connected', 'failed', 'pending', 'pending']) });
    progress.follow({ type: 'bulk-changed', run: run(['connected', 'failed', 'skipped', 'connected']) });
    await progress.during(async () => undefined);
    expect(window.progress).toEqual([0, 0.25, -1, 0.5, -1, 2, -1]);
  });

  it('lets other events pass without touching the bar', () => {
    const window = new fake.current.module.BrowserWindow({});
    createTaskbarProgress(() => window as never).follow({ type: 'notices-changed', notices: [] });
    expect(window.progress).toEqual([]);
  });
});
