import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/shared/i18n/languages';
import { createTranslator } from '../../../src/shared/i18n/translator';

describe('the Severa panel tells the admin which files it reads', () => {
  it('in every language, an Excel workbook as well as CSV: .xlsx works, so the hints never say CSV alone', () => {
    for (const language of LANGUAGES) {
      const t = createTranslator(language).t;
      for (const key of ['severa.panel.inputs.azetsHint', 'severa.panel.inputs.severaHint', 'severa.panel.intro.stepAzets'] as const) {
        const text = t(key);
        expect(text, `${language} ${key}`).toMatch(/\.xlsx/);
        expect(text, `${language} ${key}`).toMatch(/CSV/);
      }
      expect(t('severa.panel.inputs.sourceKind', { kind: 'file' }), language).not.toMatch(/CSV/);
    }
  });
});
