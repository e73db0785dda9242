/** The languages Bridgekeeper speaks (B6): its users are Nordic and Dutch, and Visma's pages speak the same. */
export const LANGUAGES = ['en', 'fi', 'sv', 'nb', 'da', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language by its own name, as a language menu shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fi: 'Suomi',
  sv: 'Svenska',
  nb: 'Norsk (bokmål)',
  da: 'Dansk',
  nl: 'Nederlands',
};

/** The region a language is written in when the OS names none of ours (for dates, numbers and the CSV separator). */
const HOME_REGION: Record<Language, string> = { en: 'GB', fi: 'FI', sv: 'SE', nb: 'NO', da: 'DK', nl: 'NL' };

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** The language of a BCP 47 tag ("sv-FI", "no", "nn-NO", "en_US"); English for any we do not speak. */
export function languageOf(tag: string): Language {
  let language: string;
  try {
    language = new Intl.Locale(tag.replace(/_/g, '-')).language;
  } catch {
    return 'en';
  }
  if (language === 'no' || language === 'nn') return 'nb'; // Norwegian in any form reads bokmål
  return isLanguage(language) ? language : 'en';
}

/**
 * The locale to format with: the system's own region when the system's language reads as the chosen one
 * (a Finland-Swede keeps sv-FI; a German keeps English words with German dates and Excel's `;`),
 * otherwise the language in its home region. No choice means the system's language.
 */
export function effectiveLocale(chosen: Language | null | undefined, systemLocale: string): string {
  const language = chosen ?? languageOf(systemLocale);
  if (languageOf(systemLocale) === language) {
    try {
      const system = new Intl.Locale(systemLocale.replace(/_/g, '-'));
      if (system.region) return `${language}-${system.region}`;
    } catch {
      // fall through to the home region
    }
  }
  return `${language}-${HOME_REGION[language]}`;
}
