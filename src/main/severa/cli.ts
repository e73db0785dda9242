import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeProblem } from '../../shared/import-report';
import { type AddonState, type ColumnMapping, type OrgUsesSevera, USER_FIELDS, type UserField } from '../../shared/severa-check';
import { checkSeveraLogins } from './check-logins';
import { readAzetsUsers, readSeveraUsers, type UserFileResult } from './read-user-file';
import { formatReport, REPORT_FORMATS, type ReportFormat } from './report-format';
import { csvDelimiterFor, systemLocale } from '../tables/locale-delimiter';

export const EXIT_ALL_OK = 0;
export const EXIT_SOME_FAIL = 1;
export const EXIT_BAD_INPUT = 2;

const USAGE = `Usage: npx bridgekeeper-severa-check --azets A.csv --severa S.csv [options]

Checks, for every Azets Work user, whether opening Visma Severa from the Azets Work portal will
work (Severa matches users by exactly the same email address), why not, and how to fix it.

Options:
  --azets FILE                 Azets Work user export: an .xlsx workbook or CSV (, ; or tab;
                               UTF-8, UTF-16 or Windows-1252), recognised by content
  --severa FILE                Severa user export (needs an email and an active column)
  --azets-sheet NAME           the workbook's sheet to read (default: the first)
  --severa-sheet NAME
  --addon active|inactive|unknown
                               the organization's Azets Work add-on in Severa (default: unknown)
  --org-uses-severa yes|no|unknown
                               whether the organization still uses Severa (default: unknown)
  --format table|csv|json|xlsx report format (default: table; xlsx needs --out)
  --delimiter ,|;|tab          the CSV report's delimiter (default: what Excel expects in
                               this computer's locale: ; where the decimal separator is a comma)
  --out FILE                   write the report to FILE instead of standard output
  --azets-column FIELD=HEADER  which header holds a field, when the name is not recognised;
  --severa-column FIELD=HEADER FIELD is one of ${USER_FIELDS.join(', ')}; an empty HEADER
                               says the file has no such column (e.g. --severa-column active=)
  -h, --help                   show this help

Exit status: 0 every Azets Work user is OK, 1 some would fail, 2 bad input.
`;

/** The world the CLI touches, so tests can run it in-process too. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(file: string): Promise<Uint8Array>;
  /** Writes the whole file or nothing: a temporary file renamed into place. Text comes in pieces, written as they come. */
  writeFile(file: string, content: Iterable<string> | Uint8Array): Promise<void>;
  /** The user's locale, for the CSV report's delimiter. */
  locale(): string;
}

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (file) => readFile(file),
  writeFile: async (file, content) => {
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    await writeFile(temporary, content);
    await rename(temporary, file);
  },
  locale: systemLocale,
};

class UsageError extends Error {}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be one of ${allowed.join(', ')}, not "${value}"`);
}

function columnMapping(option: string, values: string[] = []): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const value of values) {
    const equals = value.indexOf('=');
    const field = value.slice(0, equals) as UserField;
    if (equals === -1 || !USER_FIELDS.includes(field)) {
      throw new UsageError(`--${option} takes FIELD=HEADER with FIELD one of ${USER_FIELDS.join(', ')}, not "${value}"`);
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
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) return null;
  if (!values.azets || !values.severa) throw new UsageError('both --azets and --severa are needed');
  const format = oneOf<ReportFormat>('format', values.format, REPORT_FORMATS, 'table');
  if (format === 'xlsx' && !values.out) throw new UsageError('--format xlsx writes a workbook: name it with --out FILE');
  const delimiter = values.delimiter === undefined ? null : oneOf('delimiter', values.delimiter, [',', ';', 'tab'], ',');
  return {
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

function problemsText<User>(result: Exclude<UserFileResult<User>, { ok: true }>): string {
  const shown = result.problems.slice(0, MAX_PROBLEMS_SHOWN).map((problem) => describeProblem(result.fileName, problem));
  const more = result.problems.length - shown.length;
  return `${shown.join('\n')}${more > 0 ? `\n…and ${more} more` : ''}\n`;
}

async function readInput(file: string, io: CliIo): Promise<Uint8Array> {
  try {
    return await io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: cannot read the file${code === 'ENOENT' ? ' (it does not exist)' : code ? ` (${code})` : ''}`);
  }
}

async function writeOutput(file: string, report: Iterable<string> | Uint8Array, io: CliIo): Promise<void> {
  try {
    await io.writeFile(file, report);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: cannot write the report${code ? ` (${code})` : ''}`);
  }
}

/**
 * bridgekeeper-severa-check: reads both exports, checks every user, writes the report.
 * Returns the exit status: 0 all OK, 1 some Azets Work user would fail, 2 bad input.
 */
export async function runSeveraCheckCli(argv: string[], io: CliIo = nodeIo): Promise<number> {
  let options;
  try {
    options = parse(argv);
    if (!options) {
      io.stdout(USAGE);
      return EXIT_ALL_OK;
    }
    // Each file's bytes live only while it is read: the users keep what they need of them.
    const azets = readAzetsUsers(await readInput(options.azets, io), { fileName: options.azets, columns: options.azetsColumns, ...(options.azetsSheet ? { sheet: options.azetsSheet } : {}) });
    const severa = readSeveraUsers(await readInput(options.severa, io), { fileName: options.severa, columns: options.severaColumns, ...(options.severaSheet ? { sheet: options.severaSheet } : {}) });
    if (!azets.ok || !severa.ok) {
      if (!azets.ok) io.stderr(problemsText(azets));
      if (!severa.ok) io.stderr(problemsText(severa));
      return EXIT_BAD_INPUT;
    }
    const result = checkSeveraLogins({ azetsUsers: azets.users, severaUsers: severa.users, addon: options.addon, orgUsesSevera: options.orgUsesSevera });
    // Only a CSV report needs the locale (asking ICU for it costs a little): not a JSON run.
    const delimiter = options.delimiter ?? (options.format === 'csv' ? csvDelimiterFor(io.locale()) : ',');
    const report = formatReport(result, options.format, delimiter);
    if (options.out) {
      await writeOutput(options.out, report, io);
      io.stdout(`Wrote the report to ${options.out}: ${result.totals.azetsUsers} Azets Work users, ${result.totals.failing} would not get into Severa.\n`);
    } else {
      if (report instanceof Uint8Array) throw new UsageError('--format xlsx writes a workbook: name it with --out FILE');
      for (const chunk of report) io.stdout(chunk);
    }
    return result.totals.failing === 0 ? EXIT_ALL_OK : EXIT_SOME_FAIL;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`bridgekeeper-severa-check: ${error.message}\nRun with --help for the options.\n`);
    return EXIT_BAD_INPUT;
  }
}
