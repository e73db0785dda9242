import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Issue 24, point 7: a bench that no longer runs fails `npm test`, so every bench has a smoke size and the test run runs them all. */
describe('the benches in npm test', () => {
  const benches = fs.readdirSync('bench').filter((f) => f.endsWith('.bench.ts'));

  it('are all given a smoke size', () => {
    expect(benches.length).toBeGreaterThanOrEqual(8);
    for (const file of benches) {
      const text = fs.readFileSync(`bench/${file}`, 'utf8');
      expect(text, file).toMatch(/import \{[^}]*\bsized\b[^}]*\} from '\.\/report'/);
      expect(text, file).toMatch(/\bsized\(/);
    }
  });

  it('run every one of them, after the build, from the test script', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.test).toBe('bash scripts/test.sh');
    const steps = fs.readFileSync('scripts/test.sh', 'utf8').split('\n').filter((line) => /^step /.test(line));
    const smoke = steps.findIndex((line) => /node scripts\/bench\.mjs --smoke(\s|$|>)/.test(line));
    expect(smoke, 'a step runs node scripts/bench.mjs --smoke').toBeGreaterThan(-1);
    expect(steps[smoke], 'with no bench named: all of them').toMatch(/bench\.mjs --smoke\s*(>|$)/);
    expect(smoke).toBeGreaterThan(steps.findIndex((line) => /electron-vite build/.test(line)));
  });
});
