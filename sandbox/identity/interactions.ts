import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { InteractionResults } from 'oidc-provider';
import type { Directory, UserRecord } from '../directory/directory';
import { readForm, redirect, sendHtml } from '../http/respond';
import type { LoginBook } from './logins';
import { type CompanyChoice, companyPage, consentPage, errorPage, loginPage, twoStepPage } from './pages';
import { verifyTotp } from './totp';

/**
 * The person's side of a login, in the order Visma Connect shows it: sign in, two-step verification
 * (users with a TOTP secret), then — in oidc-provider's consent prompt — choose a company and consent.
 * Every page posts back here and continues with a redirect (post/redirect/get).
 */
export const NOT_ENTITLED = 'The application user or subscription is not entitled to use the API';

interface Progress {
  /** Password checked, two-step verification still to do. */
  awaitingCode?: string;
  tenantId?: string;
}

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

export interface InteractionDeps {
  provider: Provider;
  directory: Directory;
  logins: LoginBook;
}

export function createInteractions({ provider, directory, logins }: InteractionDeps) {
  const { identityProvider } = directory.seed;
  const progress = new Map<string, Progress>();
  const consented = new Set<string>();

  const clientOf = (details: Details) => directory.client(String(details.params.client_id))!;
  const requested = (details: Details) => String(details.params.scope ?? '').split(' ').filter(Boolean);
  const needsCompany = (details: Details) => clientOf(details).tenantEnabled && requested(details).includes('tenants');

  const finish = async (req: IncomingMessage, res: ServerResponse, uid: string, result: InteractionResults) => {
    progress.delete(uid);
    // Merged: the consent step's result must still carry the login, or prompt=login would ask again.
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
  };

  const choicesFor = (user: UserRecord): CompanyChoice[] =>
    directory.seed.companies
      .filter((company) => user.companies.has(company.id))
      .filter((company) => user.companies.get(company.id) || identityProvider.companyWithoutApiUser === 'invalid_tenant')
      .flatMap((company) => [
        { tenantId: company.id, name: company.name },
        ...(company.customerTenant ? [{ tenantId: company.customerTenant.id, name: company.customerTenant.name }] : []),
      ]);

  const sessionUser = (details: Details) => {
    const user = details.session ? directory.userById(details.session.accountId) : undefined;
    if (!user) throw new Error('the login session has no user');
    return user;
  };

  async function grantConsent(req: IncomingMessage, res: ServerResponse, details: Details, user: UserRecord) {
    const clientId = String(details.params.client_id);
    const grant = new provider.Grant({ accountId: user.id, clientId });
    const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
    const grantId = await grant.save();
    const tenantId = progress.get(details.uid)?.tenantId;
    logins.add({
      grantId,
      clientId,
      accountId: user.id,
      ...(tenantId ? { tenantId } : {}),
      refreshMode: directory.client(clientId)!.refreshTokens.mode,
    });
    consented.add(`${user.id} ${clientId}`);
    await finish(req, res, details.uid, { consent: { grantId } });
  }

  async function show(req: IncomingMessage, res: ServerResponse, details: Details) {
    const uid = details.uid;
    const action = (step: string) => `/interaction/${uid}/${step}`;
    const client = clientOf(details);
    const state = progress.get(uid) ?? {};

    if (details.prompt.name === 'login') {
      if (state.awaitingCode) {
        sendHtml(res, 200, twoStepPage({ action: action('two-step'), email: directory.userById(state.awaitingCode)!.email }));
        return;
      }
      const hint = identityProvider.honorLoginHint && typeof details.params.login_hint === 'string' ? details.params.login_hint : '';
      sendHtml(res, 200, loginPage({ action: action('login'), clientName: client.name, email: hint }));
      return;
    }

    const user = sessionUser(details);
    if (needsCompany(details) && !state.tenantId) {
      sendHtml(res, 200, companyPage({ action: action('company'), email: user.email, choices: choicesFor(user) }));
      return;
    }
    if (client.rememberConsent && consented.has(`${user.id} ${client.clientId}`)) {
      await grantConsent(req, res, details, user);
      return;
    }
    const tenant = state.tenantId ? directory.tenant(state.tenantId) : undefined;
    const companyName = tenant?.kind === 'customer' ? tenant.company.customerTenant!.name : tenant?.company.name;
    sendHtml(
      res,
      200,
      consentPage({ action: action('consent'), clientName: client.name, email: user.email, scopes: requested(details), ...(companyName ? { companyName } : {}) }),
    );
  }

  async function login(req: IncomingMessage, res: ServerResponse, details: Details) {
    const form = await readForm(req);
    const email = form.get('email') ?? '';
    const user = directory.userByEmail(email);
    const again = (error: string) =>
      sendHtml(res, 200, loginPage({ action: `/interaction/${details.uid}/login`, clientName: clientOf(details).name, email, error }));
    if (!user || user.password !== form.get('password')) return again('Wrong email or password.');
    if (!user.active) return again('This user is deactivated. Ask your administrator.');
    if (user.totpSecret) {
      progress.set(details.uid, { awaitingCode: user.id });
      return redirect(res, `/interaction/${details.uid}`);
    }
    await finish(req, res, details.uid, { login: { accountId: user.id, amr: ['pwd'], remember: false } });
  }

  async function twoStep(req: IncomingMessage, res: ServerResponse, details: Details) {
    const form = await readForm(req);
    const user = directory.userById(progress.get(details.uid)?.awaitingCode ?? '');
    if (!user?.totpSecret) return redirect(res, `/interaction/${details.uid}`);
    if (!verifyTotp(user.totpSecret, form.get('code') ?? '', identityProvider.totpWindowSteps)) {
      sendHtml(res, 200, twoStepPage({ action: `/interaction/${details.uid}/two-step`, email: user.email, error: 'The verification code is wrong. Try again.' }));
      return;
    }
    await finish(req, res, details.uid, { login: { accountId: user.id, amr: ['pwd', 'mfa'], remember: false } });
  }

  async function company(req: IncomingMessage, res: ServerResponse, details: Details) {
    const form = await readForm(req);
    const user = sessionUser(details);
    if (form.get('action') === 'cancel') {
      return finish(req, res, details.uid, { error: 'access_denied', error_description: 'The user cancelled the login.' });
    }
    const tenantId = form.get('tenant') ?? '';
    const choices = choicesFor(user);
    if (!choices.some((c) => c.tenantId === tenantId)) {
      sendHtml(res, 200, companyPage({ action: `/interaction/${details.uid}/company`, email: user.email, choices, error: 'Choose a company.' }));
      return;
    }
    if (!directory.hasApiUser(user, tenantId)) {
      if (identityProvider.invalidTenantShownAs === 'page') {
        progress.delete(details.uid);
        return sendHtml(res, 400, errorPage({ error: 'invalid_tenant', description: NOT_ENTITLED }));
      }
      return finish(req, res, details.uid, { error: 'invalid_tenant', error_description: NOT_ENTITLED });
    }
    progress.set(details.uid, { tenantId });
    redirect(res, `/interaction/${details.uid}`);
  }

  async function consent(req: IncomingMessage, res: ServerResponse, details: Details) {
    const form = await readForm(req);
    if (form.get('decision') !== 'accept') {
      return finish(req, res, details.uid, { error: 'access_denied', error_description: 'The user denied access.' });
    }
    if (needsCompany(details) && !progress.get(details.uid)?.tenantId) return redirect(res, `/interaction/${details.uid}`);
    await grantConsent(req, res, details, sessionUser(details));
  }

  const POSTS = { login, 'two-step': twoStep, company, consent } as const;
  const PROMPT_OF: Record<keyof typeof POSTS, string> = { login: 'login', 'two-step': 'login', company: 'consent', consent: 'consent' };

  /** Handles /interaction/:uid (GET) and /interaction/:uid/<step> (POST). */
  return async function handleInteraction(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const [, , uid, step] = pathname.split('/');
    let details: Details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      sendHtml(res, 400, errorPage({ error: 'Login expired', description: 'This login is no longer in progress.' }));
      return;
    }
    if (details.uid !== uid) {
      sendHtml(res, 400, errorPage({ error: 'Login mismatch', description: 'This page belongs to another login.' }));
      return;
    }
    if (req.method === 'GET' && step === undefined) return show(req, res, details);
    if (req.method === 'POST' && step !== undefined && Object.hasOwn(POSTS, step)) {
      const name = step as keyof typeof POSTS;
      if (PROMPT_OF[name] !== details.prompt.name) return redirect(res, `/interaction/${uid}`);
      return POSTS[name](req, res, details);
    }
    sendHtml(res, 404, errorPage({ error: 'Not found' }));
  };
}
