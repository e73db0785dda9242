import CONFUSABLES from './data/confusables.json' with { type: 'json' };
import { type Phrase, type PhraseParam, phrase } from '../../shared/severa-words';
import { codePoint } from './invisible-characters';

/**
 * Unicode's confusables (UTS #39, confusables.txt: every character → its prototype), in
 * data/confusables.json, which scripts/generate-confusables.mjs generates from Unicode's own file
 * (the Unicode version it came from is the table's `version`). Addresses are compared
 * without case, so text is lower-cased before it is mapped (Cyrillic "А" → "а" → "a"), and again
 * after (a prototype may be a capital: "0" → "O" → "o").
 */
// Imported with its attribute: Node's ESM (tsx, Playwright) needs it for JSON, vitest and the
// electron-vite bundle accept it, and the bundle then carries the table (nothing to find on disk).
const PROTOTYPE = (): Readonly<Record<string, string>> => CONFUSABLES.prototypes;

/**
 * The ASCII capitals whose prototype is another letter, by that prototype: "l" → "I". A capital of
 * another script that looks like "I" (Greek "Ι", Cyrillic "І") maps to "l" in the table, yet
 * among capitals it reads as "I", and case is ignored: it maps to "I" here, and on to "i".
 */
let capitalOfPrototype: ReadonlyMap<string, string> | undefined;
const CAPITAL_OF_PROTOTYPE = (): ReadonlyMap<string, string> =>
  (capitalOfPrototype ??= new Map(
    [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].flatMap((capital) => {
      const prototype = PROTOTYPE()[capital];
      return prototype === undefined ? [] : [[prototype, capital] as const];
    }),
  ));

/** Each character's prototype; with `keepAscii`, ASCII stays as it is and capitals map as capitals (see above). */
const mapToPrototypes = (value: string, keepAscii: boolean): string => {
  const table = PROTOTYPE();
  let out = '';
  for (const char of value) {
    if (keepAscii && char.charCodeAt(0) < 0x80) {
      out += char;
      continue;
    }
    const prototype = table[char];
    if (prototype === undefined) out += char;
    else if (keepAscii && char !== char.toLowerCase()) out += CAPITAL_OF_PROTOTYPE().get(prototype) ?? prototype;
    else out += prototype;
  }
  return out;
};

/** "İ" lower-cases to "i" and a combining dot: the dot is the Turkish capital's own, not a letter's. */
const DOTTED_I = /i\u0307/g;

/**
 * The form two addresses share when they look alike: UTS #39's skeleton (NFD, prototypes, NFD)
 * over the NFKC text (fullwidth letters and ligatures fold too), without case. Capitals from other
 * scripts are mapped before lower-casing (Greek "Ν" looks like "N", its small "ν" like "v"), ASCII
 * ones after (Latin "I" is an "i" here, not the "l" it resembles: addresses ignore case).
 */
export function skeleton(value: string): string {
  const decomposed = value.normalize('NFKC').normalize('NFD');
  const lower = mapToPrototypes(decomposed, true).toLowerCase().normalize('NFD').replace(DOTTED_I, 'i');
  return mapToPrototypes(lower, false).toLowerCase().normalize('NFD');
}

/** The scripts a person would name, by ISO 15924 code (said in the reader's language); the rest are "another script". */
const SCRIPTS = ['Latn', 'Cyrl', 'Grek', 'Armn', 'Cher', 'Geor', 'Hebr', 'Arab', 'Copt', 'Lisu', 'Hani', 'Hang', 'Hira', 'Kana', 'Thai', 'Deva'] as const;
const SCRIPT_TESTS = SCRIPTS.map((script) => [script, new RegExp(`^\\p{Script_Extensions=${script}}$`, 'u')] as const);
const LETTER = /^[\p{L}\p{M}\p{N}]$/u;
/** A script no one would name: "another script". */
export const OTHER_SCRIPT = 'other';

/** The script of a letter or digit ("Cyrl"; OTHER_SCRIPT for one not in the list), null for marks and punctuation shared by all. */
export function scriptOf(char: string): string | null {
  if (!LETTER.test(char) || /^[\p{Script=Common}\p{Script=Inherited}]$/u.test(char)) return null;
  for (const [script, test] of SCRIPT_TESTS) if (test.test(char)) return script;
  return OTHER_SCRIPT;
}

/** A script as a phrase parameter: named by Intl in the reader's language. */
export const scriptWords = (script: string): PhraseParam => (script === OTHER_SCRIPT ? phrase('severa.script.other') : { script });

/**
 * The scripts mixed within one part of an address (the local part, or a domain label), when more
 * than one: "pаypal" (a Cyrillic а among Latin letters) is the classic spoof. A whole part in
 * another script (иван@firma.fi) is not mixed.
 */
export function mixedScripts(address: string): string[] | null {
  if (!/[^\p{ASCII}]/u.test(address)) return null; // ASCII is all Latin
  const parts = address.split(/[@.]/);
  for (const part of parts) {
    const scripts = new Set<string>();
    for (const char of part) {
      const script = scriptOf(char);
      if (script) scripts.add(script);
    }
    if (scripts.size > 1) return [...scripts];
  }
  return null;
}

/** The characters that made the skeleton differ from the text: ""а" (U+0430, Cyrillic) for "a"". */
export function describeLookAlikes(value: string): Phrase[] {
  const found: Phrase[] = [];
  for (const char of new Set(value)) {
    if (char.charCodeAt(0) < 0x80) continue;
    const latin = skeleton(char).normalize('NFC');
    if (latin === char.toLowerCase().normalize('NFC')) continue;
    const compatibility = char.normalize('NFKC') !== char;
    const script = scriptOf(char);
    const code = codePoint(char);
    found.push(
      compatibility
        ? phrase('severa.lookAlike.compatibility', { char, code, latin })
        : script
          ? phrase('severa.lookAlike.script', { char, code, script: scriptWords(script), latin })
          : phrase('severa.lookAlike.plain', { char, code, latin }),
    );
  }
  return found;
}
