import * as client from 'openid-client';
import type { Environment } from '../../shared/environment';
import { type Failure, ReauthFailure } from './outcomes';

/** What one login attempt must remember between the authorize URL and the redirect. Never persisted. */
export interface PendingLogin {
  url: URL;
  codeVerifier: string;
  state: string;
  nonce: string;
}

export interface TokenResponse {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** Seconds, as the server said. */
  expiresIn?: number;
  refreshExpiresIn?: number;
  scope?: string;
}

const REQUEST_TIMEOUT_SECONDS = 20;

/**
 * The relying party, on openid-client (a certified implementation): discovery per environment
 * (cached), PKCE S256 + state + nonce, the code exchange with ID token validation — issuer,
 * audience, nonce, expiry, and the signature against the JWKS — refresh and revocation.
 */
export class OidcClient {
  readonly #configs = new Map<string, Promise<client.Configuration>>();

  constructor(private readonly fetchImpl: typeof fetch = fetch) {}

  configFor(environment: Environment): Promise<client.Configuration> {
    const key = `${environment.issuer}|${environment.clientId}`;
    let config = this.#configs.get(key);
    if (!config) {
      config = this.#discover(environment);
      this.#configs.set(key, config);
      // A failed discovery is not cached: the next attempt asks again.
      config.catch(() => this.#configs.delete(key));
    }
    return config;
  }

  async #discover(environment: Environment): Promise<client.Configuration> {
    const insecure = new URL(environment.issuer).protocol === 'http:'; // the schema allows http on loopback only
    // openid-client's fetch options are a subset of RequestInit, typed apart from Node's.
    const viaFetch: NonNullable<client.DiscoveryRequestOptions[typeof client.customFetch]> = (url, options) =>
      this.fetchImpl(url, options as unknown as RequestInit);
    const config = await client.discovery(new URL(environment.issuer), environment.clientId, undefined, client.None(), {
      timeout: REQUEST_TIMEOUT_SECONDS,
      [client.customFetch]: viaFetch,
      execute: [client.enableNonRepudiationChecks, ...(insecure ? [client.allowInsecureRequests] : [])],
    });
    config.timeout = REQUEST_TIMEOUT_SECONDS;
    config[client.customFetch] = viaFetch;
    return config;
  }

  async begin(environment: Environment, loginHint: string): Promise<PendingLogin> {
    const config = await this.configFor(environment);
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: environment.redirectUri,
      scope: environment.scopes,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      // A fresh login every time, for the user the profile names (Visma may ignore these; harmless).
      prompt: 'login',
      login_hint: loginHint,
    });
    return { url, codeVerifier, state, nonce };
  }

  async exchange(environment: Environment, pending: PendingLogin, callback: URL): Promise<TokenResponse> {
    const config = await this.configFor(environment);
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    return toTokenResponse(tokens);
  }

  async refresh(environment: Environment, refreshToken: string): Promise<TokenResponse> {
    const config = await this.configFor(environment);
    return toTokenResponse(await client.refreshTokenGrant(config, refreshToken));
  }

  async revoke(environment: Environment, refreshToken: string): Promise<void> {
    const config = await this.configFor(environment);
    await client.tokenRevocation(config, refreshToken, { token_type_hint: 'refresh_token' });
  }
}

function toTokenResponse(tokens: client.TokenEndpointResponse): TokenResponse {
  const refreshExpiresIn = (tokens as { refresh_token_expires_in?: unknown }).refresh_token_expires_in;
  return {
    accessToken: tokens.access_token,
    ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}),
    ...(tokens.id_token ? { idToken: tokens.id_token } : {}),
    ...(typeof tokens.expires_in === 'number' ? { expiresIn: tokens.expires_in } : {}),
    ...(typeof refreshExpiresIn === 'number' ? { refreshExpiresIn } : {}),
    ...(tokens.scope ? { scope: tokens.scope } : {}),
  };
}

const SECURITY_CODES = new Set([
  'OAUTH_JWT_CLAIM_COMPARISON_FAILED', // iss, aud or nonce of the ID token
  'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED', // state, iss of the authorization response
  'OAUTH_JWT_TIMESTAMP_CHECK_FAILED', // ID token expired or from the future
  'OAUTH_KEY_SELECTION_FAILED', // no key in the JWKS for the ID token
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'OAUTH_JWS_SIGNATURE_VERIFICATION_FAILED',
  'OAUTH_INVALID_RESPONSE',
]);

/** Sorts anything openid-client or fetch throws into the outcomes a user can act on. */
export function classifyOidcError(error: unknown): Failure {
  if (error instanceof ReauthFailure) return error.failure;
  if (error instanceof client.AuthorizationResponseError || error instanceof client.ResponseBodyError) {
    const description = error.error_description ?? undefined;
    const withDetail = (outcome: Failure['outcome']): Failure => ({
      outcome,
      errorCode: error.error,
      ...(description ? { detail: description } : {}),
    });
    if (error.error === 'access_denied') return withDetail('consent-denied');
    if (error.error === 'invalid_tenant' || /not entitled/i.test(description ?? '')) return withDetail('api-user-missing');
    if (error instanceof client.ResponseBodyError && error.status >= 500) return { ...withDetail('server-error'), errorCode: String(error.status) };
    return withDetail('login-failed');
  }
  const code = (error as { code?: unknown }).code;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Response && cause.status >= 500) return { outcome: 'server-error', errorCode: String(cause.status) };
  if (typeof code === 'string' && SECURITY_CODES.has(code)) {
    return { outcome: 'security-check-failed', errorCode: code, detail: securityDetail(error as Error) };
  }
  if (isNetworkError(error)) return { outcome: 'network-error', detail: networkDetail(error) };
  return { outcome: 'login-failed', detail: error instanceof Error ? error.message : String(error) };
}

const CLAIM_NAMES: Record<string, string> = { iss: 'issuer', aud: 'audience', nonce: 'nonce', state: 'state' };

/**
 * Names what did not match, e.g. "the ID token's issuer is X, expected Y". openid-client wraps
 * oauth4webapi's error, whose cause carries the claim (or attribute) and both values.
 */
function securityDetail(error: Error): string {
  let inner: unknown = error;
  for (let depth = 0; depth < 4 && inner; depth++) {
    const details = inner as { claim?: unknown; attribute?: unknown; expected?: unknown; claims?: Record<string, unknown>; body?: Record<string, unknown>; cause?: unknown };
    const name = details.claim ?? details.attribute;
    if (typeof name === 'string') {
      const what = `${details.claim ? "the ID token's" : "the login response's"} ${CLAIM_NAMES[name] ?? name}`;
      const actual = (details.claims ?? details.body)?.[name];
      return actual !== undefined && details.expected !== undefined ? `${what} is ${String(actual)}, expected ${String(details.expected)}` : `${what} does not match`;
    }
    inner = details.cause;
  }
  const cause = error.cause;
  return cause instanceof Error ? cause.message : error.message;
}

/** Electron's net.fetch rejects with Chromium's error names, `Error('net::ERR_NAME_NOT_RESOLVED')` and the like. */
const CHROMIUM_NET_ERROR = /\bnet::ERR_[A-Z_]+/;

/** Node's fetch (undici) or Electron's net.fetch failed to reach the server, anywhere in the cause chain. */
export function isNetworkError(error: unknown): boolean {
  if (error === null || error === undefined) return false;
  const name = (error as { name?: unknown }).name;
  return (
    name === 'TimeoutError' ||
    (error instanceof Error && CHROMIUM_NET_ERROR.test(error.message)) ||
    name === 'AbortError' ||
    (error as { code?: unknown }).code === 'OAUTH_TIMEOUT' ||
    (error instanceof TypeError && /fetch failed|network|terminated/i.test(error.message)) ||
    (error instanceof Error && error.cause !== undefined && isNetworkError(error.cause)) ||
    ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT'].includes(
      String((error as { code?: unknown }).code),
    )
  );
}

function networkDetail(error: unknown): string {
  const name = (error as { name?: unknown }).name;
  if (name === 'TimeoutError' || name === 'AbortError') return `No answer within ${REQUEST_TIMEOUT_SECONDS} seconds.`;
  const code = (error as { cause?: { code?: unknown } }).cause?.code ?? (error as { code?: unknown }).code ?? chromiumNetError(error);
  return code ? `The connection failed (${String(code)}).` : 'The connection failed.';
}

function chromiumNetError(error: unknown): string | undefined {
  for (let inner = error, depth = 0; inner instanceof Error && depth < 5; inner = inner.cause, depth++) {
    const match = CHROMIUM_NET_ERROR.exec(inner.message);
    if (match) return match[0];
  }
  return undefined;
}
