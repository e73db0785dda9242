import { domainToASCII, domainToUnicode } from 'node:url';
import { skeleton } from './confusables';
import { hasInvisible, removeInvisible } from './invisible-characters';

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

/**
 * Lower-case ASCII with a domain of lower-case letter-digit-hyphen labels ending in an alphabetic
 * top-level domain: for these, UTS #46 changes nothing (no case, no Unicode, and an alphabetic
 * last label is never read as an IPv4 number), so the address is its own key. Most addresses.
 */
const PLAIN = /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@(?:[a-z0-9-]+\.)+[a-z]{2,63}$/;
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;

/**
 * An address in the forms the check compares. Only `raw` is what a system stores; the others
 * exist to find out *how* two addresses differ, never to declare them equal. The parts are worked
 * out on first use: for most Severa users only the key is ever needed.
 */
export class EmailForms {
  /** Without spaces or invisible characters, in NFC. */
  readonly clean: string;
  readonly hasInvisible: boolean;
  /** local@domain: two addresses with the same key are the same address written differently. */
  readonly key: string;
  /** A lower-case plain address (see PLAIN): raw, clean and key are one string. */
  readonly plain: boolean;
  #local: string | undefined;
  #domain: string | undefined;

  constructor(readonly raw: string) {
    if (PLAIN.test(raw)) {
      this.plain = true;
      this.clean = raw;
      this.hasInvisible = false;
      this.key = raw;
      return;
    }
    this.plain = false;
    const ascii = PRINTABLE_ASCII.test(raw);
    this.clean = ascii ? raw : removeInvisible(raw).normalize('NFC');
    this.hasInvisible = !ascii && hasInvisible(raw);
    const at = this.clean.lastIndexOf('@');
    this.#local = (at === -1 ? this.clean : this.clean.slice(0, at)).toLowerCase();
    this.#domain = at === -1 ? '' : asciiDomain(this.clean.slice(at + 1));
    this.key = at === -1 ? this.#local : `${this.#local}@${this.#domain}`;
  }

  /** Local part (before the last @) of `clean`, lower-cased. */
  get local(): string {
    return (this.#local ??= this.raw.slice(0, this.raw.lastIndexOf('@')));
  }

  /** Domain in its ASCII (punycode) form, lower-cased: how IDN domains are compared. */
  get domain(): string {
    return (this.#domain ??= this.raw.slice(this.raw.lastIndexOf('@') + 1));
  }
}

export const emailForms = (raw: string): EmailForms => new EmailForms(raw);

/**
 * Printable ASCII (a key has no capitals) without punycode and without the few ASCII characters
 * confusables.txt maps (0 1 m | ` " %): its skeleton is itself. Most addresses; no need to map them.
 */
const OWN_SKELETON = /^(?!.*xn--)[\x21-\x7e]*$/;
const MAPPED_ASCII = /[01m|`"%]/;

/**
 * For look-alike suggestions only: the UTS #39 skeleton of the address as written (its capitals
 * kept: Cyrillic "К" looks like "K" but its small "к" like "ĸ", so case is folded inside the
 * skeleton, after the look-alikes are mapped), a punycode domain read back as Unicode first.
 */
export function skeletonKey(forms: EmailForms): string {
  if (OWN_SKELETON.test(forms.key) && !MAPPED_ASCII.test(forms.key)) return forms.key;
  const at = forms.clean.lastIndexOf('@');
  const local = at === -1 ? forms.clean : forms.clean.slice(0, at);
  const written = at === -1 ? '' : forms.clean.slice(at + 1);
  const domain = /xn--/i.test(written) ? domainToUnicode(written) || written : written;
  return `${skeleton(local)}@${skeleton(domain)}`;
}

/** The local part without a +tag: "anna+severa" → "anna". */
export const withoutPlusTag = (local: string): string => {
  const plus = local.indexOf('+');
  return plus > 0 ? local.slice(0, plus) : local;
};
