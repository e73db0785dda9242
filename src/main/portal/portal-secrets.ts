/**
 * The portal's secrets in the OS keychain: a remembered portal sign-in (its cookies) per portal, and
 * a profile's triggered-job URL (it carries the job's secret key). Never in the settings file.
 */
export interface SecretStore {
  readonly kind: 'keychain' | 'memory';
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<void>;
}

/**
 * Windows' Credential Manager holds at most 2,560 bytes per entry (1,280 UTF-16 characters), and a
 * portal's sign-in cookies can be longer; so a secret is kept in parts of 1,000 characters: the
 * entry itself says how many parts follow (`account#1` … `account#n`).
 */
const PART = 1000;

export function chunkedSecrets(store: SecretStore): SecretStore {
  const head = (text: string | null) => (text?.startsWith('parts:') ? Number(text.slice(6)) : null);
  return {
    kind: store.kind,
    async get(account) {
      const first = await store.get(account);
      const parts = head(first);
      if (parts === null) return first;
      const texts: string[] = [];
      for (let i = 1; i <= parts; i++) {
        const text = await store.get(`${account}#${i}`);
        if (text === null) return null; // a half-written secret counts as none
        texts.push(text);
      }
      return texts.join('');
    },
    async set(account, secret) {
      const old = head(await store.get(account)) ?? 0;
      const parts = Math.ceil(secret.length / PART);
      for (let i = 1; i <= parts; i++) await store.set(`${account}#${i}`, secret.slice((i - 1) * PART, i * PART));
      await store.set(account, `parts:${parts}`); // last: readers see the old secret or the whole new one
      for (let i = parts + 1; i <= old; i++) await store.delete(`${account}#${i}`);
    },
    async delete(account) {
      const parts = head(await store.get(account)) ?? 0;
      await store.delete(account);
      for (let i = 1; i <= parts; i++) await store.delete(`${account}#${i}`);
    },
  };
}

export function createMemorySecrets(): SecretStore {
  const entries = new Map<string, string>();
  return {
    kind: 'memory',
    get: async (account) => entries.get(account) ?? null,
    set: async (account, secret) => void entries.set(account, secret),
    delete: async (account) => void entries.delete(account),
  };
}
