import type { ExportedFile } from '../../shared/api';
import type { CsvDelimiter } from '../../shared/severa-check';
import { exportTable } from '../tables/export-table';
import type { EventLog } from './event-log';

/** B3 as a spreadsheet: every event, oldest first. Outcomes and error codes only; never a token. */
export function exportAuditTrail(events: EventLog, now: Date, delimiter: CsvDelimiter): ExportedFile {
  const rows = events.readAll().map((e) => [e.time, e.profileId, e.kind, e.outcome, e.errorCode ?? '', e.message]);
  return exportTable([['time', 'profile', 'what', 'outcome', 'errorCode', 'message'], ...rows], {
    format: 'csv',
    delimiter,
    baseName: `bridgekeeper-audit-${now.toISOString().slice(0, 10)}`,
    sheetName: 'Audit trail',
  });
}
