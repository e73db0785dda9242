import type { SeveraCredentials } from '../severa/api/severa-credentials';
import { parseStoredCredentials, type SeveraCredentialVault } from '../severa/panel/credential-vault';
import { keychain } from './keychain';

export const SEVERA_KEYCHAIN_SERVICE = 'Bridgekeeper Severa REST API';
const ACCOUNT = 'client-credentials';

/**
 * The Severa REST API client id, secret and scope in the OS keychain, as one JSON entry.
 * Only main reads it back, to ask Severa for a token; the renderer learns only that it exists.
 */
export function createSeveraKeychainVault(service = SEVERA_KEYCHAIN_SERVICE): SeveraCredentialVault {
  return {
    kind: 'keychain',
    load: async () => parseStoredCredentials(await keychain.get(service, ACCOUNT)),
    async save(credentials: SeveraCredentials) {
      const { clientId, clientSecret, scope } = credentials;
      await keychain.set(service, ACCOUNT, JSON.stringify({ clientId, clientSecret, scope }));
    },
    async clear() {
      await keychain.delete(service, ACCOUNT);
    },
  };
}
