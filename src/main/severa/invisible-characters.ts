import { type Phrase, codePoint, invisibleCharacterName, phrase } from '../../shared/severa-words';

export { codePoint };

/**
 * Characters that make two addresses differ while looking the same, or look like nothing at all:
 * every Unicode space (White_Space, which JavaScript's `\s` misses U+0085 of, and U+FEFF) and every
 * Default_Ignorable_Code_Point — zero-width characters, the soft hyphen, the bidi marks, embeddings
 * and isolates (U+200E/F, U+202A–E, U+2066–9), variation selectors, tags, Hangul fillers… — and
 * every control character (C0, DEL, C1: what undefined Windows-1252 bytes decode to), which shows
 * as nothing or as a box. The common ones have a name (invisibleCharacterName, shared with the
 * panel); the rest are named by their kind and code point.
 */
const INVISIBLE_PATTERN = /[\s\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}]/gu;
const ANY_INVISIBLE = /[\s\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}]/u;

export const hasInvisible = (value: string): boolean => ANY_INVISIBLE.test(value);

export const removeInvisible = (value: string): string => value.replace(INVISIBLE_PATTERN, '');

/** Each invisible character and where it is: "a no-break space (U+00A0) at the end", "a zero-width space (U+200B) after "anna"". */
export function describeInvisible(value: string): Phrase[] {
  const found = new Map<string, Phrase>();
  for (const match of value.matchAll(INVISIBLE_PATTERN)) {
    const at = match.index;
    const before = removeInvisible(value.slice(0, at));
    const after = removeInvisible(value.slice(at + match[0].length));
    const where = before === '' ? phrase('severa.at.start') : after === '' ? phrase('severa.at.end') : phrase('severa.at.after', { text: before });
    const item = phrase('severa.invisible.found', { char: invisibleCharacterName(match[0]), where });
    found.set(JSON.stringify(item), item);
  }
  return [...found.values()];
}

/** For a terminal or a table cell: the same text with every invisible character spelled out (`⟨U+200F⟩`), never raw. */
export const showInvisible = (value: string): string =>
  value.replace(INVISIBLE_PATTERN, (char) => (char === ' ' ? '␠' : `⟨${codePoint(char)}⟩`));
