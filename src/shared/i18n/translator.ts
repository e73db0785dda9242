import { type FormatNumberOptions, createIntl, createIntlCache } from '@formatjs/intl';
import { type MessageKey, catalogOf } from './catalog';
import { type Language, languageOf } from './languages';
import type { Message, MessageParams } from './message';

const cache = createIntlCache();

/**
 * Everything that puts words and values into one locale: messages from the catalog (ICU plurals),
 * dates, numbers, lists and sorting. The same for the renderer and the CLI.
 */
export function createTranslator(locale: string) {
  const language: Language = languageOf(locale);
  const intl = createIntl({ locale, messages: catalogOf(language), defaultLocale: 'en', onError: reportError }, cache);
  const collator = new Intl.Collator(locale, { numeric: true });

  const t = (key: MessageKey, params?: MessageParams): string => intl.formatMessage({ id: key }, params) as string;
  return {
    locale,
    language,
    t,
    /** A message main sent as data. */
    text: (message: Message): string => t(message.key, message.params),
    date: (value: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }) => intl.formatDate(value, options),
    number: (value: number, options?: FormatNumberOptions) => intl.formatNumber(value, options),
    list: (items: string[], type: 'conjunction' | 'disjunction' = 'conjunction') => intl.formatList(items, { type }) as string,
    /** Sorts as the reader's alphabet does (Å, Ä, Ö after Z in Swedish and Finnish). */
    compare: (a: string, b: string) => collator.compare(a, b),
  };
}

export type Translator = ReturnType<typeof createTranslator>;

/** A missing message is a bug the catalog test catches; at run time show the key rather than throw. */
function reportError(error: { code?: string }): void {
  if (error.code === 'MISSING_TRANSLATION') return;
  console.warn(error);
}
