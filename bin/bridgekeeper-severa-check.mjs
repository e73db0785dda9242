#!/usr/bin/env node
// `npx bridgekeeper-severa-check` inside the repository: npm runs this file because package.json
// names it under "bin". In a checkout (after npm ci) it runs the TypeScript source through tsx,
// so the CLI is never older than the code; without tsx it runs the build (`npm run build`).
import { existsSync } from 'node:fs';

const source = new URL('../src/main/severa/cli-main.ts', import.meta.url);
const built = new URL('../out/main/severa-check.js', import.meta.url);

async function loadTsx() {
  try {
    return await import('tsx/esm/api');
  } catch {
    return null; // an install without dev dependencies: use the build
  }
}

const tsx = existsSync(source) ? await loadTsx() : null;
if (tsx) {
  await tsx.tsImport(source.href, import.meta.url);
} else if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write(
    'bridgekeeper-severa-check: not built yet. Run `npm run build` (or `npm ci` to get tsx, which runs it from source), then try again.\n',
  );
  process.exitCode = 2;
}
