import type { ApiEvent } from '../../shared/api';
import type { Environment } from '../../shared/environment';
import type { Profile, ProfileState } from '../../shared/profile';
import type { ReauthResult } from '../../shared/reauth';
import { conflict, notFound } from '../errors';
import type { EventLog } from '../events/event-log';
import type { Logger } from '../logger';
import type { ProfileService } from '../profiles/profile-service';
import type { LoginSurface } from './login-surface';
import type { OidcClient } from './oidc-client';
import { explain } from './outcomes';
import { runReauthFlow } from './reauth-flow';
import type { TokenManager } from './token-manager';

export interface ReauthServiceDeps {
  profiles: ProfileService;
  environment(id: string): Environment | undefined;
  oidc: OidcClient;
  tokens: TokenManager;
  surface: LoginSurface;
  events: EventLog;
  emit(event: ApiEvent): void;
  log: Logger;
  fetch: typeof fetch;
  /** How long the person has for the login, company and consent. Default 10 minutes. */
  loginTimeoutMs: number;
  now: () => Date;
}

const NETWORK_OUTCOMES = new Set(['network-error', 'server-error']);

/** Reconnect (F4–F7), disconnect (F10), and the status changes they make, one profile at a time. */
export function createReauthService(deps: ReauthServiceDeps) {
  const running = new Map<string, AbortController>();
  const iso = () => deps.now().toISOString();

  const profileOrThrow = (id: string): Profile => {
    const profile = deps.profiles.get(id);
    if (!profile) throw notFound(`Profile "${id}"`);
    return profile;
  };

  const setState = (id: string, state: Partial<ProfileState>) => deps.profiles.setStates([{ id, state }]);

  return {
    async reauthenticate(profileId: string): Promise<ReauthResult> {
      const profile = profileOrThrow(profileId);
      if (running.has(profileId)) throw conflict(`"${profile.name}" is already being reconnected.`);
      const environment = deps.environment(profile.environmentId);
      if (!environment) throw notFound(`Environment "${profile.environmentId}"`);
      const controller = new AbortController();
      running.set(profileId, controller);
      deps.profiles.setTransient([profileId], 'reauthenticating');
      try {
        const result = await runReauthFlow(
          profile,
          environment,
          {
            oidc: deps.oidc,
            surface: deps.surface,
            tokens: deps.tokens,
            fetch: deps.fetch,
            loginTimeoutMs: deps.loginTimeoutMs,
            companyName: (id) => deps.profiles.all().find((p) => p.companyId === id && p.companyName)?.companyName,
            onStep: (step) => deps.emit({ type: 'reauth-progress', profileId, step }),
          },
          controller.signal,
        );
        const timeoutMinutes = Math.round(deps.loginTimeoutMs / 60_000);
        if (result.outcome === 'connected') {
          const explained = explain(profile, environment, result);
          const noRefresh = result.hasRefreshToken
            ? {}
            : { statusReason: { code: 'no-refresh-token', message: 'Visma gave no refresh token (is Offline Access enabled for the client?): the connection ends when the access token expires.' } };
          setState(profileId, {
            status: 'connected',
            statusSince: iso(),
            statusReason: undefined,
            lastVerifiedAt: result.verifiedAt.toISOString(),
            accessTokenExpiresAt: result.times.accessTokenExpiresAt,
            refreshTokenExpiresAt: result.times.refreshTokenExpiresAt,
            ...noRefresh,
          });
          deps.events.append({ profileId, kind: 'reauth', outcome: 'connected', message: explained.title });
          return explained;
        }
        if (result.outcome === 'unverified') {
          const explained = explain(profile, environment, result.failure);
          const message = `The login worked and the tokens are stored, but the Visma.net API could not be asked to confirm them: ${explained.explanation} A health check will try again.`;
          setState(profileId, {
            status: 'error',
            statusSince: iso(),
            statusReason: { code: result.failure.errorCode ?? result.failure.outcome, message },
            accessTokenExpiresAt: result.times.accessTokenExpiresAt,
            refreshTokenExpiresAt: result.times.refreshTokenExpiresAt,
          });
          deps.events.append({ profileId, kind: 'reauth', outcome: 'unverified', ...(result.failure.errorCode ? { errorCode: result.failure.errorCode } : {}), message });
          return { ...explained, explanation: message };
        }
        const explained = explain(profile, environment, result, { timeoutMinutes });
        deps.log.info('reauth.failed', { profileId, outcome: result.outcome, errorCode: result.errorCode ?? null });
        deps.events.append({ profileId, kind: 'reauth', outcome: result.outcome, ...(result.errorCode ? { errorCode: result.errorCode } : {}), message: explained.title });
        // A cancelled attempt, or one that failed while an older connection still holds, changes nothing.
        const keepsOldConnection = profile.status === 'connected' || profile.status === 'expiring';
        if (result.outcome === 'cancelled' || result.outcome === 'timed-out' || keepsOldConnection) deps.profiles.setTransient([profileId], null);
        else {
          setState(profileId, {
            status: NETWORK_OUTCOMES.has(result.outcome) ? 'error' : 'needs-reauth',
            statusSince: iso(),
            statusReason: { code: result.errorCode ?? result.outcome, message: `${explained.title}. ${explained.nextStep}` },
          });
        }
        return explained;
      } finally {
        running.delete(profileId);
        deps.profiles.setTransient([profileId], null); // also after an unexpected error
      }
    },

    async cancelReauth(profileId: string): Promise<void> {
      running.get(profileId)?.abort();
    },

    async disconnectProfile(profileId: string): Promise<{ revoked: boolean; revokeError?: string }> {
      const profile = profileOrThrow(profileId);
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

    /** Deleting a profile first revokes and removes its tokens; a failed revoke is reported, not a reason to keep them. */
    async forgetTokens(profile: Profile): Promise<string | undefined> {
      const result = await deps.tokens.disconnect(profile.id, deps.environment(profile.environmentId));
      deps.events.append({ profileId: profile.id, kind: 'delete', outcome: result.revokeError ? 'revoke-failed' : 'deleted', message: result.revokeError ?? 'Profile deleted; its tokens were revoked and removed.' });
      return result.revokeError;
    },

    async listProfileEvents(profileId: string) {
      return deps.events.forProfile(profileId);
    },
  };
}

export type ReauthService = ReturnType<typeof createReauthService>;
