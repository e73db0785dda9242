/**
 * The cold half of bench/health-check.bench.ts, in a process of its own: Bridgekeeper just started
 * over the bench's settings folder (no access token in memory, the token store not yet opened, the
 * keychain binding not yet loaded) against a keyring daemon started afresh. Prints one JSON line.
 */
import path from 'node:path';
import { createKeychainVault, createSealedKeychainVault } from '../src/main/platform/keychain-vault';
import type { TokenVault } from '../src/main/reauth/token-vault';
import { tempApp } from '../test/helpers/temp-app';

const started = performance.now();
const { BENCH_DIR: dir, BENCH_VAULT: kind, BENCH_SERVICE: service, BENCH_KEY_SERVICE: keyService, BENCH_COUNT: count, BENCH_HOURS_ON: hoursOn = '0' } = process.env;
if (!dir || !service || !keyService || !count) throw new Error('started by bench/health-check.bench.ts only');
const store = kind === 'keychain' ? createKeychainVault(service) : createSealedKeychainVault(path.join(dir, 'tokens.vault'), { service, keyService });
/** Where the time goes, summed over the concurrent checks: waits on the token store, and on each kind of HTTP call. */
const waits: Record<string, { count: number; ms: number }> = {};
const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
  const at = performance.now();
  try {
    return await work();
  } finally {
    const wait = (waits[name] ??= { count: 0, ms: 0 });
    wait.count++;
    wait.ms += performance.now() - at;
  }
};
const vault: TokenVault = {
  kind: store.kind,
  get: (id) => timed('store get', () => store.get(id)),
  set: (id, entry) => timed('store set', () => store.set(id, entry)),
  delete: (id) => timed('store delete', () => store.delete(id)),
};
const timedFetch: typeof fetch = (input, init) => timed(`http ${new URL(input instanceof Request ? input.url : String(input)).pathname.replace(/\/\d+/g, '/n')}`, () => fetch(input, init));
/** Hours on: the access tokens kept have expired by this clock (the sandbox's own clock is not moved). */
const skewMs = Number(hoursOn) * 3600_000;
const app = tempApp(dir, { vault, fetch: timedFetch, now: () => new Date(Date.now() + skewMs), eventLogPath: path.join(dir, 'events.jsonl') });
const opened = performance.now();
const summary = await app.api.runHealthCheck(null);
const checkMs = performance.now() - opened;
if (summary.connected !== Number(count)) throw new Error(`expected ${count} connected, got ${JSON.stringify(summary)}`);
if ('close' in store) await (store as { close(): Promise<void> }).close();
// performance.now() counts from the process's start: loading Node, tsx and the app's code included.
const sums = Object.fromEntries(Object.entries(waits).map(([name, w]) => [name, { count: w.count, ms: Math.round(w.ms) }]));
process.stdout.write(JSON.stringify({ checkMs: Math.round(checkMs), appStartMs: Math.round(opened - started), fromProcessStartMs: Math.round(performance.now()), waits: sums }) + '\n');
