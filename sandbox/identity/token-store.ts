import type { Adapter, AdapterPayload } from 'oidc-provider';

/**
 * oidc-provider's storage, in memory and private to one sandbox. It differs from oidc-provider's
 * own memory adapter in one way that matters: a rotated (consumed) one-time refresh token keeps
 * working for the client's grace period, as Visma Connect's do; after it, a replay gets invalid_grant
 * and — with revokeOnReplay, Visma's behaviour and the default — revokes all access of that client
 * and user: every refresh token, code and grant, and (through onReplay) every access token.
 */
export interface RefreshPolicy {
  graceSeconds(clientId: string): number;
  revokeOnReplay(clientId: string): boolean;
  /** Called when a replay revoked a user's access to a client: access tokens are the caller's to revoke. */
  onReplay?(accountId: string, clientId: string): void;
}

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
  consumedAt?: number;
}

const GRANT_MEMBERS = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken']);
const PER_ACCOUNT = new Set(['AuthorizationCode', 'RefreshToken', 'Session', 'Grant']);
const REVOKED_ON_REPLAY = new Set(['AuthorizationCode', 'RefreshToken', 'Grant', 'AccessToken']);

export interface TokenStore {
  adapterFor(model: string): Adapter;
  /** "Expire this user's tokens now": refresh tokens, codes, sessions and grants of the account go. */
  forgetAccount(accountId: string): number;
}

export function createTokenStore(policy: RefreshPolicy, now: () => number = Date.now): TokenStore {
  const entries = new Map<string, Entry>();
  const grantMembers = new Map<string, Set<string>>();
  const sessionByUid = new Map<string, string>();

  const remove = (key: string) => {
    const entry = entries.get(key);
    entries.delete(key);
    const grantId = entry?.payload.grantId;
    if (grantId) grantMembers.get(grantId)?.delete(key);
    if (entry?.payload.uid) sessionByUid.delete(entry.payload.uid);
  };

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      remove(key);
      return undefined;
    }
    return entry;
  };

  const refreshTokenView = (entry: Entry): AdapterPayload | undefined => {
    if (entry.consumedAt === undefined) return entry.payload;
    const clientId = entry.payload.clientId ?? '';
    if (now() - entry.consumedAt < policy.graceSeconds(clientId) * 1000) {
      const { consumed: _consumed, ...stillUsable } = entry.payload;
      return stillUsable;
    }
    if (policy.revokeOnReplay(clientId) && entry.payload.accountId) revokeClientAccess(String(entry.payload.accountId), clientId);
    return undefined;
  };

  /** Duende IdentityServer's answer to a replayed one-time token (visma-facts.md): all access of that client and user ends. */
  const revokeClientAccess = (accountId: string, clientId: string) => {
    for (const [key, entry] of entries) {
      const model = key.slice(0, key.indexOf(':'));
      if (REVOKED_ON_REPLAY.has(model) && entry.payload.accountId === accountId && entry.payload.clientId === clientId) remove(key);
    }
    policy.onReplay?.(accountId, clientId);
  };

  class StoreAdapter implements Adapter {
    constructor(private readonly model: string) {}

    private key(id: string) {
      return `${this.model}:${id}`;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number) {
      const key = this.key(id);
      remove(key);
      entries.set(key, {
        payload: structuredClone(payload),
        expiresAt: typeof expiresIn === 'number' ? now() + expiresIn * 1000 : Number.POSITIVE_INFINITY,
      });
      if (GRANT_MEMBERS.has(this.model) && payload.grantId) {
        const members = grantMembers.get(payload.grantId) ?? new Set();
        grantMembers.set(payload.grantId, members.add(key));
      }
      if (this.model === 'Session' && payload.uid) sessionByUid.set(payload.uid, id);
    }

    async find(id: string) {
      const entry = live(this.key(id));
      if (!entry) return undefined;
      const view = this.model === 'RefreshToken' ? refreshTokenView(entry) : entry.payload;
      return view && structuredClone(view);
    }

    async findByUid(uid: string) {
      const id = sessionByUid.get(uid);
      return id === undefined ? undefined : this.find(id);
    }

    async findByUserCode() {
      return undefined;
    }

    async consume(id: string) {
      const entry = entries.get(this.key(id));
      if (!entry) return;
      // The grace period runs from the first rotation; a replay inside it does not extend it.
      entry.consumedAt ??= now();
      entry.payload.consumed ??= Math.floor(now() / 1000);
    }

    async destroy(id: string) {
      remove(this.key(id));
    }

    async revokeByGrantId(grantId: string) {
      for (const key of grantMembers.get(grantId) ?? []) remove(key);
      grantMembers.delete(grantId);
    }
  }

  return {
    adapterFor: (model) => new StoreAdapter(model),
    forgetAccount(accountId) {
      let count = 0;
      for (const [key, entry] of entries) {
        if (PER_ACCOUNT.has(key.slice(0, key.indexOf(':'))) && entry.payload.accountId === accountId) {
          remove(key);
          count += 1;
        }
      }
      return count;
    },
  };
}
