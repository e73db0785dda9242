/**
 * The cold half of bench/health-check.bench.ts, in a process of its own: Bridgekeeper just started
 * over the bench's settings folder (no access token in memory, the token store not yet opened, the
 * keychain binding not yet loaded) against a keyring daemon started afresh. Prints one JSON line.
 */
import path from 'node:path';
import { createKeychainVault, createSealedKeychainVault } from '../src/main/platform/keychain-vault';
import { tempApp } from '../test/helpers/temp-app';

const started = performance.now();
const { BENCH_DIR: dir, BENCH_VAULT: kind, BENCH_SERVICE: service, BENCH_KEY_SERVICE: keyService, BENCH_COUNT: count } = process.env;
if (!dir || !service || !keyService || !count) throw new Error('started by bench/health-check.bench.ts only');
const vault = kind === 'keychain' ? createKeychainVault(service) : createSealedKeychainVault(path.join(dir, 'tokens.vault'), { service, keyService });
const app = tempApp(dir, { vault, now: () => new Date(), eventLogPath: path.join(dir, 'events.jsonl') });
const opened = performance.now();
const summary = await app.api.runHealthCheck(null);
const checkMs = performance.now() - opened;
if (summary.connected !== Number(count)) throw new Error(`expected ${count} connected, got ${JSON.stringify(summary)}`);
if ('close' in vault) await (vault as { close(): Promise<void> }).close();
// performance.now() counts from the process's start: loading Node, tsx and the app's code included.
process.stdout.write(JSON.stringify({ checkMs: Math.round(checkMs), appStartMs: Math.round(opened - started), fromProcessStartMs: Math.round(performance.now()) }) + '\n');
