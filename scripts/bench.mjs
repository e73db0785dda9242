// npm run bench: build, then run every bench/*.bench.ts one after another (they measure; they do not pass or fail).
// A bench that fails does not stop the others: each is named at the end, and the run exits 1.
// --smoke: every bench at its smoke size (npm test runs this after building), so none can rot; a renderer
// build older than the sources it is built from is built again first, so no Chromium bench runs a stale page.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const only = args.filter((a) => a !== '--smoke');
/** At smoke size a bench takes seconds: one still running after this has hung (a keychain call that never answers, say). */
const SMOKE_LIMIT_MS = 5 * 60_000;
const build = () => {
  const status = spawnSync('npx', ['electron-vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] }).status;
  if (status !== 0) process.exit(status ?? 1);
};
/** The newest modification time of a file under these folders. */
const newest = (dirs) => {
  let latest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else latest = Math.max(latest, statSync(file).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(dir)) walk(dir);
  return latest;
};
/** The Chromium benches load out/renderer as built: missing or older than its sources, it is built now. */
const renderer = 'out/renderer/index.html';
const stale = () => !existsSync(renderer) || statSync(renderer).mtimeMs < newest(['src/renderer', 'src/shared', 'src/preload']);

/** One bench; a smoke run that hangs is killed and tried once more, saying so. Answers what went wrong, or null. */
const runOne = (file, env) => {
  const command = ['--expose-gc', '--import', 'tsx', `bench/${file}`];
  for (let attempt = 1; attempt <= (smoke ? 2 : 1); attempt++) {
    const result = spawnSync('node', command, { stdio: 'inherit', env, ...(smoke ? { timeout: SMOKE_LIMIT_MS, killSignal: 'SIGKILL' } : {}) });
    if (result.status === 0) return null;
    if (!result.signal) return `ended with exit code ${result.status}`;
    console.error(`${file} was still running after ${SMOKE_LIMIT_MS / 60_000} minutes at smoke size and was stopped${attempt === 1 ? '; trying once more' : ''}`);
  }
  return `hung twice at smoke size (over ${SMOKE_LIMIT_MS / 60_000} minutes each)`;
};

if (!smoke) build();
else if (stale()) {
  console.error(`${renderer} is missing or older than the renderer's sources: building it first`);
  build();
}
// The Chromium benches serve a copy of the build: another build in this tree (a test run, a colleague's)
// empties out/renderer while it works, and a page that then finds no script never renders.
const copy = mkdtempSync(path.join(os.tmpdir(), 'bk-bench-renderer-'));
cpSync('out/renderer', copy, { recursive: true });
process.on('exit', () => rmSync(copy, { recursive: true, force: true }));
const env = { ...process.env, BRIDGEKEEPER_RENDERER_DIR: copy, ...(smoke ? { BENCH_SMOKE: '1' } : {}) };
const failed = [];
const benches = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)));
if (benches.length === 0) {
  console.error(`no bench matches ${only.join(', ')}`);
  process.exit(1);
}
for (const file of benches) {
  console.log(`\n== ${file}${smoke ? ' (smoke size)' : ''}`);
  const problem = runOne(file, env);
  if (problem) {
    console.error(`${file} ${problem}`);
    failed.push(file);
  }
}
if (failed.length > 0) {
  console.error(`\n${failed.length} of ${benches.length} benches did not run to the end${smoke ? ' at smoke size' : ''}: ${failed.join(', ')}`);
  process.exit(1);
}
