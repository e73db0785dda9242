import type { MessageKey } from '../../shared/i18n/catalog';
import type { Message, MessageParams } from '../../shared/i18n/message';
import { createTranslator } from '../../shared/i18n/translator';

const english = createTranslator('en-GB');

/** Why a browser could not be used for a login, in catalog words (the message is their English form, for the log). */
export class BrowserError extends Error {
  readonly words: Message;
  constructor(key: MessageKey, params: MessageParams) {
    const words: Message = { key, params };
    super(english.text(words));
    this.words = words;
  }
}
