import type { LanguageSetting } from '../shared/api';
import { type Language, effectiveLocale } from '../shared/i18n/languages';
import { type Translator, createTranslator } from '../shared/i18n/translator';
import type { SettingsStore } from './settings/settings-store';

/**
 * The language the person chose (or none: the system's), remembered in the settings. Its locale
 * formats every word and value, picks Visma's login language (ui_locales) and the CSV separator;
 * main's own words (the application menu, its dialogs) follow it, rebuilt on every change.
 */
export function createLanguageService(settings: SettingsStore, systemLocale: () => string) {
  const chosen = (): Language | null => settings.current.language ?? null;
  const locale = (): string => effectiveLocale(chosen(), systemLocale());
  const describe = (): LanguageSetting => ({ chosen: chosen(), system: systemLocale(), locale: locale() });
  const listeners = new Set<(setting: LanguageSetting) => void>();
  let translator: Translator | undefined;
  return {
    locale,
    /** Main's words in the current language (one translator per locale, made when it changes). */
    words(): Translator {
      const current = locale();
      if (translator?.locale !== current) translator = createTranslator(current);
      return translator;
    },
    /** Called after every change of language (the application menu is built again in it); returns the unsubscribe. */
    onChange(listener: (setting: LanguageSetting) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async getLanguage(): Promise<LanguageSetting> {
      return describe();
    },
    async setLanguage(language: Language | null): Promise<LanguageSetting> {
      settings.update((s) => {
        const { language: _previous, ...rest } = s;
        return language ? { ...rest, language } : rest;
      });
      const setting = describe();
      for (const listener of listeners) listener(setting);
      return setting;
    },
  };
}

export type LanguageService = ReturnType<typeof createLanguageService>;
