import { type Message, type MessageParams, message } from '../shared/i18n/message';
import type { MessageKey } from '../shared/i18n/catalog';
import { createTranslator } from '../shared/i18n/translator';

/** Main's words are data (catalog keys); their English form is for the log, stored text and old readers. */
export const english = createTranslator('en-GB');

/** Words as data together with their English text: what stored reasons, events and notices carry. */
export function inWords(key: MessageKey, params?: MessageParams): { message: string; words: Message } {
  const words = message(key, params);
  return { message: english.text(words), words };
}

/** Text that is someone else's own words (Visma's, a portal's), shown as it is in every language. */
export const verbatim = (text: string): Message => message('reauth.verbatim', { text });

/** Two sentences, one after the other. */
export const joined = (first: Message, second: Message): Message => message('reauth.join', { first, second });
