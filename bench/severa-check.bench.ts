/**
 * Benchmark (not a test): 100,000 Azets Work × 100,000 Severa users, 5% near-misses, read from
 * CSV bytes and checked → every verdict with its suggestion. Compared with plain parsing plus an
 * exact hash join of the same files. Each measurement runs in a fresh process, so its time and
 * peak memory are its own.
 *
 *   npx tsx bench/severa-check.bench.ts [--size 100000] [--near-miss-rate 0.05] [--runs 7]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseCsv } from '../src/main/csv/parse-csv';
import { checkSeveraLogins } from '../src/main/severa/check-logins';
import { decodeText } from '../src/main/tables/decode-text';
import { readAzetsUsers, readSeveraUsers } from '../src/main/severa/read-user-file';
import { sniffDelimiter } from '../src/main/tables/sniff-delimiter';
import { azetsCsv, generatePopulation, severaCsv } from '../test/helpers/severa-population';

const GOAL_MS = 1500;
const GOAL_MB = 400;
const here = fileURLToPath(import.meta.url);
const dataDir = path.join(path.dirname(here), '..', '.bench', 'severa');

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    'near-miss-rate': { type: 'string', default: '0.05' },
    runs: { type: 'string', default: '7' },
    phase: { type: 'string' },
  },
});
const size = Number(values.size);
const rate = Number(values['near-miss-rate']);
const runs = Number(values.runs);
const azetsFile = path.join(dataDir, `azets-${size}-${rate}.csv`);
const severaFile = path.join(dataDir, `severa-${size}-${rate}.csv`);

/** Plain parsing plus an exact hash join: what any check costs at the least. */
function baseline(azetsBytes: Uint8Array, severaBytes: Uint8Array): number {
  const table = (bytes: Uint8Array) => {
    const { text } = decodeText(bytes);
    return parseCsv(text, sniffDelimiter(text));
  };
  const [azetsHeader, ...azetsRows] = table(azetsBytes);
  const [severaHeader, ...severaRows] = table(severaBytes);
  const azetsEmail = azetsHeader!.cells.findIndex((h) => /s.hk.posti|email/i.test(h));
  const severaEmail = severaHeader!.cells.findIndex((h) => /email/i.test(h));
  const byEmail = new Map(severaRows.map((row) => [row.cells[severaEmail]!, row]));
  let found = 0;
  for (const row of azetsRows) if (byEmail.has(row.cells[azetsEmail]!)) found++;
  return found;
}

function full(azetsBytes: Uint8Array, severaBytes: Uint8Array): string {
  const azets = readAzetsUsers(azetsBytes, { fileName: 'azets.csv' });
  const severa = readSeveraUsers(severaBytes, { fileName: 'severa.csv' });
  if (!azets.ok || !severa.ok) throw new Error('the generated files did not read');
  const result = checkSeveraLogins({ azetsUsers: azets.users, severaUsers: severa.users, addon: 'active', orgUsesSevera: 'yes' });
  const suggested = result.verdicts.filter((v) => v.reason !== 'OK' && v.severa !== null).length;
  return `${result.verdicts.length} verdicts, ${result.totals.failing} failing, ${suggested} with a Severa user named`;
}

/** One run of a phase in this fresh process: print its time, the process's peak memory and a summary. */
function runPhase(phase: 'baseline' | 'full'): void {
  const azetsBytes = readFileSync(azetsFile);
  const severaBytes = readFileSync(severaFile);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const outcome = String(phase === 'full' ? full(azetsBytes, severaBytes) : baseline(azetsBytes, severaBytes));
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, peakMb: process.resourceUsage().maxRSS / 1024, outcome }));
}

interface Run {
  ms: number;
  /** CPU time of the whole process during the run (GC and compiler threads included): steadier than wall time on a busy machine. */
  cpuMs: number;
  peakMb: number;
  outcome: string;
}

/** Every run in a fresh process, as the CLI runs: cold code, its own memory. */
function measure(phase: 'baseline' | 'full'): Run[] {
  return Array.from({ length: runs }, () => {
    const child = spawnSync(process.execPath, [...process.execArgv, here, '--phase', phase, '--size', String(size), '--near-miss-rate', String(rate)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) throw new Error(`the ${phase} phase failed:\n${child.stderr}`);
    return JSON.parse(child.stdout) as Run;
  });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

if (values.phase === 'baseline' || values.phase === 'full') {
  runPhase(values.phase);
} else {
  mkdirSync(dataDir, { recursive: true });
  const population = generatePopulation(size, rate);
  writeFileSync(azetsFile, azetsCsv(population.azets));
  writeFileSync(severaFile, severaCsv(population.severa));
  const base = measure('baseline');
  const check = measure('full');
  const checkMs = median(check.map((r) => r.ms));
  const baseMs = median(base.map((r) => r.ms));
  const peakMb = Math.max(...check.map((r) => r.peakMb));
  const list = (r: Run[]) => r.map((x) => x.ms.toFixed(0)).join(', ');
  const load = loadavg().map((x) => x.toFixed(2)).join(', ');
  console.log(`Severa check: ${size.toLocaleString('en')} Azets Work × ${size.toLocaleString('en')} Severa users, ${(rate * 100).toFixed(0)}% near-misses, ${runs} cold runs each`);
  console.log(`  machine: ${cpus().length} cores, load average ${load} (other work on the machine slows single runs)`);
  console.log(`  full check (read both CSVs, every verdict with suggestions): median ${checkMs.toFixed(0)} ms, best ${Math.min(...check.map((r) => r.ms)).toFixed(0)} ms (${list(check)}) — ${check[0]!.outcome}`);
  console.log(`  baseline (parse both CSVs + exact hash join):               median ${baseMs.toFixed(0)} ms, best ${Math.min(...base.map((r) => r.ms)).toFixed(0)} ms (${list(base)})`);
  console.log(`  CPU time (median): full ${median(check.map((r) => r.cpuMs)).toFixed(0)} ms, baseline ${median(base.map((r) => r.cpuMs)).toFixed(0)} ms`);
  console.log(`  ratio full / baseline: ${(checkMs / baseMs).toFixed(1)}× wall time, ${(median(check.map((r) => r.cpuMs)) / median(base.map((r) => r.cpuMs))).toFixed(1)}× CPU time`);
  console.log(`  peak memory (max RSS of the process, Node + tsx included): full ${peakMb.toFixed(0)} MB, baseline ${Math.max(...base.map((r) => r.peakMb)).toFixed(0)} MB`);
  console.log(`  goal ≤ ${GOAL_MS} ms and ≤ ${GOAL_MB} MB: ${checkMs <= GOAL_MS && peakMb <= GOAL_MB ? 'met' : 'NOT MET'}`);
}
