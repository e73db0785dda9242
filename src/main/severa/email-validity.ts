import type { EmailForms } from './email-forms';

// RFC 5322 atext plus any non-ASCII character (RFC 6531 allows UTF-8 local parts).
const LOCAL_CHARS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uffff.-]+$/u;
const ASCII_LOCAL_CHARS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Bytes in UTF-8, counted without encoding: RFC 5321's limits are in bytes. */
function utf8Length(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair: one code point beyond the BMP
      i++;
    } else bytes += 3; // the rest of the BMP, and a lone surrogate (encoded as U+FFFD)
  }
  return bytes;
}

/**
 * Most addresses are plain (see EmailForms) and valid: the few native string searches below
 * confirm that — at most 64 characters before the @, no dot leading, trailing or doubled there, no
 * label starting or ending with "-", no label over 63 characters — before the full check, which
 * can say what is wrong. Anything these do not confirm goes to the full check.
 */
function plainAndValid(forms: EmailForms): boolean {
  const raw = forms.raw;
  if (!forms.plain || raw.length > 254) return false;
  const at = raw.indexOf('@');
  const dot = 46;
  return (
    at <= 64 &&
    raw.length - at - 1 <= 63 &&
    raw.charCodeAt(0) !== dot &&
    raw.charCodeAt(at - 1) !== dot &&
    !raw.includes('..') &&
    !raw.includes('@-') &&
    !raw.includes('-.') &&
    !raw.includes('.-')
  );
}

/**
 * Why an address cannot be a working email address, in plain words, or null if it can. Checked on
 * the address without invisible characters: those are a problem of their own
 * (WHITESPACE_OR_INVISIBLE), reported with where they are.
 */
export function emailProblem(forms: EmailForms): string | null {
  return plainAndValid(forms) ? null : explainEmailProblem(forms);
}

/** The full check, which says what is wrong (exported so tests can hold the quick check to it). */
export function explainEmailProblem(forms: EmailForms): string | null {
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
