/** Errors cross the process boundary as data: Electron's invoke keeps only a message string otherwise. */
export interface ApiErrorInfo {
  /** Stable, machine-readable: 'invalid-argument', 'not-found', 'conflict', 'internal', … */
  code: string;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorInfo };
