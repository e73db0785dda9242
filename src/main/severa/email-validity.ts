import type { EmailForms } from './email-forms';

// RFC 5322 atext plus any non-ASCII character (RFC 6531 allows UTF-8 local parts).
const LOCAL_CHARS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uffff.-]+$/u;
const ASCII_LOCAL_CHARS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const ASCII = /^[\x20-\x7e]*$/; // printable ASCII: one byte per character in UTF-8
const encoder = new TextEncoder();
const utf8Length = (value: string): number => (ASCII.test(value) ? value.length : encoder.encode(value).length);

/**
 * Why an address cannot be a working email address, in plain words, or null if it can. Checked on
 * the address without invisible characters: those are a problem of their own
 * (WHITESPACE_OR_INVISIBLE), reported with where they are.
 */
export function emailProblem(forms: EmailForms): string | null {
  const address = forms.clean;
  if (address === '') return forms.raw === '' ? 'the email is empty' : 'the email holds only spaces or invisible characters';
  const at = address.indexOf('@');
  if (at === -1) return 'there is no "@" in the address';
  if (address.indexOf('@', at + 1) !== -1) return `there are ${address.split('@').length - 1} "@" in the address`;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local === '') return 'nothing comes before the "@"';
  if (domain === '') return 'nothing comes after the "@"';
  if (local.startsWith('.') || local.endsWith('.')) return 'the part before the "@" starts or ends with a dot';
  if (local.includes('..')) return 'the part before the "@" has two dots in a row';
  if (!ASCII_LOCAL_CHARS.test(local) && !LOCAL_CHARS.test(local)) {
    const bad = [...local].find((char) => !LOCAL_CHARS.test(char));
    return `the part before the "@" contains "${bad}", which an address cannot hold unquoted`;
  }
  if (utf8Length(local) > 64) return 'the part before the "@" is longer than 64 characters';
  if (domain.startsWith('[')) return 'the domain is an IP address in brackets, not a name';
  if (domain.endsWith('.')) return 'the domain ends with a dot';
  const domainProblem = asciiDomainProblem(forms.domain, domain);
  if (domainProblem) return domainProblem;
  if (utf8Length(local) + 1 + forms.domain.length > 254) return 'the address is longer than 254 characters';
  return null;
}

// A list has few domains: each is judged once.
const domainProblems = new Map<string, string | null>();

function asciiDomainProblem(ascii: string, written: string): string | null {
  const known = domainProblems.get(ascii);
  if (known !== undefined) return known === null ? null : known.replace('%s', written);
  const labels = ascii.split('.');
  const badLabel = labels.find((label) => !DOMAIN_LABEL.test(label));
  const problem =
    labels.length < 2
      ? 'the domain "%s" has no dot (like "example.fi")'
      : badLabel !== undefined
        ? badLabel === ''
          ? 'the domain has two dots in a row or starts with a dot'
          : `the domain part "${badLabel}" is not a valid name`
        : /^\d+$/.test(labels.at(-1)!)
          ? 'the domain ends in a number, not a name like ".fi"'
          : null;
  if (domainProblems.size > 100_000) domainProblems.clear(); // a bound, not a policy
  domainProblems.set(ascii, problem);
  return problem === null ? null : problem.replace('%s', written);
}
