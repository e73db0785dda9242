import * as client from 'openid-client';
import type { Environment } from '../../shared/environment';
import { isLoopbackHost } from '../../shared/secure-url';
import { BODY_CAPS, ResponseTooLarge, cappedResponse } from '../http/read-capped';
import { type Secrets, redactOptional } from '../redact';
import { uiLocaleFor } from './ui-locales';
import { type Failure, ReauthFailure, isCancelWords } from './outcomes';

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
  /** The ID token's claims, validated (a login's answer only; never stored). */
  idClaims?: Record<string, unknown>;
}

/** Who logged in, as Visma names the user: its sign-in name (e-mail) where Visma gives one. */
export interface LoggedInUser {
  sub?: string;
  /** The names the user signs in with (email, preferred_username, upn), as given. */
  names: string[];
  /** How to name the user to a person: the first of its sign-in names, else its display name, else its subject. */
  shown: string;
}

/** The claims that carry a user's sign-in name, in the order they name it best. */
const SIGN_IN_CLAIMS = ['email', 'preferred_username', 'upn', 'unique_name'] as const;

/** Who the claims (the ID token's, or userinfo's) name; undefined when they name nobody by a sign-in name. */
export function userOfClaims(claims: Record<string, unknown> | undefined): LoggedInUser | undefined {
  if (!claims) return undefined;
  const names = [...new Set(SIGN_IN_CLAIMS.map((c) => claims[c]).filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()))];
  if (names.length === 0) return undefined;
  const sub = typeof claims.sub === 'string' ? claims.sub : undefined;
  return { ...(sub ? { sub } : {}), names, shown: names[0]! };
}


const REQUEST_TIMEOUT_SECONDS = 20;

/** A request Bridgekeeper refused to send: plain http to a host that is not this machine. */
export class InsecureRequestRefused extends Error {
  constructor(readonly url: string) {
    super(`Bridgekeeper refused to send a login request over plain http to ${new URL(url).host}: only this machine (the sandbox) may be reached without https.`);
    this.name = 'InsecureRequestRefused';
  }
}

type OidcFetch = NonNullable<client.DiscoveryRequestOptions[typeof client.customFetch]>;

/**
 * The relying party, on openid-client (a certified implementation): discovery per environment
 * (cached), PKCE S256 + state + nonce, the code exchange with ID token validation — issuer,
 * audience, nonce, expiry, and the signature against the JWKS — refresh and revocation.
 */
export class OidcClient {
  readonly #configs = new Map<string, Promise<client.Configuration>>();

  constructor(
    private readonly fetchImpl: typeof fetch = fetch,
    /** The user's language (a BCP 47 tag), sent as ui_locales in Visma's list. */
    private readonly locale: () => string = () => Intl.DateTimeFormat().resolvedOptions().locale,
  ) {}

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
    const discovered: { metadata?: client.ServerMetadata } = {}; // known once discovery has answered
    const viaFetch = this.#guardedFetch(() => discovered.metadata);
    const insecure = new URL(environment.issuer).protocol === 'http:'; // the schema allows http on loopback only
    const config = await client.discovery(new URL(environment.issuer), environment.clientId, undefined, client.None(), {
      timeout: REQUEST_TIMEOUT_SECONDS,
      [client.customFetch]: viaFetch,
      // openid-client's switch is client-wide; #guardedFetch allows plain http per request, to loopback only.
      execute: [client.enableNonRepudiationChecks, ...(insecure ? [client.allowInsecureRequests] : [])],
    });
    discovered.metadata = config.serverMetadata();
    config.timeout = REQUEST_TIMEOUT_SECONDS;
    config[client.customFetch] = viaFetch;
    return config;
  }

  /**
   * Every request openid-client sends goes through here: plain http only when the request's own host
   * is loopback (a discovery document cannot send the code elsewhere over http), and every answer read
   * under a cap for its kind (a flood ends the attempt, not main's memory).
   */
  #guardedFetch(metadata: () => client.ServerMetadata | undefined): OidcFetch {
    return async (url, options) => {
      const target = new URL(url);
      if (target.protocol !== 'https:' && !(target.protocol === 'http:' && isLoopbackHost(target.hostname))) throw new InsecureRequestRefused(url);
      // openid-client's fetch options are a subset of RequestInit, typed apart from Node's.
      const response = await this.fetchImpl(url, options as unknown as RequestInit);
      return cappedResponse(response, capFor(url, metadata()));
    };
  }
  /** The authorize URL for one login; the redirect URI is the environment's unless the login's channel listens on another (a loopback port). */
  async begin(environment: Environment, loginHint: string, redirectUri: string = environment.redirectUri): Promise<PendingLogin> {
    const config = await this.configFor(environment);
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: environment.scopes,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      // A fresh login every time, for the user the profile names (Visma may ignore these; harmless).
      prompt: 'login',
      login_hint: loginHint,
      ui_locales: uiLocaleFor(this.locale()),
    });
    return { url, codeVerifier, state, nonce };
  }

  async exchange(environment: Environment, pending: PendingLogin, callback: URL): Promise<TokenResponse> {
    const secrets: Secrets = { code: callback.searchParams.get('code') ?? undefined, codeVerifier: pending.codeVerifier };
    return guarded(secrets, async () => {
      const config = await this.configFor(environment);
      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      return { ...toTokenResponse(tokens), ...(claims ? { idClaims: { ...claims } } : {}) };
    });
  }

  /**
   * Who logged in: the ID token's sign-in name, else userinfo's (Visma's ID tokens, like
   * IdentityServer's, may carry only `sub`; userinfo gives the e-mail for the `email` scope).
   * Undefined when neither names the user — then nobody can be compared, and nothing is refused for it.
   */
  async whoLoggedIn(environment: Environment, tokens: TokenResponse): Promise<LoggedInUser | undefined> {
    const fromToken = userOfClaims(tokens.idClaims);
    if (fromToken) return fromToken;
    const sub = typeof tokens.idClaims?.sub === 'string' ? tokens.idClaims.sub : undefined;
    try {
      const config = await this.configFor(environment);
      if (!config.serverMetadata().userinfo_endpoint) return undefined;
      const info = await client.fetchUserInfo(config, tokens.accessToken, sub ?? client.skipSubjectCheck);
      return userOfClaims(info as Record<string, unknown>);
    } catch {
      return undefined; // userinfo is a help, not a gate: the company check and the API call still decide
    }
  }

  async refresh(environment: Environment, refreshToken: string): Promise<TokenResponse> {
    return guarded({ refreshToken }, async () => toTokenResponse(await client.refreshTokenGrant(await this.configFor(environment), refreshToken)));
  }

  /** Revokes a refresh token, or an access token (Visma accepts both hints). */
  async revoke(environment: Environment, token: string, kind: 'refresh_token' | 'access_token' = 'refresh_token'): Promise<void> {
    const secrets: Secrets = kind === 'refresh_token' ? { refreshToken: token } : { accessToken: token };
    await guarded(secrets, async () => client.tokenRevocation(await this.configFor(environment), token, { token_type_hint: kind }));
  }
}

/** A failure whose words (and a server-chosen error code) are fit to store, log and show. */
export function redactFailure(failure: Failure, secrets: Secrets): Failure {
  const errorCode = redactOptional(failure.errorCode, secrets)?.slice(0, 64);
  const detail = redactOptional(failure.detail, secrets);
  return { ...failure, ...(errorCode !== undefined ? { errorCode } : {}), ...(detail !== undefined ? { detail } : {}) };
}

/** Which kind of answer a URL gives, for its size cap. */
function capFor(url: string, metadata: client.ServerMetadata | undefined): number {
  if (!metadata) return BODY_CAPS.discovery;
  if (url === metadata.jwks_uri) return BODY_CAPS.jwks;
  if (url === metadata.revocation_endpoint) return BODY_CAPS.revocation;
  return BODY_CAPS.token;
}

/**
 * Runs one exchange with Visma Connect; whatever it throws leaves as a ReauthFailure, sorted and with
 * every foreign word redacted of this exchange's secrets — the one way an OIDC error reaches the rest.
 */
async function guarded<T>(secrets: Secrets, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    // The original error stays behind: its message and body may carry what was sent.
    throw new ReauthFailure(redactFailure(classifyOidcError(error), secrets));
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
  const tooLarge = findCause(error, ResponseTooLarge);
  if (tooLarge) return { outcome: 'server-error', errorCode: 'response-too-large', detail: tooLarge.message };
  const insecure = findCause(error, InsecureRequestRefused);
  if (insecure) return { outcome: 'security-check-failed', errorCode: 'insecure-request', detail: insecure.message };
  if (error instanceof client.AuthorizationResponseError || error instanceof client.ResponseBodyError) {
    const description = error.error_description ?? undefined;
    const withDetail = (outcome: Failure['outcome']): Failure => ({
      outcome,
      errorCode: error.error,
      ...(description ? { detail: description } : {}),
    });
    // Visma's Cancel (at the company picker) comes back as access_denied too: a cancel, not a Deny of the consent.
    if (error.error === 'access_denied' && isCancelWords(description)) return { ...withDetail('cancelled'), cancelledInLogin: true };
    if (error.error === 'access_denied') return withDetail('consent-denied');
    if (error.error === 'invalid_tenant' || /not entitled/i.test(description ?? '')) return withDetail('api-user-missing');
    if (error instanceof client.ResponseBodyError && error.status >= 500) return { ...withDetail('server-error'), errorCode: String(error.status) };
    return withDetail('login-failed');
  }
  const code = (error as { code?: unknown }).code;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Response && cause.status >= 500) return { outcome: 'server-error', errorCode: String(cause.status) };
  if (isUnacceptableSignature(error)) {
    return {
      outcome: 'security-check-failed',
      errorCode: 'unacceptable-signature',
      detail: 'the ID token is unsigned or signed in a way Bridgekeeper does not accept (alg "none", or a shared-secret algorithm such as HS256)',
    };
  }
  if (typeof code === 'string' && SECURITY_CODES.has(code)) {
    return { outcome: 'security-check-failed', errorCode: code, detail: securityDetail(error as Error) };
  }
  if (isNetworkError(error)) return { outcome: 'network-error', detail: networkDetail(error) };
  return { outcome: 'login-failed', detail: error instanceof Error ? error.message : String(error) };
}

/** The error itself or one of its causes, if it is of that class (openid-client wraps what fetch throws). */
function findCause<T extends Error>(error: unknown, type: new (...args: never[]) => T): T | undefined {
  for (let inner = error, depth = 0; inner && depth < 5; inner = (inner as { cause?: unknown }).cause, depth++) {
    if (inner instanceof type) return inner;
  }
  return undefined;
}

/**
 * oauth4webapi refuses an ID token signed with "none" or a symmetric algorithm as an "unsupported
 * operation": for a login answer that is not a missing feature but a forgery, or a hostile provider.
 */
function isUnacceptableSignature(error: unknown): boolean {
  for (let inner = error, depth = 0; inner && depth < 5; inner = (inner as { cause?: unknown }).cause, depth++) {
    const { code, message } = inner as { code?: unknown; message?: unknown };
    if (code === 'OAUTH_UNSUPPORTED_OPERATION' && typeof message === 'string' && /JWS|alg/i.test(message)) return true;
  }
  return false;
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
