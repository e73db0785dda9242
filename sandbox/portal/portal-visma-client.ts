import { decodeJwt } from 'jose';
import * as client from 'openid-client';

/**
 * The portal's own confidential client at the sandbox's Visma Connect, as a web app has one:
 * authorization code with PKCE and a client secret (client_secret_basic), the code and refresh
 * token redeemed server-side. openid-client, a certified relying party, does the protocol.
 */
export interface PortalTokens {
  accessToken: string;
  refreshToken?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** The company picked at Visma's login (the access token's tenant_id). */
  tenantId?: string;
  /** Who logged in (the ID token's email). */
  email?: string;
  clientId: string;
}

export interface PendingVismaLogin {
  url: URL;
  state: string;
  codeVerifier: string;
  nonce: string;
}

export interface PortalVismaClient {
  readonly clientId: string;
  readonly redirectUri: string;
  /** par: the parameters are pushed to Visma first (RFC 9126); the browser's URL then carries only client_id and request_uri. */
  begin(options: { responseMode: 'form_post' | 'query'; loginHint?: string; par?: boolean }): Promise<PendingVismaLogin>;
  /** Redeems the code in Visma's answer (its parameters, from the query or the POSTed form). */
  redeem(answer: URLSearchParams, pending: Omit<PendingVismaLogin, 'url'>): Promise<PortalTokens>;
  refresh(refreshToken: string): Promise<PortalTokens>;
}

export function createPortalVismaClient(options: { issuer: string; clientId: string; clientSecret: string; redirectUri: string; scope: string }): PortalVismaClient {
  const { issuer, clientId, clientSecret, redirectUri, scope } = options;
  let config: Promise<client.Configuration> | undefined;
  const configuration = () =>
    (config ??= client
      .discovery(new URL(issuer), clientId, clientSecret, client.ClientSecretBasic(clientSecret), { execute: [client.allowInsecureRequests] })
      .catch((error: unknown) => {
        config = undefined; // discovery failed: try again next time
        throw error;
      }));

  const tokensFrom = (response: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers, previousRefreshToken?: string): PortalTokens => {
    const claims = decodeJwt(response.access_token);
    const refreshToken = response.refresh_token ?? previousRefreshToken;
    const email = response.claims()?.email;
    return {
      accessToken: response.access_token,
      ...(refreshToken ? { refreshToken } : {}),
      expiresAt: Date.now() + (response.expiresIn() ?? 0) * 1000,
      ...(typeof claims.tenant_id === 'string' ? { tenantId: claims.tenant_id } : {}),
      ...(typeof email === 'string' ? { email } : {}),
      clientId: typeof claims.client_id === 'string' ? claims.client_id : clientId,
    };
  };

  return {
    clientId,
    redirectUri,
    async begin({ responseMode, loginHint, par = false }) {
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      // No prompt=login: like a web app that may well leave it out, so only a fresh browser session shows Visma's login page.
      const parameters = {
        redirect_uri: redirectUri,
        scope,
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        ...(responseMode === 'form_post' ? { response_mode: 'form_post' } : {}),
        ...(loginHint ? { login_hint: loginHint } : {}),
      };
      const config = await configuration();
      const url = par ? await client.buildAuthorizationUrlWithPAR(config, parameters) : client.buildAuthorizationUrl(config, parameters);
      return { url, state, codeVerifier, nonce };
    },
    async redeem(answer, pending) {
      const currentUrl = new URL(redirectUri);
      for (const [name, value] of answer) currentUrl.searchParams.append(name, value);
      const response = await client.authorizationCodeGrant(await configuration(), currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      return tokensFrom(response);
    },
    async refresh(refreshToken) {
      return tokensFrom(await client.refreshTokenGrant(await configuration(), refreshToken), refreshToken);
    },
  };
}
