import type { Environment } from '../../shared/environment';
import type { Profile, ProfileState } from '../../shared/profile';
import { callVerifyEndpoint, type ErpAnswer } from '../reauth/erp-api';
import { classifyOidcError } from '../reauth/oidc-client';
import { type Message, message } from '../../shared/i18n/message';
import { english } from '../in-words';
import { apiUserFix } from '../reauth/outcomes';
import { MAX_RATE_LIMIT_WAIT_MS } from '../reauth/rate-limit';
import { ReauthRequired, type TokenManager, VaultWriteError } from '../reauth/token-manager';
import type { RateGate } from './rate-gate';
import { withRetries } from './with-retries';

export interface CheckOptions {
  tokens: TokenManager;
  fetch: typeof fetch;
  now: () => Date;
  /** Attempts for network errors, 5xx and time-outs before the status becomes `error`. */
  attempts: number;
  baseDelayMs: number;
  /** A refresh token ending within this many days makes a working profile `expiring`. */
  expiringWithinDays: number;
  signal?: AbortSignal;
  /** Shared by the check's workers: a 429 pauses them all. */
  gate?: RateGate;
}

/** 429s one profile may meet (waiting each time) before it is left as `error`. */
const RATE_LIMIT_WAITS = 3;

export interface CheckResult {
  state: Partial<ProfileState>;
  /** For the audit trail. */
  kind: 'verify' | 'refresh';
  outcome: string;
  errorCode?: string;
  /** English, for the trail's older readers; `words` is the same as data. */
  message: string;
  words: Message;
}

type TokenAttempt = { ok: true; token: string; refreshed: boolean; accessTokenExpiresAt?: string } | { ok: false; transient: boolean; result: CheckResult };

const needsReauth = (now: Date, code: string, words: Message, kind: CheckResult['kind'] = 'verify'): CheckResult => {
  const message = english.text(words);
  return { state: { status: 'needs-reauth', statusSince: now.toISOString(), statusReason: { code, message, words } }, kind, outcome: 'needs-reauth', errorCode: code, message, words };
};

const failed = (now: Date, code: string, words: Message, kind: CheckResult['kind'] = 'verify'): CheckResult => {
  const message = english.text(words);
  return { state: { status: 'error', statusSince: now.toISOString(), statusReason: { code, message, words } }, kind, outcome: 'error', errorCode: code, message, words };
};

async function getToken(profile: Profile, environment: Environment, options: CheckOptions, forceRefresh: boolean): Promise<TokenAttempt> {
  const now = options.now();
  try {
    const { token, refreshed, times } = await options.tokens.accessToken(profile.id, environment, { forceRefresh });
    return { ok: true, token, refreshed, ...(times.accessTokenExpiresAt ? { accessTokenExpiresAt: times.accessTokenExpiresAt } : {}) };
  } catch (error) {
    if (error instanceof ReauthRequired) {
      const words =
        error.code === 'invalid_grant'
          ? message('health.invalid-grant')
          : error.code === 'no-token' || error.code === 'wrong-environment'
            ? message('health.reconnect-after', { reason: error.words })
            : error.words;
      return { ok: false, transient: false, result: needsReauth(now, error.code, words, 'refresh') };
    }
    if (error instanceof VaultWriteError) return { ok: false, transient: false, result: failed(now, 'keychain', message('health.keychain-rotated', { detail: error.message }), 'refresh') };
    const failure = classifyOidcError(error);
    const transient = failure.outcome === 'network-error' || failure.outcome === 'server-error';
    const words = transient
      ? message('health.refresh-failed.transient', { detail: failure.detail ?? (failure.errorCode ? message('health.detail.http', { code: failure.errorCode }) : message('health.detail.no-answer')) })
      : message('health.refresh-failed', { detail: failure.detail ?? failure.outcome });
    return { ok: false, transient, result: failed(now, failure.errorCode ?? failure.outcome, words, 'refresh') };
  }
}

function classify(profile: Profile, answer: ErpAnswer & { ok: false }, now: Date): CheckResult {
  switch (answer.kind) {
    case 'legacy-token':
      return needsReauth(now, answer.faultCode ?? '12002', message('health.legacy-token', { errorId: errorIdNote(answer) }));
    case 'no-license':
      return needsReauth(now, answer.faultCode ?? '12027', message('health.no-license', { fix: apiUserFix(profile), errorId: errorIdNote(answer) }));
    case 'unauthorized':
      return needsReauth(now, '401', message('health.unauthorized'));
    case 'server-error':
      return failed(now, String(answer.status), message('health.server-error', { status: String(answer.status) }));
    case 'network-error':
      return failed(now, 'network', message('health.network-error', { detail: answer.message }));
    case 'rate-limited':
      return failed(now, '429', rateLimitedWords(answer, now));
    case 'unexpected':
      return failed(now, String(answer.status), message('health.unexpected', { status: String(answer.status), detail: answer.message }));
  }
}

/** When the refresh token ends: a date (ISO in English, as the reader's locale writes dates elsewhere). */
const ending = (ends: Date): Message => message('health.refresh-token-ending', { date: ends.toISOString().slice(0, 10) });

/** Visma's per-request error id, for Visma's support: never to be read as a company. */
const errorIdNote = (answer: ErpAnswer & { ok: false }): Message | string => (answer.vismaErrorId ? message('health.error-id', { id: answer.vismaErrorId }) : '');

function rateLimitedWords(answer: ErpAnswer & { ok: false }, now: Date): Message {
  const wait = answer.rateLimit ? Math.ceil((answer.rateLimit.notBefore - now.getTime()) / 60_000) : 0;
  return message('health.rate-limited', { wait: Math.max(wait, 0) });
}

/**
 * The verify call: network errors and 5xx are retried with backoff; a 429 holds the shared gate until
 * the time Visma named (Retry-After, X-RateLimit-Reset) and asks again, a few times at most.
 */
async function askApi(environment: Environment, token: string, options: CheckOptions, retry: Parameters<typeof withRetries>[2]): Promise<ErpAnswer> {
  for (let waits = 0; ; waits++) {
    await options.gate?.pass(options.signal);
    const answer = await withRetries(
      () => callVerifyEndpoint(environment, token, options.fetch),
      (a) => !a.ok && (a.kind === 'network-error' || a.kind === 'server-error'),
      retry,
    );
    const waitMs = (answer.rateLimit?.notBefore ?? 0) - options.now().getTime();
    // A wait too long to sit through is not held: each profile then ends as error after one call.
    if (answer.rateLimit && waitMs <= MAX_RATE_LIMIT_WAIT_MS) options.gate?.hold(answer.rateLimit.notBefore);
    if (answer.ok || answer.kind !== 'rate-limited') return answer;
    if (waits >= RATE_LIMIT_WAITS || waitMs > MAX_RATE_LIMIT_WAIT_MS || !options.gate || options.signal?.aborted) return answer;
  }
}

/**
 * One profile against the ERP API, refreshing as needed, classified into the status model:
 * 12002, 12027, invalid_grant and a 401 after a fresh refresh need a reconnect; network
 * errors, 5xx and time-outs are retried with backoff and then are `error` — never a reconnect.
 */
export async function checkProfile(profile: Profile, environment: Environment, options: CheckOptions): Promise<CheckResult> {
  const retry = { attempts: options.attempts, baseDelayMs: options.baseDelayMs, ...(options.signal ? { signal: options.signal } : {}) };
  let forceRefresh = false;
  for (;;) {
    const token = await withRetries(() => getToken(profile, environment, options, forceRefresh), (t) => !t.ok && t.transient, retry);
    if (!token.ok) return token.result;
    const answer = await askApi(environment, token.token, options, retry);
    const now = options.now();
    if (answer.ok) {
      const ends = profile.refreshTokenExpiresAt ? new Date(profile.refreshTokenExpiresAt) : undefined;
      const expiring = ends && ends.getTime() - now.getTime() < options.expiringWithinDays * 86_400_000;
      return {
        state: {
          status: expiring ? 'expiring' : 'connected',
          statusSince: profile.status === (expiring ? 'expiring' : 'connected') ? profile.statusSince : now.toISOString(),
          statusReason: expiring ? { code: 'refresh-token-ending', message: english.text(ending(ends)), words: ending(ends) } : undefined,
          lastVerifiedAt: now.toISOString(),
          ...(token.accessTokenExpiresAt ? { accessTokenExpiresAt: token.accessTokenExpiresAt } : {}),
        },
        kind: 'verify',
        outcome: expiring ? 'expiring' : 'connected',
        message: english.t('health.accepted'),
        words: message('health.accepted'),
      };
    }
    // A 401 with a token that was not just refreshed may only mean it expired early: refresh once and ask again.
    if (answer.kind === 'unauthorized' && !token.refreshed && !forceRefresh) {
      forceRefresh = true;
      continue;
    }
    return classify(profile, answer, now);
  }
}
