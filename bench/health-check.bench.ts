/**
 * The health check over 1,000 connected profiles against the sandbox on loopback, concurrency 6.
 * Goal (issue 5): at most 3 s. Measured twice: warm (access tokens in memory, as during a day's
 * work) and cold (just after start: every profile refreshes first; one-time refresh tokens rotate,
 * so every check also writes the keychain). Tokens live in a real Secret Service.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startSandbox } from '../sandbox';
import { createKeychainVault } from '../src/main/platform/keychain-vault';
import { tempApp } from '../test/helpers/temp-app';
import { ANNA, FJELLVIND, NORDLYS, logIn } from '../test/helpers/sandbox/relying-party';
import { startPrivateSecretService } from '../test/helpers/secret-service';
import { report, sized } from './report';
import { fileBytes } from '../test/helpers/file-bytes';

const COUNT = sized(1000, 20);
const stopKeyring = await startPrivateSecretService();
const sandbox = await startSandbox();
const dir = await mkdtemp(path.join(os.tmpdir(), 'bk-bench-health-'));
const vault = createKeychainVault(`Bridgekeeper bench ${process.pid}`);
const open = () => tempApp(dir, { vault, now: () => new Date(), eventLogPath: path.join(dir, 'events.jsonl') });

let app = open();
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
let next = 0;
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (next < COUNT) {
      const i = next++;
      const { tokens } = await logIn(sandbox, { ...ANNA, company: companyOf(i).name });
      await app.tokens.store(ids[i]!, environment, { accessToken: tokens.access_token, refreshToken: tokens.refresh_token!, expiresIn: 3600 }, companyOf(i).id);
    }
  }),
);
const now = new Date().toISOString();
app.profiles.setStates(ids.map((id) => ({ id, state: { status: 'connected', statusSince: now } })));

const time = async () => {
  const started = performance.now();
  const summary = await app.api.runHealthCheck(null);
  if (summary.connected !== COUNT) throw new Error(`expected ${COUNT} connected, got ${JSON.stringify(summary)}`);
  return Math.round(performance.now() - started);
};
const warm = [await time(), await time(), await time()];
app = open(); // a restart: no access token in memory
const cold = await time();

await sandbox.close();
for (const id of ids) await vault.delete(id);
stopKeyring();
await rm(dir, { recursive: true, force: true });
report('health-check', { profiles: COUNT, concurrency: 6, warmMs: warm, coldMs: cold, goalMs: 3000 });
