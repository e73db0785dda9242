import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Every bench in bench/ runs at its smoke size (BENCH_SMOKE=1), as `npm run bench` runs it (through
 * tsx, which keeps function names: the class of bug that once stopped the harness from rendering), so
 * a bench cannot rot unnoticed. Its numbers are not checked here: speed and memory goals live in the
 * benches themselves (`npm run bench`). Needs the built app (npm test builds first).
 */

const BENCHES = readdirSync('bench').filter((f) => f.endsWith('.bench.ts')).sort();

function runBench(file: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', `bench/${file}`], { env: { ...process.env, BENCH_SMOKE: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the benches, at smoke size', () => {
  it('are all here', () => {
    expect(BENCHES.length).toBeGreaterThanOrEqual(7);
  });

  for (const file of BENCHES) {
    it(`${file} runs to its report`, { timeout: 240_000 }, async () => {
      const { code, output } = await runBench(file);
      expect(output, output.slice(-3000)).toContain(`${file.replace('.bench.ts', '')} (smoke size):`);
      expect(code).toBe(0);
    });
  }
});
