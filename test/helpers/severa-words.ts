import type { Message } from '../../src/shared/i18n/message';
import { createTranslator } from '../../src/shared/i18n/translator';
import type { Verdict } from '../../src/shared/severa-check';
import { type Phrase, say, sayAll, saySteps } from '../../src/shared/severa-words';

/** The words an English reader gets (en-GB), as the panel and the CLI say them. */
export const englishWords = createTranslator('en-GB');

/** A phrase (or sentences of them) in English; null stays null. */
export function english(words: Phrase | Message | readonly Phrase[] | null): string | null {
  if (words === null) return null;
  return Array.isArray(words) ? sayAll(englishWords, words) : say(englishWords, words as Phrase);
}

/** A verdict as an English reader reads it: its evidence and its fix. */
export const verdictWords = (verdict: Pick<Verdict, 'detail' | 'fix'>, language = englishWords) => ({
  detail: sayAll(language, verdict.detail),
  fix: saySteps(language, verdict.fix),
});
