import { UserFacingError } from '../../errors';
import type { MessageKey } from '../../../shared/i18n/catalog';
import type { Message, MessageParams } from '../../../shared/i18n/message';
import { createTranslator } from '../../../shared/i18n/translator';

/** Stable codes a panel can branch on; the words are the catalog's (severa.api.*). */
export type SeveraApiErrorCode =
  | 'no-credentials'
  | 'credentials-rejected'
  | 'unauthorized'
  | 'addon-required'
  | 'organization-not-active'
  | 'insufficient-scope'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'server-error'
  | 'network'
  | 'bad-response';

const english = createTranslator('en-GB');

/**
 * A failed Severa API call, said plainly: words from the catalog (shown in the reader's language),
 * its English form as the message (for the log). Never carries the client secret or a token: the
 * words quote only the status, the path and (shortened) what Severa said.
 */
export class SeveraApiError extends UserFacingError {
  constructor(
    readonly severaCode: SeveraApiErrorCode,
    key: MessageKey,
    params: MessageParams = {},
    readonly status: number | null = null,
  ) {
    const words: Message = { key, params };
    super(`severa-${severaCode}`, english.text(words), words);
    this.name = 'SeveraApiError';
  }
}
