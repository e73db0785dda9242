import type { ExportedFile } from '../../shared/api';
import { writeCsv } from '../csv/write-csv';
import type { EventLog } from './event-log';

/** B3 as a spreadsheet: every event, oldest first. Outcomes and error codes only; never a token. */
export function exportAuditTrail(events: EventLog, now: Date): ExportedFile {
  const rows = events.readAll().map((e) => [e.time, e.profileId, e.kind, e.outcome, e.errorCode ?? '', e.message]);
  return {
    fileName: `bridgekeeper-audit-${now.toISOString().slice(0, 10)}.csv`,
    mimeType: 'text/csv',
    text: writeCsv([['time', 'profile', 'what', 'outcome', 'errorCode', 'message'], ...rows]),
  };
}
