// npm run bench: build, then run every bench/*.bench.ts one after another (they measure; they do not pass or fail).
// --smoke: every bench at its smoke size, without the build (npm test runs this after building), so none can rot.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const only = args.filter((a) => a !== '--smoke');
const run = (command, args, env = process.env) => {
  const status = spawnSync(command, args, { stdio: 'inherit', env }).status;
  if (status !== 0) process.exit(status ?? 1);
};

if (!smoke) run('npx', ['electron-vite', 'build']);
for (const file of readdirSync('bench').filter((f) => f.endsWith('.bench.ts')).sort()) {
  if (only.length > 0 && !only.some((name) => file.includes(name))) continue;
  console.log(`\n== ${file}${smoke ? ' (smoke size)' : ''}`);
  run('node', ['--expose-gc', '--import', 'tsx', `bench/${file}`], smoke ? { ...process.env, BENCH_SMOKE: '1' } : process.env);
}
