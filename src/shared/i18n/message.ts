import type { MessageKey } from './catalog';

/** A parameter: a value, or a message of its own (a sentence inside a sentence, put into the same language). */
export type MessageParam = string | number | Date | Message;
export type MessageParams = Record<string, MessageParam>;

/**
 * Words as data: main says what happened as a key and its parameters, and whoever shows it (the
 * renderer, the CLI) puts it into the reader's language.
 */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export const message = (key: MessageKey, params?: MessageParams): Message => (params ? { key, params } : { key });

export const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && !(value instanceof Date) && typeof (value as Message).key === 'string';
