import type { OrganizationFinding, ReasonCode, SeveraCheckResult, Verdict } from '../../shared/severa-check';
import type { CsvDelimiter } from '../../shared/severa-check';
import { type CsvCell, writeCsv } from '../csv/write-csv';
import { writeWorkbook } from '../tables/write-workbook';
import type { Translator } from '../../shared/i18n/translator';
import { type Phrase, codePoint, say, sayAll, saySteps } from '../../shared/severa-words';
import { showInvisible } from './invisible-characters';

export const REPORT_FORMATS = ['table', 'csv', 'json', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * One line of the JSON report: the issue's five fields first, then what helps to act on it. The
 * JSON report is the same in every language: `detail` and `fix` are phrases (catalog keys and
 * parameters, src/shared/i18n/locales/*.json), the CSV and the table say them in words.
 */
export interface ReportUser {
  azetsEmail: string | null;
  severaEmail: string | null;
  reason: ReasonCode;
  detail: readonly Phrase[];
  fix: readonly Phrase[];
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

const CHUNK_CHARS = 64 * 1024;

/** What JSON.stringify writes other than as itself: quote, backslash, controls, lone surrogates. */
// eslint-disable-next-line no-control-regex -- the controls are what JSON must escape
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON of a text: most addresses and names need no escaping, and are quoted as they are. */
const jsonText = (text: string | null): string => (text === null ? 'null' : NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`);

/** JSON of phrases, remembered for the phrases most users share (an OK verdict's detail and fix are the same objects). */
function jsonPhrases(): (phrases: readonly Phrase[]) => string {
  const known = new Map<readonly Phrase[], string>();
  return (phrases) => {
    let json = known.get(phrases);
    if (json === undefined) {
      json = JSON.stringify(phrases);
      if (Object.isFrozen(phrases)) known.set(phrases, json);
    }
    return json;
  };
}

const jsonNumber = (value: number | null | undefined): string => (value === null || value === undefined ? 'null' : String(value));

/**
 * The middle of a user's line, `"reason":…,"detail":…,"fix":…,"also":…,"match":…,`: the same
 * text for every verdict that shares its (frozen) detail and fix, as OK verdicts do, so made once
 * for them, and for every other verdict as it comes.
 */
function jsonMiddle(): (verdict: Verdict) => string {
  const phrases = jsonPhrases();
  const known = new Map<readonly Phrase[], { fix: readonly Phrase[]; reason: string; match: string | null; json: string }>();
  const make = (verdict: Verdict) =>
    `"reason":"${verdict.reason}","detail":${phrases(verdict.detail)},"fix":${phrases(verdict.fix)},"also":${verdict.also.length === 0 ? '[]' : JSON.stringify(verdict.also)},` +
    `"match":${verdict.match === null ? 'null' : `"${verdict.match}"`},`;
  return (verdict) => {
    if (verdict.also.length > 0 || !Object.isFrozen(verdict.detail) || !Object.isFrozen(verdict.fix)) return make(verdict);
    const seen = known.get(verdict.detail);
    if (seen && seen.fix === verdict.fix && seen.reason === verdict.reason && seen.match === verdict.match) return seen.json;
    const json = make(verdict);
    known.set(verdict.detail, { fix: verdict.fix, reason: verdict.reason, match: verdict.match, json });
    return json;
  };
}

/** One ReportUser as JSON, written out field by field (the same keys and order as reportUser). */
function userJson(verdict: Verdict, middle: (verdict: Verdict) => string): string {
  const { azets, severa } = verdict;
  return (
    '{"azetsEmail":' + jsonText(azets?.email ?? null) + ',"severaEmail":' + jsonText(severa?.email ?? null) + ',' + middle(verdict) +
    '"azetsRow":' + jsonNumber(azets?.row) + ',"azetsName":' + jsonText(azets?.name ?? null) +
    ',"severaRow":' + jsonNumber(severa?.row) + ',"severaName":' + jsonText(severa?.name ?? null) + '}'
  );
}

/**
 * The JSON report (JsonReport) as pieces of about 64 KiB, one user per line: written to a file as
 * it is made, 100,000 users never become one string, nor 100,000 report objects at once. Each
 * piece is joined from its lines at once (one flat string, not a chain of concatenations to
 * flatten when it is written).
 */
export function* jsonReportChunks(result: SeveraCheckResult): Generator<string> {
  const head = (key: string, value: unknown) => `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')},\n`;
  const middle = jsonMiddle();
  const { verdicts } = result;
  let lines: string[] = [`{\n${head('summary', result.summary)}${head('organization', result.organization)}${head('totals', result.totals)}  "users": [`];
  let length = 0;
  for (let index = 0; index < verdicts.length; index++) {
    const line = (index === 0 ? '\n    ' : ',\n    ') + userJson(verdicts[index]!, middle);
    lines.push(line);
    length += line.length;
    if (length >= CHUNK_CHARS) {
      yield lines.join('');
      lines = [];
      length = 0;
    }
  }
  lines.push(`${verdicts.length === 0 ? ']' : '\n  ]'}\n}\n`);
  yield lines.join('');
}

const CSV_COLUMNS = ['reason', 'azetsEmail', 'severaEmail', 'detail', 'fix', 'also', 'match', 'azetsRow', 'azetsName', 'severaRow', 'severaName'] as const;

/** Phrases said once per distinct shared array (an OK verdict's), each user's own said as they come. */
function sayer(say: (phrases: readonly Phrase[]) => string): (phrases: readonly Phrase[]) => string {
  const known = new Map<readonly Phrase[], string>();
  return (phrases) => {
    let text = known.get(phrases);
    if (text === undefined) {
      text = say(phrases);
      if (Object.isFrozen(phrases)) known.set(phrases, text);
    }
    return text;
  };
}

/**
 * Every verdict, one row each, with the JSON report's field names as headers (the CSV and the
 * workbook): the evidence and the fix in the reader's words, the codes as codes.
 */
export function reportRows(result: SeveraCheckResult, words: Translator): CsvCell[][] {
  const detail = sayer((phrases) => sayAll(words, phrases));
  const fix = sayer((phrases) => saySteps(words, phrases));
  const rows = result.verdicts.map((verdict) => {
    const user = reportUser(verdict);
    return CSV_COLUMNS.map((column): CsvCell => {
      if (column === 'detail') return detail(verdict.detail);
      if (column === 'fix') return fix(verdict.fix);
      const value = user[column];
      if (value === null) return '';
      return typeof value === 'string' || typeof value === 'number' ? value : value.join(' ');
    });
  });
  return [[...CSV_COLUMNS], ...rows];
}

export const csvReport = (result: SeveraCheckResult, words: Translator, delimiter: CsvDelimiter = ','): string => writeCsv(reportRows(result, words), delimiter);

export const xlsxReport = (result: SeveraCheckResult, words: Translator): Uint8Array => writeWorkbook(reportRows(result, words), words.t('severa.report.sheetName'));

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - [...text].length));

/**
 * What a terminal acts on instead of printing: C0 (tab and line breaks too: a line of the table is
 * one line), DEL, C1 (U+009B is a CSI of its own) and the bidi controls that reorder what follows.
 * An address in a file holding ESC[2J or an OSC title must not clear or retitle the admin's terminal.
 */
const TERMINAL_CONTROL = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu; // Cc: U+0000–U+001F, U+007F–U+009F

/** Every terminal control spelled out as the panel names a character (`⟨U+001B⟩`): the last step of every line of the table. */
export const spellOutControls = (text: string): string => text.replace(TERMINAL_CONTROL, (char) => `⟨${codePoint(char)}⟩`);

/** An address for the terminal: invisible characters (showInvisible) and controls spelled out. */
const shownAddress = (email: string): string => spellOutControls(showInvisible(email));

/**
 * For a person at a terminal, in their language: the organization-wide findings, counts per
 * reason, then every user who needs attention with the evidence and the fix (invisible characters
 * and terminal controls spelled out). Reasons stay codes, as in the JSON report, with their label
 * beside the count. OK users are counted, not listed: the CSV and JSON reports have everyone.
 */
export function tableReport(result: SeveraCheckResult, words: Translator): string {
  const { t } = words;
  const count = (n: number): string => words.number(n);
  const lines: string[] = [];
  const { totals } = result;
  lines.push(t('severa.report.title', { azets: totals.azetsUsers, severa: totals.severaUsers }));
  lines.push('', t('severa.report.organization'));
  for (const finding of result.organization) {
    const mark = finding.reason ? '✗' : finding.state === 'unknown' ? '?' : '✓';
    lines.push(`  ${mark} ${say(words, finding.detail)}${finding.reason || finding.state === 'unknown' ? ` ${say(words, finding.fix)}` : ''}`);
  }
  lines.push('', t('severa.report.summary'));
  const reasons = Object.entries(result.summary).filter(([, n]) => n > 0) as [ReasonCode, number][];
  const reasonWidth = Math.max(0, ...reasons.map(([reason]) => reason.length));
  for (const [reason, n] of reasons) lines.push(`  ${pad(reason, reasonWidth)}  ${count(n).padStart(9)}  ${t(`severa.reason.${reason}.label`)}`);
  if (totals.severaWithoutEmail > 0) lines.push(`  ${t('severa.report.withoutEmail', { count: totals.severaWithoutEmail })}`);

  const listed = result.verdicts.filter((verdict) => verdict.reason !== 'OK');
  if (listed.length > 0) {
    const heads = [t('severa.report.reasonHeader'), t('severa.report.azetsHeader'), t('severa.report.severaHeader')];
    const azetsWidth = Math.min(45, Math.max([...heads[1]!].length, ...listed.map((v) => shownAddress(v.azets?.email ?? '').length)));
    const severaWidth = Math.min(45, Math.max([...heads[2]!].length, ...listed.map((v) => shownAddress(v.severa?.email ?? '').length)));
    const width = Math.max(reasonWidth, [...heads[0]!].length);
    lines.push('', `${pad(heads[0]!, width)}  ${pad(heads[1]!, azetsWidth)}  ${pad(heads[2]!, severaWidth)}`.trimEnd());
    const fix = sayer((phrases) => saySteps(words, phrases));
    for (const verdict of listed) {
      lines.push(`${pad(verdict.reason, width)}  ${pad(shownAddress(verdict.azets?.email ?? '—'), azetsWidth)}  ${shownAddress(verdict.severa?.email ?? '—')}`);
      if (verdict.also.length > 0) lines.push(`    ${t('severa.report.also', { reasons: verdict.also.join(', ') })}`);
      lines.push(`    ${t('severa.report.why', { text: sayAll(words, verdict.detail) })}`, `    ${t('severa.report.fix', { text: fix(verdict.fix) })}`);
    }
  }
  const ok = result.summary.OK;
  if (ok > 0) lines.push('', t('severa.report.okNotListed', { count: ok }));
  // Names, rows and near-misses from the files reach the lines through the phrases too.
  return `${lines.map(spellOutControls).join('\n')}\n`;
}

/** The report as a file's content: text (JSON in pieces), or bytes for a workbook. JSON is the same in every language. */
export function formatReport(result: SeveraCheckResult, format: ReportFormat, words: Translator, delimiter: CsvDelimiter = ','): Iterable<string> | Uint8Array {
  if (format === 'json') return jsonReportChunks(result);
  if (format === 'csv') return [csvReport(result, words, delimiter)];
  if (format === 'xlsx') return xlsxReport(result, words);
  return [tableReport(result, words)];
}
