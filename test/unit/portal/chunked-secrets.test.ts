import { describe, expect, it } from 'vitest';
import { type SecretStore, chunkedSecrets } from '../../../src/main/portal/portal-secrets';

/**
 * A secret longer than one keychain entry holds is kept in parts. Rewriting it is several keychain
 * calls, and any one of them can fail (a locked keyring, a D-Bus time-out, a full credential store):
 * whatever call fails, a read afterwards gives the whole old secret or the whole new one, never a mix.
 */

type Mode = 'refused' | 'lost-answer';

/**
 * An in-memory keychain whose k-th call fails: 'refused' fails before the call takes effect,
 * 'lost-answer' after it took effect (the keychain wrote or deleted, but the answer did not come back).
 */
function faultyStore(entries = new Map<string, string>()) {
  let calls = 0;
  let failAt = 0;
  let mode: Mode = 'refused';
  const log: string[] = [];
  const step = async <T>(what: string, act: () => T): Promise<T> => {
    calls++;
    log.push(what);
    if (calls === failAt && mode === 'refused') throw new Error(`keychain refused call ${calls} (${what})`);
    const result = act();
    if (calls === failAt) throw new Error(`keychain lost the answer to call ${calls} (${what})`);
    return result;
  };
  const store: SecretStore = {
    kind: 'keychain',
    get: (account) => step(`get ${account}`, () => entries.get(account) ?? null),
    set: (account, secret) => step(`set ${account}`, () => void entries.set(account, secret)),
    delete: (account) => step(`delete ${account}`, () => void entries.delete(account)),
  };
  return {
    store,
    entries,
    log,
    /** Counts calls from now; the k-th fails (0: none does). */
    failOn(k: number, how: Mode = 'refused') {
      calls = 0;
      failAt = k;
      mode = how;
      log.length = 0;
    },
    get calls() {
      return calls;
    },
  };
}

/** Old and new differ in every character, so any mix of their parts is seen. */
const secretOf = (tag: string, length: number) => Array.from({ length }, (_, i) => tag[i % tag.length]).join('');

const PAIRS: [string, number, number][] = [
  ['same number of parts', 2500, 2500],
  ['fewer parts', 3500, 1200],
  ['more parts', 1200, 3500],
  ['one part to many', 10, 2100],
  ['many parts to one', 2100, 10],
];

describe('a secret kept in parts: a rewrite that fails part-way never leaves a mix of old and new', () => {
  for (const [name, oldLength, newLength] of PAIRS) {
    for (const mode of ['refused', 'lost-answer'] as const) {
      it(`${name}, a call ${mode === 'refused' ? 'refused' : 'whose answer is lost'}: for every call of the rewrite, a read gives the whole old secret or the whole new one`, async () => {
        const before = secretOf('old', oldLength);
        const after = secretOf('NEW', newLength);
        // How many calls a rewrite makes when none fails.
        const clean = faultyStore();
        await chunkedSecrets(clean.store).set('job:orders', before);
        clean.failOn(0);
        await chunkedSecrets(clean.store).set('job:orders', after);
        const total = clean.calls;
        expect(total).toBeGreaterThan(2);

        for (let k = 1; k <= total; k++) {
          const keychain = faultyStore();
          const secrets = chunkedSecrets(keychain.store);
          await secrets.set('job:orders', before);
          keychain.failOn(k, mode);
          const wrote = await secrets.set('job:orders', after).then(
            () => true,
            () => false,
          );
          const failedCall = keychain.log[k - 1];
          keychain.failOn(0);
          const read = await secrets.get('job:orders');
          expect([before, after], `call ${k} of ${total} failed (${failedCall}): read ${read?.slice(0, 12)}… (${read?.length})`).toContain(read);
          if (wrote) expect(read, `the write said done although call ${k} (${failedCall}) failed`).toBe(after);
          // The next write cleans what the failed one left: the header and the new parts, nothing else.
          const next = secretOf('nxt', newLength);
          await secrets.set('job:orders', next);
          expect(await secrets.get('job:orders')).toBe(next);
          expect(keychain.entries.size, [...keychain.entries.keys()].join(', ')).toBe(1 + Math.ceil(newLength / 1000));
        }
      });
    }
  }

  it('a failure removing the old parts after the new secret is in place does not fail the write, and the next write removes them', async () => {
    const keychain = faultyStore();
    const secrets = chunkedSecrets(keychain.store);
    await secrets.set('sign-in:databridge', secretOf('old', 3500));
    // Every delete fails.
    const deleteFails: SecretStore = { ...keychain.store, delete: async () => Promise.reject(new Error('keychain locked')) };
    const newer = secretOf('NEW', 1500);
    await expect(chunkedSecrets(deleteFails).set('sign-in:databridge', newer)).resolves.toBeUndefined();
    expect(await secrets.get('sign-in:databridge')).toBe(newer);
    expect(keychain.entries.size).toBeGreaterThan(1 + 2); // the old parts are still there
    await secrets.set('sign-in:databridge', 'short');
    expect(await secrets.get('sign-in:databridge')).toBe('short');
    expect([...keychain.entries.keys()].filter((k) => k.startsWith('sign-in:databridge'))).toHaveLength(2);
  });

  it('rewrites at once, on a keychain that answers slowly and in any order, do not interleave their parts', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 30; trial++) {
      const entries = new Map<string, string>();
      const later = <T>(act: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(act()), Math.floor(random() * 4)));
      const store: SecretStore = {
        kind: 'keychain',
        get: (account) => later(() => entries.get(account) ?? null),
        set: (account, secret) => later(() => void entries.set(account, secret)),
        delete: (account) => later(() => void entries.delete(account)),
      };
      const secrets = chunkedSecrets(store);
      await secrets.set('job:orders', secretOf('old', 2500));
      const a = secretOf('aaa', 3500);
      const b = secretOf('bbb', 1500);
      const [, , during] = await Promise.all([secrets.set('job:orders', a), secrets.set('job:orders', b), secrets.get('job:orders')]);
      expect([secretOf('old', 2500), a, b]).toContain(during);
      expect(await secrets.get('job:orders'), `trial ${trial}`).toBe(b); // the last asked for is what stays
      expect(entries.size).toBe(1 + 2);
    }
  });

  it('a part that does not belong to the header (changed behind our back) makes the secret none, not a mix', async () => {
    const keychain = faultyStore();
    const secrets = chunkedSecrets(keychain.store);
    await secrets.set('job:orders', secretOf('old', 2500));
    const part = [...keychain.entries.keys()].find((k) => k !== 'job:orders' && k.endsWith('#2'))!;
    keychain.entries.set(part, 'x'.repeat(1000));
    expect(await secrets.get('job:orders')).toBeNull();
  });

  it('a deletion that fails part-way leaves the whole secret or none, and the next deletion finishes it', async () => {
    const clean = faultyStore();
    await chunkedSecrets(clean.store).set('job:orders', secretOf('old', 3500));
    clean.failOn(0);
    await chunkedSecrets(clean.store).delete('job:orders');
    const total = clean.calls;
    for (const mode of ['refused', 'lost-answer'] as const) {
      for (let k = 1; k <= total; k++) {
        const keychain = faultyStore();
        const secrets = chunkedSecrets(keychain.store);
        const before = secretOf('old', 3500);
        await secrets.set('job:orders', before);
        keychain.failOn(k, mode);
        await secrets.delete('job:orders').catch(() => undefined);
        keychain.failOn(0);
        expect([before, null]).toContain(await secrets.get('job:orders'));
        await secrets.delete('job:orders');
        expect(await secrets.get('job:orders')).toBeNull();
        expect([...keychain.entries.keys()], `${mode} call ${k}`).toEqual([]);
      }
    }
  });
});

describe('secrets written by earlier versions (parts named account#1 … account#n, "parts:n")', () => {
  const legacy = (account: string, secret: string) => {
    const entries = new Map<string, string>();
    const parts = Math.ceil(secret.length / 1000);
    for (let i = 1; i <= parts; i++) entries.set(`${account}#${i}`, secret.slice((i - 1) * 1000, i * 1000));
    entries.set(account, `parts:${parts}`);
    return entries;
  };

  it('are read as before, so existing sign-ins survive an update', async () => {
    const old = secretOf('old', 3500);
    expect(await chunkedSecrets(faultyStore(legacy('sign-in:databridge', old)).store).get('sign-in:databridge')).toBe(old);
    const plain = faultyStore(new Map([['job:orders', 'https://portal.example/api/jobs/7/trigger?key=k']]));
    expect(await chunkedSecrets(plain.store).get('job:orders')).toBe('https://portal.example/api/jobs/7/trigger?key=k');
  });

  it('rewritten with a failure at any call: the whole old secret or the whole new one, and the old parts go', async () => {
    const old = secretOf('old', 3500);
    const after = secretOf('NEW', 2200);
    const probe = faultyStore(legacy('sign-in:databridge', old));
    await chunkedSecrets(probe.store).set('sign-in:databridge', after);
    const total = probe.calls;
    for (const mode of ['refused', 'lost-answer'] as const) {
      for (let k = 1; k <= total; k++) {
        const keychain = faultyStore(legacy('sign-in:databridge', old));
        const secrets = chunkedSecrets(keychain.store);
        keychain.failOn(k, mode);
        await secrets.set('sign-in:databridge', after).catch(() => undefined);
        keychain.failOn(0);
        expect([old, after], `${mode} call ${k}`).toContain(await secrets.get('sign-in:databridge'));
        await secrets.set('sign-in:databridge', 'short');
        expect([...keychain.entries.keys()].filter((name) => /#\d+$/.test(name) && !name.includes('#g')), `${mode} call ${k}`).toEqual([]);
      }
    }
  });
});

describe('a part boundary never splits a character', () => {
  it('a character outside the BMP at a boundary comes back whole through a keychain that stores UTF-8', async () => {
    const entries = new Map<string, string>();
    // The keychain stores UTF-8: half a surrogate pair comes back as U+FFFD.
    const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('utf8');
    const store: SecretStore = {
      kind: 'keychain',
      get: async (account) => entries.get(account) ?? null,
      set: async (account, secret) => void entries.set(account, utf8(secret)),
      delete: async (account) => void entries.delete(account),
    };
    const secrets = chunkedSecrets(store);
    const secret = `${'a'.repeat(999)}😀${'b'.repeat(1500)}`;
    await secrets.set('sign-in:databridge', secret);
    expect(await secrets.get('sign-in:databridge')).toBe(secret);
    for (const value of entries.values()) expect(value.length).toBeLessThanOrEqual(1000);
  });
});
