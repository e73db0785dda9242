/**
 * Characters that make two addresses differ while looking the same, or look like nothing at all.
 * JavaScript's `\s` covers ordinary and no-break spaces and U+FEFF, but not the zero-width
 * characters, so those are listed on their own; the soft hyphen is invisible too.
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
  '\ufeff': 'a byte order mark / zero-width no-break space (U+FEFF)',
};

const INVISIBLE_PATTERN = /[\s\u00ad\u200b-\u200d\u2060\ufeff]/gu;
const ANY_INVISIBLE = /[\s\u00ad\u200b-\u200d\u2060\ufeff]/u;

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

/** For a terminal or a table cell: the same text with every invisible character spelled out. */
export const showInvisible = (value: string): string =>
  value.replace(INVISIBLE_PATTERN, (char) => (char === ' ' ? '␠' : `<${codePoint(char)}>`));
