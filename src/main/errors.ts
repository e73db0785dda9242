import { type MessageKey } from '../shared/i18n/catalog';
import type { Message, MessageParams } from '../shared/i18n/message';
import { createTranslator } from '../shared/i18n/translator';

const english = createTranslator('en-GB');

/**
 * An error written for the person at the screen; it crosses to the renderer as is. With `words`
 * (a catalog key and its parameters) the renderer shows it in the reader's language; the message
 * is then its English form, for the log and for callers that only read text.
 */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly words?: Message,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

/** A user-facing error in words from the catalog. */
export const userError = (code: string, key: MessageKey, params?: MessageParams): UserFacingError => {
  const words: Message = params ? { key, params } : { key };
  return new UserFacingError(code, english.text(words), words);
};

export const notFound = (what: string): UserFacingError => new UserFacingError('not-found', `${what} does not exist.`);
export const invalid = (message: string): UserFacingError => new UserFacingError('invalid-argument', message);
export const conflict = (message: string): UserFacingError => new UserFacingError('conflict', message);
