import { type Phrase, phrase } from '../../shared/severa-words';
import { codePoint, describeInvisible, removeInvisible } from './invisible-characters';

/** The part before the @, or the domain. */
export type AddressPart = 'local' | 'domain';

/** How two addresses with the same key (the same address, written differently) differ. */
export interface SameAddressDifferences {
  /** Where the invisible characters are, per side; null when that side has none. */
  invisible: { azets: Phrase[] | null; severa: Phrase[] | null };
  /** Unicode differences, as phrases (stand-in signs, composed vs decomposed, Unicode vs punycode domain, or unexplained). */
  unicode: Phrase[];
  /** Which address holds the characters to retype (decomposed letters, stand-in signs), when that is the difference. */
  retypeIn: 'azets' | 'severa' | 'both' | null;
  /** Where upper and lower case differ: the local part, the domain or both; empty when they do not. */
  caseIn: AddressPart[];
  /** Whether the two differ in a way none of the above names: a gap in the check, never "the same". */
  unexplained: boolean;
}

const split = (address: string): [string, string] => {
  const at = address.lastIndexOf('@');
  return at === -1 ? [address, ''] : [address.slice(0, at), address.slice(at + 1)];
};

const nfc = (value: string): string => value.normalize('NFC');
const lower = (value: string): string => value.toLowerCase();

/**
 * A character Unicode replaces by another in every normal form: KELVIN SIGN "K" (U+212A) is "K",
 * ANGSTROM SIGN "Å" (U+212B) is "Å", OHM SIGN "Ω" (U+2126) is "Ω". It looks the same, lower-cases
 * the same and normalises to the letter, yet it is another code point, and Severa compares exactly.
 */
const isStandIn = (char: string): boolean => char.normalize('NFC') !== char;

/** The names of the stand-ins a person may meet in an address; the rest are named by code point. */
const STAND_IN_NAMES: Readonly<Record<string, string>> = {
  '\u212a': 'KELVIN SIGN',
  '\u212b': 'ANGSTROM SIGN',
  '\u2126': 'OHM SIGN',
  '\u037e': 'GREEK QUESTION MARK',
  '\u0387': 'GREEK ANO TELEIA',
  '\u0374': 'GREEK NUMERAL SIGN',
  '\u1fef': 'GREEK VARIA',
  '\u0340': 'COMBINING GRAVE TONE MARK',
  '\u0341': 'COMBINING ACUTE TONE MARK',
};

const namedCode = (char: string): string => {
  const name = STAND_IN_NAMES[char];
  return name ? `${codePoint(char)} ${name}` : codePoint(char);
};

/** Code points as a person can check them: ""K" (U+004B)", one after the other. */
const spelled = (text: string): string => [...text].map((char) => `"${char}" (${namedCode(char)})`).join(' ') || '""';

/** The two parts with their shared start and end (whole code points) trimmed off: where they differ. */
function differing(a: string, s: string): [string, string, number] {
  const ac = [...a];
  const sc = [...s];
  let start = 0;
  while (start < ac.length && start < sc.length && ac[start] === sc[start]) start++;
  let end = 0;
  while (end < ac.length - start && end < sc.length - start && ac[ac.length - 1 - end] === sc[sc.length - 1 - end]) end++;
  return [ac.slice(start, ac.length - end).join(''), sc.slice(start, sc.length - end).join(''), start];
}

/** The text with its stand-ins replaced by what they stand for, so only other differences are left. */
const withoutStandIns = (value: string): string => [...value].map((char) => (isStandIn(char) ? nfc(char) : char)).join('');

function sideOf(azets: boolean, severa: boolean): 'azets' | 'severa' | 'both' {
  return azets && severa ? 'both' : azets ? 'azets' : 'severa';
}

/** A difference in the whole address the rules could not name: its differing code points, spelled out. */
export function unexplainedDifference(azets: string, severa: string): Phrase {
  const [a, s, start] = differing(azets, severa);
  const at = [...azets].lastIndexOf('@');
  return phrase('severa.unicode.unexplained', { part: at !== -1 && start > at ? 'domain' : 'local', azets: spelled(a), severa: spelled(s) });
}

/**
 * Compares part by part (local part, domain) on the addresses without invisible characters, and
 * names every way they differ: stand-in signs (KELVIN SIGN for K); decomposed letters (its
 * lower-case forms differ but not their NFC forms); case (only case tells the NFC forms apart);
 * for the domain, forms only its ASCII form shares (Unicode vs punycode, fullwidth letters). A part
 * that differs in none of these ways is reported as an unexplained difference, code point by code
 * point: two addresses that are not identical are never left looking "the same".
 */
export function sameAddressDifferences(azetsRaw: string, severaRaw: string): SameAddressDifferences {
  const azetsInvisible = describeInvisible(azetsRaw);
  const severaInvisible = describeInvisible(severaRaw);
  const [azetsLocal, azetsDomain] = split(removeInvisible(azetsRaw));
  const [severaLocal, severaDomain] = split(removeInvisible(severaRaw));
  const unicode: Phrase[] = [];
  let retypeAzets = false;
  let retypeSevera = false;
  const caseIn: SameAddressDifferences['caseIn'] = [];
  let unexplained = false;

  const parts = [
    ['local', azetsLocal, severaLocal],
    ['domain', azetsDomain, severaDomain],
  ] as const;
  for (const [part, a, s] of parts) {
    if (a === s) continue;
    const found = unicode.length + caseIn.length;
    const [aDiffers, sDiffers] = differing(a, s);
    for (const [side, text] of [['azets', aDiffers], ['severa', sDiffers]] as const) {
      for (const char of new Set(text)) {
        if (!isStandIn(char)) continue;
        const plain = nfc(char);
        unicode.push(phrase('severa.unicode.standIn', { side, part, char, code: namedCode(char), plain, plainCode: [...plain].map(codePoint).join(' ') }));
        if (side === 'azets') retypeAzets = true;
        else retypeSevera = true;
      }
    }
    const aPlain = withoutStandIns(a);
    const sPlain = withoutStandIns(s);
    if (lower(aPlain) !== lower(sPlain) && lower(nfc(aPlain)) === lower(nfc(sPlain))) {
      const side = sideOf(aPlain !== nfc(aPlain), sPlain !== nfc(sPlain));
      retypeAzets ||= side !== 'severa';
      retypeSevera ||= side !== 'azets';
      unicode.push(phrase('severa.unicode.decomposed', { side, part }));
    } else if (part === 'domain' && lower(nfc(a)) !== lower(nfc(s))) {
      unicode.push(phrase('severa.unicode.domainForms', { azets: a, severa: s }));
    }
    if (nfc(a) !== nfc(s) && lower(nfc(a)) === lower(nfc(s))) caseIn.push(part);
    if (unicode.length + caseIn.length === found) {
      unexplained = true;
      unicode.push(phrase('severa.unicode.unexplained', { part, azets: spelled(aDiffers), severa: spelled(sDiffers) }));
    }
  }
  return {
    invisible: { azets: azetsInvisible.length === 0 ? null : azetsInvisible, severa: severaInvisible.length === 0 ? null : severaInvisible },
    unicode,
    retypeIn: retypeAzets || retypeSevera ? sideOf(retypeAzets, retypeSevera) : null,
    caseIn,
    unexplained,
  };
}

/**
 * Where two near addresses part: the shared start and end trimmed off, what is left of each.
 * "matti.virtasen@x.fi" vs "matti.virtanen@x.fi" → Azets Work "s", Severa "n", after "matti.virta".
 */
export function describeTypo(azets: string, severa: string): Phrase {
  let start = 0;
  while (start < azets.length && start < severa.length && azets[start] === severa[start]) start++;
  let end = 0;
  while (end < azets.length - start && end < severa.length - start && azets[azets.length - 1 - end] === severa[severa.length - 1 - end]) end++;
  const a = azets.slice(start, azets.length - end);
  const s = severa.slice(start, severa.length - end);
  const where = start === 0 ? phrase('severa.at.start') : phrase('severa.at.after', { text: azets.slice(0, start) });
  if (a === '') return phrase('severa.typo.severaExtra', { text: s, where });
  if (s === '') return phrase('severa.typo.azetsExtra', { text: a, where });
  return phrase('severa.typo.differs', { azets: a, severa: s, where });
}
