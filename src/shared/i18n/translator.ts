import { type FormatNumberOptions, createIntl, createIntlCache } from '@formatjs/intl';
import { type MessageKey, catalogOf } from './catalog';
import { type Language, languageOf } from './languages';
import { type Message, type MessageParams, isMessage } from './message';

const cache = createIntlCache();

/**
 * Everything that puts words and values into one locale: messages from the catalog (ICU plurals),
 * dates, numbers, lists and sorting. The same for the renderer and the CLI.
 */
export function createTranslator(locale: string) {
  const language: Language = languageOf(locale);
  const intl = createIntl({ locale, messages: catalogOf(language), defaultLocale: 'en', onError: reportError }, cache);
  const collator = new Intl.Collator(locale, { numeric: true });

  // A parameter that is a message of its own is put into words first.
  const t = (key: MessageKey, params?: MessageParams): string =>
    intl.formatMessage({ id: key }, params && Object.fromEntries(Object.entries(params).map(([name, value]) => [name, isMessage(value) ? t(value.key, value.params) : value]))) as string;
  return {
    locale,
    language,
    t,
    /**
     * A message with tags ("Log in as <b>{user}</b>"): each tag's function wraps its words (the renderer
     * makes them elements); the result is a list of strings and what the functions returned.
     */
    rich: <T>(key: MessageKey, params: MessageParams, tags: Record<string, (chunks: (string | T)[]) => T>): (string | T)[] => {
      const values = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, isMessage(value) ? t(value.key, value.params) : value]));
      const out = intl.formatMessage({ id: key }, { ...values, ...tags } as never) as unknown;
      return Array.isArray(out) ? (out as (string | T)[]) : [out as string];
    },
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
