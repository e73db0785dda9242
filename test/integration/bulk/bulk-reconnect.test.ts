import { describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../../src/main/reauth/token-vault';
import { parseCsv } from '../../../src/main/csv/parse-csv';
import { type LoginScript, httpLoginSurface } from '../../helpers/http-login-surface';
import { ANNA, FJELLVIND, NORDLYS } from '../../helpers/sandbox/relying-party';
import { sandboxPerTest } from '../../helpers/sandbox/sandboxes';
import { tempApp } from '../../helpers/temp-app';
import type { Sandbox } from '../../../sandbox';
import { exportedText } from '../../helpers/file-bytes';

const newSandbox = sandboxPerTest();

/** Five profiles over two companies, in an order that is not the company order. */
async function setUp(sandbox: Sandbox, scripts: LoginScript[], dir?: string) {
  const vault = createMemoryVault();
  const surface = httpLoginSurface(...scripts);
  const app = tempApp(dir, { vault, loginSurface: surface, now: () => new Date() });
  await app.api.saveEnvironment(sandbox.environment);
  const add = (id: string, name: string, company: { id: string; name: string }) =>
    app.api.createProfile({ id, name, direction: 'import', companyId: company.id, companyName: company.name, apiUser: ANNA.email, environmentId: sandbox.environment.id });
  await add('n1', 'Nordlys orders', NORDLYS);
  await add('f1', 'Fjellvind orders', FJELLVIND);
  await add('n2', 'Nordlys invoices', NORDLYS);
  await add('f2', 'Fjellvind invoices', FJELLVIND);
  await add('n3', 'Nordlys customers', NORDLYS);
  return { app, vault, surface };
}

const anna = (company: { name: string }) => ({ ...ANNA, company: company.name });

/** Opens the next login and waits for it (and any that auto opens after it) to end. */
async function openNext(app: ReturnType<typeof tempApp>) {
  const run = (await app.api.getBulkRun())!;
  await app.api.bulkOpen(run.next!);
  await app.bulk.idle();
  return (await app.api.getBulkRun())!;
}

describe('bulk reconnect (F8)', () => {
  it('goes company by company, one login each, and sums up', async () => {
    const sandbox = await newSandbox();
    const { app } = await setUp(sandbox, [anna(FJELLVIND), anna(FJELLVIND), anna(NORDLYS), anna(NORDLYS), anna(NORDLYS)]);
    let run = await app.api.startBulkRun(['n1', 'f1', 'n2', 'f2', 'n3']);
    expect(run.items.map((i) => i.profileId)).toEqual(['f2', 'f1', 'n3', 'n2', 'n1']);
    expect(run).toMatchObject({ next: 'f2', active: null, finished: false, counts: { total: 5, pending: 5 } });
    while (!run.finished) run = await openNext(app);
    expect(run.counts).toEqual({ total: 5, pending: 0, running: 0, connected: 5, unconfirmed: 0, skipped: 0, failed: 0 });
    expect(app.profiles.all().every((p) => p.status === 'connected')).toBe(true);
    const summary = parseCsv(exportedText(await app.api.exportBulkSummary())).map((r) => r.cells);
    expect(summary[0]).toEqual(['profile', 'id', 'company', 'companyId', 'apiUser', 'result', 'outcome', 'reason', 'finishedAt']);
    expect(summary.slice(1).map((r) => [r[1], r[5]])).toEqual([
      ['f2', 'connected'],
      ['f1', 'connected'],
      ['n3', 'connected'],
      ['n2', 'connected'],
      ['n1', 'connected'],
    ]);
  });

  it('with "by itself" on, opens each next login when one ends, and pauses when a window is closed', async () => {
    const sandbox = await newSandbox();
    const { app, surface } = await setUp(sandbox, [anna(FJELLVIND), anna(FJELLVIND), 'close']);
    await app.api.startBulkRun(['n1', 'f1', 'n2', 'f2', 'n3']);
    await app.api.bulkSetAuto(true);
    await app.bulk.idle();
    const run = (await app.api.getBulkRun())!;
    expect(surface.opened).toHaveLength(3);
    expect(run.items.map((i) => i.state)).toEqual(['connected', 'connected', 'pending', 'pending', 'pending']);
    expect(run).toMatchObject({ auto: false, next: 'n3', active: null, finished: false });
  });

  it('records a failure with its reason, retries it next, skips on request, and keeps a cancelled login in line', async () => {
    const sandbox = await newSandbox();
    const { app, surface } = await setUp(sandbox, [anna(NORDLYS) /* wrong: f2 is Fjellvind */, anna(FJELLVIND) /* the retry */, 'wait' /* f1: skipped while open */, 'close' /* n3: window closed */]);
    await app.api.startBulkRun(['n1', 'f1', 'n2', 'f2', 'n3']);
    let run = await openNext(app);
    expect(run.items[0]).toMatchObject({ profileId: 'f2', state: 'failed', outcome: 'wrong-company' });
    expect(run.items[0]!.reason).toContain('The wrong company was picked');
    run = await app.api.bulkRetry('f2');
    expect(run.next).toBe('f2');
    run = await openNext(app);
    expect(run.items[0]).toMatchObject({ profileId: 'f2', state: 'connected' });

    await app.api.bulkOpen('f1'); // the person dawdles; the SuperUser skips it
    await expect.poll(() => surface.opened.length).toBe(3); // the login window is open
    expect((await app.api.getBulkRun())!).toMatchObject({ active: 'f1', next: 'n3' });
    await expect(app.api.bulkSkip('n3')).resolves.toMatchObject({ active: 'f1' }); // a waiting profile may be skipped meanwhile…
    await app.api.bulkRetry('n3'); // …and put back
    await app.api.bulkSkip('f1');
    await app.bulk.idle();
    run = (await app.api.getBulkRun())!;
    expect(run.items[1]).toMatchObject({ profileId: 'f1', state: 'skipped' });

    run = await openNext(app); // n3: the login window is closed
    expect(run.items[2]).toMatchObject({ profileId: 'n3', state: 'pending' });
    expect(run.next).toBe('n3');
    run = await app.api.bulkSkip('n3'); // skipped without a login
    expect(run.items[2]!.state).toBe('skipped');
    expect(app.profiles.get('n1')!.status).toBe('never-connected'); // not yet touched
  });

  it('refuses a command meant for another profile than the one it names', async () => {
    const sandbox = await newSandbox();
    const { app } = await setUp(sandbox, [anna(FJELLVIND), 'wait']);
    await app.api.startBulkRun(['n1', 'f1', 'n2', 'f2', 'n3']);
    await expect(app.api.bulkOpen('f1')).rejects.toThrow('the next login is for "Fjellvind invoices"');
    await openNext(app);
    // f2's login ended: a Skip meant for it, arriving late, must not skip f1 (shown next by then).
    await expect(app.api.bulkSkip('f2')).rejects.toThrow('"Fjellvind invoices" is connected: there is nothing to skip.');
    expect((await app.api.getBulkRun())!.items[1]).toMatchObject({ profileId: 'f1', state: 'pending' });
    await app.api.bulkOpen('f1');
    await expect(app.api.bulkOpen('n3')).rejects.toThrow('already open (for "Fjellvind orders")');
    await expect(app.api.bulkCancel('n3')).rejects.toThrow('no login of it is open');
    await app.api.bulkCancel('f1');
    await app.bulk.idle();
    expect((await app.api.getBulkRun())!).toMatchObject({ active: null, next: 'f1', auto: false });
  });

  it('survives a crash: finished profiles stay connected, the rest resume at the next start', async () => {
    const sandbox = await newSandbox();
    const { app } = await setUp(sandbox, [anna(FJELLVIND), 'wait']);
    await app.api.startBulkRun(['n1', 'f1', 'n2', 'f2', 'n3']);
    await openNext(app);
    await app.api.bulkOpen('f1'); // the app dies while this login is open
    await expect.poll(async () => (await app.api.getBulkRun())!.items[1]!.state).toBe('running');

    const restarted = tempApp(app.dir, { vault: createMemoryVault(), loginSurface: httpLoginSurface(anna(FJELLVIND)), now: () => new Date() });
    const run = (await restarted.api.getBulkRun())!;
    expect(run.items.map((i) => i.state)).toEqual(['connected', 'pending', 'pending', 'pending', 'pending']);
    expect(run).toMatchObject({ next: 'f1', active: null, auto: false });
    expect(restarted.profiles.get('f2')!.status).toBe('connected');
    expect((await restarted.api.listNotices()).map((n) => n.message).join()).toContain('A bulk reconnect was interrupted with 4 profiles left');
    expect((await openNext(restarted)).items[1]).toMatchObject({ profileId: 'f1', state: 'connected' });
  });

  it('refuses a second run while one is under way, and can be discarded', async () => {
    const sandbox = await newSandbox();
    const { app } = await setUp(sandbox, []);
    await app.api.startBulkRun(['n1']);
    await expect(app.api.startBulkRun(['n2'])).rejects.toThrow('still under way (1 left)');
    await app.api.bulkDiscard();
    expect(await app.api.getBulkRun()).toBeNull();
    await expect(app.api.startBulkRun(['n2'])).resolves.toMatchObject({ items: [{ profileId: 'n2' }] });
  });
});
