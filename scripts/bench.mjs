// npm run bench: build, then run every bench/*.bench.ts one after another (they measure; they do not pass or fail).
// --smoke: every bench at its smoke size, without the build (npm test runs this after building), so none can rot.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const only = args.filter((a) => a !== '--smoke');
/** At smoke size a bench takes seconds: one still running after this has hung (a keychain call that never answers, say). */
const SMOKE_LIMIT_MS = 5 * 60_000;
const run = (command, args, env = process.env) => {
  const status = spawnSync(command, args, { stdio: 'inherit', env }).status;
  if (status !== 0) process.exit(status ?? 1);
};
/** A smoke run that hangs is killed and tried once more, saying so; a second hang fails the run, named. */
const runSmoke = (file, env) => {
  for (let attempt = 1; attempt <= 2; attempt++) {
    const result = spawnSync('node', ['--expose-gc', '--import', 'tsx', `bench/${file}`], { stdio: 'inherit', env, timeout: SMOKE_LIMIT_MS, killSignal: 'SIGKILL' });
    if (result.status === 0) return;
    if (!result.signal) process.exit(result.status ?? 1);
    console.error(`${file} was still running after ${SMOKE_LIMIT_MS / 60_000} minutes at smoke size and was stopped${attempt === 1 ? '; trying once more' : ''}`);
  }
  process.exit(1);
};

if (!smoke) run('npx', ['electron-vite', 'build']);
for (const file of readdirSync('bench').filter((f) => f.endsWith('.bench.ts')).sort()) {
  if (only.length > 0 && !only.some((name) => file.includes(name))) continue;
  console.log(`\n== ${file}${smoke ? ' (smoke size)' : ''}`);
  if (smoke) runSmoke(file, { ...process.env, BENCH_SMOKE: '1' });
  else run('node', ['--expose-gc', '--import', 'tsx', `bench/${file}`]);
}
