/**
 * What is kept per profile between runs: the refresh token — the long-lived secret — and
 * what it belongs to, and the last access token, so a restart within its hour calls the API
 * with it instead of spending a refresh (and a rotation) per profile. The per-profile keychain
 * store of earlier versions leaves the access token out, keeping every entry far below Windows'
 * 2,560-byte limit.
 */
export interface VaultEntry {
  refreshToken: string;
  environmentId: string;
  tenantId: string;
  savedAt: string;
  refreshTokenExpiresAt?: string;
  /** Set just before a refresh goes out, cleared when its answer is stored: a lost answer leaves it behind. */
  rotatingSince?: string;
  /** The access token last obtained for this connection (its company already checked), and when it expires. */
  access?: { token: string; expiresAt: string };
}

/** One entry per profile under one service name, in the OS keychain (platform/keychain-vault). */
export interface TokenVault {
  /** 'keychain' or 'memory': the app warns when tokens will not outlive it. */
  readonly kind: 'keychain' | 'memory';
  get(profileId: string): Promise<VaultEntry | null>;
  set(profileId: string, entry: VaultEntry): Promise<void>;
  delete(profileId: string): Promise<void>;
}

/** Where no keychain works: tokens last until Bridgekeeper quits, and the user is told so. */
export function createMemoryVault(): TokenVault {
  const entries = new Map<string, string>();
  return {
    kind: 'memory',
    get: async (id) => {
      const text = entries.get(id);
      return text ? (JSON.parse(text) as VaultEntry) : null;
    },
    set: async (id, entry) => void entries.set(id, JSON.stringify(entry)),
    delete: async (id) => void entries.delete(id),
  };
}
