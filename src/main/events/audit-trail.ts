import type { ExportedFile } from '../../shared/api';
import { EVENT_KIND_WORDS, outcomeWords } from '../../shared/event-words';
import { writeCsv } from '../csv/write-csv';
import type { EventLog } from './event-log';

/**
 * B3 as a spreadsheet: every event, oldest first. The codes for machines, each beside its words
 * for people (and the profile's name while it exists); never a token.
 */
export function exportAuditTrail(events: EventLog, now: Date, nameOf: (profileId: string) => string = () => ''): ExportedFile {
  const rows = events
    .readAll()
    .map((e) => [e.time, e.profileId, nameOf(e.profileId), e.kind, EVENT_KIND_WORDS[e.kind] ?? e.kind, e.outcome, outcomeWords(e.outcome), e.errorCode ?? '', e.message]);
  return {
    fileName: `bridgekeeper-audit-${now.toISOString().slice(0, 10)}.csv`,
    mimeType: 'text/csv',
    text: writeCsv([['time', 'profile', 'profileName', 'what', 'whatInWords', 'outcome', 'outcomeInWords', 'errorCode', 'message'], ...rows]),
  };
}
