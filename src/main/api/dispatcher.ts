import type { z } from 'zod';
import type { ApiMethod, BridgekeeperApi } from '../../shared/api';
import { API_ARGS } from '../../shared/api-args';
import type { ApiResult } from '../../shared/api-result';
import { UserFacingError, userError } from '../errors';
import type { Logger } from '../logger';

export type Dispatch = (method: unknown, args: unknown) => Promise<ApiResult<unknown>>;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      // Path [0, 'apiUser'] reads as "apiUser"; the tuple index says nothing to a person.
      const path = issue.path.filter((part) => typeof part !== 'number' || issue.path.length === 1).join('.');
      return path ? `${path} ${issue.message}` : issue.message;
    })
    .join('; ');
}

/**
 * Turns untrusted (method, args) into a call on the API object: unknown methods and
 * arguments that fail the contract's schema never reach a service. Used by platform/ipc
 * and by the E2E harness, so both paths are checked the same way.
 */
export function createDispatcher(api: BridgekeeperApi, log: Logger): Dispatch {
  return async (method, args) => {
    if (typeof method !== 'string' || !Object.hasOwn(API_ARGS, method)) {
      return { ok: false, error: { code: 'unknown-method', message: `Unknown API method: ${String(method)}` } };
    }
    const name = method as ApiMethod;
    const parsed = API_ARGS[name].safeParse(args);
    if (!parsed.success) {
      log.warn('api.rejected-arguments', { method: name });
      return { ok: false, error: { code: 'invalid-argument', message: describeIssues(parsed.error) } };
    }
    try {
      const call = api[name] as (...a: unknown[]) => Promise<unknown>;
      const value = await call.apply(api, parsed.data as unknown[]);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof UserFacingError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.words ? { words: error.words } : {}) } };
      }
      log.error('api.failed', { method: name, error: error instanceof Error ? error.message : String(error) });
      const internal = userError('internal', 'common.error.internal');
      return { ok: false, error: { code: internal.code, message: internal.message, ...(internal.words ? { words: internal.words } : {}) } };
    }
  };
}
