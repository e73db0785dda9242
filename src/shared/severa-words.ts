/**
 * Words as data for the Severa login check. Main says what it found as phrases (a catalog key and
 * its parameters); the renderer and the CLI put them into the reader's language with `say`.
 *
 * A phrase is a Message whose parameters may be phrases themselves ("Activate {who} in Severa",
 * who = "{name} (row {row})"), lists of phrases (said as the language lists things: "a, b and
 * c"), or a writing system by its ISO 15924 code (said by Intl in the reader's language). A phrase
 * with only plain parameters is a Message as the catalog's `text` takes it.
 */
import type { MessageKey } from './i18n/catalog';
import type { Translator } from './i18n/translator';
import type { UserFileProblem } from './severa-check';

/** A writing system ("Cyrl"), named in the reader's language ("Cyrillic", "kyrillinen"). */
export interface ScriptName {
  script: string;
}

export type PhraseParam = string | number | Date | Phrase | ScriptName | readonly PhraseParam[];

export interface Phrase {
  key: MessageKey;
  params?: Readonly<Record<string, PhraseParam>>;
}

export const phrase = (key: MessageKey, params?: Record<string, PhraseParam>): Phrase => (params ? { key, params } : { key });

/** The words the reader reads, as much as a translator brings (its messages, lists and locale). */
export type Words = Pick<Translator, 't' | 'list' | 'locale'>;

const scriptNames = new Map<string, Intl.DisplayNames | null>();

function scriptName(words: Words, code: string): string {
  let names = scriptNames.get(words.locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([words.locale], { type: 'script', fallback: 'code' });
    } catch {
      names = null;
    }
    scriptNames.set(words.locale, names);
  }
  return names?.of(code) ?? code;
}

function sayParam(words: Words, value: PhraseParam): string | number | Date {
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (Array.isArray(value)) return words.list((value as readonly PhraseParam[]).map((item) => String(sayParam(words, item))));
  if ('script' in (value as ScriptName)) return scriptName(words, (value as ScriptName).script);
  return say(words, value as Phrase);
}

/** One phrase in the reader's words. */
export function say(words: Words, what: Phrase): string {
  if (!what.params) return words.t(what.key);
  const params: Record<string, string | number | Date> = {};
  for (const [name, value] of Object.entries(what.params)) params[name] = sayParam(words, value);
  return words.t(what.key, params);
}

/** Sentences, one after the other. */
export const sayAll = (words: Words, phrases: readonly Phrase[]): string => phrases.map((item) => say(words, item)).join(' ');

/** Steps: one as it is, several numbered ("1. … 2. …"). */
export const saySteps = (words: Words, steps: readonly Phrase[]): string =>
  steps.length === 1 ? say(words, steps[0]!) : steps.map((step, i) => `${i + 1}. ${say(words, step)}`).join(' ');

export const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

const NAMED: Record<string, MessageKey> = {
  ' ': 'severa.char.space',
  '\t': 'severa.char.tab',
  '\n': 'severa.char.lineBreak',
  '\r': 'severa.char.lineBreak',
  '\u00a0': 'severa.char.noBreakSpace',
  '\u00ad': 'severa.char.softHyphen',
  '\u200b': 'severa.char.zeroWidthSpace',
  '\u200c': 'severa.char.zeroWidthNonJoiner',
  '\u200d': 'severa.char.zeroWidthJoiner',
  '\u2060': 'severa.char.wordJoiner',
  '\u200e': 'severa.char.leftToRightMark',
  '\u200f': 'severa.char.rightToLeftMark',
  '\u202f': 'severa.char.narrowNoBreakSpace',
  '\u3000': 'severa.char.ideographicSpace',
  '\ufeff': 'severa.char.byteOrderMark',
};

/** The bidirectional controls (U+061C, U+202A–E, U+2066–9): named as a kind, with their code point. */
const BIDI_CONTROL = /^[\u061c\u202a-\u202e\u2066-\u2069]$/u;

/** C0 and C1 controls and DEL: what a byte Windows-1252 leaves undefined (0x81, 0x8D…) decodes to. */
const CONTROL = /^\p{Cc}$/u;

/** An invisible character by name ("a no-break space (U+00A0)"), or by its kind and code point. */
export function invisibleCharacterName(char: string): Phrase {
  const named = NAMED[char];
  if (named) return phrase(named);
  const kind = BIDI_CONTROL.test(char) ? 'severa.char.bidiControl' : CONTROL.test(char) ? 'severa.char.control' : 'severa.char.other';
  return phrase(kind, { code: codePoint(char) });
}

/** A file's problem with where it is ("severa.csv, row 3, Aktiivinen: …"), in the reader's words (its English message when it has none). */
export function sayFileProblem(words: Words, fileName: string, problem: UserFileProblem): string {
  const text = problem.words ? say(words, problem.words) : problem.message;
  if (problem.row === null) return words.t('severa.file.problemInFile', { file: fileName, problem: text });
  if (!problem.field) return words.t('severa.file.problemAtRow', { file: fileName, row: problem.row, problem: text });
  return words.t('severa.file.problemAtField', { file: fileName, row: problem.row, field: problem.field, problem: text });
}
