import type { SeveraCredentials, SeveraCredentialStore } from '../api/severa-credentials';

/**
 * Where the panel keeps the Severa REST API client's credentials: the OS keychain
 * (platform/severa-keychain.ts), or memory where no keychain works — then `kind` says so and
 * the panel tells the admin they will be forgotten when Bridgekeeper quits.
 */
export interface SeveraCredentialVault extends SeveraCredentialStore {
  readonly kind: 'keychain' | 'memory';
}

/** Reads back what the vault stored; anything else (an old or foreign entry) counts as none. */
export function parseStoredCredentials(text: string | null | undefined): SeveraCredentials | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Record<keyof SeveraCredentials, unknown>>;
    const { clientId, clientSecret, scope } = value;
    return typeof clientId === 'string' && typeof clientSecret === 'string' && typeof scope === 'string' ? { clientId, clientSecret, scope } : null;
  } catch {
    return null;
  }
}

export function createMemorySeveraVault(): SeveraCredentialVault {
  let stored: string | null = null;
  return {
    kind: 'memory',
    load: async () => parseStoredCredentials(stored),
    save: async (credentials) => void (stored = JSON.stringify(credentials)),
    clear: async () => void (stored = null),
  };
}
