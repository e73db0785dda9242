import type { ExportedFile } from '../../shared/api';
import { EVENT_KIND_WORDS, outcomeWords } from '../../shared/event-words';
import type { CsvDelimiter } from '../../shared/severa-check';
import { exportTable } from '../tables/export-table';
import type { EventLog } from './event-log';

/**
 * B3 as a spreadsheet: every event, oldest first. The codes for machines, each beside its words
 * for people (and the profile's name while it exists); never a token.
 */
export function exportAuditTrail(events: EventLog, now: Date, delimiter: CsvDelimiter, nameOf: (profileId: string) => string = () => ''): ExportedFile {
  const rows = events
    .readAll()
    .map((e) => [e.time, e.profileId, nameOf(e.profileId), e.kind, EVENT_KIND_WORDS[e.kind] ?? e.kind, e.outcome, outcomeWords(e.outcome), e.errorCode ?? '', e.message]);
  return exportTable([['time', 'profile', 'profileName', 'what', 'whatInWords', 'outcome', 'outcomeInWords', 'errorCode', 'message'], ...rows], {
    format: 'csv',
    delimiter,
    baseName: `bridgekeeper-audit-${now.toISOString().slice(0, 10)}`,
    sheetName: 'Audit trail',
  });
}
