import { describe, expect, it } from 'vitest';
import { explainLogText } from '../../../src/main/explainer/explain-log';
import { findTimestamp, parseTimestamp, startsWithTimestamp } from '../../../src/main/explainer/timestamps';

const iso = (text: string) => parseTimestamp(text)?.iso ?? null;
const startsWith = (text: string) => startsWithTimestamp(Buffer.from(text), 0, Buffer.byteLength(text));

describe('log timestamps', () => {
  it.each([
    ['2024-05-03T10:11:12.123Z INFO x', '2024-05-03T10:11:12.123Z'],
    ['2024-05-03T10:11:12+02:00 x', '2024-05-03T10:11:12+02:00'],
    ['2024-05-03T10:11:12.5-0530 x', '2024-05-03T10:11:12.500-05:30'],
    ['2024-05-03 10:11:12,123 [7] INFO x', '2024-05-03T10:11:12.123'],
    ['[2024/05/03 10:11:12] x', '2024-05-03T10:11:12'],
    ['03.05.2024 10:11:12 INFO x', '2024-05-03T10:11:12'],
    ['3.5.2024 10.11.12 VIRHE x', '2024-05-03T10:11:12'],
    ['03-05-2024 10:11 FEJL x', '2024-05-03T10:11:00'],
    ['5/3/2024 10:11:12 AM Error: x', '2024-05-03T10:11:12'],
    ['5/3/2024 12:01:00 AM x', '2024-05-03T00:01:00'],
    ['5/3/2024 12:01:00 PM x', '2024-05-03T12:01:00'],
    ['5/3/2024 1:01:00 p.m. x', '2024-05-03T13:01:00'],
    ['25/3/2024 10:11:12 x', '2024-03-25T10:11:12'],
  ])('reads %s', (line, expected) => {
    expect(iso(line)).toBe(expected);
    expect(startsWith(line)).toBe(true);
  });

  it.each(['10:11:12 ERR x', '[10:11:12 ERR] x'])('takes a time alone (%s) as the start of an entry, but not as a time', (line) => {
    expect(startsWith(line)).toBe(true);
    expect(iso(line)).toBeNull();
  });

  it.each(['2024-13-03 10:11:12 x', '2024-02-30 10:11:12 x', '2024-05-03 25:11:12 x', '5/3/2024 13:00:00 PM x', 'May 3 2024 10:11:12 x', '1234 ERROR x', '2024-05-03 x'])(
    'gives no time for %s',
    (line) => expect(iso(line)).toBeNull(),
  );

  it('does not start an entry at an indented line or a number', () => {
    for (const line of ['   at System.Net', '12345 rows', '20240503 101112', '2024-05-03', ' 2024-05-03 10:11:12']) expect(startsWith(line)).toBe(false);
  });

  it('finds a time later in a line when it does not start with one', () => {
    expect(findTimestamp('ERROR 2024-05-03 10:11:12 something')?.iso).toBe('2024-05-03T10:11:12');
    expect(findTimestamp('{"level":"error","time":"2024-05-03T10:11:12.5Z"}')?.iso).toBe('2024-05-03T10:11:12.500Z');
    expect(findTimestamp('version 1.2.3 build 10:11')).toBeNull();
  });

  it('reports first and last seen as the earliest and latest time, whatever the order and format', () => {
    const report = explainLogText(
      [
        '05.05.2024 08:00:00 FEIL invalid_grant',
        '2024-05-03T10:11:12Z ERROR invalid_grant',
        '5/4/2024 11:00:00 PM Error: invalid_grant',
        '',
        'Error: invalid_grant, with no time at all',
      ].join('\n'),
      { source: 'x' },
    );
    expect(report.known[0]).toMatchObject({ count: 4, firstSeen: '2024-05-03T10:11:12Z', lastSeen: '2024-05-05T08:00:00', firstLine: 1, lastLine: 5 });
    expect(report.known[0]!.samples.at(-1)).toMatchObject({ line: 5, time: null });
  });

  it('says null when no entry of an error has a time it reads', () => {
    const report = explainLogText('Error: invalid_grant\n\nMay 3 10:11:12 Error: invalid_grant', { source: 'x' });
    expect(report.known[0]).toMatchObject({ count: 2, firstSeen: null, lastSeen: null });
  });
});
