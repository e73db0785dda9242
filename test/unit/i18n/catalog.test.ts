import { TYPE, type MessageFormatElement, parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { catalogOf } from '../../../src/shared/i18n/catalog';
import { LANGUAGES } from '../../../src/shared/i18n/languages';

/** The placeholders a message uses, plurals and selects included, and those inside their branches. */
function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      placeholders(element.children, into);
      continue;
    }
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) placeholders(option.value, into);
    }
  }
  return into;
}

const english = catalogOf('en');

describe('the message catalog', () => {
  it.each(LANGUAGES)('%s has every English key and no other, in English\'s order (a translator\'s diff is line for line)', (language) => {
    expect(Object.keys(catalogOf(language))).toEqual(Object.keys(english));
  });

  it.each(LANGUAGES)('every %s message is valid ICU and uses exactly the placeholders of the English one', (language) => {
    const catalog = catalogOf(language);
    const wrong: string[] = [];
    for (const [key, text] of Object.entries(catalog)) {
      let used: Set<string>;
      try {
        used = placeholders(parse(text));
      } catch (error) {
        wrong.push(`${key}: does not parse (${String(error)})`);
        continue;
      }
      const expected = placeholders(parse(english[key as keyof typeof english]));
      if ([...used].sort().join() !== [...expected].sort().join()) wrong.push(`${key}: {${[...used].join(', ')}} instead of {${[...expected].join(', ')}}`);
      if (language !== 'en' && text.trim() === '') wrong.push(`${key}: empty`);
    }
    expect(wrong).toEqual([]);
  });
});
