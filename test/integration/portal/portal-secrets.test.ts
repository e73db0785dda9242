import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keychain } from '../../../src/main/platform/keychain';
import { createKeychainSecrets } from '../../../src/main/platform/keychain-vault';
import { chunkedSecrets } from '../../../src/main/portal/portal-secrets';

/** Against a real Secret Service (gnome-keyring on a private D-Bus, started by the global setup). */
describe('portal sign-ins and job URLs in the keychain', () => {
  const service = `Bridgekeeper portal test ${randomUUID()}`;

  it('keeps a secret longer than a Windows credential holds in parts, and gives it back whole', async () => {
    const secrets = chunkedSecrets(createKeychainSecrets(service));
    const cookies = JSON.stringify([{ name: '.AspNet.Cookies', value: 'x'.repeat(3500) }]);
    await secrets.set('sign-in:databridge', cookies);
    expect(await secrets.get('sign-in:databridge')).toBe(cookies);
    // No single entry is over 1,000 characters (1,280 UTF-16 characters is Windows' limit).
    for (const account of ['sign-in:databridge', 'sign-in:databridge#g1#1', 'sign-in:databridge#g1#2', 'sign-in:databridge#g1#3', 'sign-in:databridge#g1#4']) {
      expect((await keychain.get(service, account))?.length ?? 0).toBeLessThanOrEqual(1000);
    }
    await secrets.set('sign-in:databridge', 'short');
    expect(await secrets.get('sign-in:databridge')).toBe('short');
    expect(await keychain.get(service, 'sign-in:databridge#g1#2')).toBeNull(); // the old parts are gone
    await secrets.delete('sign-in:databridge');
    expect(await secrets.get('sign-in:databridge')).toBeNull();
    expect(await keychain.get(service, 'sign-in:databridge#g2#1')).toBeNull();
  });

  it('a secret whose parts were not all written counts as none', async () => {
    const secrets = chunkedSecrets(createKeychainSecrets(service));
    await secrets.set('job:orders', 'y'.repeat(2500));
    await keychain.delete(service, 'job:orders#g1#2');
    expect(await secrets.get('job:orders')).toBeNull();
    await secrets.delete('job:orders');
  });
});
