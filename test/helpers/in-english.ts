import type { Message } from '../../src/shared/i18n/message';
import { createTranslator } from '../../src/shared/i18n/translator';
import type { ReauthResult } from '../../src/shared/reauth';

const english = createTranslator('en-GB');

/** Main's words as an English reader sees them. */
export const inEnglish = (words: Message | undefined): string => (words ? english.text(words) : '');

/** A reconnect's result as an English reader sees it: its words as text (no next step reads ''). */
export function reauthInEnglish(result: ReauthResult) {
  return {
    ...result,
    title: inEnglish(result.title),
    explanation: inEnglish(result.explanation),
    nextStep: inEnglish(result.nextStep),
    ...(result.confirmation ? { confirmation: { ...result.confirmation, explanation: result.confirmation.explanation ? inEnglish(result.confirmation.explanation) : undefined } } : {}),
  };
}
