/** An error whose message is written for the person at the screen; it crosses to the renderer as is. */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export const notFound = (what: string): UserFacingError => new UserFacingError('not-found', `${what} does not exist.`);
export const invalid = (message: string): UserFacingError => new UserFacingError('invalid-argument', message);
export const conflict = (message: string): UserFacingError => new UserFacingError('conflict', message);
