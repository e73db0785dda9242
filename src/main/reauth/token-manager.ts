import { message, type Message } from '../../shared/i18n/message';
import { english, verbatim } from '../in-words';
import { decodeJwt } from 'jose';
import type { Environment } from '../../shared/environment';
import { type OidcClient, type TokenResponse, classifyOidcError } from './oidc-client';
import { ReauthFailure } from './outcomes';
import type { TokenVault, VaultEntry } from './token-vault';

/** Refresh this long before the access token would expire, so no call goes out with a dying token. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * A refresh whose answer never arrived may have rotated the token at Visma. Sending the old one
 * again is safe only within the grace period, and Visma's shortest is 5 seconds (visma-facts.md):
 * after that a replay would end every connection of the API user.
 */
export const REPLAY_SAFE_MS = 5_000;

interface AccessToken {
  token: string;
  expiresAt: number;
  tenantId: string;
}

export interface ConnectionTimes {
  accessTokenExpiresAt?: string;
  refreshTokenExpiresAt?: string;
}

export type ReauthRequiredCode = 'no-token' | 'invalid_grant' | 'wrong-environment' | 'rotation-interrupted' | 'wrong-company' | 'no-company' | 'connection-ended';

/** The refresh token is gone or dead: only an interactive login helps (status needs-reauth). */
export class ReauthRequired extends Error {
  /** Why, as words in the catalog (the message is their English form). */
  readonly words: Message;
  constructor(
    readonly code: ReauthRequiredCode,
    words: Message,
  ) {
    super(english.text(words));
    this.words = words;
  }
}

/** An access token as the vault keeps it. */
const kept = ({ token, expiresAt }: AccessToken) => ({ token, expiresAt: new Date(expiresAt).toISOString() });

/** The keychain refused to write: nothing was replaced, the old token (if any) is still there. */
export class VaultWriteError extends Error {}

/** The company (tenant) a Visma Connect access token was issued for; undefined if it names none. */
export function tenantOf(accessToken: string): string | undefined {
  try {
    const tenant = decodeJwt(accessToken).tenant_id;
    return typeof tenant === 'string' || typeof tenant === 'number' ? String(tenant) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Access tokens per profile, refreshed ahead of expiry with one refresh in flight per profile.
 *
 * - A rotated refresh token is written to the vault before the old one is let go.
 * - Before a refresh goes out, the vault entry is marked "rotating"; a mark older than
 *   REPLAY_SAFE_MS found later means an answer was lost (a crash, a cut connection): the old
 *   token is never sent again (Visma would end every connection of the user), the profile needs a reconnect.
 * - Each profile's connection has an epoch; a new login, a disconnect or a deletion ends it. A refresh
 *   answer for an ended epoch is revoked at Visma and dropped, never stored.
 * - Every access token obtained must name the company the connection was made for.
 */
export class TokenManager {
  readonly #access = new Map<string, AccessToken>();
  readonly #refreshing = new Map<string, { epoch: number; pending: Promise<AccessToken> }>();
  readonly #epochs = new Map<string, number>();
  readonly #locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly oidc: OidcClient,
    readonly vault: TokenVault,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keeps a fresh login's tokens: in the vault first, then the access token in memory too. */
  async store(profileId: string, environment: Environment, tokens: TokenResponse, tenantId: string): Promise<ConnectionTimes> {
    return this.#exclusive(profileId, async () => {
      this.#endEpoch(profileId); // a refresh still in flight belongs to the connection this login replaces
      const times = this.#times(tokens);
      const access = { token: tokens.accessToken, expiresAt: this.#expiry(tokens), tenantId };
      if (tokens.refreshToken) {
        await this.#write(profileId, {
          refreshToken: tokens.refreshToken,
          environmentId: environment.id,
          tenantId,
          savedAt: new Date(this.now()).toISOString(),
          ...(times.refreshTokenExpiresAt ? { refreshTokenExpiresAt: times.refreshTokenExpiresAt } : {}),
          access: kept(access),
        });
      } else {
        await this.vault.delete(profileId); // an older login's refresh token belongs to other tokens
      }
      this.#access.set(profileId, access);
      return times;
    });
  }

  /** A usable access token for the profile, refreshed if it is missing or about to expire. */
  async accessToken(profileId: string, environment: Environment, options: { forceRefresh?: boolean } = {}): Promise<{ token: string; times: ConnectionTimes; refreshed: boolean }> {
    const cached = options.forceRefresh ? undefined : (this.#access.get(profileId) ?? (await this.#restore(profileId, environment)));
    if (cached && cached.expiresAt - this.now() > REFRESH_MARGIN_MS) {
      return { token: cached.token, times: { accessTokenExpiresAt: new Date(cached.expiresAt).toISOString() }, refreshed: false };
    }
    const epoch = this.#epoch(profileId);
    let running = this.#refreshing.get(profileId);
    if (!running || running.epoch !== epoch) {
      const pending = this.#refresh(profileId, environment, epoch).finally(() => {
        if (this.#refreshing.get(profileId)?.pending === pending) this.#refreshing.delete(profileId);
      });
      running = { epoch, pending };
      this.#refreshing.set(profileId, running);
    }
    const fresh = await running.pending;
    return { token: fresh.token, times: { accessTokenExpiresAt: new Date(fresh.expiresAt).toISOString() }, refreshed: true };
  }

  /**
   * After a restart: the access token the vault kept, while the connection is as it was (same
   * environment, no refresh under way, the token naming its company); accessToken() still refreshes
   * one near expiry. A token Visma refuses all the same is refreshed by the caller (a 401 on a token
   * not just refreshed, health/check-profile.ts).
   */
  async #restore(profileId: string, environment: Environment): Promise<AccessToken | undefined> {
    return this.#exclusive(profileId, async () => {
      // Behind the lock the vault holds the connection as it is now; another call may have restored, refreshed or stored meanwhile.
      const held = this.#access.get(profileId);
      if (held) return held;
      const stored = await this.vault.get(profileId);
      if (!stored?.access || stored.rotatingSince || stored.environmentId !== environment.id || tenantOf(stored.access.token) !== stored.tenantId) return undefined;
      const restored = { token: stored.access.token, expiresAt: Date.parse(stored.access.expiresAt), tenantId: stored.tenantId };
      this.#access.set(profileId, restored);
      return restored;
    });
  }

  async #refresh(profileId: string, environment: Environment, epoch: number): Promise<AccessToken> {
    const entry = await this.#exclusive(profileId, async () => {
      this.#checkEpoch(profileId, epoch);
      const stored = await this.vault.get(profileId);
      if (!stored) throw new ReauthRequired('no-token', message('health.token.no-token'));
      if (stored.environmentId !== environment.id) throw new ReauthRequired('wrong-environment', message('health.token.wrong-environment'));
      if (stored.rotatingSince && this.now() - Date.parse(stored.rotatingSince) > REPLAY_SAFE_MS) {
        throw new ReauthRequired(
          'rotation-interrupted',
          message('health.token.rotation-interrupted'),
        );
      }
      // The access token it replaces goes with the mark: never restored once a refresh went out for it.
      const { access: _replaced, ...rest } = stored;
      const marked = stored.rotatingSince ? stored : { ...rest, rotatingSince: new Date(this.now()).toISOString() };
      if (marked !== stored) await this.#write(profileId, marked);
      return marked;
    });

    let tokens: TokenResponse;
    try {
      tokens = await this.oidc.refresh(environment, entry.refreshToken);
    } catch (error) {
      const failure = error instanceof ReauthFailure ? error.failure : classifyOidcError(error);
      // Visma answered (even with an error): nothing was rotated, the mark goes. Without a readable answer it stays.
      const answered = failure.outcome !== 'network-error' && failure.errorCode !== 'response-too-large';
      if (answered) await this.#clearMark(profileId, epoch, entry);
      if (failure.errorCode === 'invalid_grant') {
        this.#access.delete(profileId);
        throw new ReauthRequired('invalid_grant', failure.detail ? verbatim(failure.detail) : message('health.token.invalid-grant'));
      }
      throw error;
    }

    const tenant = tenantOf(tokens.accessToken);
    if (tenant !== entry.tenantId) {
      // Not the company this connection was made for: nothing of it is kept, and Visma is told.
      await this.#exclusive(profileId, async () => {
        if (this.#epoch(profileId) === epoch) {
          this.#endEpoch(profileId);
          await this.vault.delete(profileId);
        }
      });
      await this.discard(environment, tokens);
      throw tenant === undefined
        ? new ReauthRequired('no-company', message('health.token.no-company', { expected: entry.tenantId }))
        : new ReauthRequired('wrong-company', message('health.token.wrong-company', { got: tenant, expected: entry.tenantId }));
    }

    const access = await this.#exclusive(profileId, async () => {
      if (this.#epoch(profileId) !== epoch) return null;
      const times = this.#times(tokens);
      const fresh = { token: tokens.accessToken, expiresAt: this.#expiry(tokens), tenantId: entry.tenantId };
      const rotated = tokens.refreshToken !== undefined && tokens.refreshToken !== entry.refreshToken;
      const { rotatingSince: _done, ...settled } = entry;
      // One-time refresh tokens: the new one must be safe in the vault before the old is dropped.
      await this.#write(profileId, {
        ...settled,
        ...(rotated ? { refreshToken: tokens.refreshToken!, savedAt: new Date(this.now()).toISOString() } : {}),
        ...(rotated && times.refreshTokenExpiresAt ? { refreshTokenExpiresAt: times.refreshTokenExpiresAt } : {}),
        access: kept(fresh),
      });
      this.#access.set(profileId, fresh);
      return fresh;
    });
    if (!access) {
      // The connection ended (disconnect, deletion, a change, a new login) while this answer was on its way.
      await this.discard(environment, tokens);
      throw new ReauthRequired('connection-ended', message('health.token.ended-late'));
    }
    return access;
  }

  /**
   * Disconnect and delete: revoke the refresh token at Visma, then remove it here whatever
   * Visma said. A failed revoke is returned so the user hears of it.
   */
  async disconnect(profileId: string, environment: Environment | undefined): Promise<{ revoked: boolean; revokeError?: string }> {
    return this.#exclusive(profileId, async () => {
      this.#endEpoch(profileId);
      const entry = await this.vault.get(profileId);
      if (!entry) return { revoked: false };
      let result: { revoked: boolean; revokeError?: string } = { revoked: false };
      if (!environment) result = { revoked: false, revokeError: 'its environment no longer exists, so Visma could not be told' };
      else {
        try {
          await this.oidc.revoke(environment, entry.refreshToken);
          result = { revoked: true };
        } catch (error) {
          const failure = error instanceof ReauthFailure ? error.failure : classifyOidcError(error);
          result = { revoked: false, revokeError: failure.detail ?? (failure.errorCode ? `Visma answered ${failure.errorCode}` : failure.outcome) };
        }
      }
      await this.vault.delete(profileId);
      return result;
    });
  }

  /** Best effort: tokens we will not keep (wrong company, refused by the API, a late answer). */
  async discard(environment: Environment, tokens: TokenResponse): Promise<void> {
    try {
      if (tokens.refreshToken) await this.oidc.revoke(environment, tokens.refreshToken);
      else await this.oidc.revoke(environment, tokens.accessToken, 'access_token');
    } catch {
      // Nothing was stored; an unrevoked token simply expires.
    }
  }

  async hasTokens(profileId: string): Promise<boolean> {
    return this.#access.has(profileId) || (await this.vault.get(profileId)) !== null;
  }

  #epoch(profileId: string): number {
    return this.#epochs.get(profileId) ?? 0;
  }

  #endEpoch(profileId: string): void {
    this.#epochs.set(profileId, this.#epoch(profileId) + 1);
    this.#access.delete(profileId);
  }

  #checkEpoch(profileId: string, epoch: number): void {
    if (this.#epoch(profileId) !== epoch) throw new ReauthRequired('connection-ended', message('health.token.ended-before'));
  }

  async #clearMark(profileId: string, epoch: number, entry: VaultEntry): Promise<void> {
    await this.#exclusive(profileId, async () => {
      if (this.#epoch(profileId) !== epoch) return;
      const { rotatingSince: _cleared, ...settled } = entry;
      await this.#write(profileId, settled).catch(() => undefined); // a mark left behind only costs a reconnect
    });
  }

  /** Vault reads and writes of one profile, one at a time: a late refresh cannot write over a disconnect. */
  async #exclusive<T>(profileId: string, work: () => Promise<T>): Promise<T> {
    const before = this.#locks.get(profileId) ?? Promise.resolve();
    const run = before.then(work, work);
    const settled = run.catch(() => undefined);
    this.#locks.set(profileId, settled);
    try {
      return await run;
    } finally {
      if (this.#locks.get(profileId) === settled) this.#locks.delete(profileId);
    }
  }

  async #write(profileId: string, entry: VaultEntry): Promise<void> {
    try {
      await this.vault.set(profileId, entry);
    } catch (error) {
      throw new VaultWriteError(error instanceof Error ? error.message : String(error));
    }
  }

  #expiry(tokens: TokenResponse): number {
    return this.now() + (tokens.expiresIn ?? 3600) * 1000;
  }

  #times(tokens: TokenResponse): ConnectionTimes {
    return {
      accessTokenExpiresAt: new Date(this.#expiry(tokens)).toISOString(),
      ...(tokens.refreshExpiresIn ? { refreshTokenExpiresAt: new Date(this.now() + tokens.refreshExpiresIn * 1000).toISOString() } : {}),
    };
  }
}
