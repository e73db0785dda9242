/**
 * Characters that make two addresses differ while looking the same, or look like nothing at all:
 * every Unicode space (White_Space, which JavaScript's `\s` misses U+0085 of, and U+FEFF) and every
 * Default_Ignorable_Code_Point — zero-width characters, the soft hyphen, the bidi marks, embeddings
 * and isolates (U+200E/F, U+202A–E, U+2066–9), variation selectors, tags, Hangul fillers… The
 * common ones have a name; the rest are named by their code point.
 */
const NAMED: Record<string, string> = {
  ' ': 'a space',
  '\t': 'a tab',
  '\n': 'a line break',
  '\r': 'a line break',
  '\u00a0': 'a no-break space (U+00A0)',
  '\u00ad': 'a soft hyphen (U+00AD)',
  '\u200b': 'a zero-width space (U+200B)',
  '\u200c': 'a zero-width non-joiner (U+200C)',
  '\u200d': 'a zero-width joiner (U+200D)',
  '\u2060': 'a word joiner (U+2060)',
  '\u200e': 'a left-to-right mark (U+200E)',
  '\u200f': 'a right-to-left mark (U+200F)',
  '\u061c': 'an Arabic letter mark (U+061C)',
  '\u202a': 'a left-to-right embedding (U+202A)',
  '\u202b': 'a right-to-left embedding (U+202B)',
  '\u202c': 'a pop directional formatting (U+202C)',
  '\u202d': 'a left-to-right override (U+202D)',
  '\u202e': 'a right-to-left override (U+202E)',
  '\u2066': 'a left-to-right isolate (U+2066)',
  '\u2067': 'a right-to-left isolate (U+2067)',
  '\u2068': 'a first strong isolate (U+2068)',
  '\u2069': 'a pop directional isolate (U+2069)',
  '\u202f': 'a narrow no-break space (U+202F)',
  '\u3000': 'an ideographic space (U+3000)',
  '\ufeff': 'a byte order mark / zero-width no-break space (U+FEFF)',
};

const INVISIBLE_PATTERN = /[\s\p{White_Space}\p{Default_Ignorable_Code_Point}]/gu;
const ANY_INVISIBLE = /[\s\p{White_Space}\p{Default_Ignorable_Code_Point}]/u;

export const hasInvisible = (value: string): boolean => ANY_INVISIBLE.test(value);

export const removeInvisible = (value: string): string => value.replace(INVISIBLE_PATTERN, '');

export const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

const nameOf = (char: string): string => NAMED[char] ?? `an invisible character (${codePoint(char)})`;

/** "a no-break space (U+00A0) at the end, a zero-width space (U+200B) after "anna"" */
export function describeInvisible(value: string): string {
  const found: string[] = [];
  for (const match of value.matchAll(INVISIBLE_PATTERN)) {
    const at = match.index;
    const before = removeInvisible(value.slice(0, at));
    const after = removeInvisible(value.slice(at + match[0].length));
    const where = before === '' ? 'at the start' : after === '' ? 'at the end' : `after "${before}"`;
    found.push(`${nameOf(match[0])} ${where}`);
  }
  return [...new Set(found)].join(', ');
}

/** For a terminal or a table cell: the same text with every invisible character spelled out (`⟨U+200F⟩`), never raw. */
export const showInvisible = (value: string): string =>
  value.replace(INVISIBLE_PATTERN, (char) => (char === ' ' ? '␠' : `⟨${codePoint(char)}⟩`));
