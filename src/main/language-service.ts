import type { LanguageSetting } from '../shared/api';
import { type Language, effectiveLocale } from '../shared/i18n/languages';
import type { SettingsStore } from './settings/settings-store';

/**
 * The language the person chose (or none: the system's), remembered in the settings. Its locale
 * formats every word and value, picks Visma's login language (ui_locales) and the CSV separator.
 */
export function createLanguageService(settings: SettingsStore, systemLocale: () => string) {
  const chosen = (): Language | null => settings.current.language ?? null;
  const describe = (): LanguageSetting => ({ chosen: chosen(), system: systemLocale(), locale: effectiveLocale(chosen(), systemLocale()) });
  return {
    locale: (): string => effectiveLocale(chosen(), systemLocale()),
    async getLanguage(): Promise<LanguageSetting> {
      return describe();
    },
    async setLanguage(language: Language | null): Promise<LanguageSetting> {
      settings.update((s) => {
        const { language: _previous, ...rest } = s;
        return language ? { ...rest, language } : rest;
      });
      return describe();
    },
  };
}
