// npm run bench: build, then run every bench/*.bench.ts one after another (they measure; they do not pass or fail).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const run = (command, args) => {
  const status = spawnSync(command, args, { stdio: 'inherit' }).status;
  if (status !== 0) process.exit(status ?? 1);
};

run('npx', ['electron-vite', 'build']);
for (const file of readdirSync('bench').filter((f) => f.endsWith('.bench.ts')).sort()) {
  if (only.length > 0 && !only.some((name) => file.includes(name))) continue;
  console.log(`\n== ${file}`);
  run('node', ['--expose-gc', '--import', 'tsx', `bench/${file}`]);
}
