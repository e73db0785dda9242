import { createHash } from 'node:crypto';

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
 * portal's sign-in cookies can be longer; so a secret is kept in parts of at most 1,000 characters.
 *
 * A rewrite is several keychain calls, and any of them can fail. So a rewrite never touches the parts
 * the entry names: it writes the new parts under a new generation (`account#g<gen>#<i>`), then
 * switches the entry itself (the header: generation, part count, length and SHA-256 of the whole) —
 * the one call that makes the new secret the secret — and only then removes the old generation's
 * parts. A read gives the whole old secret or the whole new one, whichever call failed; parts whose
 * removal failed are named in the header (`stale`) and removed by the next write.
 *
 * Earlier versions wrote `parts:<n>` with parts `account#1` … `account#n` (here generation 0), or the
 * secret itself in the entry: both are still read, and replaced by the next write.
 */
const PART = 1000;
const HEADER = /^chunks:2;g=(\d{1,15});n=(\d{1,6});len=(\d{1,9});sha256=([0-9a-f]{64})(?:;stale=(\d{1,15}(?:,\d{1,15})*))?$/;
/** Generations whose parts may still be in the keychain; more than this many failed clean-ups in a row are given up on. */
const MAX_STALE = 16;

interface Header {
  gen: number;
  parts: number;
  /** Set for the current format; the legacy `parts:<n>` header has no check of the whole. */
  check?: { length: number; sha256: string };
  stale: number[];
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function readHeader(text: string | null): Header | null {
  if (text === null) return null;
  const current = HEADER.exec(text);
  if (current) {
    const [, gen, parts, length, digest, stale] = current;
    return { gen: Number(gen), parts: Number(parts), check: { length: Number(length), sha256: digest! }, stale: stale ? stale.split(',').map(Number) : [] };
  }
  if (/^parts:\d{1,6}$/.test(text)) return { gen: 0, parts: Number(text.slice(6)), stale: [] };
  return null; // the secret itself, as the first versions kept a short one
}

const partName = (account: string, gen: number, i: number) => (gen === 0 ? `${account}#${i}` : `${account}#g${gen}#${i}`);

/** Parts of at most PART UTF-16 units that never split a surrogate pair (a keychain stores UTF-8: half a pair would come back as U+FFFD). */
function split(secret: string): string[] {
  const parts: string[] = [];
  for (let at = 0; at < secret.length; ) {
    let end = Math.min(at + PART, secret.length);
    const last = secret.charCodeAt(end - 1);
    if (end < secret.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(secret.slice(at, end));
    at = end;
  }
  return parts;
}

export function chunkedSecrets(store: SecretStore): SecretStore {
  /**
   * One call at a time per account: two rewrites at once would write the same generation's parts.
   * (One wrapper per keychain service in the app, create-app.ts; one instance of the app at a time.)
   */
  const queues = new Map<string, Promise<unknown>>();
  const serial = <T>(account: string, work: () => Promise<T>): Promise<T> => {
    const run = (queues.get(account) ?? Promise.resolve()).then(work, work);
    const done = run.then(
      () => undefined,
      () => undefined,
    );
    queues.set(account, done);
    void done.then(() => queues.get(account) === done && queues.delete(account));
    return run;
  };

  /**
   * Removes a generation's parts from `from` on, as far as they go: the known ones and any found
   * after them. Last first, so a removal that fails part-way leaves a run the next one finds again.
   */
  async function removeParts(account: string, gen: number, known: number, from = 1): Promise<void> {
    let last = Math.max(known, from - 1);
    while ((await store.get(partName(account, gen, last + 1))) !== null) last++;
    for (let i = last; i >= from; i--) await store.delete(partName(account, gen, i));
  }
  /** Best effort: true when the generation's parts are gone. */
  const tryRemove = (account: string, gen: number, known: number, from = 1) =>
    removeParts(account, gen, known, from).then(
      () => true,
      () => false,
    );

  return {
    kind: store.kind,
    get: (account) =>
      serial(account, async () => {
        const first = await store.get(account);
        const header = readHeader(first);
        if (!header) return first;
        const texts: string[] = [];
        for (let i = 1; i <= header.parts; i++) {
          const text = await store.get(partName(account, header.gen, i));
          if (text === null) return null; // a half-written or half-removed secret counts as none
          texts.push(text);
        }
        const secret = texts.join('');
        // Parts that are not the ones the header was written for (changed behind our back) count as none, never as a mix.
        if (header.check && (secret.length !== header.check.length || sha256(secret) !== header.check.sha256)) return null;
        return secret;
      }),

    set: (account, secret) =>
      serial(account, async () => {
        const old = readHeader(await store.get(account));
        // Leftovers of earlier rewrites first: they are no part of the secret, so this may fail at no cost.
        const stillStale: number[] = [];
        for (const gen of old?.stale ?? []) if (!(await tryRemove(account, gen, 0))) stillStale.push(gen);
        const gen = (old?.gen ?? 0) + 1;
        const parts = split(secret);
        for (const [i, text] of parts.entries()) await store.set(partName(account, gen, i + 1), text);
        // The switch: from here on a read gives the new secret.
        const stale = [...stillStale, ...(old ? [old.gen] : [])].slice(-MAX_STALE);
        await store.set(account, `chunks:2;g=${gen};n=${parts.length};len=${secret.length};sha256=${sha256(secret)}${stale.length ? `;stale=${stale.join(',')}` : ''}`);
        // The old generation's parts, and this generation's beyond its last part (a failed earlier rewrite's):
        // a failure here does not fail the write; the header names the old generation until the next write.
        if (old) await tryRemove(account, old.gen, old.parts);
        await tryRemove(account, gen, parts.length, parts.length + 1);
      }),

    delete: (account) =>
      serial(account, async () => {
        const old = readHeader(await store.get(account));
        if (old) {
          // Every part first, the header last: a deletion that fails keeps the header, so the next one finds the parts.
          await removeParts(account, old.gen, old.parts);
          for (const gen of old.stale) await removeParts(account, gen, 0);
          await removeParts(account, old.gen + 1, 0); // a rewrite that failed before its switch
        }
        await store.delete(account);
      }),
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
