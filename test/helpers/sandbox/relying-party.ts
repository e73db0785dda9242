import * as client from 'openid-client';
import type { Sandbox } from '../../../sandbox';
import { totp } from '../../../sandbox';
import { HttpPerson, type Outcome, expectLeft } from './http-person';

/**
 * The client side of a sandbox login with openid-client, a certified relying party — the same
 * steps Bridgekeeper takes: discovery, an authorization URL with PKCE S256, state and nonce, the
 * code exchange, refresh and revocation.
 */
export async function discover(sandbox: Sandbox, clientId = sandbox.environment.clientId): Promise<client.Configuration> {
  return client.discovery(new URL(sandbox.issuer), clientId, undefined, client.None(), { execute: [client.allowInsecureRequests] });
}

export interface PendingLogin {
  url: URL;
  redirectUri: string;
  codeVerifier: string;
  state: string;
  nonce: string;
}

export async function beginLogin(
  config: client.Configuration,
  options: { redirectUri: string; scope: string; loginHint?: string; pkce?: boolean },
): Promise<PendingLogin> {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const parameters: Record<string, string> = {
    redirect_uri: options.redirectUri,
    scope: options.scope,
    state,
    nonce,
    prompt: 'login',
    ...(options.loginHint ? { login_hint: options.loginHint } : {}),
    ...(options.pkce === false ? {} : { code_challenge: await client.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256' }),
  };
  return { url: client.buildAuthorizationUrl(config, parameters), redirectUri: options.redirectUri, codeVerifier, state, nonce };
}

export function finishLogin(config: client.Configuration, login: PendingLogin, callback: URL) {
  return client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: login.codeVerifier,
    expectedState: login.state,
    expectedNonce: login.nonce,
    idTokenExpected: true,
  });
}

export interface Person {
  email: string;
  password: string;
  /** The company (or customer tenant) name to pick, when the picker shows. */
  company?: string;
  /** Base32 secret for two-step verification. */
  totpSecret?: string;
  consent?: 'accept' | 'deny';
}

/** The scripted person through login, two-step, company and consent; ends where the app would catch the redirect. */
export async function walkLogin(login: PendingLogin, person: Person): Promise<URL> {
  const browser = new HttpPerson(login.redirectUri);
  return expectLeft(await walkVismaPages(browser, await browser.open(login.url), person));
}

/**
 * Visma's pages as they come, from the first one: sign in (skipped when the browser still has a
 * Visma session), two-step, company, consent. Returns what follows them.
 */
export async function walkVismaPages(browser: HttpPerson, first: Outcome, person: Person): Promise<Outcome> {
  let outcome = first;
  if (outcome.kind === 'page' && outcome.page.heading === 'Sign in') {
    outcome = await browser.submit(outcome.page, 'Sign in', { Email: person.email, Password: person.password });
  }
  if (person.totpSecret && outcome.kind === 'page' && outcome.page.heading === 'Two-step verification') {
    outcome = await browser.submit(outcome.page, 'Verify', { 'Verification code': totp(person.totpSecret) });
  }
  if (outcome.kind === 'page' && outcome.page.heading === 'Choose a company') {
    if (!person.company) throw new Error('The company picker shows, but the person has no company to pick');
    outcome = await browser.submit(outcome.page, 'Continue', { [person.company]: true });
  }
  if (outcome.kind === 'page' && outcome.page.heading.startsWith('Allow ')) {
    outcome = await browser.submit(outcome.page, person.consent === 'deny' ? 'Deny' : 'Accept');
  }
  return outcome;
}

/** A whole login as Bridgekeeper would make it, from discovery to tokens. */
export async function logIn(sandbox: Sandbox, person: Person, options: { clientId?: string; scope?: string } = {}) {
  const config = await discover(sandbox, options.clientId);
  const login = await beginLogin(config, {
    redirectUri: sandbox.environment.redirectUri,
    scope: options.scope ?? sandbox.environment.scopes,
    loginHint: person.email,
  });
  const tokens = await finishLogin(config, login, await walkLogin(login, person));
  return { config, tokens };
}

export async function callApi(sandbox: Sandbox, accessToken: string, path = sandbox.environment.verifyPath) {
  const response = await fetch(`${sandbox.apiBaseUrl}${path}`, { headers: { Authorization: `Bearer ${accessToken}` } });
  const text = await response.text();
  const json = response.headers.get('content-type')?.startsWith('application/json') ? (JSON.parse(text) as unknown) : undefined;
  return { status: response.status, text, json, headers: response.headers };
}

export const ANNA = { email: 'anna.apiuser@example.com', password: 'Anna-sandbox-1' } as const;
export const PER = { email: 'per.noapi@example.com', password: 'Per-sandbox-1' } as const;
export const TOVE = { email: 'tove.twostep@example.com', password: 'Tove-sandbox-1', totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' } as const;
export const OLA = { email: 'ola.inactive@example.com', password: 'Ola-sandbox-1' } as const;
export const NORDLYS = { id: '1000001', name: 'Nordlys Handel AS', customer: 'Nordlys Handel AS (customer)', customerId: '9000001' } as const;
export const FJELLVIND = { id: '1000002', name: 'Fjellvind Bygg AS' } as const;
export const HAVBRIS = { id: '1000003', name: 'Havbris Regnskap AS' } as const;
