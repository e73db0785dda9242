import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainLogText, LogExplainer } from '../../../src/main/explainer/explain-log';
import type { ScanLimits } from '../../../src/main/explainer/limits';
import type { LogExplanation } from '../../../src/shared/log-explanation';
import { generatedProfiles, LogGenerator } from '../../helpers/log-generator';

const GUID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const profiles = [
  { id: 'p-kunder', name: 'Kunder til Visma', companyId: '1000001', companyName: 'Nordlys Handel AS' },
  { id: 'p-ordre', name: 'Ordre fra SuperOffice', companyId: '1000002', companyName: 'Fjellvind Bygg AS' },
];

// Lines chosen to put every rule at a chunk's edge: timestamps of each form, continuation lines,
// blank lines, JSON, wrapped words, long lines, multi-byte letters, an emoji (a surrogate pair in JS).
const LINES = [
  `2024-05-03 10:11:12,123 [7] ERROR Error calling Visma.net endpoint (https://integration.visma.net/API/controller/api/v1/customer/customerClass) Invalid parameter exception: ipp-company-id (12002_12002_${GUID})`,
  '2024-05-03T10:11:13.000Z ERROR Error calling Visma.net endpoint (https://integration.visma.net/API/controller/api/v1/salesorder)',
  `Invalid parameter exception: ipp-compa`,
  `ny-id (12002_12002_${GUID})`,
  '03.05.2024 10:12:00 FEIL Visma.net svarte: {"ExceptionType":"IPPException","ExceptionMessage":"No license for this company.","ExceptionFaultCode":"12027"} (selskap 1000001)',
  '5/3/2024 10:13:00 AM Error: The remote server returned an error: (401) Unauthorized. Profile «Kunder til Visma»',
  '   at System.Net.HttpWebRequest.GetResponse()',
  '   at DataBridge.Sync.Run(Profile profile)',
  '',
  '2024-05-03 10:14:00 ERROR System.NullReferenceException: Object reference not set to an instance of an object. (row 17) p-ordre',
  '2024-05-03 10:15:00 ERROR Token refresh failed: {"error":"invalid_grant"} 😬',
  '2024-05-03 10:16:00 WARN Tidsavbrudd mot Visma: The operation has timed out',
  '2024-05-03 10:17:00 INFO Synkronisering klar: 120 rader, 0 errors, inga fel',
  '2024-05-03 10:18:00 INFO Import av ordre: 15 rader (p-kunder) — ærlig, øde, åpen',
  'invalid_tenant: The application user or subscription is not entitled to use the API',
  'Something failed here without a timestamp',
  'and went on in lower case',
  '{"level":"error","message":"access_denied","time":"2024-05-03T10:19:00Z"}',
  `2024-05-03 10:20:00 ERROR ${'x'.repeat(70)} TaskCanceledException ${'y'.repeat(30)} timed out`,
  '[10:21:00 ERR] Could not reach https://integration.visma.net/API/controller/api/v1/inventory',
];

/** The text cut at the given points into chunks of bytes or of JS characters. */
function chunksOf(text: string, cuts: number[], as: 'bytes' | 'text'): (Uint8Array | string)[] {
  const whole = as === 'bytes' ? Buffer.from(text, 'utf8') : text;
  const points = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
  const out: (Uint8Array | string)[] = [];
  let from = 0;
  for (const point of [...points, whole.length]) {
    if (point > from) out.push(whole.slice(from, point));
    from = Math.max(from, point);
  }
  return out;
}

function explainChunks(chunks: (Uint8Array | string)[], limits?: ScanLimits): LogExplanation {
  const explainer = new LogExplainer({ source: 'Kunder til Visma.log', profiles, ...(limits ? { limits } : {}) });
  for (const chunk of chunks) explainer.push(chunk);
  return explainer.finish();
}

const text = fc.tuple(fc.array(fc.constantFrom(...LINES), { maxLength: 24 }), fc.boolean()).map(([lines, crlf]) => lines.join(crlf ? '\r\n' : '\n'));
const cuts = fc.array(fc.nat(), { maxLength: 40 });
const TINY: ScanLimits = { maxLineBytes: 48, maxEntryLines: 3, maxEntryBytes: 100 };

describe('any chunking of the same log gives the same report', () => {
  for (const as of ['bytes', 'text'] as const) {
    it(`in chunks of ${as}`, () => {
      fc.assert(
        fc.property(text, cuts, (log, points) => {
          expect(explainChunks(chunksOf(log, points, as))).toEqual(explainChunks([log]));
        }),
        { numRuns: 300 },
      );
    });

    it(`in chunks of ${as}, with bounds so small that lines are cut in pieces and entries capped`, () => {
      const limits = fc.record({ maxLineBytes: fc.integer({ min: 4, max: 90 }), maxEntryLines: fc.integer({ min: 1, max: 6 }), maxEntryBytes: fc.integer({ min: 1, max: 240 }) });
      fc.assert(
        fc.property(text, cuts, limits, (log, points, bounds) => {
          expect(explainChunks(chunksOf(log, points, as), bounds)).toEqual(explainChunks([log], bounds));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('one byte at a time', () => {
    const log = LINES.join('\r\n');
    const bytes = Buffer.from(log, 'utf8');
    const whole = explainChunks([log]);
    expect(explainChunks([...bytes].map((b) => Uint8Array.of(b)))).toEqual(whole);
    expect(explainChunks([...bytes].map((b) => Uint8Array.of(b)), TINY)).toEqual(explainChunks([log], TINY));
    expect(whole.errorEntries).toBeGreaterThan(8);
  });

  it('a megabyte of generated log, across the carried lookback, in chunks of random sizes', () => {
    const generator = new LogGenerator({ seed: 3, errorRate: 0.05, profiles: generatedProfiles(20) });
    const log = Buffer.from(generator.block(1 << 20));
    const whole = explainLogText(log.toString('utf8'), { source: 'gen', profiles: generatedProfiles(20) });
    expect(whole.lines).toBe(generator.counts.lines);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 300_000 }), { minLength: 1, maxLength: 30 }), (sizes) => {
        const explainer = new LogExplainer({ source: 'gen', profiles: generatedProfiles(20) });
        let at = 0;
        for (let i = 0; at < log.length; i++) {
          const size = sizes[i % sizes.length]!;
          explainer.push(log.subarray(at, at + size));
          at += size;
        }
        expect(explainer.finish()).toEqual(whole);
      }),
      { numRuns: 12 },
    );
  });
});
