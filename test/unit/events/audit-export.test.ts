import { describe, expect, it } from 'vitest';
import { exportAuditTrail } from '../../../src/main/events/audit-trail';
import { openEventLog } from '../../../src/main/events/event-log';
import { readTable } from '../../../src/main/tables/read-table';
import { exportedBytes } from '../../helpers/file-bytes';

describe('the audit trail export', () => {
  // An error code and message can come from a remote server: they must not become formulas.
  const hostile = ['=cmd|\' /C calc\'!A0', '+SUM(A1:A9)', '-2+3', '@SUM(1)', '\tindented', 'plain; with, delimiters "and quotes"'];

  it.each([',', ';'] as const)('neutralises formulas in its "%s" CSV and reads back unchanged through the one reader', (delimiter) => {
    const events = openEventLog(null, () => new Date('2026-11-30T10:00:00Z'));
    for (const message of hostile) events.append({ profileId: 'p1', kind: 'refresh', outcome: 'error', errorCode: message.slice(0, 6), message });
    const file = exportAuditTrail(events, new Date('2026-11-30T12:00:00Z'), delimiter);
    expect(file).toMatchObject({ fileName: 'bridgekeeper-audit-2026-11-30.csv', mimeType: 'text/csv' });
    const lines = file.text!.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(['time', 'profile', 'profileName', 'what', 'whatInWords', 'outcome', 'outcomeInWords', 'errorCode', 'message'].join(delimiter));
    // No cell of the file starts with a formula character (quoted or not).
    for (const line of lines) for (const cell of line.split(delimiter)) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    const read = readTable(exportedBytes(file));
    expect(read.ok && read.table.delimiter).toBe(delimiter);
    expect(read.ok && read.table.records.slice(1).map((record) => record.cells[8])).toEqual(hostile);
  });
});
