import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../../sandbox';
import type { LoginRequest, LoginResult, LoginSurface } from '../../../src/main/reauth/login-surface';
import { createMemoryVault } from '../../../src/main/reauth/token-vault';
import type { BulkRun } from '../../../src/shared/bulk';
import { ANNA, FJELLVIND, NORDLYS, walkLogin } from '../../helpers/sandbox/relying-party';
import { tempApp } from '../../helpers/temp-app';

/**
 * The bulk reconnect as a state machine (issue 10): random commands at random moments against the
 * real bulk service, the real reauth flow and the sandbox, with the invariants checked after every
 * step. A person's action ends the open login window but the command after it does not wait for the
 * code exchange and the check that follow — exactly the second in which the old dialog already named
 * the next profile while the previous one was still being checked.
 */

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const COMPANIES = [NORDLYS, FJELLVIND];
const PROFILES = ['a', 'b', 'c', 'd', 'e'];

/** Login windows that stay open until the test plays the person. */
function personAtTheKeyboard() {
  const open: { request: LoginRequest; resolve(result: LoginResult): void }[] = [];
  const surface: LoginSurface = {
    open: (request) =>
      new Promise((resolve) => {
        const window = { request, resolve };
        open.push(window);
        request.signal.addEventListener('abort', () => {
          if (open.includes(window)) open.splice(open.indexOf(window), 1);
          resolve({ kind: 'closed' });
        });
      }),
  };
  return {
    surface,
    get windows() {
      return open.length;
    },
    /** The person finishes the open login (picking the right or the wrong company) or closes its window. */
    async act(action: 'right' | 'wrong' | 'close', companyOf: (request: LoginRequest) => { name: string }) {
      const window = open.shift();
      if (!window) return;
      if (action === 'close') return window.resolve({ kind: 'closed' });
      const right = companyOf(window.request);
      const company = action === 'right' ? right : COMPANIES.find((c) => c.name !== right.name)!;
      const url = await walkLogin({ url: window.request.url, redirectUri: window.request.redirectUri, codeVerifier: '', state: '', nonce: '' }, { ...ANNA, company: company.name });
      window.resolve({ kind: 'redirected', url });
    },
  };
}

type App = ReturnType<typeof tempApp>;
interface Real {
  app: App;
  person: ReturnType<typeof personAtTheKeyboard>;
}
type Model = Record<string, never>;

function checkInvariants(run: BulkRun) {
  const states = run.items.map((i) => i.state);
  const count = (s: string) => states.filter((x) => x === s).length;
  expect(run.counts).toEqual({
    total: run.items.length,
    pending: count('pending'),
    running: count('running'),
    connected: count('connected'),
    unconfirmed: count('unconfirmed'),
    skipped: count('skipped'),
    failed: count('failed'),
  });
  expect(run.counts.pending + run.counts.running + run.counts.connected + run.counts.unconfirmed + run.counts.skipped + run.counts.failed).toBe(run.counts.total);
  expect(count('running')).toBeLessThanOrEqual(1);
  expect(run.active).toBe(run.items.find((i) => i.state === 'running')?.profileId ?? null);
  expect(run.next).toBe(run.items.find((i) => i.state === 'pending')?.profileId ?? null);
  expect(run.finished).toBe(count('pending') === 0 && count('running') === 0);
}

/** A command aimed at `target` may change that item, and the login under way (or the one auto opens) — no other. */
async function aimed(real: Real, target: string | null, act: () => Promise<unknown>) {
  const before = (await real.app.api.getBulkRun())!;
  await act().catch((error: Error) => expect(error.message).not.toMatch(/Something went wrong/));
  const after = (await real.app.api.getBulkRun())!;
  checkInvariants(after);
  const mayChange = new Set([target, before.active, after.active].filter((id): id is string => id !== null));
  for (const item of after.items) {
    const was = before.items.find((i) => i.profileId === item.profileId)!;
    if (!mayChange.has(item.profileId)) expect({ id: item.profileId, state: item.state }).toEqual({ id: was.profileId, state: was.state });
  }
}

/** Auto off, then the login under way cancelled (its window may not be open yet: discovery comes first). */
async function stopEverything(app: App) {
  await app.api.bulkSetAuto(false).catch(() => undefined);
  for (let run = await app.api.getBulkRun(); run?.active; run = await app.api.getBulkRun()) {
    await app.api.bulkCancel(run.active).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await app.bulk.idle();
}

const profileArb = fc.constantFrom(...PROFILES);
const commands = [
  profileArb.map((id) => ({ check: () => true, run: (_m: Model, r: Real) => aimed(r, id, () => r.app.api.bulkOpen(id)), toString: () => `open(${id})` })),
  profileArb.map((id) => ({ check: () => true, run: (_m: Model, r: Real) => aimed(r, id, () => r.app.api.bulkSkip(id)), toString: () => `skip(${id})` })),
  profileArb.map((id) => ({ check: () => true, run: (_m: Model, r: Real) => aimed(r, id, () => r.app.api.bulkCancel(id)), toString: () => `cancel(${id})` })),
  profileArb.map((id) => ({ check: () => true, run: (_m: Model, r: Real) => aimed(r, id, () => r.app.api.bulkRetry(id)), toString: () => `retry(${id})` })),
  fc.boolean().map((on) => ({ check: () => true, run: (_m: Model, r: Real) => aimed(r, null, () => r.app.api.bulkSetAuto(on)), toString: () => `auto(${on})` })),
  fc.constantFrom('right' as const, 'wrong' as const, 'close' as const).map((action) => ({
    check: () => true,
    run: (_m: Model, r: Real) =>
      aimed(r, null, () =>
        r.person.act(action, (request) => {
          const id = request.title.replace('Visma login for ', '');
          return COMPANIES[PROFILES.indexOf(id) % 2]!;
        }),
      ),
    toString: () => `person(${action})`,
  })),
  fc.nat(30).map((ms) => ({ check: () => true, run: () => new Promise<void>((resolve) => setTimeout(resolve, ms)), toString: () => `wait(${ms}ms)` })),
];

it('no command acts on a profile it does not name, and the counts always add up — under any timing', async () => {
  await fc.assert(
    fc.asyncProperty(fc.commands(commands, { maxCommands: 25 }), async (cmds) => {
      const person = personAtTheKeyboard();
      const app = tempApp(undefined, { vault: createMemoryVault(), loginSurface: person.surface, now: () => new Date(), loginTimeoutMs: 60_000 });
      try {
        await app.api.saveEnvironment(sandbox.environment);
        for (const [i, id] of PROFILES.entries()) {
          const company = COMPANIES[i % 2]!;
          await app.api.createProfile({ id, name: id, direction: 'import', companyId: company.id, companyName: company.name, apiUser: ANNA.email, environmentId: sandbox.environment.id });
        }
        await app.api.startBulkRun(PROFILES);
        await fc.asyncModelRun(() => ({ model: {}, real: { app, person } }), cmds);

        // However it went: cancelling the login under way leaves nothing under way, and the items tell the truth.
        await stopEverything(app);
        const run = (await app.api.getBulkRun())!;
        checkInvariants(run);
        expect(run.active).toBeNull();
        for (const item of run.items) {
          const status = app.profiles.get(item.profileId)!.status;
          if (item.state === 'connected') expect(status).toBe('connected');
          if (item.state === 'pending' || item.state === 'skipped') expect(['never-connected', 'connected']).toContain(status);
        }
      } finally {
        await stopEverything(app);
        app.cleanup();
      }
    }),
    { numRuns: 30 },
  );
}, 240_000);
