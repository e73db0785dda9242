#!/usr/bin/env node
// `npx bridgekeeper-severa-check` inside the repository: npm runs this file because package.json
// names it under "bin". In a checkout (after npm ci) it runs the TypeScript source, so the CLI is
// never older than the code: bundled by esbuild (a dev dependency, through tsx) into
// node_modules/.cache/bridgekeeper-severa-check/ and rebuilt whenever a source file it was built
// from has changed. Plain Node then runs the bundle: no loader hooks, no loader thread, no
// transform per module, about a second of CPU and 50 MB less than running the source through
// tsx at 100,000 users. Without esbuild it runs the source through tsx; without either, the build
// (`npm run build`).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const source = path.join(repo, 'src/main/severa/cli-main.ts');
const worker = path.join(repo, 'src/main/tables/workbook-worker.ts');
const built = path.join(repo, 'out/main/severa-check.js');
const cache = path.join(repo, 'node_modules/.cache/bridgekeeper-severa-check');
const manifestFile = path.join(cache, 'inputs.json');

/** The files a bundle was built from, each with its size and time: any other than these is stale. */
function fresh() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    return false;
  }
  if (manifest.node !== process.version || !existsSync(path.join(cache, 'cli-main.js'))) return false;
  return Object.entries(manifest.inputs).every(([file, stamp]) => {
    try {
      const stat = statSync(path.join(repo, file));
      return `${stat.size}:${stat.mtimeMs}` === stamp;
    } catch {
      return false;
    }
  });
}

/** Bundles the CLI and the workbook worker (read-workbook-isolated.ts finds it beside the CLI); dependencies stay in node_modules. */
async function bundle() {
  let esbuild;
  try {
    esbuild = createRequire(createRequire(path.join(repo, 'package.json')).resolve('tsx'))('esbuild');
  } catch {
    return false; // an install without dev dependencies
  }
  // Built beside and renamed into place: two runs at once each get a whole bundle.
  const building = `${cache}.${process.pid}.tmp`;
  rmSync(building, { recursive: true, force: true });
  const result = await esbuild.build({
    entryPoints: { 'cli-main': source, 'workbook-worker': worker },
    outdir: building,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    absWorkingDir: repo,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    const absolute = path.resolve(repo, file);
    const stat = statSync(absolute);
    inputs[path.relative(repo, absolute)] = `${stat.size}:${stat.mtimeMs}`;
  }
  writeFileSync(path.join(building, 'inputs.json'), JSON.stringify({ node: process.version, inputs }));
  mkdirSync(path.dirname(cache), { recursive: true });
  rmSync(cache, { recursive: true, force: true });
  try {
    renameSync(building, cache);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another run put its bundle there first
  }
  return true;
}

async function loadTsx() {
  try {
    return await import('tsx/esm/api');
  } catch {
    return null;
  }
}

if (existsSync(source) && (fresh() || (await bundle()))) {
  await import(pathToFileURL(path.join(cache, 'cli-main.js')).href);
} else if (existsSync(source) && (await loadTsx())) {
  await (await loadTsx()).tsImport(pathToFileURL(source).href, import.meta.url);
} else if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  process.stderr.write(
    'bridgekeeper-severa-check: not built yet. Run `npm run build` (or `npm ci` to get tsx, which runs it from source), then try again.\n',
  );
  process.exitCode = 2;
}
