import { defineMessages } from '../define-messages';

/**
 * The Severa check's command line (bridgekeeper-severa-check): its help, what it says about bad
 * input, and what it wrote. Options, formats and codes stay as they are typed.
 */
const en = {
  'cli.usage': `Usage: npx bridgekeeper-severa-check --azets A.csv --severa S.csv [options]

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
                               the language's locale: ; where the decimal separator is a comma)
  --out FILE                   write the report to FILE instead of standard output
  --azets-column FIELD=HEADER  which header holds a field, when the name is not recognised;
  --severa-column FIELD=HEADER FIELD is one of {fields}; an empty HEADER
                               says the file has no such column (e.g. --severa-column active=)
  --lang en|fi|sv|nb|da|nl     the language of the help, messages, table and CSV (default: the
                               system's); the JSON report is the same in every language
  -h, --help                   show this help

Exit status: 0 every Azets Work user is OK, 1 some would fail, 2 bad input.
`,
  'cli.error.arguments': 'the options could not be read: {detail}',
  'cli.error.oneOf': '{option} must be one of {allowed}, not "{value}"',
  'cli.error.column': '{option} takes FIELD=HEADER with FIELD one of {fields}, not "{value}"',
  'cli.error.bothFiles': 'both --azets and --severa are needed',
  'cli.error.xlsxNeedsOut': '--format xlsx writes a workbook: name it with --out FILE',
  'cli.error.fileMissing': '{file}: cannot read the file (it does not exist)',
  'cli.error.fileUnreadable': '{file}: cannot read the file ({code})',
  'cli.error.cannotWrite': '{file}: cannot write the report ({code})',
  'cli.error.seeHelp': 'Run with --help for the options.',
  'cli.problems.more': '…and {count, plural, one {# more} other {# more}}',
  'cli.wrote':
    'Wrote the report to {file}: {azets, plural, one {# Azets Work user} other {# Azets Work users}}, {failing, plural, one {# would} other {# would}} not get into Severa.',
} as const;

export const cli = defineMessages(en, { fi: en, sv: en, nb: en, da: en, nl: en });
