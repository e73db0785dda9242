/**
 * Benchmark (not a test): the error explainer on a generated DataBridge-like log of 500 MB (mixed
 * timestamp formats and languages, CRLF, about 1.5% of entries errors with stack traces, JSON and
 * wrapped lines), streamed from a temp file with 200 profiles to match. Goal (issue 5): at least
 * 200 MB/s with flat memory.
 *
 * Each run is a fresh process running explainLogFile (as the app does: the search on a worker thread
 * from 32 MB on; and once more with everything in one thread), so its time and peak memory are its own; the
 * report's counts are checked against what the generator wrote. A plain read of the same file is the
 * floor. Memory is sampled every 20 ms: growth from a fifth of the way in to the end is what
 * streaming must keep flat; peak RSS is the process's own (Node and tsx included, ~80 MB for a plain read).
 *
 *   npx tsx bench/error-explainer.bench.ts [--size-mb 500] [--runs 3] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { explainLogFile } from '../src/main/explainer/explain-log';
import { KNOWN_ERROR_KINDS } from '../src/shared/log-explanation';
import { generatedProfiles, LogGenerator } from '../test/helpers/log-generator';
import { report, sized } from './report';

const GOAL_MB_PER_S = 200;
const PROFILES = 200;
const here = fileURLToPath(import.meta.url);

const { values } = parseArgs({
  options: {
    'size-mb': { type: 'string', default: sized('500', '2') },
    runs: { type: 'string', default: sized('3', '1') },
    phase: { type: 'string' },
    file: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

interface Run {
  ms: number;
  cpuMs: number;
  peakRssMb: number;
  /** Resident memory and heap once the first chunks are in, and at most later: growth is what streaming must keep flat. */
  rssAfterWarmupMb: number;
  maxRssSampledMb: number;
  heapAfterWarmupMb: number;
  maxHeapSampledMb: number;
  maxHeapMb: number;
  /** Memory samples taken (one per 20 ms). */
  samples: number;
  counts: Record<string, number>;
  unknownEntries: number;
  lines: number;
  bytes: number;
  profilesMatched: number;
}

const mb = (bytes: number) => bytes / (1024 * 1024);

type Phase = 'explain' | 'explain-in-thread' | 'read';

function memoryGrowth(rss: number[], heap: number[]) {
  const from = Math.floor(rss.length / 5);
  const later = (xs: number[]) => (xs.length > from ? Math.max(...xs.slice(from)) : 0);
  return {
    rssAfterWarmupMb: mb(rss[from] ?? 0),
    maxRssSampledMb: mb(later(rss)),
    heapAfterWarmupMb: mb(heap[from] ?? 0),
    maxHeapSampledMb: mb(later(heap)),
    maxHeapMb: mb(Math.max(0, ...heap)),
  };
}

async function runPhase(phase: Phase, file: string): Promise<void> {
  const profiles = generatedProfiles(PROFILES);
  // Memory is sampled while the file streams (the reads yield to timers between chunks). Growth is
  // measured from a fifth of the way in (once the first chunks have set the working size) to the end.
  const rssSamples: number[] = [];
  const heapSamples: number[] = [];
  const sampler = setInterval(() => {
    const { rss, heapUsed } = process.memoryUsage();
    rssSamples.push(rss);
    heapSamples.push(heapUsed);
  }, 20);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let bytes = 0;
  let result: Awaited<ReturnType<typeof explainLogFile>> | null = null;
  if (phase !== 'read') {
    result = await explainLogFile(file, { profiles, worker: phase === 'explain' ? 'auto' : 'never' });
    bytes = result.bytes;
  } else {
    // The floor: the same reads into one reused buffer, nothing else.
    const fd = openSync(file, 'r');
    const buffer = Buffer.allocUnsafe(4 << 20);
    for (let n = readSync(fd, buffer, 0, buffer.length, null); n > 0; n = readSync(fd, buffer, 0, buffer.length, null)) bytes += n;
    closeSync(fd);
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  const run: Run = {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    ...memoryGrowth(rssSamples, heapSamples),
    samples: rssSamples.length,
    counts: Object.fromEntries((result?.known ?? []).map((k) => [k.kind, k.count])),
    unknownEntries: (result?.unknown ?? []).reduce((n, u) => n + u.count, 0) + (result?.unknownNotListed ?? 0),
    lines: result?.lines ?? 0,
    bytes,
    profilesMatched: result?.profiles.length ?? 0,
  };
  process.stdout.write(JSON.stringify(run));
}

function measure(phase: Phase, file: string, runs: number): Run[] {
  return Array.from({ length: runs }, () => {
    const child = spawnSync(process.execPath, [...process.execArgv, here, '--phase', phase, '--file', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`the ${phase} phase failed:\n${child.stderr}`);
    return JSON.parse(child.stdout) as Run;
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (values.phase === 'explain' || values.phase === 'explain-in-thread' || values.phase === 'read') {
  await runPhase(values.phase, values.file!);
} else {
  const sizeMb = Number(values['size-mb']);
  const runs = Number(values.runs);
  const dir = path.join(tmpdir(), 'bridgekeeper-bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `databridge-${sizeMb}mb.log`);

  const generating = performance.now();
  const generator = new LogGenerator({ seed: 7, errorRate: 0.015, profiles: generatedProfiles(PROFILES) });
  const fd = openSync(file, 'w');
  let written = 0;
  while (written < sizeMb * 1024 * 1024) written += writeSync(fd, generator.block(4 << 20));
  closeSync(fd);
  const expected = generator.counts;
  const errorEntries = Object.values(expected.entries).reduce((a, b) => a + b, 0) + expected.unknownEntries;
  console.log(
    `generated ${mb(written).toFixed(0)} MB, ${expected.lines.toLocaleString('en')} lines, ${errorEntries.toLocaleString('en')} error entries (${((100 * errorEntries) / expected.lines).toFixed(2)}% of lines start one) in ${((performance.now() - generating) / 1000).toFixed(1)} s → ${file}`,
  );

  try {
    const read = measure('read', file, runs);
    const explain = measure('explain', file, runs);
    const inThread = measure('explain-in-thread', file, runs);
    const check = explain[0]!;
    const mismatches = [
      ...KNOWN_ERROR_KINDS.filter((k) => (check.counts[k] ?? 0) !== expected.entries[k]).map((k) => `${k}: found ${check.counts[k] ?? 0}, wrote ${expected.entries[k]}`),
      ...(check.unknownEntries !== expected.unknownEntries ? [`unknown: found ${check.unknownEntries}, wrote ${expected.unknownEntries}`] : []),
      ...(check.lines !== expected.lines ? [`lines: found ${check.lines}, wrote ${expected.lines}`] : []),
      ...(JSON.stringify([inThread[0]!.counts, inThread[0]!.unknownEntries]) !== JSON.stringify([check.counts, check.unknownEntries]) ? ['the in-thread search found other counts'] : []),
    ];
    const rate = (r: Run) => mb(r.bytes) / (r.ms / 1000);
    const cpuRate = (r: Run) => mb(r.bytes) / (r.cpuMs / 1000);
    const explainRate = median(explain.map(rate));
    const result = {
      sizeMb: Math.round(mb(written)),
      lines: expected.lines,
      errorEntries,
      runs,
      machine: `${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(', ')}`,
      explainMbPerS: { median: Math.round(explainRate), best: Math.round(Math.max(...explain.map(rate))), all: explain.map((r) => Math.round(rate(r))) },
      /** MB per second of CPU time, both threads together: steadier than wall time on a shared machine. */
      explainMbPerCpuS: Math.round(median(explain.map(cpuRate))),
      inThreadMbPerS: { median: Math.round(median(inThread.map(rate))), best: Math.round(Math.max(...inThread.map(rate))) },
      inThreadMbPerCpuS: Math.round(median(inThread.map(cpuRate))),
      plainReadMbPerS: Math.round(median(read.map(rate))),
      peakRssMb: Math.round(Math.max(...explain.map((r) => r.peakRssMb))),
      inThreadPeakRssMb: Math.round(Math.max(...inThread.map((r) => r.peakRssMb))),
      rssGrowthAfterWarmupMb: Math.round(Math.max(...explain.map((r) => r.maxRssSampledMb - r.rssAfterWarmupMb))),
      heapGrowthAfterWarmupMb: Math.round(10 * Math.max(...explain.map((r) => r.maxHeapSampledMb - r.heapAfterWarmupMb))) / 10,
      maxHeapMb: Math.round(Math.max(...explain.map((r) => r.maxHeapMb))),
      plainReadPeakRssMb: Math.round(Math.max(...read.map((r) => r.peakRssMb))),
      profilesMatched: check.profilesMatched,
      countsMatchGenerator: mismatches.length === 0,
      goal: `≥ ${GOAL_MB_PER_S} MB/s: ${explainRate >= GOAL_MB_PER_S ? 'met' : 'NOT MET'}`,
    };
    report('error-explainer', result);
    if (mismatches.length > 0) {
      console.error(`the report does not match the generated log:\n  ${mismatches.join('\n  ')}`);
      process.exitCode = 1;
    }
  } finally {
    if (!values.keep) rmSync(file, { force: true });
  }
}
