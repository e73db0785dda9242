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

describe('bulk reconnect (F8)', () => {
  it('goes company by company, one login each, and sums up', async () => {
    const sandbox = await newSandbox();
    const { app } = await setUp(sandbox, [anna(FJELLVIND), anna(FJELLVIND), anna(NORDLYS), anna(NORDLYS), anna(NORDLYS)]);
    let run = await app.api.startBulkRun(['n1', 'f1', 'n2', 'f2', 'n3']);
    expect(run.items.map((i) => i.profileId)).toEqual(['f2', 'f1', 'n3', 'n2', 'n1']);
    expect(run.current).toBe(0);
    while (run.current !== -1) run = await app.api.bulkReconnectNext();
    expect(run.items.every((i) => i.state === 'connected')).toBe(true);
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

  it('records a failure with its reason, retries it next, skips on request, and keeps a cancelled login in line', async () => {
    const sandbox = await newSandbox();
    const { app, surface } = await setUp(sandbox, [anna(NORDLYS) /* wrong: f2 is Fjellvind */, anna(FJELLVIND) /* the retry */, 'wait' /* f1: skipped while open */, 'close' /* n3: window closed */]);
    let run = await app.api.startBulkRun(['n1', 'f1', 'n2', 'f2', 'n3']);
    run = await app.api.bulkReconnectNext();
    expect(run.items[0]).toMatchObject({ profileId: 'f2', state: 'failed', outcome: 'wrong-company' });
    expect(run.items[0]!.reason).toContain('The wrong company was picked');
    run = await app.api.bulkRetry('f2');
    expect(run.current).toBe(0);
    run = await app.api.bulkReconnectNext();
    expect(run.items[0]).toMatchObject({ profileId: 'f2', state: 'connected' });

    const open = app.api.bulkReconnectNext(); // f1: the person dawdles; the SuperUser skips it
    await expect.poll(() => surface.opened.length).toBe(3); // the login window is open
    expect((await app.api.getBulkRun())!.items[1]!.state).toBe('running');
    await app.api.bulkSkip();
    run = await open;
    expect(run.items[1]).toMatchObject({ profileId: 'f1', state: 'skipped' });

    run = await app.api.bulkReconnectNext(); // n3: the login window is closed
    expect(run.items[2]).toMatchObject({ profileId: 'n3', state: 'pending' });
    expect(run.current).toBe(2);
    run = await app.api.bulkSkip(); // skipped without a login
    expect(run.items[2]!.state).toBe('skipped');
    expect(app.profiles.get('n1')!.status).toBe('never-connected'); // not yet touched
  });

  it('survives a crash: finished profiles stay connected, the rest resume at the next start', async () => {
    const sandbox = await newSandbox();
    const { app } = await setUp(sandbox, [anna(FJELLVIND), 'wait']);
    await app.api.startBulkRun(['n1', 'f1', 'n2', 'f2', 'n3']);
    await app.api.bulkReconnectNext();
    void app.api.bulkReconnectNext(); // the app dies while this login is open
    await expect.poll(async () => (await app.api.getBulkRun())!.items[1]!.state).toBe('running');

    const restarted = tempApp(app.dir, { vault: createMemoryVault(), loginSurface: httpLoginSurface(anna(FJELLVIND)), now: () => new Date() });
    const run = (await restarted.api.getBulkRun())!;
    expect(run.items.map((i) => i.state)).toEqual(['connected', 'pending', 'pending', 'pending', 'pending']);
    expect(run.current).toBe(1);
    expect(restarted.profiles.get('f2')!.status).toBe('connected');
    expect((await restarted.api.listNotices()).map((n) => n.message).join()).toContain('A bulk reconnect was interrupted with 4 profiles left');
    expect((await restarted.api.bulkReconnectNext()).items[1]).toMatchObject({ profileId: 'f1', state: 'connected' });
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
