import type { Language } from './languages';

/** The same keys in every other language: a missing or extra key is a type error. */
export type Translations<K extends string> = Record<Exclude<Language, 'en'>, Record<K, string>>;

/**
 * One area's messages: English first, its keys the area's keys, then every other language.
 * Messages are ICU MessageFormat ("{count, plural, one {# profile} other {# profiles}}").
 */
export function defineMessages<const E extends Record<string, string>>(en: E, others: Translations<Extract<keyof E, string>>): Record<Language, Record<Extract<keyof E, string>, string>> {
  return { en, ...others };
}
