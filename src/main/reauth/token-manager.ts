import { decodeJwt } from 'jose';
import type { Environment } from '../../shared/environment';
import type { OidcClient, TokenResponse } from './oidc-client';
import type { TokenVault, VaultEntry } from './token-vault';

/** Refresh this long before the access token would expire, so no call goes out with a dying token. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

interface AccessToken {
  token: string;
  expiresAt: number;
  tenantId: string;
}

export interface ConnectionTimes {
  accessTokenExpiresAt?: string;
  refreshTokenExpiresAt?: string;
}

/** The refresh token is gone or dead: only an interactive login helps (status needs-reauth). */
export class ReauthRequired extends Error {
  constructor(
    readonly code: 'no-token' | 'invalid_grant' | 'wrong-environment',
    message: string,
  ) {
    super(message);
  }
}

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
 * A rotated refresh token is written to the vault before the old one is let go; a refused
 * refresh (invalid_grant) means the profile needs an interactive login.
 */
export class TokenManager {
  readonly #access = new Map<string, AccessToken>();
  readonly #refreshing = new Map<string, Promise<AccessToken>>();

  constructor(
    private readonly oidc: OidcClient,
    readonly vault: TokenVault,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keeps a fresh login's tokens: the refresh token in the vault first, then the access token in memory. */
  async store(profileId: string, environment: Environment, tokens: TokenResponse, tenantId: string): Promise<ConnectionTimes> {
    const times = this.#times(tokens);
    if (tokens.refreshToken) {
      await this.#write(profileId, {
        refreshToken: tokens.refreshToken,
        environmentId: environment.id,
        tenantId,
        savedAt: new Date(this.now()).toISOString(),
        ...(times.refreshTokenExpiresAt ? { refreshTokenExpiresAt: times.refreshTokenExpiresAt } : {}),
      });
    } else {
      await this.vault.delete(profileId); // an older login's refresh token belongs to other tokens
    }
    this.#access.set(profileId, { token: tokens.accessToken, expiresAt: this.#expiry(tokens), tenantId });
    return times;
  }

  /** A usable access token for the profile, refreshed if it is missing or about to expire. */
  async accessToken(profileId: string, environment: Environment, options: { forceRefresh?: boolean } = {}): Promise<{ token: string; times: ConnectionTimes; refreshed: boolean }> {
    const cached = this.#access.get(profileId);
    if (cached && !options.forceRefresh && cached.expiresAt - this.now() > REFRESH_MARGIN_MS) {
      return { token: cached.token, times: { accessTokenExpiresAt: new Date(cached.expiresAt).toISOString() }, refreshed: false };
    }
    let pending = this.#refreshing.get(profileId);
    if (!pending) {
      pending = this.#refresh(profileId, environment).finally(() => this.#refreshing.delete(profileId));
      this.#refreshing.set(profileId, pending);
    }
    const fresh = await pending;
    return { token: fresh.token, times: { accessTokenExpiresAt: new Date(fresh.expiresAt).toISOString() }, refreshed: true };
  }

  async #refresh(profileId: string, environment: Environment): Promise<AccessToken> {
    const entry = await this.vault.get(profileId);
    if (!entry) throw new ReauthRequired('no-token', 'Bridgekeeper holds no refresh token for this profile.');
    if (entry.environmentId !== environment.id) {
      throw new ReauthRequired('wrong-environment', 'The stored token belongs to another environment.');
    }
    let tokens: TokenResponse;
    try {
      tokens = await this.oidc.refresh(environment, entry.refreshToken);
    } catch (error) {
      if ((error as { error?: unknown }).error === 'invalid_grant') {
        this.#access.delete(profileId);
        throw new ReauthRequired('invalid_grant', (error as { error_description?: string }).error_description ?? 'The refresh token was refused (invalid_grant).');
      }
      throw error;
    }
    if (tokens.refreshToken && tokens.refreshToken !== entry.refreshToken) {
      // One-time refresh tokens: the new one must be safe in the vault before the old is dropped.
      const times = this.#times(tokens);
      await this.#write(profileId, {
        ...entry,
        refreshToken: tokens.refreshToken,
        savedAt: new Date(this.now()).toISOString(),
        ...(times.refreshTokenExpiresAt ? { refreshTokenExpiresAt: times.refreshTokenExpiresAt } : {}),
      });
    }
    const access = { token: tokens.accessToken, expiresAt: this.#expiry(tokens), tenantId: tenantOf(tokens.accessToken) ?? entry.tenantId };
    this.#access.set(profileId, access);
    return access;
  }

  /**
   * Disconnect and delete: revoke the refresh token at Visma, then remove it here whatever
   * Visma said. A failed revoke is returned so the user hears of it.
   */
  async disconnect(profileId: string, environment: Environment | undefined): Promise<{ revoked: boolean; revokeError?: string }> {
    this.#access.delete(profileId);
    const entry = await this.vault.get(profileId);
    if (!entry) return { revoked: false };
    let result: { revoked: boolean; revokeError?: string } = { revoked: false };
    if (!environment) result = { revoked: false, revokeError: 'its environment no longer exists, so Visma could not be told' };
    else {
      try {
        await this.oidc.revoke(environment, entry.refreshToken);
        result = { revoked: true };
      } catch (error) {
        result = { revoked: false, revokeError: error instanceof Error ? error.message : String(error) };
      }
    }
    await this.vault.delete(profileId);
    return result;
  }

  /** Best effort: tokens from a login we will not keep (wrong company, refused by the API). */
  async discard(environment: Environment, tokens: TokenResponse): Promise<void> {
    if (!tokens.refreshToken) return;
    try {
      await this.oidc.revoke(environment, tokens.refreshToken);
    } catch {
      // Nothing was stored; an unrevoked token simply expires.
    }
  }

  async hasTokens(profileId: string): Promise<boolean> {
    return this.#access.has(profileId) || (await this.vault.get(profileId)) !== null;
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
