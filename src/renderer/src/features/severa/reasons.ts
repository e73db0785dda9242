import { useMemo } from 'react';
import { ApiError } from '../../../../shared/api-client';
import type { MatchKind, ReasonCode } from '../../../../shared/severa-check';
import { type Phrase, phrase, say, sayAll, saySteps } from '../../../../shared/severa-words';
import { messageOf } from '../../api';
import { useI18n } from '../../i18n/I18nProvider';

/** How a reason looks: green for OK, red for what blocks everyone, amber for a near-miss to correct. */
export type ReasonTone = 'ok' | 'org' | 'near' | 'missing' | 'info';

/** Every reason's tone, in the engine's order of precedence (docs/severa-check.md); the words are in the catalog. */
export const REASON_TONES: Record<ReasonCode, ReasonTone> = {
  ORG_NOT_USING_SEVERA: 'org',
  ADDON_NOT_ACTIVE: 'org',
  INVALID_EMAIL: 'missing',
  DUPLICATE_IN_AZETS: 'missing',
  DUPLICATE_IN_SEVERA: 'missing',
  WHITESPACE_OR_INVISIBLE: 'near',
  UNICODE_MISMATCH: 'near',
  CASE_MISMATCH: 'near',
  DOMAIN_MISMATCH: 'near',
  LIKELY_TYPO: 'near',
  EMAIL_NOT_FOUND: 'missing',
  INACTIVE_IN_SEVERA: 'missing',
  NOT_IN_AZETS: 'info',
  OK: 'ok',
};

/** An error's words: main's catalog words when it sent them, else its message as it is. */
export const errorWords = (error: unknown): Phrase =>
  error instanceof ApiError && error.words ? error.words : phrase('severa.error.asSaid', { text: messageOf(error) });

/**
 * The panel's words in the reader's language: the translator, plus main's phrases said as
 * sentences (`all`) or steps (`steps`), and each reason's label, meaning and fix.
 */
export function useSeveraWords() {
  const i18n = useI18n();
  return useMemo(
    () => ({
      ...i18n,
      say: (what: Phrase) => say(i18n, what),
      all: (phrases: readonly Phrase[]) => sayAll(i18n, phrases),
      steps: (phrases: readonly Phrase[]) => saySteps(i18n, phrases),
      count: (n: number) => i18n.number(n),
      reason: (code: ReasonCode) => ({
        label: i18n.t(`severa.reason.${code}.label`),
        means: i18n.t(`severa.reason.${code}.means`),
        fix: i18n.t(`severa.reason.${code}.fix`),
        tone: REASON_TONES[code],
      }),
      match: (kind: MatchKind) => i18n.t(`severa.match.${kind}`),
    }),
    [i18n],
  );
}
