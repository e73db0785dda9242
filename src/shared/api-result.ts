import type { Message } from './i18n/message';

/** Errors cross the process boundary as data: Electron's invoke keeps only a message string otherwise. */
export interface ApiErrorInfo {
  /** Stable, machine-readable: 'invalid-argument', 'not-found', 'conflict', 'internal', … */
  code: string;
  message: string;
  /** The same in words from the catalog, when main wrote it so: the renderer shows it in the reader's language. */
  words?: Message;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorInfo };
