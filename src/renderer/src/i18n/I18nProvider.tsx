import { createContext, useContext, useMemo } from 'react';
import { type Translator, createTranslator } from '../../../shared/i18n/translator';

const I18nContext = createContext<Translator>(createTranslator('en-GB'));

/** Puts every word below it into one locale; the same catalog main's messages and the CLI use. */
export function I18nProvider({ locale, children }: { locale: string; children: React.ReactNode }) {
  const translator = useMemo(() => createTranslator(locale), [locale]);
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

/** The reader's words, dates, numbers and sort order: `const { t } = useI18n();`. */
export const useI18n = (): Translator => useContext(I18nContext);
