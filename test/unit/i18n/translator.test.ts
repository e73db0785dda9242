import { describe, expect, it } from 'vitest';
import { effectiveLocale, languageOf } from '../../../src/shared/i18n/languages';
import { createTranslator } from '../../../src/shared/i18n/translator';

describe('the translator', () => {
  it('says plurals by the language’s own rules', () => {
    expect(createTranslator('en-GB').t('common.count.profiles', { count: 1 })).toBe('1 profile');
    expect(createTranslator('fi-FI').t('common.count.profiles', { count: 3 })).toBe('3 profiilia');
    expect(createTranslator('nl-NL').t('common.count.profiles', { count: 2 })).toBe('2 profielen');
  });

  it('sorts Å, Ä and Ö after Z for a Swede, and among the A and O for an English reader', () => {
    const names = ['Örebro', 'Zeta', 'Ångström', 'Anders'];
    expect([...names].sort(createTranslator('sv-SE').compare)).toEqual(['Anders', 'Zeta', 'Ångström', 'Örebro']);
    expect([...names].sort(createTranslator('en-GB').compare)).toEqual(['Anders', 'Ångström', 'Örebro', 'Zeta']);
  });

  it('reads every form of Norwegian as bokmål and anything else as English', () => {
    expect(['nb-NO', 'no', 'nn_NO', 'sv-FI', 'de-DE', 'garbage!!'].map(languageOf)).toEqual(['nb', 'nb', 'nb', 'sv', 'en', 'en']);
  });

  it('keeps the system’s region when it speaks the chosen language (or one we fall back from), else the language’s home region', () => {
    expect(effectiveLocale(null, 'sv-FI')).toBe('sv-FI');
    expect(effectiveLocale('fi', 'sv-FI')).toBe('fi-FI');
    expect(effectiveLocale('nb', 'en-US')).toBe('nb-NO');
    expect(effectiveLocale(null, 'de-DE')).toBe('en-DE'); // English words, German dates and Excel's ';'
    expect(effectiveLocale('en', 'sv-SE')).toBe('en-GB');
  });
});
