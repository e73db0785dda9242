/**
 * The Severa login check, as the panel (through main's API) and the CLI use it. Everything here
 * runs in plain Node; inputs are bytes or text, results are plain JSON-serialisable data.
 */
export { checkOneEmail, checkSeveraLogins } from './check-logins';
export { readAzetsUsers, readSeveraUsers, type ReadUserFileOptions, type UserFileResult } from './read-user-file';
export {
  csvReport,
  formatReport,
  jsonReport,
  jsonReportChunks,
  REPORT_FORMATS,
  reportRows,
  type JsonReport,
  type ReportFormat,
  type ReportUser,
  tableReport,
  xlsxReport,
} from './report-format';
export { createSeveraApiClient, SEVERA_API_URL, type AddonReading, type SeveraApiClient, type SeveraApiOptions } from './api/severa-api-client';
export { SeveraApiError, type SeveraApiErrorCode } from './api/severa-api-error';
export { fixedCredentials, type SeveraCredentials, type SeveraCredentialSource, type SeveraCredentialStore } from './api/severa-credentials';
export type * from '../../shared/severa-check';
/** Findings are phrases (words as data): say them in a reader's language with a translator (src/shared/i18n). */
export { say, sayAll, saySteps, type Phrase, type PhraseParam } from '../../shared/severa-words';
