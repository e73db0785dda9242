import { useId } from 'react';
import { LANGUAGES, LANGUAGE_NAMES, isLanguage, languageOf } from '../../../../shared/i18n/languages';
import { useI18n } from '../../i18n/I18nProvider';
import { useLanguageChoice } from '../../i18n/LanguageRoot';

const SYSTEM = 'system';

/**
 * The language of every word: the system's (named, so the person sees what that means) or one of
 * the six, each by its own name, so a person who cannot read the current one still finds theirs.
 * Main remembers the choice and rebuilds its menu in it.
 */
export function LanguageSwitch() {
  const { t } = useI18n();
  const { setting, choose } = useLanguageChoice();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('common.language')}</label>
      <select
        id={id}
        value={setting.chosen ?? SYSTEM}
        title={t('app.language.hint')}
        onChange={(event) => void choose(isLanguage(event.target.value) ? event.target.value : null)}
      >
        <option value={SYSTEM}>{t('common.language.system', { name: LANGUAGE_NAMES[languageOf(setting.system)] })}</option>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
