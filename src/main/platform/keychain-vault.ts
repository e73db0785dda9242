import { deletePassword, getPassword, setPassword } from '@napi-rs/keyring/keytar.js'; // the package has no exports map: Node's ESM loader needs the file name
import type { TokenVault, VaultEntry } from '../reauth/token-vault';

export const KEYCHAIN_SERVICE = 'Bridgekeeper Visma.net tokens';

/** The OS keychain (macOS Keychain, Windows Credential Manager, Secret Service) through the keytar API. */
export function createKeychainVault(service = KEYCHAIN_SERVICE): TokenVault {
  return {
    kind: 'keychain',
    async get(profileId) {
      const text = await getPassword(service, profileId);
      return text ? (JSON.parse(text) as VaultEntry) : null;
    },
    async set(profileId, entry) {
      await setPassword(service, profileId, JSON.stringify(entry));
    },
    async delete(profileId) {
      await deletePassword(service, profileId);
    },
  };
}

/**
 * Writes, reads back and removes a probe entry. Linux without a Secret Service, or a locked
 * keychain, fails here, at start, rather than in the middle of a reconnect.
 */
export async function keychainWorks(service = KEYCHAIN_SERVICE): Promise<{ ok: true } | { ok: false; reason: string }> {
  const account = `probe-${process.pid}-${Date.now()}`;
  try {
    await setPassword(service, account, 'probe');
    const back = await getPassword(service, account);
    await deletePassword(service, account);
    return back === 'probe' ? { ok: true } : { ok: false, reason: 'the keychain did not give back what was written' };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
