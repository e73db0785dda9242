import type { MessageKey } from '../../shared/i18n/catalog';
import type { MessageParams } from '../../shared/i18n/message';
import { createTranslator } from '../../shared/i18n/translator';
import type { UserFileProblem } from '../../shared/severa-check';

const english = createTranslator('en-GB');

/** A user file's problem in catalog words, with their English as its message (for the log and plain callers). */
export function fileProblem(row: number | null, field: string | undefined, key: MessageKey, params?: MessageParams): UserFileProblem {
  const words = params ? { key, params } : { key };
  return { row, ...(field === undefined ? {} : { field }), message: english.text(words), words };
}
