import type { Environment } from '../../shared/environment';
import type { Profile } from '../../shared/profile';
import type { ReauthOutcome, ReauthResult } from '../../shared/reauth';

/** What went wrong, with the details the words need. */
export interface Failure {
  outcome: Exclude<ReauthOutcome, 'connected'>;
  errorCode?: string;
  /** The server's or library's own words, quoted in the explanation. */
  detail?: string;
  /** For wrong-company: the company id the login picked, and its name if Bridgekeeper knows it. */
  pickedCompany?: { id: string; name?: string };
}

export class ReauthFailure extends Error {
  constructor(readonly failure: Failure) {
    super(`${failure.outcome}${failure.errorCode ? ` (${failure.errorCode})` : ''}${failure.detail ? `: ${failure.detail}` : ''}`);
  }
}

export function fail(failure: Failure): never {
  throw new ReauthFailure(failure);
}

const company = (p: Profile) => (p.companyName ? `${p.companyName} (${p.companyId})` : `company ${p.companyId}`);

/** The same words for the API User problem wherever it shows: at login (invalid_tenant) or at the first API call (12027). F6. */
export const apiUserFix = (p: Profile): string =>
  `Give ${p.apiUser} the role 'API User' for ${company(p)} in Visma.net Admin → Users and Roles; it can take 10–15 minutes to apply. Or log in as another user who has the role.`;

/** Plain words for every outcome: what happened, what it means, what to do. `environment` is where the login was made: an environment, or a portal. */
export function explain(profile: Profile, environment: Pick<Environment, 'name'>, result: { outcome: 'connected' } | Failure, options: { timeoutMinutes?: number } = {}): ReauthResult {
  const base = { profileId: profile.id, outcome: result.outcome };
  const code = 'errorCode' in result && result.errorCode ? { errorCode: result.errorCode } : {};
  const quoted = 'detail' in result && result.detail ? ` Visma said: "${result.detail}".` : '';
  switch (result.outcome) {
    case 'connected':
      return {
        ...base,
        title: 'Connected',
        explanation: `New tokens for ${profile.name} are in the keychain, and the Visma.net API accepted them for ${company(profile)}.`,
        nextStep: '',
      };
    case 'cancelled':
      return { ...base, ...code, title: 'Reconnect cancelled', explanation: 'The login window was closed before the login finished. Nothing was changed.', nextStep: 'Reconnect again when you are ready.' };
    case 'timed-out':
      return {
        ...base,
        ...code,
        title: 'The login took too long',
        explanation: `The login was not finished within ${options.timeoutMinutes ?? 10} minutes, so the window was closed. Nothing was changed.`,
        nextStep: "Reconnect again with the API user's password and two-step device at hand.",
      };
    case 'consent-denied':
      return {
        ...base,
        ...code,
        title: 'Access was not granted',
        explanation: `The consent page was answered with Deny, so Visma gave no tokens.${quoted}`,
        nextStep: 'Reconnect and choose Accept on the consent page: DataBridge needs that access to reach Visma.net.',
      };
    case 'api-user-missing':
      return {
        ...base,
        ...code,
        title: `${profile.apiUser} may not use the Visma.net API for ${company(profile)}`,
        explanation: `Visma refused API access for this user in this company: the user lacks the API User role there.${quoted}`,
        nextStep: apiUserFix(profile),
      };
    case 'wrong-company': {
      const picked = result.pickedCompany;
      const pickedText = picked ? (picked.name ? `${picked.name} (${picked.id})` : `company ${picked.id}`) : 'another company';
      return {
        ...base,
        ...code,
        title: 'The wrong company was picked',
        explanation: `The login picked ${pickedText}, but this profile works on ${company(profile)}. Nothing was stored.`,
        nextStep: `Reconnect and pick ${company(profile)} in Visma's company list.`,
      };
    }
    case 'no-company':
      return {
        ...base,
        ...code,
        title: 'No company was picked',
        explanation: `The new tokens name no company (no tenant_id), so the Visma.net API would refuse them (12002, ipp-company-id). Nothing was stored.`,
        nextStep: `Check that the environment's scopes include "tenants", then reconnect and pick ${company(profile)}.`,
      };
    case 'customer-tenant':
      return {
        ...base,
        ...code,
        title: 'The Visma.net API refused the new token (401)',
        explanation: `This happens when the customer tenant is picked instead of the company tenant of ${company(profile)}. Nothing was stored.`,
        nextStep: `Reconnect and pick the company ${company(profile)} itself, not a customer entry with a similar name.`,
      };
    case 'legacy-token':
      return {
        ...base,
        ...code,
        title: 'The Visma.net API answered 12002 (ipp-company-id)',
        explanation: `The API found no valid company in the new token.${quoted} Nothing was stored.`,
        nextStep: `Reconnect and pick ${company(profile)}; if it happens again, check the environment's API base URL and scopes.`,
      };
    case 'security-check-failed':
      return {
        ...base,
        ...code,
        title: 'A security check failed',
        explanation: `The answer from the login did not match this attempt (${result.detail ?? 'unexpected response'}). Bridgekeeper stored nothing. This can be a stale login window, a misconfigured environment, or someone interfering.`,
        nextStep: "Close other Visma login windows and reconnect. If it happens again, check the environment's issuer and tell your IT security contact.",
      };
    case 'network-error':
      return {
        ...base,
        ...code,
        title: `${environment.name} could not be reached`,
        explanation: `${result.detail ?? 'The connection failed.'} This is a network problem, not a problem with the user or its roles.`,
        nextStep: 'Check the network connection and any proxy, then reconnect.',
      };
    case 'server-error':
      return {
        ...base,
        ...code,
        title: `Visma answered with an error${result.errorCode ? ` (HTTP ${result.errorCode})` : ''}`,
        explanation: `Visma's servers failed to answer.${quoted} This is not a problem with the user or its roles.`,
        nextStep: 'Try again in a few minutes; Visma may be having problems.',
      };
    case 'rate-limited':
      return {
        ...base,
        ...code,
        title: 'The Visma.net API is limiting calls (HTTP 429)',
        explanation: `Visma asked Bridgekeeper to slow down.${quoted} This is not a problem with the user or its roles.`,
        nextStep: 'Wait a few minutes and run a health check; Bridgekeeper waits as long as Visma asks.',
      };
    case 'not-configured':
      return {
        ...base,
        ...code,
        title: `${environment.name} is not set up yet`,
        explanation: result.detail ?? 'The environment lacks its client id or redirect URI.',
        nextStep: 'Open Environments and enter the client id and redirect URI registered for DataBridge with Visma.',
      };
    case 'login-failed':
      return {
        ...base,
        ...code,
        title: 'The login failed',
        explanation: `Visma ended the login with an error.${quoted}`,
        nextStep: "Reconnect. If it fails again, check the environment's client id, redirect URI and scopes.",
      };
    case 'portal-failed':
      return {
        ...base,
        ...code,
        title: `${environment.name} could not finish the connection${result.errorCode ? ` (HTTP ${result.errorCode})` : ''}`,
        explanation: `Visma's login worked and its answer reached ${environment.name}, but ${environment.name} answered with an error when it received it.${quoted} The connection in ${environment.name} is as it was.`,
        nextStep: `Reconnect again in a few minutes. If it keeps failing, tell InfoBridge support the time of this attempt (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC).`,
      };
    case 'job-failed':
      return {
        ...base,
        ...code,
        title: `The reconnect went through, but ${profile.name}'s job still fails`,
        explanation: `${environment.name} took the new Visma login, but running the job once afterwards failed.${quoted}`,
        nextStep: `Reconnect again as ${profile.apiUser} and pick ${company(profile)}; if it says the API User role is missing: ${apiUserFix(profile)}`,
      };
    case 'browser-failed':
      return {
        ...base,
        ...code,
        title: 'The browser could not be used for the login',
        explanation: `${result.detail ?? 'The browser did not start'}. Nothing was changed.`,
        nextStep: `Pick another browser or the built-in window under "Log in with" (for ${environment.name}, or for this reconnect), then reconnect.`,
      };
    case 'reported-failed':
      return {
        ...base,
        ...code,
        title: `You reported that the connection in ${environment.name} failed`,
        explanation: `Bridgekeeper cannot watch a browser's traffic, so it goes by your word${result.detail ? `: "${result.detail}"` : ''}.`,
        nextStep: `Check the message in ${environment.name}; if it names the API User role: ${apiUserFix(profile)}`,
      };
    case 'keychain-failed':
      return {
        ...base,
        ...code,
        title: 'The tokens could not be stored',
        explanation: `The login worked, but the keychain refused the tokens (${result.detail ?? 'unknown error'}). Nothing was stored.`,
        nextStep: 'Unlock the system keychain (or restart Bridgekeeper), then reconnect.',
      };
  }
}
