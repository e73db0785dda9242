import type { MessageKey } from './catalog';

export type MessageParams = Record<string, string | number | Date>;

/**
 * Words as data: main says what happened as a key and its parameters, and whoever shows it (the
 * renderer, the CLI) puts it into the reader's language.
 */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export const message = (key: MessageKey, params?: MessageParams): Message => (params ? { key, params } : { key });
