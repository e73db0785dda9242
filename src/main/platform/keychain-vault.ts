import type { SecretStore } from '../portal/portal-secrets';
import type { TokenVault, VaultEntry } from '../reauth/token-vault';
import { keychain } from './keychain';

export const KEYCHAIN_SERVICE = 'Bridgekeeper Visma.net tokens';

/** Profiles' refresh tokens in the OS keychain: one entry per profile under one service name. */
export function createKeychainVault(service = KEYCHAIN_SERVICE): TokenVault {
  return {
    kind: 'keychain',
    async get(profileId) {
      const text = await keychain.get(service, profileId);
      return text ? (JSON.parse(text) as VaultEntry) : null;
    },
    async set(profileId, entry) {
      await keychain.set(service, profileId, JSON.stringify(entry));
    },
    async delete(profileId) {
      await keychain.delete(service, profileId);
    },
  };
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
