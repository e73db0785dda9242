/** The ui_locales Visma Connect documents (visma-facts.md); anything else would be ignored or refused. */
export const VISMA_UI_LOCALES = ['da-DK', 'en-GB', 'en-US', 'fi-FI', 'nb-NO', 'nl-NL', 'sv-SE', 'lv-LV'] as const;
export type VismaUiLocale = (typeof VISMA_UI_LOCALES)[number];

/** By language: Norwegian in any of its forms reads Bokmål; English is British unless the region is the US. */
const BY_LANGUAGE: Record<string, VismaUiLocale> = {
  da: 'da-DK',
  en: 'en-GB',
  fi: 'fi-FI',
  nb: 'nb-NO',
  no: 'nb-NO',
  nn: 'nb-NO',
  nl: 'nl-NL',
  sv: 'sv-SE',
  lv: 'lv-LV',
};

/** The user's language (a BCP 47 tag such as "nb", "sv-FI" or "en-US") as one of Visma's login languages. */
export function uiLocaleFor(tag: string): VismaUiLocale {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag.replace(/_/g, '-'));
  } catch {
    return 'en-GB';
  }
  if (locale.language === 'en' && locale.region === 'US') return 'en-US';
  return BY_LANGUAGE[locale.language] ?? 'en-GB';
}
