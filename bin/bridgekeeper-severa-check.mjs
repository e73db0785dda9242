#!/usr/bin/env node
// `npx bridgekeeper-severa-check` inside the repository: npm runs this file because package.json
// names it under "bin". In a checkout (after npm ci) it runs the TypeScript source, so the CLI is
// never older than the code: bundled by esbuild (a dev dependency, through tsx) into a folder
// under node_modules/.cache/bridgekeeper-severa-check/ and rebuilt whenever a source file it was
// built from has changed. Plain Node then runs the bundle: no loader hooks, no loader thread, no
// transform per module, about a second of CPU and 50 MB less than running the source through
// tsx at 100,000 users. Without esbuild it runs the source through tsx; without either, the build
// (`npm run build`).
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const source = path.join(repo, 'src/main/severa/cli-main.ts');
const worker = path.join(repo, 'src/main/tables/workbook-worker.ts');
const built = path.join(repo, 'out/main/severa-check.js');
const cache = path.join(repo, 'node_modules/.cache/bridgekeeper-severa-check');
/** Names the bundle in use (its folder under `cache`) and the files it was built from. */
const currentFile = path.join(cache, 'current.json');

/**
 * The bundle's folder when it is fresh: every file it was built from has the size and time it had
 * then (and Node is the same). Null when there is none or it is stale.
 */
function freshBundle() {
  let current;
  try {
    current = JSON.parse(readFileSync(currentFile, 'utf8'));
  } catch {
    return null;
  }
  const folder = path.join(cache, String(current.folder));
  if (current.node !== process.version || !existsSync(path.join(folder, 'cli-main.js'))) return null;
  const unchanged = Object.entries(current.inputs).every(([file, stamp]) => {
    try {
      const stat = statSync(path.join(repo, file));
      return `${stat.size}:${stat.mtimeMs}` === stamp;
    } catch {
      return false;
    }
  });
  return unchanged ? folder : null;
}

/**
 * Bundles the CLI and the workbook worker (read-workbook-isolated.ts finds it beside the CLI) into a
 * folder of its own, dependencies left in node_modules, then names it in current.json (written
 * beside and renamed, so a run reads a whole one). A run that started with an older bundle keeps
 * its folder: folders no longer named are removed only once they are an hour old.
 */
async function bundle() {
  let esbuild;
  try {
    esbuild = createRequire(createRequire(path.join(repo, 'package.json')).resolve('tsx'))('esbuild');
  } catch {
    return null; // an install without dev dependencies
  }
  try {
    return await bundleWith(esbuild);
  } catch {
    return null; // node_modules not writable, or a source esbuild cannot read: tsx runs it (and says why if it cannot)
  }
}

async function bundleWith(esbuild) {
  const name = `${Date.now()}-${process.pid}`;
  const folder = path.join(cache, name);
  const result = await esbuild.build({
    entryPoints: { 'cli-main': source, 'workbook-worker': worker },
    outdir: folder,
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
  const temporary = `${currentFile}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ node: process.version, folder: name, inputs }));
  renameSync(temporary, currentFile);
  for (const other of readdirSync(cache)) {
    const stale = path.join(cache, other);
    if (other === name || other === 'current.json') continue;
    try {
      if (Date.now() - statSync(stale).mtimeMs > 3_600_000) rmSync(stale, { recursive: true, force: true });
    } catch {
      // another run removed it first
    }
  }
  return folder;
}

async function loadTsx() {
  try {
    return await import('tsx/esm/api');
  } catch {
    return null;
  }
}

const bundled = existsSync(source) ? (freshBundle() ?? (await bundle())) : null;
if (bundled) {
  await import(pathToFileURL(path.join(bundled, 'cli-main.js')).href);
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
