import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { LanguageSetting } from '../../../shared/api';
import { type Language, effectiveLocale } from '../../../shared/i18n/languages';
import { api } from '../api';
import { I18nProvider } from './I18nProvider';

interface LanguageChoice {
  setting: LanguageSetting;
  choose(language: Language | null): Promise<void>;
}

const LanguageContext = createContext<LanguageChoice | null>(null);

/**
 * Main's language setting, and a way to change it; every word below follows it. Until main has
 * answered, the system's language (the renderer's own) stands in: the app draws at once, and listens
 * for main's events from its first moment.
 */
export function LanguageRoot({ children }: { children: React.ReactNode }) {
  const [setting, setSetting] = useState<LanguageSetting>(() => ({ chosen: null, system: navigator.language, locale: effectiveLocale(null, navigator.language) }));
  useEffect(() => {
    void api.getLanguage().then(setSetting, () => undefined);
  }, []);
  const choose = useCallback(async (language: Language | null) => setSetting(await api.setLanguage(language)), []);
  useEffect(() => {
    document.documentElement.lang = setting.locale;
  }, [setting]);
  return (
    <LanguageContext.Provider value={{ setting, choose }}>
      <I18nProvider locale={setting.locale}>{children}</I18nProvider>
    </LanguageContext.Provider>
  );
}

/** The language setting and its switch, for the language menu. */
export function useLanguageChoice(): LanguageChoice {
  const choice = useContext(LanguageContext);
  if (!choice) throw new Error('useLanguageChoice outside LanguageRoot');
  return choice;
}
