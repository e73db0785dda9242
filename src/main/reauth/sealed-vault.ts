import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { TokenVault, VaultEntry } from './token-vault';

/**
 * The refresh tokens of every profile in one file, sealed with AES-256-GCM under one random key that
 * lives in the OS keychain (issue 24, point 8). One keychain entry per profile cost a Secret Service
 * round trip per read and per write — three per profile in a cold health check, 72 s for 1,000 —
 * where this reads the keychain once per start.
 *
 * The file is a journal: a snapshot record, then one record per batch of writes, one JSON line each,
 * each sealed on its own (random 96-bit nonce, the key's id in the authenticated data) with a
 * sequence number, so records cannot be dropped, reordered or moved between files unnoticed. Writes
 * that arrive while one is on its way share the next record (group commit). A write that sets a
 * rotation mark (token-manager.ts: before a refresh goes out) is acknowledged only once its record
 * is on disk (`fdatasync`); any other is acknowledged once its record is in the file — a crash of
 * Bridgekeeper keeps it — and flushed to disk with the next mark or within FLUSH_WITHIN_MS. What an
 * OS crash can take of those leaves the mark before them on disk, and a mark found later asks for a
 * reconnect, never a replay of a refresh token that may have rotated. A record cut short by a crash was never acknowledged and is ignored; anything else
 * that does not open makes the whole file unreadable (moved aside, never half-used: an older state
 * would hold refresh tokens that have rotated since, and sending one again ends every connection of
 * the API user). The journal is rewritten as one snapshot (temp file, fsync, rename, fsync of the
 * folder) when it grows, at start when it needs to, and after a failed write, so a record written
 * but never acknowledged is gone before anything else is written.
 *
 * One instance per file at a time (the app holds the single-instance lock).
 */

export interface VaultKeyStore {
  /** The key's keychain entry, or null when there is none. Throws when the keychain cannot answer. */
  get(): Promise<string | null>;
  set(value: string): Promise<void>;
}

/** The per-profile keychain entries of earlier versions (platform/keychain-vault.ts): migrated on open. */
export interface LegacyEntries {
  list(): Promise<{ account: string; secret: string }[]>;
  delete(account: string): Promise<void>;
}

export interface SealedVaultOptions {
  file: string;
  key: VaultKeyStore;
  legacy?: LegacyEntries;
  now?: () => Date;
  /** The journal is rewritten as a snapshot once its records pass this many bytes (and twice the snapshot). */
  compactAfterBytes?: number;
}

export interface OpenReport {
  /** A new key was made (first start, or the key was gone from the keychain). */
  newKey: boolean;
  /** The file could not be used with the key, and was moved here (its tokens need a reconnect). */
  movedAside?: string;
  /** Per-profile keychain entries of an earlier version taken into the file, verified on disk. */
  migrated: string[];
  /** Earlier entries that were not taken (older than the file's own, or left over from a migration). */
  superseded: string[];
  /** Earlier entries that are not token entries; left alone. */
  unrecognised: string[];
}

export interface SealedVault extends TokenVault {
  /** Opens the vault (the first call does this too): the key from the keychain, the file, the migration. */
  open(): Promise<OpenReport>;
  /** Removing the migrated per-profile keychain entries, in the background after open. */
  cleanup(): Promise<{ removed: number; failed: number }>;
  close(): Promise<void>;
}

/** A file written by a newer Bridgekeeper: nothing in it is touched, and no token can be read or written. */
export class NewerVaultError extends Error {}

const FORMAT = 1;
/** Writes without a rotation mark reach the disk at the latest this long after they were acknowledged. */
const FLUSH_WITHIN_MS = 100;
const MAX_FILE_BYTES = 32 * 1024 * 1024;
const ZERO = { removed: 0, failed: 0 };

const keySchema = z.object({
  v: z.literal(1),
  id: z.string().regex(/^[0-9a-f]{16}$/),
  key: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  /** When the per-profile entries were taken in; absent until that was done and verified. */
  migratedAt: z.string().optional(),
});
type VaultKey = z.infer<typeof keySchema>;

const entrySchema = z.object({
  refreshToken: z.string().min(1),
  environmentId: z.string(),
  tenantId: z.string(),
  savedAt: z.string(),
  refreshTokenExpiresAt: z.string().optional(),
  rotatingSince: z.string().optional(),
  access: z.object({ token: z.string().min(1), expiresAt: z.string() }).optional(),
});

const recordSchema = z.object({ v: z.number().int(), k: z.string(), iv: z.string(), d: z.string() });
const bodySchema = z.union([
  // Pairs, not an object: a profile id is never a property name (`__proto__`).
  z.object({ seq: z.number().int().nonnegative(), snapshot: z.array(z.tuple([z.string(), entrySchema])) }),
  z.object({ seq: z.number().int().nonnegative(), ops: z.array(z.tuple([z.string(), entrySchema.nullable()])) }),
]);

type Op = [profileId: string, entry: VaultEntry | null];

const aad = (keyId: string) => Buffer.from(`bridgekeeper token vault ${FORMAT} ${keyId}`, 'utf8');

function seal(key: VaultKey, body: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key.key, 'base64'), iv);
  cipher.setAAD(aad(key.id));
  const data = Buffer.concat([cipher.update(JSON.stringify(body), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return JSON.stringify({ v: FORMAT, k: key.id, iv: iv.toString('base64'), d: data.toString('base64') }) + '\n';
}

function unseal(key: VaultKey, line: string): z.infer<typeof bodySchema> {
  const record = recordSchema.parse(JSON.parse(line));
  if (record.v > FORMAT) throw new NewerVaultError(`the token file was written by a newer Bridgekeeper (format ${record.v})`);
  if (record.v !== FORMAT || record.k !== key.id) throw new Error('the token file was sealed with another key');
  const data = Buffer.from(record.d, 'base64');
  const iv = Buffer.from(record.iv, 'base64');
  if (iv.length !== 12 || data.length < 16) throw new Error('a record of the token file is malformed');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key.key, 'base64'), iv);
  decipher.setAAD(aad(key.id));
  decipher.setAuthTag(data.subarray(data.length - 16));
  const text = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
  return bodySchema.parse(JSON.parse(text));
}

interface Journal {
  entries: Map<string, VaultEntry>;
  seq: number;
  /** Records after the snapshot, or a cut last line: the file is rewritten before the next append. */
  needsRewrite: boolean;
  bytes: number;
  snapshotBytes: number;
}

/** Reads the journal; throws when any record but a cut-off last line does not open. */
function readJournal(key: VaultKey, text: string): Journal {
  const lines = text.split('\n');
  // A last line without its line end was being written when the process or the machine stopped: never acknowledged.
  const cut = lines.pop() !== '';
  if (lines.length === 0) throw new Error('the token file holds no snapshot');
  const entries = new Map<string, VaultEntry>();
  let seq = -1;
  for (const [i, line] of lines.entries()) {
    const body = unseal(key, line);
    if (i === 0) {
      if (!('snapshot' in body)) throw new Error('the token file does not start with a snapshot');
      for (const [id, entry] of body.snapshot) entries.set(id, entry as VaultEntry);
    } else {
      if (!('ops' in body) || body.seq !== seq + 1) throw new Error('the token file has a record out of sequence');
      for (const [id, entry] of body.ops) {
        if (entry) entries.set(id, entry as VaultEntry);
        else entries.delete(id);
      }
    }
    seq = body.seq;
  }
  return { entries, seq, needsRewrite: cut || lines.length > 1, bytes: Buffer.byteLength(text), snapshotBytes: Buffer.byteLength(lines[0]!) + 1 };
}

function legacyEntry(secret: string): VaultEntry | null {
  try {
    const parsed = entrySchema.safeParse(JSON.parse(secret));
    return parsed.success ? (parsed.data as VaultEntry) : null;
  } catch {
    return null;
  }
}

const newer = (a: string, b: string) => Date.parse(a) > Date.parse(b);

export function createSealedVault(options: SealedVaultOptions): SealedVault {
  const { file } = options;
  const now = options.now ?? (() => new Date());
  const compactAfter = options.compactAfterBytes ?? 512 * 1024;
  const dir = path.dirname(file);

  let key: VaultKey | undefined;
  /** What is on disk and acknowledged: reads come from here only. */
  let committed = new Map<string, VaultEntry>();
  let seq = 0;
  let journalBytes = 0;
  let snapshotBytes = 0;
  let mustRewrite = true;
  let handle: fs.FileHandle | undefined;
  let opening: Promise<OpenReport> | undefined;
  let cleaning: Promise<{ removed: number; failed: number }> = Promise.resolve(ZERO);

  const queue: { ops: Op[]; durable: boolean; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let flushing: Promise<void> | undefined;
  /** Records in the file that are not yet known to be on disk. */
  let unsynced = false;
  let syncTimer: ReturnType<typeof setTimeout> | undefined;

  async function syncDir(): Promise<void> {
    if (process.platform === 'win32') return; // a folder cannot be opened for flushing there; NTFS journals the rename
    const folder = await fs.open(dir, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }

  /** The whole state as one snapshot, replacing the file in one rename. */
  async function rewrite(entries: Map<string, VaultEntry>): Promise<void> {
    const text = seal(key!, { seq: seq + 1, snapshot: [...entries] });
    await handle?.close().catch(() => undefined);
    handle = undefined;
    const temp = `${file}.${process.pid}.tmp`;
    const out = await fs.open(temp, 'w', 0o600);
    try {
      await out.writeFile(text, 'utf8');
      await out.sync();
    } finally {
      await out.close();
    }
    await fs.rename(temp, file);
    await syncDir();
    seq += 1;
    journalBytes = snapshotBytes = Buffer.byteLength(text);
    mustRewrite = false;
    unsynced = false;
  }

  async function append(ops: Op[], durable: boolean): Promise<void> {
    handle ??= await fs.open(file, 'a', 0o600);
    if (ops.length > 0) {
      const line = seal(key!, { seq: seq + 1, ops });
      await handle.write(line);
      seq += 1;
      journalBytes += Buffer.byteLength(line);
      unsynced = true;
    }
    if (durable && unsynced) {
      await handle.datasync();
      unsynced = false;
    }
    if (unsynced) syncTimer ??= setTimeout(() => ((syncTimer = undefined), unsynced && void write([], true).catch(() => undefined)), FLUSH_WITHIN_MS);
  }

  async function flush(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0);
      const ops = batch.flatMap((b) => b.ops);
      const next = new Map(committed);
      for (const [id, entry] of ops) {
        if (entry) next.set(id, entry);
        else next.delete(id);
      }
      try {
        if (mustRewrite || journalBytes > Math.max(compactAfter, 2 * snapshotBytes)) await rewrite(next);
        else await append(ops, batch.some((b) => b.durable));
        committed = next;
        for (const b of batch) b.resolve();
      } catch (error) {
        // The record may be on disk though not acknowledged: the next write rewrites the file from what was.
        mustRewrite = true;
        await handle?.close().catch(() => undefined);
        handle = undefined;
        for (const b of batch) b.reject(error);
      }
    }
  }

  function write(ops: Op[], durable: boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      queue.push({ ops, durable, resolve, reject });
      flushing ??= flush().finally(() => (flushing = undefined));
    });
  }

  async function storeKey(value: VaultKey): Promise<void> {
    const text = JSON.stringify(value);
    await options.key.set(text);
    if ((await options.key.get()) !== text) throw new Error('the keychain did not give back the token key that was written');
  }

  async function readFile(): Promise<string | null> {
    try {
      const stat = await fs.stat(file);
      if (stat.size > MAX_FILE_BYTES) return '\0too large';
      return await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async function moveAside(reason: string): Promise<string> {
    const aside = `${file}.${reason}-${now().toISOString().replace(/[:.]/g, '-')}`;
    await fs.rename(file, aside);
    return aside;
  }

  async function doOpen(): Promise<OpenReport> {
    const report: OpenReport = { newKey: false, migrated: [], superseded: [], unrecognised: [] };
    const keyText = await options.key.get(); // a keychain that cannot answer fails the open; the next call tries again
    const text = await readFile();
    if (text !== null && text.startsWith('{')) {
      const version = (() => {
        try {
          return (JSON.parse(text.slice(0, text.indexOf('\n') >>> 0)) as { v?: unknown }).v;
        } catch {
          return undefined;
        }
      })();
      if (typeof version === 'number' && version > FORMAT) throw new NewerVaultError(`the token file was written by a newer Bridgekeeper (format ${version})`);
    }
    let opened: VaultKey;
    if (keyText === null) {
      // No key: a file there cannot be read by anyone any more. Kept aside, never deleted.
      if (text !== null) report.movedAside = await moveAside('no-key');
      opened = { v: 1, id: randomBytes(8).toString('hex'), key: randomBytes(32).toString('base64') };
      await storeKey(opened);
      report.newKey = true;
    } else {
      const parsed = keySchema.safeParse((() => {
        try {
          return JSON.parse(keyText) as unknown;
        } catch {
          return null;
        }
      })());
      // Never replaced: a key we cannot read may be a newer version's, and it is the only way into the file.
      if (!parsed.success) throw new Error('the token key in the keychain is not one this version can use');
      opened = parsed.data;
    }
    key = opened;
    committed = new Map();
    mustRewrite = true;
    if (text !== null && !report.movedAside) {
      try {
        const journal = readJournal(opened, text);
        committed = journal.entries;
        seq = journal.seq;
        journalBytes = journal.bytes;
        snapshotBytes = journal.snapshotBytes;
        mustRewrite = journal.needsRewrite;
      } catch (error) {
        if (error instanceof NewerVaultError) throw error;
        report.movedAside = await moveAside('unreadable');
      }
    }

    // The per-profile entries of earlier versions. Before the migration is recorded in the key's entry, every
    // token entry is taken unless the file holds a newer one; after, only one an earlier version wrote since
    // (it ran again in between) — a leftover of the migration is an old token that may have rotated since.
    let found: { account: string; entry: VaultEntry }[] = [];
    let listed = false;
    if (options.legacy) {
      try {
        for (const { account, secret } of await options.legacy.list()) {
          const entry = legacyEntry(secret);
          if (entry) found.push({ account, entry });
          else report.unrecognised.push(account);
        }
        listed = true;
      } catch {
        found = []; // the keychain answered for the key but not this: the migration waits for the next start
      }
    }
    const taken = new Map<string, VaultEntry>();
    for (const { account, entry } of found) {
      const mine = committed.get(account);
      const since = opened.migratedAt;
      if ((!since || newer(entry.savedAt, since)) && (!mine || newer(entry.savedAt, mine.savedAt))) taken.set(account, entry);
      else report.superseded.push(account);
    }
    if (taken.size > 0 || mustRewrite) {
      const next = new Map(committed);
      for (const [id, entry] of taken) next.set(id, entry);
      await rewrite(next);
      committed = next;
    }
    if (taken.size > 0) {
      // Verified from disk, not from memory, before anything of the old entries goes.
      const back = readJournal(opened, (await readFile()) ?? '');
      for (const [id, entry] of taken) {
        if (!isDeepStrictEqual(back.entries.get(id), entry)) throw new Error(`the token file did not give back the migrated token of ${id}`);
      }
      report.migrated = [...taken.keys()];
    }
    if (listed && !opened.migratedAt) {
      opened = { ...opened, migratedAt: now().toISOString() };
      await storeKey(opened);
      key = opened;
    }
    if (listed && opened.migratedAt && found.length > 0) {
      const legacy = options.legacy!;
      const accounts = found.map((f) => f.account);
      cleaning = (async () => {
        let removed = 0;
        let failed = 0;
        for (const account of accounts) {
          try {
            await legacy.delete(account);
            removed++;
          } catch {
            failed++; // found again next start, and removed then (it is older than the migration)
          }
        }
        return { removed, failed };
      })();
    }
    return report;
  }

  function open(): Promise<OpenReport> {
    opening ??= doOpen().catch((error: unknown) => {
      opening = undefined; // a keychain that was locked may answer next time
      throw error;
    });
    return opening;
  }

  return {
    kind: 'keychain',
    open,
    cleanup: async () => {
      await open().catch(() => undefined);
      return cleaning;
    },
    async get(profileId) {
      await open();
      const entry = committed.get(profileId);
      return entry ? structuredClone(entry) : null;
    },
    async set(profileId, entry) {
      await open();
      // A new rotation mark must be on disk before the refresh it announces goes out.
      const marks = entry.rotatingSince !== undefined && committed.get(profileId)?.rotatingSince !== entry.rotatingSince;
      await write([[profileId, structuredClone(entry)]], marks);
    },
    async delete(profileId) {
      await open();
      if (!committed.has(profileId) && !queue.some((b) => b.ops.some(([id]) => id === profileId)) && !flushing) return;
      await write([[profileId, null]], false);
    },
    async close() {
      await flushing;
      if (syncTimer) clearTimeout(syncTimer);
      syncTimer = undefined;
      if (unsynced && handle) await write([], true);
      await handle?.close().catch(() => undefined);
      handle = undefined;
    },
  };
}
