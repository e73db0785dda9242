import { UserFacingError } from '../../errors';

/** Stable codes a panel can branch on; the message is written for the admin. */
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

/**
 * A failed Severa API call, said plainly. Never carries the client secret or a token: messages
 * quote only the status, the path and (shortened) what Severa said.
 */
export class SeveraApiError extends UserFacingError {
  constructor(
    readonly severaCode: SeveraApiErrorCode,
    message: string,
    readonly status: number | null = null,
  ) {
    super(`severa-${severaCode}`, message);
    this.name = 'SeveraApiError';
  }
}
