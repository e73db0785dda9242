import type { SecretStore } from '../portal/portal-secrets';
import type { TokenVault, VaultEntry } from '../reauth/token-vault';
import { type SealedVault, createSealedVault } from '../reauth/sealed-vault';
import { keychain } from './keychain';

export const KEYCHAIN_SERVICE = 'Bridgekeeper Visma.net tokens';

/**
 * Profiles' refresh tokens in the OS keychain, one entry per profile under one service name: how
 * versions before issue 24 kept them (a Secret Service round trip per read and write). The app now
 * keeps them in the sealed file below and migrates these; the health bench can still measure this store.
 */
export function createKeychainVault(service = KEYCHAIN_SERVICE): TokenVault {
  return {
    kind: 'keychain',
    async get(profileId) {
      const text = await keychain.get(service, profileId);
      return text ? (JSON.parse(text) as VaultEntry) : null;
    },
    async set(profileId, { access: _notKeptHere, ...entry }) {
      // The access token stays out: with it an entry could pass Windows' 2,560-byte limit.
      await keychain.set(service, profileId, JSON.stringify(entry));
    },
    async delete(profileId) {
      await keychain.delete(service, profileId);
    },
  };
}

export const VAULT_KEY_SERVICE = 'Bridgekeeper token file key';
const VAULT_KEY_ACCOUNT = 'aes-256-gcm';

/**
 * The tokens as the app keeps them (issue 24, point 8): one file sealed with one key, the key the
 * only keychain entry read in a run; the per-profile entries of earlier versions (`service`) are
 * migrated into the file when it opens (reauth/sealed-vault.ts).
 */
export function createSealedKeychainVault(file: string, { service = KEYCHAIN_SERVICE, keyService = VAULT_KEY_SERVICE }: { service?: string; keyService?: string } = {}): SealedVault {
  return createSealedVault({
    file,
    key: {
      get: () => keychain.get(keyService, VAULT_KEY_ACCOUNT),
      set: (value) => keychain.set(keyService, VAULT_KEY_ACCOUNT, value),
    },
    legacy: {
      list: async () => (await keychain.list(service)).map(({ account, password }) => ({ account, secret: password })),
      delete: async (account) => void (await keychain.delete(service, account)),
    },
  });
}

export const PORTAL_KEYCHAIN_SERVICE = 'Bridgekeeper portal sign-ins and job URLs';

/** Portal sign-ins and triggered-job URLs (portal/portal-secrets.ts splits long ones into parts). */
export function createKeychainSecrets(service = PORTAL_KEYCHAIN_SERVICE): SecretStore {
  return {
    kind: 'keychain',
    get: (account) => keychain.get(service, account),
    set: (account, secret) => keychain.set(service, account, secret),
    delete: async (account) => void (await keychain.delete(service, account)),
  };
}

/**
 * Writes, reads back and removes a probe entry. Linux without a Secret Service, or a locked
 * keychain, fails here, at start, rather than in the middle of a reconnect.
 */
export async function keychainWorks(service = KEYCHAIN_SERVICE): Promise<{ ok: true } | { ok: false; reason: string }> {
  const account = `probe-${process.pid}-${Date.now()}`;
  try {
    await keychain.set(service, account, 'probe');
    const back = await keychain.get(service, account);
    await keychain.delete(service, account);
    return back === 'probe' ? { ok: true } : { ok: false, reason: 'the keychain did not give back what was written' };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
