import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keychain } from '../../../src/main/platform/keychain';
import { createKeychainSecrets } from '../../../src/main/platform/keychain-vault';
import { type SecretStore, chunkedSecrets } from '../../../src/main/portal/portal-secrets';

/**
 * A secret kept in parts, rewritten in a real Secret Service (gnome-keyring on a private D-Bus, started
 * by the global setup) whose k-th call fails: the whole old secret or the whole new one, never a mix.
 * The same, call by call and for more shapes, is in test/unit/portal/chunked-secrets.test.ts.
 */
describe('a secret kept in parts in the real keychain, rewritten while the keychain fails', () => {
  const service = `Bridgekeeper portal rewrite test ${randomUUID()}`;
  const real = createKeychainSecrets(service);
  const secretOf = (tag: string, length: number) => Array.from({ length }, (_, i) => tag[i % tag.length]).join('');

  /** The real keychain, with its k-th call failing before it is made, or after it was made (its answer lost). */
  function failing(k: number, how: 'refused' | 'lost-answer') {
    let calls = 0;
    const names = new Set<string>();
    const step = async <T>(account: string, act: () => Promise<T>): Promise<T> => {
      names.add(account);
      if (++calls === k && how === 'refused') throw new Error(`keychain refused call ${k}`);
      const result = await act();
      if (calls === k) throw new Error(`keychain lost the answer to call ${k}`);
      return result;
    };
    const store: SecretStore = {
      kind: 'keychain',
      get: (account) => step(account, () => real.get(account)),
      set: (account, secret) => step(account, () => real.set(account, secret)),
      delete: (account) => step(account, () => real.delete(account)),
    };
    return { store, names, calls: () => calls };
  }

  it('for every call of the rewrite, with its answer lost (the call made, then failing): a read gives the whole old or the whole new secret, and the next write leaves only its own parts, none over 1,000 characters', async () => {
    const before = secretOf('old', 2500);
    const after = secretOf('NEW', 1200);
    const count = failing(0, 'refused');
    await chunkedSecrets(count.store).set('sign-in:count', before);
    const start = count.calls();
    await chunkedSecrets(count.store).set('sign-in:count', after);
    const total = count.calls() - start;
    await chunkedSecrets(real).delete('sign-in:count');

    // 'refused' too, and more shapes, in the unit test: each keychain call here is a D-Bus round trip.
    for (const how of ['lost-answer'] as const) {
      for (let k = 1; k <= total; k++) {
        const account = `sign-in:${how}-${k}`;
        const secrets = chunkedSecrets(real);
        await secrets.set(account, before);
        const faulty = failing(k, how);
        const wrote = await chunkedSecrets(faulty.store).set(account, after).then(
          () => true,
          () => false,
        );
        const read = await secrets.get(account);
        expect([before, after], `${how} call ${k}`).toContain(read);
        if (wrote) expect(read).toBe(after);

        const next = failing(0, how);
        await chunkedSecrets(next.store).set(account, 'x'.repeat(2100));
        expect(await secrets.get(account)).toBe('x'.repeat(2100));
        const left: string[] = [];
        for (const name of new Set([...faulty.names, ...next.names])) {
          const value = await keychain.get(service, name);
          if (value !== null) {
            left.push(name);
            expect(value.length).toBeLessThanOrEqual(1000);
          }
        }
        expect(left.length, left.join(', ')).toBe(1 + 3);
        await secrets.delete(account);
        for (const name of left) expect(await keychain.get(service, name)).toBeNull();
      }
    }
  }, 60_000);

  it('a sign-in written by the earlier format (account#1 … account#n) is read, and replaced by the next write', async () => {
    const old = secretOf('old', 2500);
    for (let i = 1; i <= 3; i++) await keychain.set(service, `sign-in:legacy#${i}`, old.slice((i - 1) * 1000, i * 1000));
    await keychain.set(service, 'sign-in:legacy', 'parts:3');
    const secrets = chunkedSecrets(real);
    expect(await secrets.get('sign-in:legacy')).toBe(old);
    await secrets.set('sign-in:legacy', 'renewed');
    expect(await secrets.get('sign-in:legacy')).toBe('renewed');
    for (let i = 1; i <= 3; i++) expect(await keychain.get(service, `sign-in:legacy#${i}`)).toBeNull();
    await secrets.delete('sign-in:legacy');
    expect(await keychain.get(service, 'sign-in:legacy')).toBeNull();
  });
});
