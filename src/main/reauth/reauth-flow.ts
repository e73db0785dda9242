import { inWords } from '../in-words';
import type { Environment } from '../../shared/environment';
import type { Profile } from '../../shared/profile';
import type { ReauthStep } from '../../shared/reauth';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ErpAnswer, callVerifyEndpoint } from './erp-api';
import { BrowserError } from '../browser/browser-error';
import { type LoginChannel, type LoginSurface, windowChannel } from './login-surface';
import { type LoggedInUser, type OidcClient, type TokenResponse, classifyOidcError, redactFailure } from './oidc-client';
import { type Failure, ReauthFailure, fail, sameSignInName } from './outcomes';
import { type ConnectionTimes, type TokenManager, VaultWriteError, tenantOf } from './token-manager';

export interface ReauthFlowDeps {
  oidc: OidcClient;
  surface: LoginSurface;
  /** The login's channel when it is not the built-in window (a browser on this machine, B4). */
  channel?: (environment: Environment) => Promise<LoginChannel>;
  tokens: TokenManager;
  fetch: typeof fetch;
  /** The name Bridgekeeper knows for a company id, to name the company a user picked by mistake. */
  companyName(companyId: string): string | undefined;
  loginTimeoutMs: number;
  onStep(step: ReauthStep): void;
  /**
   * Another Visma user logged in than the profile's API user (issue 23): the person keeps the login —
   * that user becomes the profile's API user — or discards it. Absent (no one to ask): discarded.
   */
  askOtherUser?(shown: string, signal: AbortSignal): Promise<OtherUserChoice>;
  /** The person kept another user's login: make that user the profile's API user, before its tokens are stored. */
  adoptUser?(shown: string): Promise<void>;
}

/** The person's answer to a login made as another user, or how the question ended without one. */
export type OtherUserChoice = 'keep' | 'discard' | 'cancelled' | 'timed-out';

export type FlowResult =
  | { outcome: 'connected'; times: ConnectionTimes; verifiedAt: Date; hasRefreshToken: boolean; loggedInAs?: string; adoptedUser?: string }
  /** The login worked and the tokens are kept, but the API could not be asked: status error, a health check retries. */
  | { outcome: 'unverified'; times: ConnectionTimes; failure: Failure }
  | Failure;

const originOf = (url: string) => new URL(url).origin;

/** Up to the redirect: the person's part, in a window made for this attempt alone. */
async function login(profile: Profile, environment: Environment, deps: ReauthFlowDeps, cancel: AbortSignal) {
  deps.onStep('opening');
  const channel = await openChannel(environment, deps);
  try {
    const pending = await deps.oidc.begin(environment, profile.apiUser, channel.redirectUri);
    if (cancel.aborted) fail({ outcome: 'cancelled' }); // cancelled while discovery was under way
    deps.onStep('waiting');
    const timeout = AbortSignal.timeout(deps.loginTimeoutMs);
    const result = await channel
      .open({
        url: pending.url,
        allowedOrigins: [originOf(environment.issuer), ...environment.extraLoginOrigins.map(originOf)],
        title: `Visma login for ${profile.name}`,
        signal: AbortSignal.any([cancel, timeout]),
      })
      .catch(browserFailure);
    if (result.kind === 'closed') fail({ outcome: timeout.aborted ? 'timed-out' : 'cancelled' });
    return { pending, callback: result.url };
  } finally {
    await channel.close(); // a throw-away browser closes and its profile folder goes, whatever the outcome
  }
}

async function openChannel(environment: Environment, deps: ReauthFlowDeps): Promise<LoginChannel> {
  return deps.channel ? deps.channel(environment).catch(browserFailure) : windowChannel(deps.surface, environment.redirectUri);
}

/** The browser could not be used: not installed, not startable, or no loopback redirect to listen on. */
function browserFailure(error: unknown): never {
  if (error instanceof BrowserError) fail({ outcome: 'browser-failed', detail: error.message, detailWords: error.words });
  throw error;
}

/** The company check (F5): the token's tenant_id must be the profile's company. */
function checkCompany(profile: Profile, tokens: TokenResponse, deps: ReauthFlowDeps): string {
  const tenant = tenantOf(tokens.accessToken);
  if (tenant === undefined) fail({ outcome: 'no-company' });
  if (tenant !== profile.companyId) {
    const name = deps.companyName(tenant);
    fail({ outcome: 'wrong-company', pickedCompany: { id: tenant, ...(name ? { name } : {}) } });
  }
  return tenant;
}

/**
 * The user check (issue 23): the user who logged in must be the profile's API user. Another one is
 * never connected without a word: the person keeps the login (that user becomes the API user, and
 * the audit trail says so) or it is refused and nothing stored. A login whose user Visma does not
 * name is let through: the company check and the API call still decide. Returns the adopted user.
 */
async function checkUser(profile: Profile, who: LoggedInUser | undefined, deps: ReauthFlowDeps, cancel: AbortSignal): Promise<string | undefined> {
  if (!who || who.names.some((name) => sameSignInName(name, profile.apiUser))) return undefined;
  const choice = deps.askOtherUser ? await deps.askOtherUser(who.shown, cancel) : 'discard';
  if (choice === 'cancelled') fail({ outcome: 'cancelled', loggedInAs: who.shown });
  if (choice === 'timed-out') fail({ outcome: 'timed-out', loggedInAs: who.shown });
  if (choice === 'discard' || !deps.adoptUser) fail({ outcome: 'wrong-user', shownUser: who.shown, loggedInAs: who.shown });
  await deps.adoptUser(who.shown);
  return who.shown;
}

/**
 * Reconnects one profile: discovery, PKCE S256 + state + nonce, the isolated login, the code
 * exchange with ID token validation, the company check, the keychain, one verification call.
 * Tokens are stored only for the right company; tokens the API then refuses are removed again.
 */
export async function runReauthFlow(profile: Profile, environment: Environment, deps: ReauthFlowDeps, cancel: AbortSignal): Promise<FlowResult> {
  if (!environment.clientId || !environment.redirectUri) {
    const missing = !environment.clientId && !environment.redirectUri ? 'both' : !environment.clientId ? 'client' : 'redirect';
    const { message: detail, words: detailWords } = inWords('reauth.detail.missing-setting', { environment: environment.name, missing });
    return { outcome: 'not-configured', detail, detailWords };
  }
  let tokens: TokenResponse | undefined;
  try {
    const { pending, callback } = await login(profile, environment, deps, cancel);
    // The one moment a cancel (a bulk run's Skip) is decided: before it, it ends the attempt; from
    // 'checking' on, the login has come back and is checked to its end (issue 23, point 7).
    if (cancel.aborted) fail({ outcome: 'cancelled' });
    deps.onStep('checking');
    tokens = await deps.oidc.exchange(environment, pending, callback);
    const tenant = checkCompany(profile, tokens, deps);
    const who = await deps.oidc.whoLoggedIn(environment, tokens);
    const adoptedUser = await checkUser(profile, who, deps, cancel);
    const loggedInAs = who ? { loggedInAs: who.shown } : {};
    let times: ConnectionTimes;
    try {
      times = await deps.tokens.store(profile.id, environment, tokens, tenant);
    } catch (error) {
      if (error instanceof VaultWriteError) fail({ outcome: 'keychain-failed', detail: error.message });
      throw error;
    }
    const answer = await verify(environment, tokens.accessToken, deps, cancel);
    if (answer.ok) {
      deps.onStep('verified');
      return { outcome: 'connected', times, verifiedAt: new Date(), hasRefreshToken: tokens.refreshToken !== undefined, ...loggedInAs, ...(adoptedUser ? { adoptedUser } : {}) };
    }
    if (answer.kind === 'network-error' || answer.kind === 'server-error' || answer.kind === 'rate-limited') {
      const failure: Failure =
        answer.kind === 'network-error'
          ? { outcome: 'network-error', detail: answer.message }
          : answer.kind === 'rate-limited'
            ? { outcome: 'rate-limited', errorCode: '429', detail: answer.message }
            : { outcome: 'server-error', errorCode: String(answer.status ?? 'error'), detail: answer.message };
      return { outcome: 'unverified', times, failure };
    }
    await deps.tokens.disconnect(profile.id, environment); // the API refuses these tokens: keep none of them
    tokens = undefined;
    const refused: Record<typeof answer.kind, Failure> = {
      'no-license': { outcome: 'api-user-missing', errorCode: answer.faultCode ?? '12027', detail: answer.message, ...loggedInAs },
      unauthorized: { outcome: 'customer-tenant', errorCode: '401' },
      'legacy-token': { outcome: 'legacy-token', errorCode: answer.faultCode ?? '12002', detail: answer.message },
      unexpected: { outcome: 'login-failed', errorCode: String(answer.status), detail: answer.message },
    };
    return refused[answer.kind];
  } catch (error) {
    if (tokens) await deps.tokens.discard(environment, tokens);
    const failure = error instanceof ReauthFailure ? error.failure : classifyOidcError(error);
    return redactFailure(failure, { accessToken: tokens?.accessToken, refreshToken: tokens?.refreshToken, idToken: tokens?.idToken });
  }
}

/** A wait this long (Retry-After) is worth it while the person watches; a longer one leaves the check to later. */
const VERIFY_WAIT_LIMIT_MS = 60_000;

/** The verification call; a 429 with a short Retry-After is waited out once. */
async function verify(environment: Environment, accessToken: string, deps: ReauthFlowDeps, cancel: AbortSignal): Promise<ErpAnswer> {
  const answer = await callVerifyEndpoint(environment, accessToken, deps.fetch);
  if (answer.ok || answer.kind !== 'rate-limited' || !answer.rateLimit) return answer;
  const waitMs = answer.rateLimit.notBefore - Date.now();
  if (waitMs > VERIFY_WAIT_LIMIT_MS) return answer;
  await sleep(Math.max(0, waitMs), undefined, { signal: cancel }).catch(() => undefined);
  return cancel.aborted ? answer : callVerifyEndpoint(environment, accessToken, deps.fetch);
}
