/**
 * Benchmark (not a test): 100,000 Azets Work × 100,000 Severa users, 5% near-misses, as a user
 * runs it — the whole CLI process, `bridgekeeper-severa-check --format json --out FILE` — against
 * the cheapest join of the same files that still answers the question, also a whole process:
 *
 * - the split join (the goal's yardstick, bench/severa-split-join.mjs, plain Node without tsx):
 *   read both CSVs as UTF-8, split the text on line breaks and the delimiter (no quote-aware
 *   parser), join on the exact address in a hash set, write one JSON line per Azets Work user;
 * - the parsed join (for the record, started with tsx as the CLI is): the same, but through the
 *   project's own decoder and quote-aware CSV parser.
 *
 * A second measurement reads the Azets Work list as a 100,000-row .xlsx workbook (the same users,
 * written once by the project's workbook writer and kept in .bench/severa/) against the Severa CSV.
 *
 * Goals (issue 22): CSV, CLI wall time ≤ 3× the split join and peak RSS ≤ 250 MB; .xlsx, peak RSS
 * ≤ 300 MB. Each run is a fresh process, measured from outside by /usr/bin/time: wall time, CPU
 * time (user + system, GC threads included) and peak memory (max RSS); medians of the runs.
 *
 *   npx tsx bench/severa-check.bench.ts [--size 100000] [--near-miss-rate 0.05] [--runs 5]
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseCsv } from '../src/main/csv/parse-csv';
import { decodeText } from '../src/main/tables/decode-text';
import { sniffDelimiter } from '../src/main/tables/sniff-delimiter';
import { writeWorkbook } from '../src/main/tables/write-workbook';
import { azetsCsv, generatePopulation, severaCsv } from '../test/helpers/severa-population';
import { report, sized } from './report';

/** CSV × CSV: the CLI's wall time against the split join's, and its peak memory. */
const GOAL_RATIO = 3;
const GOAL_CSV_MB = 250;
/** .xlsx × CSV: peak memory. */
const GOAL_XLSX_MB = 300;
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

/** The parsed join (`--phase parsed`): the project's decoder and quote-aware parser, then the same join. */
function parsedJoin(out: string): void {
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

const cliRun = (azets: string) => () =>
  timed(['bin/bridgekeeper-severa-check.mjs', '--azets', azets, '--severa', severaFile, '--format', 'json', '--out', path.join(dataDir, 'report.json')]);
const splitRun = () => timed([path.join(repo, 'bench', 'severa-split-join.mjs'), azetsFile, severaFile, path.join(dataDir, 'split.json')]);
const parsedRun = () =>
  timed(['--import', 'tsx', here, '--phase', 'parsed', '--size', String(size), '--near-miss-rate', String(rate), '--out', path.join(dataDir, 'parsed.json')]);

const median = (list: number[]): number => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

interface Measured {
  wallMs: number;
  cpuMs: number;
  peakMb: number;
  walls: number[];
}

const measured = (list: Run[]): Measured => ({
  wallMs: Math.round(median(list.map((r) => r.wallMs))),
  cpuMs: Math.round(median(list.map((r) => r.cpuMs))),
  peakMb: Math.round(median(list.map((r) => r.peakMb))),
  walls: list.map((r) => Math.round(r.wallMs)),
});

const say = (name: string, m: Measured) =>
  console.log(`  ${name.padEnd(30)} median ${m.wallMs} ms wall (${m.walls.join(', ')}), CPU ${m.cpuMs} ms, peak ${m.peakMb} MB`);
const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');

if (values.phase === 'parsed') {
  parsedJoin(values.out!);
} else {
  if (!existsSync(TIME)) throw new Error(`${TIME} is needed to measure whole processes (Debian: apt-get install time)`);
  mkdirSync(dataDir, { recursive: true });
  const population = generatePopulation(size, rate);
  const azetsText = azetsCsv(population.azets);
  writeFileSync(azetsFile, azetsText);
  // Named by the users it holds, so a changed generator never measures an older workbook.
  const azetsWorkbook = path.join(dataDir, `azets-${size}-${rate}-${createHash('sha256').update(azetsText).digest('hex').slice(0, 12)}.xlsx`);
  writeFileSync(severaFile, severaCsv(population.severa));
  // The workbook takes SheetJS a while to write: kept between runs (the population is seeded, so it is the same).
  if (!existsSync(azetsWorkbook)) {
    const rows = [['Sähköposti', 'Etunimi', 'Sukunimi'], ...population.azets.map((u) => [u.email, u.firstName, u.lastName])];
    writeFileSync(azetsWorkbook, writeWorkbook(rows, 'Käyttäjät'));
  }
  const measures = { cli: cliRun(azetsFile), split: splitRun, parsed: parsedRun, xlsx: cliRun(azetsWorkbook) };
  for (const run of Object.values(measures)) run(); // warm tsx's compile cache, as any second run finds it
  const runsOf: Record<keyof typeof measures, Run[]> = { cli: [], split: [], parsed: [], xlsx: [] };
  // Interleaved, so a burst of other work on the shared machine hits all alike.
  for (let i = 0; i < runs; i++) for (const [name, run] of Object.entries(measures)) runsOf[name as keyof typeof measures].push(run());
  const cli = measured(runsOf.cli);
  const split = measured(runsOf.split);
  const parsed = measured(runsOf.parsed);
  const xlsx = measured(runsOf.xlsx);
  const ratio = cli.wallMs / split.wallMs;
  const ratioParsed = cli.wallMs / parsed.wallMs;
  const goals = {
    csvRatio: { goal: `≤ ${GOAL_RATIO}× the split join's wall time`, value: Math.round(ratio * 100) / 100, met: ratio <= GOAL_RATIO },
    csvPeakMb: { goal: `≤ ${GOAL_CSV_MB} MB`, value: cli.peakMb, met: cli.peakMb <= GOAL_CSV_MB },
    xlsxPeakMb: { goal: `≤ ${GOAL_XLSX_MB} MB`, value: xlsx.peakMb, met: xlsx.peakMb <= GOAL_XLSX_MB },
  };
  const n = size.toLocaleString('en');
  console.log(`Severa check CLI: ${n} Azets Work × ${n} Severa users, ${(rate * 100).toFixed(0)}% near-misses, --format json --out FILE, ${runs} runs each, medians`);
  console.log(`  machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(', ')} (other work slows single runs)`);
  say('CLI, CSV × CSV:', cli);
  say('split join (the yardstick):', split);
  say('parsed join (for the record):', parsed);
  say('CLI, .xlsx × CSV:', xlsx);
  console.log(`  ratio CLI / split join: ${ratio.toFixed(2)}× wall, ${(cli.cpuMs / split.cpuMs).toFixed(2)}× CPU (CLI / parsed join: ${ratioParsed.toFixed(2)}× wall)`);
  console.log(`  goal CSV wall ≤ ${GOAL_RATIO}× the split join: ${ratio.toFixed(2)}× — ${verdict(goals.csvRatio.met)}`);
  console.log(`  goal CSV peak ≤ ${GOAL_CSV_MB} MB: ${cli.peakMb} MB — ${verdict(goals.csvPeakMb.met)}`);
  console.log(`  goal .xlsx peak ≤ ${GOAL_XLSX_MB} MB: ${xlsx.peakMb} MB — ${verdict(goals.xlsxPeakMb.met)}`);
  report('severa-check', {
    size,
    nearMissRate: rate,
    runs,
    cli,
    splitJoin: split,
    parsedJoin: parsed,
    xlsx,
    ratioWall: goals.csvRatio.value,
    ratioCpu: Math.round((cli.cpuMs / split.cpuMs) * 100) / 100,
    ratioWallParsedJoin: Math.round(ratioParsed * 100) / 100,
    goals,
    loadAverage: loadavg()[0],
  });
}
