import { domainToASCII, domainToUnicode } from 'node:url';
import { skeleton } from './confusables';
import { hasInvisible, removeInvisible } from './invisible-characters';

/**
 * An address in the forms the check compares. Only `raw` is what a system stores; the others
 * exist to find out *how* two addresses differ, never to declare them equal.
 */
export interface EmailForms {
  raw: string;
  /** Without spaces or invisible characters, in NFC. */
  clean: string;
  hasInvisible: boolean;
  /** Local part (before the last @) of `clean`, lower-cased. */
  local: string;
  /** Domain in its ASCII (punycode) form, lower-cased: how IDN domains are compared. */
  domain: string;
  /** local@domain: two addresses with the same key are the same address written differently. */
  key: string;
}

const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;
const asciiDomains = new Map<string, string>();

/** UTS #46 via WHATWG URL: "Bücher.FI" → "xn--bcher-kva.fi". Unconvertible domains stay as written, lower-cased. */
export function asciiDomain(domain: string): string {
  let ascii = asciiDomains.get(domain);
  if (ascii === undefined) {
    ascii = domainToASCII(domain) || domain.toLowerCase();
    if (asciiDomains.size > 100_000) asciiDomains.clear(); // a bound, not a policy: real lists have few domains
    asciiDomains.set(domain, ascii);
  }
  return ascii;
}

const HAS_UPPER_CASE = /[A-Z]/;

export function emailForms(raw: string): EmailForms {
  // Most addresses are plain ASCII: nothing to strip or normalise.
  const plain = PRINTABLE_ASCII.test(raw);
  const clean = plain ? raw : removeInvisible(raw).normalize('NFC');
  const at = clean.lastIndexOf('@');
  const local = (at === -1 ? clean : clean.slice(0, at)).toLowerCase();
  const domain = at === -1 ? '' : asciiDomain(clean.slice(at + 1));
  // A lower-case plain address is its own key: reuse the string instead of building another.
  const ownKey = plain && at !== -1 && !HAS_UPPER_CASE.test(raw) && raw.length === local.length + 1 + domain.length;
  const key = ownKey ? raw : at === -1 ? local : `${local}@${domain}`;
  return { raw, clean, hasInvisible: !plain && hasInvisible(raw), local, domain, key };
}

/** For look-alike suggestions only: NFKC and folded look-alike letters, the domain read back as Unicode first. */
export function skeletonKey(forms: EmailForms): string {
  const domain = forms.domain.includes('xn--') ? domainToUnicode(forms.domain) || forms.domain : forms.domain;
  return `${skeleton(forms.local)}@${skeleton(domain)}`;
}

/** The local part without a +tag: "anna+severa" → "anna". */
export const withoutPlusTag = (local: string): string => {
  const plus = local.indexOf('+');
  return plus > 0 ? local.slice(0, plus) : local;
};
