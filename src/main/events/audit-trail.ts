import type { ExportedFile } from '../../shared/api';
import { eventWords } from '../../shared/event-words';
import { createTranslator } from '../../shared/i18n/translator';
import type { CsvDelimiter } from '../../shared/severa-check';
import { exportTable } from '../tables/export-table';
import type { EventLog } from './event-log';

/**
 * B3 as a spreadsheet: every event, oldest first. The codes for machines, each beside its words
 * for people (and the profile's name while it exists); never a token.
 */
export function exportAuditTrail(events: EventLog, now: Date, delimiter: CsvDelimiter, nameOf: (profileId: string) => string = () => '', locale = 'en-GB'): ExportedFile {
  const translator = createTranslator(locale);
  const words = eventWords(translator);
  const rows = events
    .readAll()
    .map((e) => [e.time, e.profileId, nameOf(e.profileId), e.kind, words.kind(e.kind), e.outcome, words.outcome(e.outcome), e.errorCode ?? '', words.message(e)]);
  return exportTable([['time', 'profile', 'profileName', 'what', 'whatInWords', 'outcome', 'outcomeInWords', 'errorCode', 'message'], ...rows], {
    format: 'csv',
    delimiter,
    baseName: `bridgekeeper-audit-${now.toISOString().slice(0, 10)}`,
    sheetName: translator.t('audit.sheet'),
  });
}
