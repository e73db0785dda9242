import type { OrganizationFinding, ReasonCode, SeveraCheckResult, Verdict } from '../../shared/severa-check';
import type { CsvDelimiter } from '../../shared/severa-check';
import { type CsvCell, writeCsv } from '../csv/write-csv';
import { writeWorkbook } from '../tables/write-workbook';
import { showInvisible } from './invisible-characters';

export const REPORT_FORMATS = ['table', 'csv', 'json', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** One line of the JSON and CSV reports: the issue's five fields first, then what helps to act on it. */
export interface ReportUser {
  azetsEmail: string | null;
  severaEmail: string | null;
  reason: ReasonCode;
  detail: string;
  fix: string;
  also: readonly ReasonCode[];
  match: Verdict['match'];
  azetsRow: number | null;
  azetsName: string | null;
  severaRow: number | null;
  severaName: string | null;
}

export interface JsonReport {
  summary: Record<ReasonCode, number>;
  organization: OrganizationFinding[];
  totals: SeveraCheckResult['totals'];
  users: ReportUser[];
}

export function reportUser(verdict: Verdict): ReportUser {
  return {
    azetsEmail: verdict.azets?.email ?? null,
    severaEmail: verdict.severa?.email ?? null,
    reason: verdict.reason,
    detail: verdict.detail,
    fix: verdict.fix,
    also: verdict.also,
    match: verdict.match,
    azetsRow: verdict.azets?.row ?? null,
    azetsName: verdict.azets?.name ?? null,
    severaRow: verdict.severa?.row ?? null,
    severaName: verdict.severa?.name ?? null,
  };
}

export function jsonReport(result: SeveraCheckResult): JsonReport {
  return { summary: result.summary, organization: result.organization, totals: result.totals, users: result.verdicts.map(reportUser) };
}

const CHUNK_CHARS = 256 * 1024;

/**
 * The JSON report (JsonReport) as pieces of about 256 KiB, one user per line: written to a file
 * as it is made, 100,000 users never become one string, nor 100,000 report objects at once.
 */
/** JSON of a text, remembered for the few long texts that most users share (an OK verdict's detail and fix). */
function jsonTexts(): (text: string | null) => string {
  const known = new Map<string, string>();
  return (text) => {
    if (text === null) return 'null';
    if (text.length < 64) return JSON.stringify(text);
    let json = known.get(text);
    if (json === undefined) {
      if (known.size > 10_000) known.clear(); // a bound, not a policy
      known.set(text, (json = JSON.stringify(text)));
    }
    return json;
  };
}

/** One ReportUser as JSON, written out field by field (the same keys and order as reportUser). */
function userJson(verdict: Verdict, text: (value: string | null) => string): string {
  const number = (value: number | null | undefined) => (value === null || value === undefined ? 'null' : String(value));
  return (
    `{"azetsEmail":${text(verdict.azets?.email ?? null)},"severaEmail":${text(verdict.severa?.email ?? null)},"reason":"${verdict.reason}",` +
    `"detail":${text(verdict.detail)},"fix":${text(verdict.fix)},"also":${verdict.also.length === 0 ? '[]' : JSON.stringify(verdict.also)},` +
    `"match":${verdict.match === null ? 'null' : `"${verdict.match}"`},"azetsRow":${number(verdict.azets?.row)},"azetsName":${text(verdict.azets?.name ?? null)},` +
    `"severaRow":${number(verdict.severa?.row)},"severaName":${text(verdict.severa?.name ?? null)}}`
  );
}

/**
 * The JSON report (JsonReport) as pieces of about 256 KiB, one user per line: written to a file
 * as it is made, 100,000 users never become one string, nor 100,000 report objects at once.
 */
export function* jsonReportChunks(result: SeveraCheckResult): Generator<string> {
  const head = (key: string, value: unknown) => `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')},\n`;
  let chunk = `{\n${head('summary', result.summary)}${head('organization', result.organization)}${head('totals', result.totals)}  "users": [`;
  const text = jsonTexts();
  const { verdicts } = result;
  for (let index = 0; index < verdicts.length; index++) {
    chunk += `${index === 0 ? '' : ','}\n    ${userJson(verdicts[index]!, text)}`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}${verdicts.length === 0 ? ']' : '\n  ]'}\n}\n`;
}

const CSV_COLUMNS = ['reason', 'azetsEmail', 'severaEmail', 'detail', 'fix', 'also', 'match', 'azetsRow', 'azetsName', 'severaRow', 'severaName'] as const;

/** Every verdict, one row each, with the JSON report's field names as headers (the CSV and the workbook). */
export function reportRows(result: SeveraCheckResult): CsvCell[][] {
  const rows = result.verdicts.map((verdict) => {
    const user = reportUser(verdict);
    return CSV_COLUMNS.map((column): CsvCell => {
      const value = user[column];
      if (value === null) return '';
      return typeof value === 'string' || typeof value === 'number' ? value : value.join(' ');
    });
  });
  return [[...CSV_COLUMNS], ...rows];
}

export const csvReport = (result: SeveraCheckResult, delimiter: CsvDelimiter = ','): string => writeCsv(reportRows(result), delimiter);

export const xlsxReport = (result: SeveraCheckResult): Uint8Array => writeWorkbook(reportRows(result), 'Severa login check');

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - [...text].length));
const count = (n: number): string => n.toLocaleString('en');

/**
 * For a person at a terminal: the organization-wide findings, counts per reason, then every user
 * who needs attention with the evidence and the fix (invisible characters spelled out). OK users
 * are counted, not listed: the CSV and JSON reports have everyone.
 */
export function tableReport(result: SeveraCheckResult): string {
  const lines: string[] = [];
  const { totals } = result;
  lines.push(`Azets Work → Severa login check: ${count(totals.azetsUsers)} Azets Work users, ${count(totals.severaUsers)} Severa users`);
  lines.push('', 'Organization');
  for (const finding of result.organization) {
    const mark = finding.reason ? '✗' : finding.state === 'unknown' ? '?' : '✓';
    lines.push(`  ${mark} ${finding.detail}${finding.reason || finding.state === 'unknown' ? ` ${finding.fix}` : ''}`);
  }
  lines.push('', 'Summary');
  const reasons = Object.entries(result.summary).filter(([, n]) => n > 0);
  const reasonWidth = Math.max(0, ...reasons.map(([reason]) => reason.length));
  for (const [reason, n] of reasons) lines.push(`  ${pad(reason, reasonWidth)}  ${count(n).padStart(9)}`);
  if (totals.severaWithoutEmail > 0) lines.push(`  (${count(totals.severaWithoutEmail)} Severa users without an email were left out: Severa cannot match them.)`);

  const listed = result.verdicts.filter((verdict) => verdict.reason !== 'OK');
  if (listed.length > 0) {
    const azetsWidth = Math.min(45, Math.max(16, ...listed.map((v) => showInvisible(v.azets?.email ?? '').length)));
    const severaWidth = Math.min(45, Math.max(12, ...listed.map((v) => showInvisible(v.severa?.email ?? '').length)));
    const width = Math.max(reasonWidth, 'REASON'.length);
    lines.push('', `${pad('REASON', width)}  ${pad('AZETS WORK EMAIL', azetsWidth)}  ${pad('SEVERA EMAIL', severaWidth)}`);
    for (const verdict of listed) {
      lines.push(`${pad(verdict.reason, width)}  ${pad(showInvisible(verdict.azets?.email ?? '—'), azetsWidth)}  ${showInvisible(verdict.severa?.email ?? '—')}`);
      if (verdict.also.length > 0) lines.push(`    also: ${verdict.also.join(', ')}`);
      lines.push(`    why: ${verdict.detail}`, `    fix: ${verdict.fix}`);
    }
  }
  const ok = result.summary.OK;
  if (ok > 0) lines.push('', `${count(ok)} OK ${ok === 1 ? 'user is' : 'users are'} not listed (the csv and json formats list everyone).`);
  return `${lines.join('\n')}\n`;
}

/** The report as a file's content: text (JSON in pieces), or bytes for a workbook. */
export function formatReport(result: SeveraCheckResult, format: ReportFormat, delimiter: CsvDelimiter = ','): Iterable<string> | Uint8Array {
  if (format === 'json') return jsonReportChunks(result);
  if (format === 'csv') return [csvReport(result, delimiter)];
  if (format === 'xlsx') return xlsxReport(result);
  return [tableReport(result)];
}
