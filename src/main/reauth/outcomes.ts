import type { Environment } from '../../shared/environment';
import type { Profile } from '../../shared/profile';
import { type Message, message } from '../../shared/i18n/message';
import type { ReauthOutcome, ReauthResult } from '../../shared/reauth';

/** What went wrong, with the details the words need. */
export interface Failure {
  outcome: Exclude<ReauthOutcome, 'connected'>;
  errorCode?: string;
  /** The server's or library's own words, quoted in the explanation. */
  detail?: string;
  /** Bridgekeeper's own words for the detail, when it wrote them (the detail is then their English form). */
  detailWords?: Message;
  /** For wrong-company: the company id the login picked, and its name if Bridgekeeper knows it. */
  pickedCompany?: { id: string; name?: string };
  /** For wrong-user: the Visma user the portal now names for the connection. */
  shownUser?: string;
  /** The portal stored this connection, wrong as it is: whatever connection held before is gone. */
  connectionReplaced?: boolean;
  /** For cancelled: the person pressed Cancel in Visma's own pages (the company picker), not Bridgekeeper's. */
  cancelledInLogin?: boolean;
  /** The Visma user who actually logged in, where Bridgekeeper could know it (the ID token or userinfo). */
  loggedInAs?: string;
}

export class ReauthFailure extends Error {
  constructor(readonly failure: Failure) {
    super(`${failure.outcome}${failure.errorCode ? ` (${failure.errorCode})` : ''}${failure.detail ? `: ${failure.detail}` : ''}`);
  }
}

export function fail(failure: Failure): never {
  throw new ReauthFailure(failure);
}

/** A profile's company in words: its name and id, or "company <id>". */
export const companyWords = (p: Pick<Profile, 'companyId' | 'companyName'>): Message =>
  p.companyName ? message('reauth.company.named', { name: p.companyName, id: p.companyId }) : message('reauth.company.id', { id: p.companyId });

/** The same sign-in name: trimmed, in NFC, case aside (Visma's sign-in names are e-mail addresses, matched without case). */
export const sameSignInName = (a: string, b: string) => a.trim().normalize('NFC').toLowerCase() === b.trim().normalize('NFC').toLowerCase();

/** Visma's words when the person pressed Cancel in its login ("The user cancelled the login."), not Deny on the consent page. */
export const isCancelWords = (description: string | undefined) => description !== undefined && /\bcancel(l?ed|l?ing)?\b/i.test(description);

/** A quote that ends its own sentence ("The user cancelled the login.") gets no second full stop after it. */
const endsSentence = (detail: string) => /[.!?…。！？]["'”’)]*\s*$/u.test(detail);

/** A server's words quoted: `key` puts a full stop after the quote, `key.whole` does not (the quote has its own). */
const quoted = (key: 'reauth.said' | 'reauth.portal.said' | 'reauth.reported-failed.said', params: { detail: string; target?: string }): Message =>
  message((endsSentence(params.detail) ? `${key}.whole` : key) as never, params as never);

/** The same words for the API User problem wherever it shows: at login (invalid_tenant) or at the first API call (12027). F6. */
export const apiUserFix = (p: Profile): Message => message('reauth.fix.api-user', { user: p.apiUser, company: companyWords(p) });

/**
 * Words for every outcome, as data: what happened, what it means, what to do. `environment` is where
 * the login was made: an environment, or a portal. The renderer and the CLI put them into the reader's language.
 */
export function explain(
  profile: Profile,
  environment: Pick<Environment, 'name'>,
  result: { outcome: 'connected' } | Failure,
  options: { timeoutMinutes?: number; vendor?: 'infobridge' | 'other' } = {},
): ReauthResult {
  const base = { profileId: profile.id, outcome: result.outcome };
  const code = 'errorCode' in result && result.errorCode ? { errorCode: result.errorCode } : {};
  const failure = result.outcome === 'connected' ? undefined : (result as Failure);
  const said: Message | string = failure?.detail ? quoted('reauth.said', { detail: failure.detail }) : '';
  const detail = (fallback: Message): Message | string => failure?.detailWords ?? failure?.detail ?? fallback;
  const company = companyWords(profile);
  const target = environment.name;
  /** A portal's own words, quoted as its: not Visma's. */
  const portalSaid: Message | string = failure?.detail ? quoted('reauth.portal.said', { target, detail: failure.detail }) : '';
  const direct = profile.connection !== 'portal';
  /** Cancel pressed in Visma's own pages (its company picker): Visma answers access_denied, but nobody denied anything. */
  const cancelledInLogin = () => ({
    ...base,
    ...code,
    title: message('reauth.cancelled.in-login.title'),
    explanation: message('reauth.cancelled.in-login.explanation', { said }),
    nextStep: message('reauth.cancelled.next'),
  });
  const words = (outcome: ReauthOutcome, params: { title?: Record<string, Message | string | number>; explanation?: Record<string, Message | string | number>; next?: Record<string, Message | string | number> } = {}) => ({
    ...base,
    ...code,
    title: message(`reauth.${outcome}.title` as never, params.title),
    explanation: message(`reauth.${outcome}.explanation` as never, params.explanation),
    nextStep: message(`reauth.${outcome}.next` as never, params.next),
  });
  switch (result.outcome) {
    case 'connected':
      return { ...base, title: message('reauth.connected.title'), explanation: message('reauth.connected.explanation', { profile: profile.name, company }) };
    case 'cancelled':
      return result.cancelledInLogin ? cancelledInLogin() : words('cancelled');
    case 'timed-out':
      return words('timed-out', { explanation: { minutes: options.timeoutMinutes ?? 10 } });
    case 'consent-denied':
      // A portal passes Visma's access_denied on as it came: Visma's own words tell a Cancel from a Deny.
      if (isCancelWords(result.detail)) return cancelledInLogin();
      return { ...words('consent-denied', { explanation: { said } }), ...(direct ? { nextStep: message('reauth.consent-denied.next.direct') } : {}) };
    case 'api-user-missing': {
      const shown = result.loggedInAs;
      // Who lacks the role is who logged in: never the profile's API user unless it is the one who did (issue 23).
      if (shown === undefined) {
        return {
          ...base,
          ...code,
          title: message('reauth.api-user-missing.unknown.title', { company }),
          explanation: message('reauth.api-user-missing.unknown.explanation', { said, user: profile.apiUser }),
          nextStep: message('reauth.api-user-missing.unknown.next', { user: profile.apiUser, fix: apiUserFix(profile) }),
        };
      }
      const other = !sameSignInName(shown, profile.apiUser);
      return {
        ...base,
        ...code,
        title: message('reauth.api-user-missing.title', { user: shown, company }),
        explanation: other ? message('reauth.api-user-missing.other.explanation', { said, shown, user: profile.apiUser }) : message('reauth.api-user-missing.explanation', { said }),
        nextStep: other ? message('reauth.api-user-missing.other.next', { user: profile.apiUser, fix: apiUserFix({ ...profile, apiUser: shown }) }) : apiUserFix(profile),
      };
    }
    case 'wrong-company': {
      const picked = result.pickedCompany ? companyWords({ companyId: result.pickedCompany.id, companyName: result.pickedCompany.name ?? '' }) : message('reauth.company.another');
      // In a portal's flow the portal has stored it, wrong as it is: its page said so.
      if (result.connectionReplaced) {
        return { ...words('wrong-company', { next: { company } }), explanation: message('reauth.wrong-company.portal.explanation', { target, picked, company, said: portalSaid }) };
      }
      return words('wrong-company', { explanation: { picked, company }, next: { company } });
    }
    case 'wrong-user':
      // Direct: Bridgekeeper saw who logged in (the ID token or userinfo), refused the login and stored nothing.
      if (!result.connectionReplaced && direct) {
        const shown = result.shownUser ?? '';
        return {
          ...base,
          ...code,
          title: message('reauth.wrong-user.direct.title', { shown, user: profile.apiUser }),
          explanation: message('reauth.wrong-user.direct.explanation', { shown, user: profile.apiUser }),
          nextStep: message('reauth.wrong-user.direct.next', { shown, user: profile.apiUser, company }),
        };
      }
      return words('wrong-user', {
        title: { target, shown: result.shownUser ?? '', user: profile.apiUser },
        explanation: { target, shown: result.shownUser ?? '', user: profile.apiUser, said: portalSaid },
        next: { shown: result.shownUser ?? '', user: profile.apiUser, company },
      });
    case 'portal-refused':
      return words('portal-refused', { title: { target }, explanation: { target, said: portalSaid }, next: { target, user: profile.apiUser, company } });
    case 'portal-page-failed':
      return words('portal-page-failed', { title: { target, code: result.errorCode ?? '' }, explanation: { target, url: profile.portalUrl, code: result.errorCode ?? '', said: portalSaid }, next: { target } });
    case 'unconfirmed':
      return words('unconfirmed', { title: { target }, explanation: { target }, next: { target } });
    case 'no-company':
      return words('no-company', { next: { company } });
    case 'customer-tenant':
      return words('customer-tenant', { explanation: { company }, next: { company } });
    case 'legacy-token':
      return words('legacy-token', { explanation: { said }, next: { company } });
    case 'security-check-failed':
      return words('security-check-failed', { explanation: { detail: detail(message('reauth.detail.unexpected')) } });
    case 'network-error':
      return words('network-error', { title: { target }, explanation: { detail: detail(message('reauth.detail.connection-failed')) } });
    case 'server-error':
      return {
        ...words('server-error', { explanation: { said } }),
        ...(result.errorCode ? { title: message('reauth.server-error.title.code', { code: result.errorCode }) } : {}),
      };
    case 'rate-limited':
      return words('rate-limited', { explanation: { said } });
    case 'not-configured': {
      const explanation = detail(message('reauth.detail.no-environment-setup'));
      return {
        ...words('not-configured', { title: { target } }),
        explanation: typeof explanation === 'string' ? message('reauth.verbatim', { text: explanation }) : explanation,
      };
    }
    case 'login-failed':
      return words('login-failed', { explanation: { said } });
    case 'portal-failed':
      return {
        ...words('portal-failed', { title: { target }, explanation: { target, said: portalSaid }, next: { target, vendor: options.vendor ?? 'other', time: new Date().toISOString().slice(0, 16).replace('T', ' ') } }),
        ...(result.errorCode ? { title: message('reauth.portal-failed.title.code', { target, code: result.errorCode }) } : {}),
      };
    case 'job-failed':
      return words('job-failed', { title: { profile: profile.name }, explanation: { target, said }, next: { user: profile.apiUser, company, fix: apiUserFix(profile) } });
    case 'browser-failed':
      return words('browser-failed', { explanation: { detail: detail(message('reauth.browser-failed.title')) }, next: { target } });
    case 'reported-failed':
      return words('reported-failed', {
        title: { target },
        explanation: { said: failure?.detail ? quoted('reauth.reported-failed.said', { detail: failure.detail }) : '' },
        next: { target, fix: apiUserFix(profile) },
      });
    case 'keychain-failed':
      return words('keychain-failed', { explanation: { detail: detail(message('reauth.detail.unknown')) } });
  }
}
