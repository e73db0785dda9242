import { codePoint } from './invisible-characters';

/**
 * A small, curated subset of Unicode's confusables (UTS #39): letters from other scripts that look
 * like Latin letters in an email address. Upper-case forms are listed because addresses are
 * compared without case, and Cyrillic "В" looks like "B" while its lower case "в" does not look
 * like "b". Compatibility forms (fullwidth letters, ligatures, ℓ, ſ) need no entry: NFKC folds
 * them. Digit/letter look-alikes (0/O, 1/l, rn/m) are left to the typo search.
 */
const TABLE: readonly (readonly [char: string, latin: string, name: string])[] = [
  // Cyrillic
  ['а', 'a', 'Cyrillic small a'],
  ['А', 'a', 'Cyrillic capital A'],
  ['В', 'b', 'Cyrillic capital Ve'],
  ['с', 'c', 'Cyrillic small es'],
  ['С', 'c', 'Cyrillic capital Es'],
  ['ԁ', 'd', 'Cyrillic small komi de'],
  ['е', 'e', 'Cyrillic small ie'],
  ['Е', 'e', 'Cyrillic capital Ie'],
  ['һ', 'h', 'Cyrillic small shha'],
  ['Н', 'h', 'Cyrillic capital En'],
  ['і', 'i', 'Cyrillic small Byelorussian-Ukrainian i'],
  ['І', 'i', 'Cyrillic capital Byelorussian-Ukrainian I'],
  ['ј', 'j', 'Cyrillic small je'],
  ['Ј', 'j', 'Cyrillic capital Je'],
  ['К', 'k', 'Cyrillic capital Ka'],
  ['ӏ', 'l', 'Cyrillic small palochka'],
  ['М', 'm', 'Cyrillic capital Em'],
  ['о', 'o', 'Cyrillic small o'],
  ['О', 'o', 'Cyrillic capital O'],
  ['р', 'p', 'Cyrillic small er'],
  ['Р', 'p', 'Cyrillic capital Er'],
  ['ԛ', 'q', 'Cyrillic small qa'],
  ['ѕ', 's', 'Cyrillic small dze'],
  ['Ѕ', 's', 'Cyrillic capital Dze'],
  ['Т', 't', 'Cyrillic capital Te'],
  ['ԝ', 'w', 'Cyrillic small we'],
  ['х', 'x', 'Cyrillic small ha'],
  ['Х', 'x', 'Cyrillic capital Ha'],
  ['у', 'y', 'Cyrillic small u'],
  ['У', 'y', 'Cyrillic capital U'],
  // Greek
  ['α', 'a', 'Greek small alpha'],
  ['Α', 'a', 'Greek capital Alpha'],
  ['Β', 'b', 'Greek capital Beta'],
  ['ϲ', 'c', 'Greek lunate sigma'],
  ['Ε', 'e', 'Greek capital Epsilon'],
  ['Η', 'h', 'Greek capital Eta'],
  ['ι', 'i', 'Greek small iota'],
  ['Ι', 'i', 'Greek capital Iota'],
  ['ϳ', 'j', 'Greek small yot'],
  ['κ', 'k', 'Greek small kappa'],
  ['Κ', 'k', 'Greek capital Kappa'],
  ['Μ', 'm', 'Greek capital Mu'],
  ['Ν', 'n', 'Greek capital Nu'],
  ['ο', 'o', 'Greek small omicron'],
  ['Ο', 'o', 'Greek capital Omicron'],
  ['ρ', 'p', 'Greek small rho'],
  ['Ρ', 'p', 'Greek capital Rho'],
  ['Τ', 't', 'Greek capital Tau'],
  ['υ', 'u', 'Greek small upsilon'],
  ['ν', 'v', 'Greek small nu'],
  ['Χ', 'x', 'Greek capital Chi'],
  ['Υ', 'y', 'Greek capital Upsilon'],
  ['Ζ', 'z', 'Greek capital Zeta'],
  // Armenian
  ['օ', 'o', 'Armenian small oh'],
  ['ս', 'u', 'Armenian small seh'],
  // Latin letters outside ASCII that read as ASCII ones
  ['ı', 'i', 'Latin small dotless i (Turkish)'],
  ['İ', 'i', 'Latin capital I with dot above (Turkish)'],
  ['ȷ', 'j', 'Latin small dotless j'],
  ['ɑ', 'a', 'Latin small alpha'],
  ['ɡ', 'g', 'Latin small script g'],
];

const LATIN = new Map(TABLE.map(([char, latin]) => [char, latin]));
const NAME = new Map(TABLE.map(([char, , name]) => [char, name]));

const mapLookAlikes = (value: string): string => {
  let out = '';
  for (const char of value) out += LATIN.get(char) ?? char;
  return out;
};

/** Mapped before lower-casing (İ lower-cases to "i" + a combining dot) and after (for capitals not listed). */
const fold = (value: string): string => mapLookAlikes(mapLookAlikes(value).toLowerCase());

/** The form two addresses share when they look alike: NFKC, look-alike letters folded, case folded. */
export function skeleton(value: string): string {
  return fold(value.normalize('NFKC'));
}

/** The characters that made the skeleton differ from the text, in words: "'а' (U+0430, Cyrillic small a) for 'a'". */
export function describeLookAlikes(value: string): string[] {
  const found: string[] = [];
  for (const char of new Set(value)) {
    if (char.charCodeAt(0) < 0x80) continue;
    const name = NAME.get(char);
    const latin = skeleton(char);
    if (name) found.push(`"${char}" (${codePoint(char)}, ${name}) for "${latin}"`);
    else if (latin !== char.toLowerCase()) found.push(`"${char}" (${codePoint(char)}, a compatibility form of "${latin}")`);
  }
  return found;
}
