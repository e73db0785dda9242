import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/shared/i18n/languages';
import { createTranslator } from '../../../src/shared/i18n/translator';
import { effectiveLocale } from '../../../src/shared/i18n/languages';

/** Words of a label, as a reader tells them apart (case and the ellipsis aside). */
const words = (label: string) => new Set(label.toLocaleLowerCase().replace(/…/g, '').split(/[\s()]+/).filter(Boolean));

describe('issue 23, point 9: every toolbar button has a word of its own', () => {
  it.each(LANGUAGES)('%s: "More" shares no word with another toolbar button (Finnish "Lisää" was also "Lisää profiili")', (language) => {
    const { t } = createTranslator(effectiveLocale(language, 'und'));
    const more = words(t('profiles.more'));
    const others = [t('profiles.add'), t('health.button.check'), t('health.button.cancel'), t('profiles.explain'), t('profiles.bulk')];
    for (const other of others) expect([...words(other)].filter((w) => more.has(w)), `${t('profiles.more')} / ${other}`).toEqual([]);
  });
});
