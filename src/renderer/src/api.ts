import { API_GLOBAL } from '../../shared/api';
import type { ApiBridge } from '../../shared/api-bridge';
import { createApiClient } from '../../shared/api-client';

/**
 * The preload (or, in tests, the harness) exposes the bridge here; the renderer has no other
 * way out. Errors are rebuilt on this side, so their codes survive contextBridge.
 */
export const api = createApiClient((window as unknown as Record<string, ApiBridge>)[API_GLOBAL]!);

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
