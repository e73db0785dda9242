import { missingDetails } from '../../shared/missing-details';
import type { ApiEvent, ReauthOptions } from '../../shared/api';
import type { LoginWith } from '../../shared/login-with';
import type { BrowserLogins } from '../browser/browser-logins';
import type { Environment } from '../../shared/environment';
import { type Profile, definitionOf } from '../../shared/profile';
import type { OtherUserAnswer, PortalWord, ReauthResult, ReauthStep } from '../../shared/reauth';
import { userError } from '../errors';
import { english, inWords } from '../in-words';
import type { EventLog } from '../events/event-log';
import type { JobUrls } from '../portal/job-urls';
import type { PortalReconnects } from '../portal/portal-reconnect';
import type { PortalService } from '../portal/portal-service';
import { message } from '../../shared/i18n/message';
import type { ProfileService } from '../profiles/profile-service';
import type { LoginSurface } from './login-surface';
import type { OidcClient } from './oidc-client';
import type { OutcomeRecorder } from './outcome-recorder';
import { explain } from './outcomes';
import { type OtherUserChoice, runReauthFlow } from './reauth-flow';
import type { TokenManager } from './token-manager';

export interface ReauthServiceDeps {
  profiles: ProfileService;
  environment(id: string): Environment | undefined;
  oidc: OidcClient;
  tokens: TokenManager;
  surface: LoginSurface;
  /** Logins in a browser on this machine (B4). */
  browsers: BrowserLogins;
  /** Portal profiles' reconnects (F18): one room, from the portal sign-in to the verdict. */
  portalReconnects: PortalReconnects;
  portals: Pick<PortalService, 'get'>;
  jobUrls: JobUrls;
  record: OutcomeRecorder;
  events: EventLog;
  emit(event: ApiEvent): void;
  fetch: typeof fetch;
  /** How long the person has for the login, company and consent. Default 10 minutes. */
  loginTimeoutMs: number;
}

/**
 * Reconnect (F4–F7), disconnect (F10), and the status changes they make, one profile at a time. It
 * chooses which kind of attempt to start: its own Visma client's (direct), or the portal's flow
 * (portal/portal-reconnect.ts).
 */
export function createReauthService(deps: ReauthServiceDeps) {
  const underway = new Map<string, AbortController>();
  /** Direct reconnects whose login has come back: being checked, too late to cancel (issue 23, point 7). */
  const checking = new Set<string>();
  /** Direct reconnects waiting for the person's answer about another user's login (the person's part again: cancellable). */
  const otherUserQuestions = new Map<string, (answer: OtherUserAnswer) => void>();
  const { iso, setState } = deps.record;

  const profileOrThrow = (id: string): Profile => {
    const profile = deps.profiles.get(id);
    if (!profile) throw userError('not-found', 'profiles.error.not-found', { id });
    return profile;
  };


  /** One reconnect (or confirmation) of a profile at a time, shown as under way, cancellable. */
  async function running(profile: Profile, attempt: (signal: AbortSignal) => Promise<ReauthResult>): Promise<ReauthResult> {
    if (underway.has(profile.id)) throw userError('conflict', 'reauth.error.running', { profile: profile.name });
    const controller = new AbortController();
    underway.set(profile.id, controller);
    deps.profiles.setTransient([profile.id], 'reauthenticating');
    try {
      return await attempt(controller.signal);
    } finally {
      underway.delete(profile.id);
      checking.delete(profile.id);
      deps.profiles.setTransient([profile.id], null); // also after an unexpected error
    }
  }

  async function reconnectDirect(profile: Profile, override: LoginWith | undefined, signal: AbortSignal): Promise<ReauthResult> {
    const environment = deps.environment(profile.environmentId);
    if (!environment) throw userError('not-found', 'environments.error.not-found', { id: profile.environmentId });
    const loginWith = override ?? environment.loginWith;
    const step = (step: ReauthStep) => deps.emit({ type: 'reauth-progress', profileId: profile.id, step });
    const result = await runReauthFlow(
      profile,
      environment,
      {
        oidc: deps.oidc,
        surface: deps.surface,
        ...(loginWith?.kind === 'browser'
          ? { channel: (env: Environment) => deps.browsers.directChannel(env.redirectUri, loginWith, { waitingForPreviousWindow: () => step('close-previous') }) }
          : {}),
        tokens: deps.tokens,
        fetch: deps.fetch,
        loginTimeoutMs: deps.loginTimeoutMs,
        companyName: (id) => deps.profiles.all().find((p) => p.companyId === id && p.companyName)?.companyName,
        onStep: (s) => {
          if (s === 'checking') checking.add(profile.id);
          step(s);
        },
        askOtherUser: (shown, cancel) => askOtherUser(profile, shown, cancel),
        adoptUser: (shown) => adoptUser(profile, environment, shown),
      },
      signal,
    );
    const timeoutMinutes = Math.round(deps.loginTimeoutMs / 60_000);
    if (result.outcome === 'connected') {
      const found = explain(deps.profiles.get(profile.id) ?? profile, environment, result);
      const explained = result.adoptedUser
        ? { ...found, explanation: message('reauth.join', { first: found.explanation, second: message('reauth.connected.adopted', { to: result.adoptedUser, from: profile.apiUser }) }) }
        : found;
      const noRefresh = result.hasRefreshToken
        ? {}
        : { statusReason: { code: 'no-refresh-token', ...inWords('reauth.no-refresh-token') } };
      setState(profile.id, {
        status: 'connected',
        statusSince: iso(),
        statusReason: undefined,
        lastVerifiedAt: result.verifiedAt.toISOString(),
        accessTokenExpiresAt: result.times.accessTokenExpiresAt,
        refreshTokenExpiresAt: result.times.refreshTokenExpiresAt,
        ...noRefresh,
      });
      deps.events.append({ profileId: profile.id, kind: 'reauth', outcome: 'connected', message: english.text(explained.title), words: explained.title });
      return explained;
    }
    if (result.outcome === 'unverified') {
      const explained = explain(profile, environment, result.failure);
      const unverified = inWords('reauth.unverified.explanation', { explanation: explained.explanation });
      setState(profile.id, {
        status: 'error',
        statusSince: iso(),
        statusReason: { code: result.failure.errorCode ?? result.failure.outcome, ...unverified },
        accessTokenExpiresAt: result.times.accessTokenExpiresAt,
        refreshTokenExpiresAt: result.times.refreshTokenExpiresAt,
      });
      deps.events.append({ profileId: profile.id, kind: 'reauth', outcome: 'unverified', ...(result.failure.errorCode ? { errorCode: result.failure.errorCode } : {}), ...unverified });
      return { ...explained, explanation: unverified.words };
    }
    const explained = explain(profile, environment, result, { timeoutMinutes });
    deps.record.failed(profile, result, explained);
    return explained;
  }

  /** Asks the person, in the reconnect's dialog, whether to keep a login made as `shown`; a cancel or the login's time limit ends the question. */
  function askOtherUser(profile: Profile, shown: string, cancel: AbortSignal): Promise<OtherUserChoice> {
    const timeout = AbortSignal.timeout(deps.loginTimeoutMs);
    return new Promise<OtherUserChoice>((resolve) => {
      if (cancel.aborted) return resolve('cancelled');
      otherUserQuestions.set(profile.id, resolve);
      checking.delete(profile.id); // the person's part again: a cancel (Skip) now ends the attempt
      deps.emit({ type: 'portal-prompt', profileId: profile.id, prompt: { kind: 'other-user', shown, apiUser: profile.apiUser } });
      cancel.addEventListener('abort', () => resolve('cancelled'), { once: true });
      timeout.addEventListener('abort', () => resolve('timed-out'), { once: true });
    }).finally(() => {
      otherUserQuestions.delete(profile.id);
      deps.emit({ type: 'portal-prompt', profileId: profile.id, prompt: null });
    });
  }

  /**
   * The person kept a login made as `shown`: it becomes the profile's API user before its tokens are
   * stored. The old connection (another user's) is revoked first; the audit trail says who it was and who it is.
   */
  async function adoptUser(profile: Profile, environment: Environment, shown: string): Promise<void> {
    checking.add(profile.id); // answered: the login is checked to its end
    const current = deps.profiles.get(profile.id) ?? profile;
    if (current.status !== 'never-connected') {
      await deps.tokens.disconnect(profile.id, environment);
      setState(profile.id, { status: 'never-connected' });
    }
    await deps.profiles.updateProfile(profile.id, { ...definitionOf(current), apiUser: shown });
    deps.profiles.setTransient([profile.id], 'reauthenticating'); // still under way: the API call is to come
    deps.events.append({ profileId: profile.id, kind: 'reauth', outcome: 'api-user-changed', ...inWords('reauth.event.api-user-changed', { from: current.apiUser, to: shown }) });
  }

  return {
    /** `options.loginWith` overrides the environment's or portal's choice for this reconnect (B4). */
    async reauthenticate(profileId: string, options: ReauthOptions = {}): Promise<ReauthResult> {
      const profile = profileOrThrow(profileId);
      // Without them no verdict could tell the right company or user from a wrong one (F19's "needs company").
      const missing = missingDetails(profile);
      if (missing.length > 0) throw userError('invalid-argument', 'reauth.error.needs-details', { name: profile.name, missing: missing.join(' ') });
      return running(profile, (signal) =>
        profile.connection === 'portal' ? deps.portalReconnects.reconnect(profile, options.loginWith, signal) : reconnectDirect(profile, options.loginWith, signal),
      );
    },

    async cancelReauth(profileId: string): Promise<void> {
      // Once the login has come back it is checked to its end: a cancel then is refused in words, never silently dropped.
      if (checking.has(profileId)) throw userError('conflict', 'bulk.error.cancel-too-late', { name: profileOrThrow(profileId).name });
      underway.get(profileId)?.abort();
    },

    /** The person's word on a portal reconnect's page (the built-in window, or a browser Bridgekeeper cannot watch). */
    async reportPortalWord(profileId: string, word: PortalWord): Promise<void> {
      if (!deps.portalReconnects.reportWord(profileId, word)) throw userError('conflict', 'browser.error.noWordAwaited', { profile: profileOrThrow(profileId).name });
    },

    /** A portal profile whose reconnect is not confirmed: the job, or the person's word on its page once more. */
    async confirmPortalConnection(profileId: string): Promise<ReauthResult> {
      const profile = profileOrThrow(profileId);
      if (profile.connection !== 'portal') throw userError('conflict', 'reauth.error.direct-confirm', { profile: profile.name });
      return running(profile, (signal) => deps.portalReconnects.confirm(profile, signal));
    },

    /** Whether a reconnect of this profile is under way. */
    isRunning: (profileId: string) => underway.has(profileId),

    /** Whether a reconnect's login has come back and is being checked: a cancel no longer ends it (issue 23, point 7). */
    isChecking: (profileId: string) => checking.has(profileId),

    /** The person's answer to a direct login made as another user than the profile's API user; refused when none is asked. */
    async answerOtherUser(profileId: string, answer: OtherUserAnswer): Promise<void> {
      const resolve = otherUserQuestions.get(profileId);
      if (!resolve) throw userError('conflict', 'reauth.error.no-question', { profile: profileOrThrow(profileId).name });
      resolve(answer);
    },

    async disconnectProfile(profileId: string): Promise<{ revoked: boolean; revokeError?: string }> {
      const profile = profileOrThrow(profileId);
      if (profile.connection === 'portal') {
        throw userError('conflict', 'reauth.error.portal-disconnect', { profile: profile.name, portal: deps.portals.get(profile.portalId)?.name ?? message('reauth.error.its-portal') });
      }
      const result = await deps.tokens.disconnect(profileId, deps.environment(profile.environmentId));
      setState(profileId, {
        status: 'needs-reauth',
        statusSince: iso(),
        statusReason: { code: 'disconnected', ...inWords('reauth.disconnected') },
        lastVerifiedAt: undefined,
        accessTokenExpiresAt: undefined,
        refreshTokenExpiresAt: undefined,
      });
      deps.events.append({
        profileId,
        kind: 'disconnect',
        outcome: result.revokeError ? 'revoke-failed' : 'disconnected',
        ...(result.revokeError ? inWords('reauth.event.revoke-failed', { detail: result.revokeError }) : inWords('reauth.event.revoked')),
      });
      return result;
    },

    /** Deleting a profile first revokes and removes its tokens (a portal profile: its job URL); a failed revoke is reported, not a reason to keep them. */
    async forgetTokens(profile: Profile): Promise<string | undefined> {
      await deps.jobUrls.forget(profile.id);
      if (profile.connection === 'portal') {
        deps.events.append({ profileId: profile.id, kind: 'delete', outcome: 'deleted', ...inWords('reauth.event.deleted-portal') });
        return undefined;
      }
      const result = await deps.tokens.disconnect(profile.id, deps.environment(profile.environmentId));
      deps.events.append({ profileId: profile.id, kind: 'delete', outcome: result.revokeError ? 'revoke-failed' : 'deleted', ...(result.revokeError ? { message: result.revokeError } : inWords('reauth.event.deleted')) });
      return result.revokeError;
    },

    async setJobUrl(profileId: string, url: string | null): Promise<Profile> {
      const profile = profileOrThrow(profileId);
      if (profile.connection !== 'portal' && url) throw userError('conflict', 'reauth.error.direct-job-url', { profile: profile.name });
      const masked = await deps.jobUrls.set(profileId, url);
      return setState(profileId, { jobUrlMasked: masked })[0] ?? profileOrThrow(profileId);
    },

    async listProfileEvents(profileId: string) {
      return deps.events.forProfile(profileId);
    },
  };
}

export type ReauthService = ReturnType<typeof createReauthService>;
