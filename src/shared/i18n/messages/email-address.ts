import { defineMessages } from '../define-messages';

/** Why an address cannot be an email address (src/shared/email-address.ts): a clause, lower-case, without a full stop. */
const en = {
  'email.problem.empty': 'the email is empty',
  'email.problem.onlyInvisible': 'the email holds only spaces or invisible characters',
  'email.problem.quoteNotClosed': 'the quoted part before the "@" is never closed',
  'email.problem.atAfterQuote': 'after the quoted part must come the "@"',
  'email.problem.noAt': 'there is no "@" in the address',
  'email.problem.manyAts': 'there are {count} "@" in the address',
  'email.problem.nothingBeforeAt': 'nothing comes before the "@"',
  'email.problem.badQuotedCharacter': 'the quoted part before the "@" holds a character an address cannot',
  'email.problem.localDotAtEdge': 'the part before the "@" starts or ends with a dot',
  'email.problem.localDoubleDot': 'the part before the "@" has two dots in a row',
  'email.problem.localBadCharacter': 'the part before the "@" contains "{character}", which an address cannot hold unquoted',
  'email.problem.localTooLong': 'the part before the "@" is longer than 64 characters',
  'email.problem.nothingAfterAt': 'nothing comes after the "@"',
  'email.problem.domainIsIp': 'the domain is an IP address in brackets, not a name',
  'email.problem.domainEndsWithDot': 'the domain ends with a dot',
  'email.problem.domainWithoutDot': 'the domain "{domain}" has no dot (like "example.fi")',
  'email.problem.domainEmptyLabel': 'the domain has two dots in a row or starts with a dot',
  'email.problem.domainBadLabel': 'the domain part "{label}" is not a valid name',
  'email.problem.domainEndsWithNumber': 'the domain ends in a number, not a name like ".fi"',
  'email.problem.space': 'the address contains a space',
  'email.problem.invisible': 'the address contains an invisible character ({code})',
  'email.problem.tooLong': 'the address is longer than 254 characters',
} as const;

export const emailAddress = defineMessages(en, { fi: en, sv: en, nb: en, da: en, nl: en });
