/**
 * The health check over 1,000 connected profiles against the sandbox on loopback, concurrency 6.
 * Goal (issues 5 and 24): at most 3 s, warm and cold.
 *
 * - Warm: access tokens in memory, as during a day's work (three runs in this process).
 * - Cold: just after start, in a fresh process (bench/health-check-cold.ts) against a keyring daemon
 *   restarted over the same keyring files, so neither has anything cached: the token store opens
 *   (one keychain read for its key) and each profile is asked with the access token it kept.
 * - Cold, every access token expired (the next morning): as cold, the process's clock hours on, so
 *   every profile refreshes and one-time refresh tokens rotate: every check writes the store twice
 *   (the rotation mark, then the rotated token) and the identity server answers 1,000 refreshes.
 *
 * The tokens are kept as the app keeps them: the sealed file whose key is in a real Secret Service.
 * BENCH_VAULT=keychain measures the per-profile keychain entries of earlier versions instead.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startSandbox } from '../sandbox';
import { createKeychainVault, createSealedKeychainVault } from '../src/main/platform/keychain-vault';
import { tempApp } from '../test/helpers/temp-app';
import { ANNA, FJELLVIND, NORDLYS, logIn } from '../test/helpers/sandbox/relying-party';
import { fileBytes } from '../test/helpers/file-bytes';
import { startPrivateSecretService } from '../test/helpers/secret-service';
import { report, sized } from './report';

/** BENCH_PROFILES: another count, to look closer at a smaller run. */
const COUNT = Number(process.env.BENCH_PROFILES ?? sized(1000, 20));
const VAULT = process.env.BENCH_VAULT === 'keychain' ? 'keychain' : 'sealed';
const note = (text: string) => process.stderr.write(`health-check: ${text}\n`);
const keyring = await startPrivateSecretService();
const sandbox = await startSandbox();
const dir = await mkdtemp(path.join(os.tmpdir(), 'bk-bench-health-'));
const service = `Bridgekeeper bench ${process.pid}`;
const keyService = `Bridgekeeper bench key ${process.pid}`;
const vault = VAULT === 'keychain' ? createKeychainVault(service) : createSealedKeychainVault(path.join(dir, 'tokens.vault'), { service, keyService });
const app = tempApp(dir, { vault, now: () => new Date(), eventLogPath: path.join(dir, 'events.jsonl') });

await app.api.saveEnvironment(sandbox.environment);
const environment = app.environments.get(sandbox.environment.id)!;
const ids = Array.from({ length: COUNT }, (_, i) => `p${String(i).padStart(4, '0')}`);
const companyOf = (i: number) => (i % 2 ? FJELLVIND : NORDLYS);
await app.api.importProfiles(
  fileBytes(
    'bench.csv',
    ['id,name,direction,companyId,companyName,apiUser,environmentId', ...ids.map((id, i) => `${id},Profile ${i},import,${companyOf(i).id},${companyOf(i).name},${ANNA.email},${environment.id}`)].join('\n'),
  ),
  'all-or-nothing',
);
// Every profile its own login and token set (set up eight at a time; not measured).
const setUp = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (next < COUNT) {
      const i = next++;
      const { tokens } = await logIn(sandbox, { ...ANNA, company: companyOf(i).name });
      await app.tokens.store(ids[i]!, environment, { accessToken: tokens.access_token, refreshToken: tokens.refresh_token!, expiresIn: 3600 }, companyOf(i).id);
      if ((i + 1) % 100 === 0) note(`${i + 1} of ${COUNT} profiles logged in`);
    }
  }),
);
note(`set up in ${Math.round((performance.now() - setUp) / 1000)} s`);
const now = new Date().toISOString();
app.profiles.setStates(ids.map((id) => ({ id, state: { status: 'connected', statusSince: now } })));

const time = async () => {
  const started = performance.now();
  const summary = await app.api.runHealthCheck(null);
  if (summary.connected !== COUNT) throw new Error(`expected ${COUNT} connected, got ${JSON.stringify(summary)}`);
  return Math.round(performance.now() - started);
};
const warm = [await time(), await time(), await time()];
note(`warm: ${warm.join(', ')} ms`);
if ('close' in vault) await (vault as { close(): Promise<void> }).close();

/** A restart: a new process over the same folder, and a keyring daemon that has read nothing yet. */
type Cold = { checkMs: number; appStartMs: number; fromProcessStartMs: number; waits: Record<string, { count: number; ms: number }> };
async function cold(hoursOn = 0): Promise<Cold> {
  await keyring.restart();
  // BENCH_CPU_PROF=<folder>: a CPU profile of each cold run, to see where its time goes.
  const child = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []), '--import', 'tsx', 'bench/health-check-cold.ts'], {
    env: { ...process.env, BENCH_DIR: dir, BENCH_VAULT: VAULT, BENCH_SERVICE: service, BENCH_KEY_SERVICE: keyService, BENCH_COUNT: String(COUNT), BENCH_HOURS_ON: String(hoursOn) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`the cold run ended with ${code}: ${output}`);
  return JSON.parse(output.trim().split('\n').at(-1)!) as Cold;
}
const colds = [await cold(), await cold()];
note(`cold: ${colds.map((c) => c.checkMs).join(', ')} ms`);
// Two hours on, then four: the access tokens kept before each have expired, so every profile refreshes.
const expired = [await cold(2), await cold(4)];
note(`cold, every access token expired: ${expired.map((c) => c.checkMs).join(', ')} ms`);

await sandbox.close();
await keyring.stop(); // the keyring's files go with it: no entry to delete one by one
await rm(dir, { recursive: true, force: true });
report(`health-check${VAULT === 'keychain' ? '-per-profile-keychain' : ''}`, {
  profiles: COUNT,
  concurrency: 6,
  tokenStore: VAULT === 'keychain' ? 'a keychain entry per profile (before issue 24)' : 'one sealed file, its key in the keychain',
  warmMs: warm,
  coldMs: colds.map((c) => c.checkMs),
  coldExpiredMs: expired.map((c) => c.checkMs),
  coldProcess: [...colds, ...expired].map(({ appStartMs, fromProcessStartMs }) => ({ appStartMs, fromProcessStartMs })),
  /** Summed over the six concurrent checks: a sum above the run's time means they waited at once. */
  coldWaitsMs: [...colds, ...expired].map((c) => c.waits),
  goalMs: 3000,
});
