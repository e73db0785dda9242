import { z } from 'zod';
import { ENDPOINTS } from '../faults/endpoints';

/**
 * The admin endpoint's actions: POST <origin>/sandbox/admin/<action> with a JSON body of this
 * shape. One list, read by the server (validation) and by the typed test helper.
 */
export const FaultTargetSchema = z.enum([...ENDPOINTS, 'any'], { error: `must be one of ${[...ENDPOINTS, 'any'].join(', ')}` });

const Email = z.string().min(1, 'is required');
const Count = z.number().int().min(1, 'must be 1 or more').max(10_000);

export const ADMIN_ACTIONS = {
  /** Every request to the target waits this long first, until set again (0 removes it). */
  latency: z.object({ target: FaultTargetSchema, ms: z.number().int().min(0).max(600_000) }),
  /** The next `count` requests to the target get this 5xx status instead of an answer. */
  'fail-next': z.object({ target: FaultTargetSchema, count: Count, status: z.number().int().min(500, 'must be a 5xx status').max(599, 'must be a 5xx status') }),
  /** The next `count` requests to the target lose their connection (socket destroyed, no answer). */
  'drop-next': z.object({ target: FaultTargetSchema, count: Count }),
  /** The next `count` requests to the target get 429 with Retry-After (and X-RateLimit-*) of this many seconds. */
  'throttle-next': z.object({ target: FaultTargetSchema, count: Count, retryAfterSeconds: z.number().int().min(0).max(3600) }),
  'clear-faults': z.object({}),
  /** The user's access tokens are refused from now on; refresh tokens, sessions and logins are gone. */
  'expire-tokens': z.object({ email: Email }),
  /** Grants or removes the API User role in one company (membership is added when granting). */
  'api-user': z.object({ email: Email, companyId: z.string().min(1, 'is required'), apiUser: z.boolean() }),
  /** Deactivates or reactivates a user: no login, no refresh, the API refuses the user's tokens. */
  'user-active': z.object({ email: Email, active: z.boolean() }),
  /** Switches a client's refresh-token mode for the next logins, and with existingLogins for those made already. */
  'refresh-mode': z.object({ clientId: z.string().min(1, 'is required'), mode: z.enum(['one-time', 're-use']), existingLogins: z.boolean().default(false) }),
  'reset-counts': z.object({}),
} as const;

export type AdminAction = keyof typeof ADMIN_ACTIONS;
export type AdminInput<A extends AdminAction> = z.input<(typeof ADMIN_ACTIONS)[A]>;
export type FaultTarget = z.infer<typeof FaultTargetSchema>;

/** GET <origin>/sandbox/admin/state */
export interface SandboxState {
  users: { id: string; email: string; name: string; active: boolean; twoStep: boolean; companies: { id: string; apiUser: boolean }[] }[];
  clients: { clientId: string; refreshMode: 'one-time' | 're-use'; graceSeconds: number }[];
  faults: {
    latencyMs: Partial<Record<FaultTarget, number>>;
    failNext: { target: FaultTarget; remaining: number; status: number }[];
    dropNext: { target: FaultTarget; remaining: number }[];
    throttleNext: { target: FaultTarget; remaining: number; retryAfterSeconds: number }[];
  };
}

export interface ExpireTokensResult {
  /** Access tokens the API refuses from now on. */
  accessTokens: number;
  /** Refresh tokens, codes, sessions and grants removed. */
  otherArtifacts: number;
}
