import { type Phrase, phrase } from '../../shared/severa-words';
import { describeInvisible, removeInvisible } from './invisible-characters';

/** The part before the @, or the domain. */
export type AddressPart = 'local' | 'domain';

/** How two addresses with the same key (the same address, written differently) differ. */
export interface SameAddressDifferences {
  /** Where the invisible characters are, per side; null when that side has none. */
  invisible: { azets: Phrase[] | null; severa: Phrase[] | null };
  /** Unicode differences, as phrases (composed vs decomposed, Unicode vs punycode domain). */
  unicode: Phrase[];
  /** Which address holds the decomposed (NFD) letters, when that is the difference. */
  decomposedIn: 'azets' | 'severa' | 'both' | null;
  /** Where upper and lower case differ: the local part, the domain or both; empty when they do not. */
  caseIn: AddressPart[];
}

const split = (address: string): [string, string] => {
  const at = address.lastIndexOf('@');
  return at === -1 ? [address, ''] : [address.slice(0, at), address.slice(at + 1)];
};

const nfc = (value: string): string => value.normalize('NFC');
const lower = (value: string): string => value.toLowerCase();

function decomposedSide(azets: string, severa: string): 'azets' | 'severa' | 'both' {
  const azetsDecomposed = azets !== nfc(azets);
  const severaDecomposed = severa !== nfc(severa);
  if (azetsDecomposed && severaDecomposed) return 'both';
  return azetsDecomposed ? 'azets' : 'severa';
}

/**
 * Compares part by part (local part, domain) on the addresses without invisible characters:
 * a part differs in case when only case tells its NFC forms apart, and in Unicode form when its
 * lower-case forms differ but their NFC forms do not (or, for the domain, only its ASCII form is
 * shared: Unicode vs punycode, or a compatibility form like fullwidth letters).
 */
export function sameAddressDifferences(azetsRaw: string, severaRaw: string): SameAddressDifferences {
  const azetsInvisible = describeInvisible(azetsRaw);
  const severaInvisible = describeInvisible(severaRaw);
  const [azetsLocal, azetsDomain] = split(removeInvisible(azetsRaw));
  const [severaLocal, severaDomain] = split(removeInvisible(severaRaw));
  const unicode: Phrase[] = [];
  let decomposedIn: SameAddressDifferences['decomposedIn'] = null;
  const caseIn: SameAddressDifferences['caseIn'] = [];

  const parts = [
    ['local', azetsLocal, severaLocal],
    ['domain', azetsDomain, severaDomain],
  ] as const;
  for (const [part, a, s] of parts) {
    if (a === s) continue;
    if (lower(a) !== lower(s) && lower(nfc(a)) === lower(nfc(s))) {
      decomposedIn = decomposedSide(a, s);
      unicode.push(phrase('severa.unicode.decomposed', { side: decomposedIn, part }));
    } else if (part === 'domain' && lower(nfc(a)) !== lower(nfc(s))) {
      unicode.push(phrase('severa.unicode.domainForms', { azets: a, severa: s }));
    }
    if (nfc(a) !== nfc(s) && lower(nfc(a)) === lower(nfc(s))) caseIn.push(part);
  }
  return {
    invisible: { azets: azetsInvisible.length === 0 ? null : azetsInvisible, severa: severaInvisible.length === 0 ? null : severaInvisible },
    unicode,
    decomposedIn,
    caseIn,
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
