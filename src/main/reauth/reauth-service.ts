import type { ApiEvent, BrowserWord, ReauthOptions } from '../../shared/api';
import type { LoginWith } from '../../shared/login-with';
import type { BrowserChoice, BrowserLogins } from '../browser/browser-logins';
import { BrowserError } from '../browser/browser-error';
import type { Environment } from '../../shared/environment';
import type { Profile, ProfileState } from '../../shared/profile';
import type { JobConfirmation, PortalSeen, ReauthResult, ReauthStep } from '../../shared/reauth';
import { conflict, notFound } from '../errors';
import type { EventLog } from '../events/event-log';
import type { Logger } from '../logger';
import type { JobUrls } from '../portal/job-urls';
import { runPortalReconnect } from '../portal/portal-reconnect';
import type { PortalService } from '../portal/portal-service';
import type { PortalSurface } from '../portal/portal-surface';
import { runTriggeredJob } from '../portal/triggered-job';
import type { ProfileService } from '../profiles/profile-service';
import type { LoginSurface } from './login-surface';
import type { OidcClient } from './oidc-client';
import { type Failure, explain } from './outcomes';
import { runReauthFlow } from './reauth-flow';
import type { TokenManager } from './token-manager';

export interface ReauthServiceDeps {
  profiles: ProfileService;
  environment(id: string): Environment | undefined;
  oidc: OidcClient;
  tokens: TokenManager;
  surface: LoginSurface;
  /** Logins in a browser on this machine (B4). */
  browsers: BrowserLogins;
  portals: PortalService;
  portalSurface: PortalSurface;
  jobUrls: JobUrls;
  /** A Visma error in a job's message, in words (the error explainer); undefined when it names none. */
  explainJobMessage(message: string): Promise<string | undefined>;
  events: EventLog;
  emit(event: ApiEvent): void;
  log: Logger;
  fetch: typeof fetch;
  /** How long the person has for the login, company and consent. Default 10 minutes. */
  loginTimeoutMs: number;
  now: () => Date;
}

// Not a problem of the user or its roles: the profile has an error, not a need to reconnect differently.
const NETWORK_OUTCOMES = new Set(['network-error', 'server-error', 'portal-failed']);

/** Reconnect (F4–F7, F18), disconnect (F10), and the status changes they make, one profile at a time. */
export function createReauthService(deps: ReauthServiceDeps) {
  const running = new Map<string, AbortController>();
  /** Portal reconnects in a browser, waiting for the person to say how it went. */
  const awaitingWord = new Map<string, (word: BrowserWord) => void>();
  const iso = () => deps.now().toISOString();

  const profileOrThrow = (id: string): Profile => {
    const profile = deps.profiles.get(id);
    if (!profile) throw notFound(`Profile "${id}"`);
    return profile;
  };

  const setState = (id: string, state: Partial<ProfileState>) => deps.profiles.setStates([{ id, state }]);

  /**
   * What a failed reconnect does to the profile. A cancel or time-out, our own setup problem, a wrong
   * company for a profile that never had a connection, or any failure while an older connection still
   * holds changes nothing; otherwise the profile needs a reconnect (or, for network and 5xx, has an error).
   */
  const recordFailure = (profile: Profile, failure: Failure, explained: ReauthResult) => {
    deps.log.info('reauth.failed', { profileId: profile.id, outcome: failure.outcome, errorCode: failure.errorCode ?? null });
    deps.events.append({ profileId: profile.id, kind: 'reauth', outcome: failure.outcome, ...(failure.errorCode ? { errorCode: failure.errorCode } : {}), message: explained.title });
    const unchanged =
      failure.outcome === 'cancelled' ||
      failure.outcome === 'timed-out' ||
      failure.outcome === 'not-configured' ||
      failure.outcome === 'browser-failed' ||
      (failure.outcome === 'wrong-company' && profile.status === 'never-connected') ||
      profile.status === 'connected' ||
      profile.status === 'expiring';
    if (unchanged) return;
    setState(profile.id, {
      status: NETWORK_OUTCOMES.has(failure.outcome) ? 'error' : 'needs-reauth',
      statusSince: iso(),
      statusReason: { code: failure.errorCode ?? failure.outcome, message: `${explained.title}. ${explained.nextStep}` },
    });
  };

  async function reconnectDirect(profile: Profile, override: LoginWith | undefined, signal: AbortSignal): Promise<ReauthResult> {
    const environment = deps.environment(profile.environmentId);
    if (!environment) throw notFound(`Environment "${profile.environmentId}"`);
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
        onStep: (step) => deps.emit({ type: 'reauth-progress', profileId: profile.id, step }),
      },
      signal,
    );
    const timeoutMinutes = Math.round(deps.loginTimeoutMs / 60_000);
    if (result.outcome === 'connected') {
      const explained = explain(profile, environment, result);
      const noRefresh = result.hasRefreshToken
        ? {}
        : { statusReason: { code: 'no-refresh-token', message: 'Visma gave no refresh token (is Offline Access enabled for the client?): the connection ends when the access token expires.' } };
      setState(profile.id, {
        status: 'connected',
        statusSince: iso(),
        statusReason: undefined,
        lastVerifiedAt: result.verifiedAt.toISOString(),
        accessTokenExpiresAt: result.times.accessTokenExpiresAt,
        refreshTokenExpiresAt: result.times.refreshTokenExpiresAt,
        ...noRefresh,
      });
      deps.events.append({ profileId: profile.id, kind: 'reauth', outcome: 'connected', message: explained.title });
      return explained;
    }
    if (result.outcome === 'unverified') {
      const explained = explain(profile, environment, result.failure);
      const message = `The login worked and the tokens are stored, but the Visma.net API could not be asked to confirm them: ${explained.explanation} A health check will try again.`;
      setState(profile.id, {
        status: 'error',
        statusSince: iso(),
        statusReason: { code: result.failure.errorCode ?? result.failure.outcome, message },
        accessTokenExpiresAt: result.times.accessTokenExpiresAt,
        refreshTokenExpiresAt: result.times.refreshTokenExpiresAt,
      });
      deps.events.append({ profileId: profile.id, kind: 'reauth', outcome: 'unverified', ...(result.failure.errorCode ? { errorCode: result.failure.errorCode } : {}), message });
      return { ...explained, explanation: message };
    }
    const explained = explain(profile, environment, result, { timeoutMinutes });
    recordFailure(profile, result, explained);
    return explained;
  }

  /** The confirming job run, for portal profiles whose owner gave its triggered-job URL. */
  async function confirmWithJob(profile: Profile): Promise<JobConfirmation | undefined> {
    const url = await deps.jobUrls.get(profile.id);
    if (!url) return undefined;
    deps.emit({ type: 'reauth-progress', profileId: profile.id, step: 'confirming' });
    const confirmation = await runTriggeredJob(url, {
      fetch: deps.fetch,
      now: deps.now(),
      ...(profile.lastJobRunAt ? { lastRunAt: profile.lastJobRunAt } : {}),
      explain: deps.explainJobMessage,
    });
    if (confirmation.state === 'ok' || confirmation.state === 'failed') setState(profile.id, { lastJobRunAt: iso() });
    deps.events.append({ profileId: profile.id, kind: 'job', outcome: confirmation.state, message: confirmation.message });
    return confirmation;
  }

  async function reconnectViaPortal(profile: Profile, override: LoginWith | undefined, signal: AbortSignal): Promise<ReauthResult> {
    const portal = deps.portals.get(profile.portalId);
    const where = { name: portal?.name ?? 'The portal' };
    const loginWith = override ?? portal?.loginWith;
    if (loginWith?.kind === 'browser') return reconnectViaPortalInBrowser(profile, where, loginWith, signal);
    const result = await runPortalReconnect(
      profile,
      {
        portals: deps.portals,
        surface: deps.portalSurface,
        loginTimeoutMs: deps.loginTimeoutMs,
        onStep: (step) => deps.emit({ type: 'reauth-progress', profileId: profile.id, step }),
      },
      signal,
    );
    const seen = result.seen ? { portal: result.seen } : {};
    if (result.outcome !== 'connected') {
      const explained = { ...explain(profile, where, result, { timeoutMinutes: Math.round(deps.loginTimeoutMs / 60_000) }), ...seen };
      recordFailure(profile, result, explained);
      return explained;
    }
    const user = result.seen.loginHint;
    setState(profile.id, {
      status: 'connected',
      statusSince: iso(),
      statusReason: undefined,
      connectedVia: { portalId: profile.portalId, ...(result.seen.clientId ? { clientId: result.seen.clientId } : {}), ...(user ? { user } : {}) },
    });
    return connectedThroughPortal(profile, where, result.seen);
  }

  /**
   * F18 in a browser on this machine (B4): the portal's page opens there, and Bridgekeeper, which
   * cannot watch that browser, goes by the person's word — then by the job run, where there is one.
   */
  async function reconnectViaPortalInBrowser(profile: Profile, where: { name: string }, choice: BrowserChoice, signal: AbortSignal): Promise<ReauthResult> {
    const step = (s: ReauthStep) => deps.emit({ type: 'reauth-progress', profileId: profile.id, step: s });
    const timeout = AbortSignal.timeout(deps.loginTimeoutMs);
    const ended = AbortSignal.any([signal, timeout]);
    let word: BrowserWord | undefined;
    let failure: Failure | undefined;
    let launched: Awaited<ReturnType<BrowserLogins['openPage']>> | undefined;
    try {
      launched = await deps.browsers.openPage(profile.portalUrl, choice, ended, { waitingForPreviousWindow: () => step('close-previous') });
      if (launched) {
        step('portal-browser');
        word = await new Promise<BrowserWord | undefined>((resolve) => {
          awaitingWord.set(profile.id, resolve);
          ended.addEventListener('abort', () => resolve(undefined), { once: true });
        });
      }
    } catch (error) {
      if (!(error instanceof BrowserError)) throw error;
      failure = ended.aborted ? { outcome: timeout.aborted ? 'timed-out' : 'cancelled' } : { outcome: 'browser-failed', detail: error.message };
    } finally {
      awaitingWord.delete(profile.id);
      await launched?.stop(); // a throw-away browser closes and its profile folder goes
    }
    failure ??= !word
      ? { outcome: timeout.aborted ? 'timed-out' : 'cancelled' }
      : word.outcome === 'failed'
        ? { outcome: 'reported-failed', ...(word.detail ? { detail: word.detail } : {}) }
        : undefined;
    if (failure) {
      const explained = explain(profile, where, failure, { timeoutMinutes: Math.round(deps.loginTimeoutMs / 60_000) });
      recordFailure(profile, failure, explained);
      return explained;
    }
    setState(profile.id, { status: 'connected', statusSince: iso(), statusReason: undefined, connectedVia: { portalId: profile.portalId } });
    return connectedThroughPortal(profile, where, undefined);
  }

  /** A portal profile whose reconnect went through (as seen, or on the person's word): the job confirms it, where there is one. */
  async function connectedThroughPortal(profile: Profile, where: { name: string }, watched: PortalSeen | undefined): Promise<ReauthResult> {
    const seen = watched ? { portal: watched } : {};
    const confirmation = await confirmWithJob(deps.profiles.get(profile.id) ?? profile);
    const company = profile.companyName ? `${profile.companyName} (${profile.companyId})` : `company ${profile.companyId}`;
    if (confirmation?.state === 'failed' && confirmation.explanation) {
      const failure: Failure = { outcome: 'job-failed', detail: confirmation.message };
      const explained = { ...explain(profile, where, failure), ...seen, confirmation };
      setState(profile.id, { status: 'needs-reauth', statusSince: iso(), statusReason: { code: 'job-failed', message: `${explained.title}: ${confirmation.explanation}` } });
      deps.events.append({ profileId: profile.id, kind: 'reauth', outcome: 'job-failed', message: explained.title });
      return explained;
    }
    if (confirmation?.state === 'ok') setState(profile.id, { lastVerifiedAt: iso() });
    const client = watched?.clientId ? ` (Visma client ${watched.clientId})` : '';
    const title = `Connected through ${where.name}`;
    deps.events.append({ profileId: profile.id, kind: 'reauth', outcome: 'connected', message: `${title}${client}` });
    return {
      profileId: profile.id,
      outcome: 'connected',
      title,
      explanation:
        (watched ? `Visma's answer reached ${where.name} and ${where.name} accepted it${client}. ` : `You said the connection in ${where.name} went through. `) +
        (confirmation?.state === 'ok'
          ? `Its job ran once afterwards and succeeded: "${confirmation.message}".`
          : `Bridgekeeper does not see ${where.name}'s tokens, so it could not check that ${company} was picked: ${where.name}'s page and the profile's next job run tell.`),
      nextStep: confirmation?.state === 'ok' ? '' : confirmation ? confirmation.message : `To confirm, run the profile's job in ${where.name} (or give Bridgekeeper its triggered-job URL).`,
      ...seen,
      ...(confirmation ? { confirmation } : {}),
    };
  }

  return {
    /** `options.loginWith` overrides the environment's or portal's choice for this reconnect (B4). */
    async reauthenticate(profileId: string, options: ReauthOptions = {}): Promise<ReauthResult> {
      const profile = profileOrThrow(profileId);
      if (running.has(profileId)) throw conflict(`"${profile.name}" is already being reconnected.`);
      const controller = new AbortController();
      running.set(profileId, controller);
      deps.profiles.setTransient([profileId], 'reauthenticating');
      try {
        return profile.connection === 'portal'
          ? await reconnectViaPortal(profile, options.loginWith, controller.signal)
          : await reconnectDirect(profile, options.loginWith, controller.signal);
      } finally {
        running.delete(profileId);
        deps.profiles.setTransient([profileId], null); // also after an unexpected error
      }
    },

    async cancelReauth(profileId: string): Promise<void> {
      running.get(profileId)?.abort();
    },

    /** B4: the person's word on a portal reconnect in a browser, which Bridgekeeper cannot watch. */
    async reportBrowserOutcome(profileId: string, word: BrowserWord): Promise<void> {
      const settle = awaitingWord.get(profileId);
      if (!settle) throw conflict(`No reconnect of "${profileOrThrow(profileId).name}" is waiting for your word.`);
      settle(word);
    },

    /** Whether a reconnect of this profile is under way. */
    isRunning: (profileId: string) => running.has(profileId),

    async disconnectProfile(profileId: string): Promise<{ revoked: boolean; revokeError?: string }> {
      const profile = profileOrThrow(profileId);
      if (profile.connection === 'portal') {
        throw conflict(`"${profile.name}" is connected in ${deps.portals.get(profile.portalId)?.name ?? 'its portal'}, which keeps its tokens: disconnect it there.`);
      }
      const result = await deps.tokens.disconnect(profileId, deps.environment(profile.environmentId));
      setState(profileId, {
        status: 'needs-reauth',
        statusSince: iso(),
        statusReason: { code: 'disconnected', message: 'Disconnected: its tokens were revoked and removed. Reconnect to use it again.' },
        lastVerifiedAt: undefined,
        accessTokenExpiresAt: undefined,
        refreshTokenExpiresAt: undefined,
      });
      deps.events.append({
        profileId,
        kind: 'disconnect',
        outcome: result.revokeError ? 'revoke-failed' : 'disconnected',
        message: result.revokeError ? `Removed locally; Visma could not revoke the token: ${result.revokeError}` : 'Tokens revoked at Visma and removed from the keychain.',
      });
      return result;
    },

    /** Deleting a profile first revokes and removes its tokens (a portal profile: its job URL); a failed revoke is reported, not a reason to keep them. */
    async forgetTokens(profile: Profile): Promise<string | undefined> {
      await deps.jobUrls.forget(profile.id);
      if (profile.connection === 'portal') {
        deps.events.append({ profileId: profile.id, kind: 'delete', outcome: 'deleted', message: 'Profile deleted from Bridgekeeper; its connection in the portal is untouched.' });
        return undefined;
      }
      const result = await deps.tokens.disconnect(profile.id, deps.environment(profile.environmentId));
      deps.events.append({ profileId: profile.id, kind: 'delete', outcome: result.revokeError ? 'revoke-failed' : 'deleted', message: result.revokeError ?? 'Profile deleted; its tokens were revoked and removed.' });
      return result.revokeError;
    },

    async setJobUrl(profileId: string, url: string | null): Promise<Profile> {
      const profile = profileOrThrow(profileId);
      if (profile.connection !== 'portal' && url) throw conflict(`"${profile.name}" is a direct profile: a triggered-job URL belongs to a portal profile.`);
      const masked = await deps.jobUrls.set(profileId, url);
      return setState(profileId, { jobUrlMasked: masked })[0] ?? profileOrThrow(profileId);
    },

    async listProfileEvents(profileId: string) {
      return deps.events.forProfile(profileId);
    },
  };
}

export type ReauthService = ReturnType<typeof createReauthService>;
