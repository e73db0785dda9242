import type { Language } from './languages';
import da from './locales/da.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import fi from './locales/fi.json' with { type: 'json' };
import nb from './locales/nb.json' with { type: 'json' };
import nl from './locales/nl.json' with { type: 'json' };
import sv from './locales/sv.json' with { type: 'json' };

/**
 * Every message, one file per language in locales/: a flat JSON object of key → ICU message, the
 * format FormatJS's `simple` formatter reads and writes and translation tools import (docs/
 * languages.md). English is the source: its keys are the message keys, so a key used in code and
 * missing from en.json is a type error, and so is a language missing a key of English's (below).
 * The catalog test checks the rest: no extra keys, valid ICU, the same placeholders.
 */
export type MessageKey = Extract<keyof typeof en, string>;

const CATALOGS: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en, fi, sv, nb, da, nl };

/** The whole catalog of one language, key → ICU message. */
export function catalogOf(language: Language): Readonly<Record<MessageKey, string>> {
  return CATALOGS[language];
}
