import { mkdirSync, writeFileSync } from 'node:fs';

/**
 * BENCH_SMOKE=1: the bench runs at a size that only proves it still runs (npm test does this, so a
 * bench cannot rot); its numbers are not kept.
 */
export const SMOKE = process.env.BENCH_SMOKE === '1';
export const sized = <T>(full: T, smoke: T): T => (SMOKE ? smoke : full);

export interface Summary {
  median: number;
  p95: number;
  max: number;
  samples: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1)!), samples: sorted.length };
}

/** Prints one bench's result and keeps it in .bench/<name>.json for the record (not a smoke run's). */
export function report(name: string, result: Record<string, unknown>): void {
  if (!SMOKE) {
    mkdirSync('.bench', { recursive: true });
    writeFileSync(`.bench/${name}.json`, JSON.stringify(result, null, 2) + '\n');
  }
  console.log(`${name}${SMOKE ? ' (smoke size)' : ''}: ${JSON.stringify(result, null, 2)}`);
}
