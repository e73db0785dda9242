import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type AddonState, type ColumnMapping, type OrgUsesSevera, USER_FIELDS, type UserField } from '../../shared/severa-check';
import { checkSeveraLogins, unexplainedDifferences } from './check-logins';
import { readAzetsUsers, readSeveraUsers, type UserFileResult } from './read-user-file';
import { formatReport, REPORT_FORMATS, type ReportFormat, spellOutControls } from './report-format';
import { csvDelimiterFor, systemLocale } from '../tables/locale-delimiter';
import type { MessageKey } from '../../shared/i18n/catalog';
import { LANGUAGES, type Language, effectiveLocale } from '../../shared/i18n/languages';
import type { MessageParams } from '../../shared/i18n/message';
import { type Translator, createTranslator } from '../../shared/i18n/translator';
import { sayFileProblem } from '../../shared/severa-words';

export const EXIT_ALL_OK = 0;
export const EXIT_SOME_FAIL = 1;
export const EXIT_BAD_INPUT = 2;

/** The world the CLI touches, so tests can run it in-process too. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(file: string): Promise<Uint8Array>;
  /** Writes the whole file or nothing: a temporary file renamed into place. Text comes in pieces, written as they come. */
  writeFile(file: string, content: Iterable<string> | Uint8Array): Promise<void>;
  /** The system's locale (LC_ALL, LC_MESSAGES, LANG, else Intl's): the language when --lang names none, and the CSV report's delimiter. */
  locale(): string;
  /** Whether standard output is a terminal: a report shown there has the files' control characters spelled out. */
  terminal?: boolean;
}

/**
 * The CLI does one thing at a time, so its files are read and written synchronously: a 40 MB
 * report in pieces through the thread pool waited for each piece in turn.
 */
export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: async (file) => readFileSync(file),
  writeFile: async (file, content) => {
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    const fd = openSync(temporary, 'w');
    try {
      if (content instanceof Uint8Array) writeAll(fd, content);
      else for (const piece of content) writeAll(fd, Buffer.from(piece, 'utf8'));
    } catch (error) {
      closeSync(fd);
      rmSync(temporary, { force: true });
      throw error;
    }
    closeSync(fd);
    renameSync(temporary, file);
  },
  locale: () => localeOfEnvironment(process.env) ?? systemLocale(),
  terminal: process.stdout.isTTY === true,
};

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
}

/**
 * The locale the environment names, as POSIX reads it (LC_ALL, then LC_MESSAGES, then LANG):
 * "fi_FI.UTF-8" → "fi-FI". None, or C / POSIX: null (then Intl's own).
 */
export function localeOfEnvironment(env: Record<string, string | undefined>): string | null {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  if (!value) return null;
  const tag = value.split(/[.@]/)[0]!.replace(/_/g, '-');
  if (tag === '' || tag === 'C' || tag === 'POSIX') return null;
  try {
    return new Intl.Locale(tag).toString();
  } catch {
    return null;
  }
}

/** Bad input, in words from the catalog: said in the chosen language, or English before one is known. */
class UsageError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params?: MessageParams,
  ) {
    super(key);
  }
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError('cli.error.oneOf', { option: `--${option}`, allowed: allowed.join(', '), value });
}

function columnMapping(option: string, values: string[] = []): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const value of values) {
    const equals = value.indexOf('=');
    const field = value.slice(0, equals) as UserField;
    if (equals === -1 || !USER_FIELDS.includes(field)) {
      throw new UsageError('cli.error.column', { option: `--${option}`, fields: USER_FIELDS.join(', '), value });
    }
    const header = value.slice(equals + 1).trim();
    mapping[field] = header === '' ? null : header;
  }
  return mapping;
}

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        azets: { type: 'string' },
        severa: { type: 'string' },
        addon: { type: 'string' },
        'org-uses-severa': { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        delimiter: { type: 'string' },
        'azets-sheet': { type: 'string' },
        'severa-sheet': { type: 'string' },
        'azets-column': { type: 'string', multiple: true },
        'severa-column': { type: 'string', multiple: true },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError('cli.error.arguments', { detail: (error as Error).message });
  }
  const { values } = parsed;
  const lang = values.lang === undefined ? null : oneOf<Language>('lang', values.lang, LANGUAGES, 'en');
  if (values.help) return { help: true as const, lang };
  if (!values.azets || !values.severa) throw new UsageError('cli.error.bothFiles');
  const format = oneOf<ReportFormat>('format', values.format, REPORT_FORMATS, 'table');
  if (format === 'xlsx' && !values.out) throw new UsageError('cli.error.xlsxNeedsOut');
  const delimiter = values.delimiter === undefined ? null : oneOf('delimiter', values.delimiter, [',', ';', 'tab'], ',');
  return {
    help: false as const,
    lang,
    delimiter: delimiter === 'tab' ? ('\t' as const) : delimiter,
    azetsSheet: values['azets-sheet'],
    severaSheet: values['severa-sheet'],
    azets: values.azets,
    severa: values.severa,
    addon: oneOf<AddonState>('addon', values.addon, ['active', 'inactive', 'unknown'], 'unknown'),
    orgUsesSevera: oneOf<OrgUsesSevera>('org-uses-severa', values['org-uses-severa'], ['yes', 'no', 'unknown'], 'unknown'),
    format,
    out: values.out,
    azetsColumns: columnMapping('azets-column', values['azets-column']),
    severaColumns: columnMapping('severa-column', values['severa-column']),
  };
}

const MAX_PROBLEMS_SHOWN = 20;

function problemsText<User>(result: Exclude<UserFileResult<User>, { ok: true }>, words: Translator): string {
  const shown = result.problems.slice(0, MAX_PROBLEMS_SHOWN).map((problem) => sayFileProblem(words, result.fileName, problem));
  const more = result.problems.length - shown.length;
  return `${shown.join('\n')}${more > 0 ? `\n${words.t('cli.problems.more', { count: more })}` : ''}\n`;
}

async function readInput(file: string, io: CliIo): Promise<Uint8Array> {
  try {
    return await io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? 'cli.error.fileMissing' : 'cli.error.fileUnreadable', { file, code: code ?? '?' });
  }
}

async function writeOutput(file: string, report: Iterable<string> | Uint8Array, io: CliIo): Promise<void> {
  try {
    await io.writeFile(file, report);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError('cli.error.cannotWrite', { file, code: code ?? '?' });
  }
}

/** The language of the run: --lang, else the system's; a bad --lang is said in the system's language. */
function wordsFor(lang: Language | null, io: CliIo): Translator {
  return createTranslator(effectiveLocale(lang, io.locale()));
}

/**
 * bridgekeeper-severa-check: reads both exports, checks every user, writes the report.
 * Returns the exit status: 0 all OK, 1 some Azets Work user would fail, 2 bad input. Words (help,
 * messages, the table and the CSV) are in the --lang language, else the system's; the JSON report
 * and the exit status are the same in every language.
 */
/** Text for a terminal: its lines kept, every other control character (a file's ESC, BEL, C1, bidi) spelled out. */
const shownOnTerminal = (text: string): string => text.split(/\r?\n/).map(spellOutControls).join('\n');

export async function runSeveraCheckCli(argv: string[], io: CliIo = nodeIo): Promise<number> {
  let words: Translator | null = null;
  try {
    const options = parse(argv);
    words = wordsFor(options.lang, io);
    if (options.help) {
      io.stdout(words.t('cli.usage', { fields: USER_FIELDS.join(', ') }));
      return EXIT_ALL_OK;
    }
    // Each file's bytes live only while it is read: the users keep what they need of them.
    const azets = await readAzetsUsers(await readInput(options.azets, io), { fileName: options.azets, columns: options.azetsColumns, ...(options.azetsSheet ? { sheet: options.azetsSheet } : {}) });
    const severa = await readSeveraUsers(await readInput(options.severa, io), { fileName: options.severa, columns: options.severaColumns, ...(options.severaSheet ? { sheet: options.severaSheet } : {}) });
    if (!azets.ok || !severa.ok) {
      // Problems quote the files: their control characters are spelled out, never sent to the terminal.
      if (!azets.ok) io.stderr(shownOnTerminal(problemsText(azets, words)));
      if (!severa.ok) io.stderr(shownOnTerminal(problemsText(severa, words)));
      return EXIT_BAD_INPUT;
    }
    const result = checkSeveraLogins({ azetsUsers: azets.users, severaUsers: severa.users, addon: options.addon, orgUsesSevera: options.orgUsesSevera });
    const gaps = unexplainedDifferences(result.verdicts);
    if (gaps.length > 0) io.stderr(`${words.t('cli.unexplained', { count: gaps.length, rows: gaps.map((gap) => gap.azets?.row ?? '?').join(', ') })}\n`);
    // The separator of the reader's Excel: the locale of the words (a Finnish reader's `;`).
    const delimiter = options.delimiter ?? (options.format === 'csv' ? csvDelimiterFor(words.locale) : ',');
    const report = formatReport(result, options.format, words, delimiter);
    if (options.out) {
      await writeOutput(options.out, report, io);
      io.stdout(`${words.t('cli.wrote', { file: options.out, azets: result.totals.azetsUsers, failing: result.totals.failing })}\n`);
    } else {
      if (report instanceof Uint8Array) throw new UsageError('cli.error.xlsxNeedsOut');
      // A CSV or JSON report piped on is data, as the files had it; on a terminal it is read, controls spelled out.
      for (const chunk of report) io.stdout(io.terminal ? shownOnTerminal(chunk) : chunk);
    }
    return result.totals.failing === 0 ? EXIT_ALL_OK : EXIT_SOME_FAIL;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    words ??= wordsFor(null, io);
    io.stderr(spellOutControls(`bridgekeeper-severa-check: ${words.t(error.key, error.params)}`) + `\n${words.t('cli.error.seeHelp')}\n`);
    return EXIT_BAD_INPUT;
  }
}
