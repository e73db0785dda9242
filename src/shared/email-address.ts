/**
 * The one e-mail validator of the app (profiles' API user and the Severa check): why an address
 * cannot be a working address under RFC 5321 / RFC 6531, in plain words, or null. Plain JavaScript
 * (no Node, no DOM) so the renderer's forms and main agree.
 */

import { type Message, message as problem } from './i18n/message';
import { createTranslator } from './i18n/translator';

// RFC 5322 atext plus any non-ASCII character (RFC 6531 allows UTF-8 local parts).
const LOCAL_CHARS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\u{10ffff}.-]+$/u;
const ASCII_LOCAL_CHARS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
/** Inside quotes (RFC 5321 §4.1.2): printable ASCII but " and \, space, UTF-8; or \ and any printable. */
const QUOTED_CONTENT = /^(?:[\x20\x21\x23-\x5b\x5d-\x7e\u0080-\u{10ffff}]|\\[\x20-\x7e])*$/u;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const INVISIBLE = /[\s\p{White_Space}\p{Default_Ignorable_Code_Point}]/u;
/** Control characters that are not spaces (tab and line breaks are, and are said as such): C0, DEL, C1. */
const CONTROL = /(?![\s\p{White_Space}])\p{Cc}/u;

const codeOf = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Whether an "xn--" label decodes: "xn--zz" stands for nothing, and no mail server would take it. */
function punycodeDecodes(label: string): boolean {
  try {
    new URL(`http://${label}.invalid/`);
    return true;
  } catch {
    return false;
  }
}

/** Bytes in UTF-8, counted without encoding: RFC 5321's limits are in bytes. */
export function utf8Length(value: string): number {
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

/** UTS #46 through WHATWG URL (the same algorithm as Node's url.domainToASCII): "Bücher.FI" → "xn--bcher-kva.fi". */
export function asciiDomainOf(domain: string): string {
  if (/[/?#:@\\[\]%\s]/.test(domain)) return domain.toLowerCase();
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return domain.toLowerCase();
  }
}

/** Where the local part ends: after its closing quote when quoted, else at the last "@". */
function splitAddress(address: string): { local: string; domain: string } | Message {
  if (address.startsWith('"')) {
    let i = 1;
    for (; i < address.length; i++) {
      if (address[i] === '\\') i++;
      else if (address[i] === '"') break;
    }
    if (i >= address.length) return problem('email.problem.quoteNotClosed');
    if (address[i + 1] !== '@') return problem('email.problem.atAfterQuote');
    return { local: address.slice(0, i + 1), domain: address.slice(i + 2) };
  }
  const at = address.indexOf('@');
  if (at === -1) return problem('email.problem.noAt');
  if (address.indexOf('@', at + 1) !== -1) return problem('email.problem.manyAts', { count: address.split('@').length - 1 });
  return { local: address.slice(0, at), domain: address.slice(at + 1) };
}

function localProblem(local: string): Message | null {
  if (local === '') return problem('email.problem.nothingBeforeAt');
  if (local.startsWith('"')) {
    if (!QUOTED_CONTENT.test(local.slice(1, -1))) return problem('email.problem.badQuotedCharacter');
  } else {
    if (local.startsWith('.') || local.endsWith('.')) return problem('email.problem.localDotAtEdge');
    if (local.includes('..')) return problem('email.problem.localDoubleDot');
    if (!ASCII_LOCAL_CHARS.test(local) && !LOCAL_CHARS.test(local)) {
      const bad = [...local].find((char) => !LOCAL_CHARS.test(char));
      return problem('email.problem.localBadCharacter', { character: bad ?? '' });
    }
  }
  if (utf8Length(local) > 64) return problem('email.problem.localTooLong');
  return null;
}

function domainProblem(ascii: string, written: string): Message | null {
  if (written === '') return problem('email.problem.nothingAfterAt');
  if (written.startsWith('[')) return problem('email.problem.domainIsIp');
  if (written.endsWith('.')) return problem('email.problem.domainEndsWithDot');
  const labels = ascii.split('.');
  const badLabel = labels.find((label) => !DOMAIN_LABEL.test(label));
  if (labels.length < 2) return problem('email.problem.domainWithoutDot', { domain: written });
  if (badLabel !== undefined) return badLabel === '' ? problem('email.problem.domainEmptyLabel') : problem('email.problem.domainBadLabel', { label: badLabel });
  const undecodable = labels.find((label) => label.startsWith('xn--') && !punycodeDecodes(label));
  if (undecodable !== undefined) return problem('email.problem.punycodeInvalid', { label: undecodable });
  if (/^\d+$/.test(labels.at(-1)!)) return problem('email.problem.domainEndsWithNumber');
  return null;
}

/** A control character that is not a space, anywhere (RFC 5321 allows none, not even between quotes), or null. */
export function controlProblem(address: string): Message | null {
  const control = CONTROL.exec(address);
  return control ? problem('email.problem.control', { code: codeOf(control[0]) }) : null;
}

/**
 * Why `address` cannot be an address, or null. Quoted local parts ("a.b"@x.fi) are valid; the
 * lengths are RFC 5321's (64 bytes before the "@", 254 in all, 63 per domain label, in the
 * domain's ASCII form). Spaces and invisible characters outside quotes are a problem here; the
 * Severa check removes them first and reports them on their own.
 */
export function emailAddressIssue(address: string, toAscii: (domain: string) => string = asciiDomainOf): Message | null {
  if (address === '') return problem('email.problem.empty');
  const parts = splitAddress(address);
  if ('key' in parts) return parts;
  const { local, domain } = parts;
  const control = controlProblem(address);
  if (control) return control;
  const invisible = (local.startsWith('"') ? '' : local) + domain;
  const hidden = INVISIBLE.exec(invisible);
  if (hidden) {
    return hidden[0] === ' '
      ? problem('email.problem.space')
      : problem('email.problem.invisible', { code: codeOf(hidden[0]) });
  }
  const found = localProblem(local) ?? domainProblem(domain === '' ? '' : toAscii(domain), domain);
  if (found) return found;
  if (utf8Length(local) + 1 + toAscii(domain).length > 254) return problem('email.problem.tooLong');
  return null;
}

const english = createTranslator('en-GB');

/** The same, in English words: for callers that have not yet taken the words as data. */
export function emailAddressProblem(address: string, toAscii: (domain: string) => string = asciiDomainOf): string | null {
  const issue = emailAddressIssue(address, toAscii);
  return issue && english.text(issue);
}
