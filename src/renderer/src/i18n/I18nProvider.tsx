import { createContext, useContext, useMemo } from 'react';
import { ApiError } from '../../../shared/api-client';
import { type Translator, createTranslator } from '../../../shared/i18n/translator';
import { setTimeLocale } from '../components/files';

const I18nContext = createContext<Translator>(createTranslator('en-GB'));

/** Puts every word below it into one locale; the same catalog main's messages and the CLI use. */
export function I18nProvider({ locale, children }: { locale: string; children: React.ReactNode }) {
  const translator = useMemo(() => {
    setTimeLocale(locale); // formatTime, for code that has no translator at hand
    return createTranslator(locale);
  }, [locale]);
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

/** The reader's words, dates, numbers and sort order: `const { t } = useI18n();`. */
export const useI18n = (): Translator => useContext(I18nContext);

/** Words kept as data until shown: put into whatever language the reader has chosen by then. */
export type Words = (translator: Translator) => string;

/** An error's words, as data: main's catalog words in the language shown when they are shown, else its message. */
export const errorWords =
  (error: unknown): Words =>
  ({ text }) =>
    error instanceof ApiError && error.words ? text(error.words) : error instanceof Error ? error.message : String(error);

/** An error's words for the reader: main's catalog words in the reader's language when it sent them, else its message. */
export function useErrorText(): (error: unknown) => string {
  const { text } = useI18n();
  return (error) => {
    if (error instanceof ApiError && error.words) return text(error.words);
    return error instanceof Error ? error.message : String(error);
  };
}
