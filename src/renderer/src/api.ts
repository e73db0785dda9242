import { API_GLOBAL, type BridgekeeperClient } from '../../shared/api';

/** The preload (or, in tests, the harness) puts the API here; the renderer has no other way out. */
export const api = (window as unknown as Record<string, BridgekeeperClient>)[API_GLOBAL]!;

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
