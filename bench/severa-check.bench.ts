/**
 * Benchmark (not a test): 100,000 Azets Work × 100,000 Severa users, 5% near-misses, as a user
 * runs it — the whole CLI process, `bridgekeeper-severa-check --format json --out FILE` — against a
 * naive exact hash join of the same files, also a whole process started the same way (Node with
 * tsx): read both CSVs, parse them, join on the exact address, write one JSON line per Azets Work
 * user. Each run is a fresh process, measured from outside by /usr/bin/time: wall time, CPU time
 * (user + system, GC threads included) and peak memory (max RSS).
 *
 *   npx tsx bench/severa-check.bench.ts [--size 100000] [--near-miss-rate 0.05] [--runs 5]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseCsv } from '../src/main/csv/parse-csv';
import { decodeText } from '../src/main/tables/decode-text';
import { sniffDelimiter } from '../src/main/tables/sniff-delimiter';
import { azetsCsv, generatePopulation, severaCsv } from '../test/helpers/severa-population';
import { report, sized } from './report';

const GOAL_RATIO = 3;
const GOAL_MB = 300;
const here = fileURLToPath(import.meta.url);
const repo = path.join(path.dirname(here), '..');
const dataDir = path.join(repo, '.bench', 'severa');
const TIME = '/usr/bin/time';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: sized('100000', '500') },
    'near-miss-rate': { type: 'string', default: '0.05' },
    runs: { type: 'string', default: sized('5', '1') },
    phase: { type: 'string' },
    out: { type: 'string' },
  },
});
const size = Number(values.size);
const rate = Number(values['near-miss-rate']);
const runs = Number(values.runs);
const azetsFile = path.join(dataDir, `azets-${size}-${rate}.csv`);
const severaFile = path.join(dataDir, `severa-${size}-${rate}.csv`);

/** The naive join, run in its own process (`--phase naive`): what any check costs at the least. */
function naiveJoin(out: string): void {
  const table = (file: string) => {
    const { text } = decodeText(readFileSync(file));
    return parseCsv(text, sniffDelimiter(text));
  };
  const [azetsHeader, ...azetsRows] = table(azetsFile);
  const [severaHeader, ...severaRows] = table(severaFile);
  const azetsEmail = azetsHeader!.cells.findIndex((h) => /s.hk.posti|email/i.test(h));
  const severaEmail = severaHeader!.cells.findIndex((h) => /email/i.test(h));
  const severa = new Set(severaRows.map((row) => row.cells[severaEmail]!));
  const lines = azetsRows.map((row) => {
    const email = row.cells[azetsEmail]!;
    return JSON.stringify({ azetsEmail: email, severaEmail: severa.has(email) ? email : null });
  });
  writeFileSync(out, `{"users": [\n${lines.join(',\n')}\n]}\n`);
}

interface Run {
  wallMs: number;
  cpuMs: number;
  peakMb: number;
}

/** One fresh process under /usr/bin/time: wall, user + system CPU, max RSS. */
function timed(args: string[]): Run {
  const stats = path.join(dataDir, 'time.txt');
  const child = spawnSync(TIME, ['-o', stats, '-f', '%e %U %S %M', process.execPath, ...args], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(' ')} failed (${child.status}):\n${child.stderr}`);
  const [wall, user, system, kb] = readFileSync(stats, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wallMs: wall! * 1000, cpuMs: (user! + system!) * 1000, peakMb: kb! / 1024 };
}

const cliRun = () =>
  timed(['bin/bridgekeeper-severa-check.mjs', '--azets', azetsFile, '--severa', severaFile, '--format', 'json', '--out', path.join(dataDir, 'report.json')]);
const naiveRun = () =>
  timed(['--import', 'tsx', here, '--phase', 'naive', '--size', String(size), '--near-miss-rate', String(rate), '--out', path.join(dataDir, 'naive.json')]);

const median = (list: number[]): number => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

if (values.phase === 'naive') {
  naiveJoin(values.out!);
} else {
  if (!existsSync(TIME)) throw new Error(`${TIME} is needed to measure whole processes (Debian: apt-get install time)`);
  mkdirSync(dataDir, { recursive: true });
  const population = generatePopulation(size, rate);
  writeFileSync(azetsFile, azetsCsv(population.azets));
  writeFileSync(severaFile, severaCsv(population.severa));
  cliRun(); // warm tsx's compile cache, as any second run of the CLI finds it
  naiveRun();
  const cli: Run[] = [];
  const naive: Run[] = [];
  // Interleaved, so a burst of other work on the shared machine hits both alike.
  for (let i = 0; i < runs; i++) {
    cli.push(cliRun());
    naive.push(naiveRun());
  }
  const cliWall = median(cli.map((r) => r.wallMs));
  const naiveWall = median(naive.map((r) => r.wallMs));
  const cliCpu = median(cli.map((r) => r.cpuMs));
  const naiveCpu = median(naive.map((r) => r.cpuMs));
  const peakMb = Math.max(...cli.map((r) => r.peakMb));
  const list = (r: Run[]) => r.map((x) => x.wallMs.toFixed(0)).join(', ');
  console.log(`Severa check CLI: ${size.toLocaleString('en')} Azets Work × ${size.toLocaleString('en')} Severa users, ${(rate * 100).toFixed(0)}% near-misses, --format json --out FILE, ${runs} runs each`);
  console.log(`  machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(', ')} (other work slows single runs)`);
  console.log(`  CLI, whole process:        median ${cliWall.toFixed(0)} ms wall (${list(cli)}), CPU ${cliCpu.toFixed(0)} ms, peak ${peakMb.toFixed(0)} MB`);
  console.log(`  naive join, whole process: median ${naiveWall.toFixed(0)} ms wall (${list(naive)}), CPU ${naiveCpu.toFixed(0)} ms, peak ${Math.max(...naive.map((r) => r.peakMb)).toFixed(0)} MB`);
  console.log(`  ratio CLI / naive: ${(cliWall / naiveWall).toFixed(1)}× wall time, ${(cliCpu / naiveCpu).toFixed(1)}× CPU time`);
  console.log(`  goal ≤ ${GOAL_RATIO}× the naive join and ≤ ${GOAL_MB} MB: ${cliWall / naiveWall <= GOAL_RATIO && peakMb <= GOAL_MB ? 'met' : 'NOT MET'}`);
  report('severa-check', {
    size,
    nearMissRate: rate,
    runs,
    cli: { wallMs: Math.round(cliWall), cpuMs: Math.round(cliCpu), peakMb: Math.round(peakMb) },
    naive: { wallMs: Math.round(naiveWall), cpuMs: Math.round(naiveCpu), peakMb: Math.round(Math.max(...naive.map((r) => r.peakMb))) },
    ratioWall: Math.round((cliWall / naiveWall) * 100) / 100,
    ratioCpu: Math.round((cliCpu / naiveCpu) * 100) / 100,
    loadAverage: loadavg()[0],
  });
}
