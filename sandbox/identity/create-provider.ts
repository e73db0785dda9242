import Provider, { type ClientMetadata, type Configuration, type JWK, type KoaContextWithOIDC, errors } from 'oidc-provider';
import type { AccessTokenLedger } from '../directory/access-token-ledger';
import type { Directory } from '../directory/directory';
import type { LoginBook } from './logins';
import { errorPage, logoutPage, signedOutPage } from './pages';
import type { TokenStore } from './token-store';

/** Visma Connect's paths (IdentityServer's); JWKS where IdentityServer publishes it. */
export const ROUTES = {
  authorization: '/connect/authorize',
  token: '/connect/token',
  userinfo: '/connect/userinfo',
  end_session: '/connect/endsession',
  revocation: '/connect/revocation',
  pushed_authorization_request: '/connect/par',
  jwks: '/.well-known/openid-configuration/jwks',
} as const;

export interface ProviderDeps {
  issuer: string;
  /** The resource indicator of the ERP API: access tokens are JWTs for it. */
  apiResource: string;
  directory: Directory;
  logins: LoginBook;
  ledger: AccessTokenLedger;
  store: TokenStore;
  keys: JWK[];
  cookieKeys: string[];
}

const TEN_YEARS = 10 * 365 * 24 * 3600;
/** Scopes oidc-provider handles itself; the ERP API's scopes belong to its resource server. */
const OPENID_SCOPES = ['openid', 'offline_access', 'email', 'profile', 'tenants'];

export function createProvider({ issuer, apiResource, directory, logins, ledger, store, keys, cookieKeys }: ProviderDeps): Provider {
  const { identityProvider, api } = directory.seed;
  const clientSettings = (clientId: string) => {
    const client = directory.client(clientId);
    if (!client) throw new Error(`client ${clientId} is not in the seed`);
    return client;
  };

  const clients: ClientMetadata[] = directory.seed.clients.map((client) => ({
    client_id: client.clientId,
    client_name: client.name,
    ...(client.clientSecret
      ? { application_type: 'web', token_endpoint_auth_method: 'client_secret_basic', client_secret: client.clientSecret }
      : { application_type: 'native', token_endpoint_auth_method: 'none' }),
    redirect_uris: client.redirectUris,
    response_types: ['code'],
    grant_types: client.offlineAccess ? ['authorization_code', 'refresh_token'] : ['authorization_code'],
    scope: client.scopes
      .split(' ')
      .filter((scope) => OPENID_SCOPES.includes(scope))
      .join(' '),
  }));

  const configuration: Configuration = {
    adapter: (model: string) => store.adapterFor(model),
    clients,
    jwks: { keys },
    cookies: { keys: cookieKeys },
    routes: ROUTES,
    responseTypes: ['code'],
    scopes: OPENID_SCOPES,
    // amr rides with openid: IdentityServer puts it in every ID token ("pwd", "mfa").
    claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name'], tenants: [] },
    pkce: { required: () => true },
    clientBasedCORS: () => false,
    // userinfo is served beside the provider (see userinfo.ts): oidc-provider's own refuses tokens
    // that carry an audience, and every access token here is a JWT for the ERP API.
    discovery: { userinfo_endpoint: `${issuer}${ROUTES.userinfo}` },

    async findAccount(_ctx, sub) {
      const user = directory.userById(sub);
      if (!user?.active) return undefined; // a deactivated user's refresh fails with invalid_grant
      return {
        accountId: user.id,
        claims: () => ({ sub: user.id, email: user.email, email_verified: true, name: user.name }),
      };
    },

    // Every login makes its own grant (F7: one token set per profile), never one from an earlier session.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId = ctx.oidc.result?.consent?.grantId;
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
    },

    rotateRefreshToken(ctx: KoaContextWithOIDC) {
      const token = ctx.oidc.entities.RefreshToken!;
      const mode = logins.get(token.grantId!)?.refreshMode ?? clientSettings(token.clientId!).refreshTokens.mode;
      return mode === 'one-time';
    },

    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },

    features: {
      devInteractions: { enabled: false },
      dPoP: { enabled: false },
      // Duende IdentityServer (Visma Connect's kind) serves PAR at /connect/par; clients may use it, none must.
      pushedAuthorizationRequests: { enabled: true, requirePushedAuthorizationRequests: false },
      userinfo: { enabled: false },
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource(ctx) {
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => apiResource,
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, indicator, client) {
          if (indicator !== apiResource) throw new errors.InvalidTarget();
          return {
            // The client's allowed scopes, OpenID ones included, so the token's `scope` lists everything granted.
            scope: clientSettings(client.clientId).scopes,
            audience: api.audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: clientSettings(client.clientId).accessTokenLifetimeSeconds,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },

    formats: {
      customizers: {
        // tenant_id (the company picked at login) and auth_time, the claims Visma's tokens carry.
        jwt(ctx, token, jwt) {
          const grantId = 'grantId' in token ? token.grantId : undefined;
          const login = grantId ? logins.get(grantId) : undefined;
          if (login?.tenantId) jwt.payload.tenant_id = login.tenantId;
          const source = ctx?.oidc.entities.AuthorizationCode ?? ctx?.oidc.entities.RefreshToken;
          if (source?.authTime) jwt.payload.auth_time = source.authTime;
        },
      },
    },

    ttl: {
      AccessToken: (_ctx, token, client) => token.resourceServer?.accessTokenTTL ?? clientSettings(client.clientId).accessTokenLifetimeSeconds,
      AuthorizationCode: (_ctx, _code, client) => clientSettings(client.clientId).authorizationCodeLifetimeSeconds,
      IdToken: (_ctx, _token, client) => clientSettings(client.clientId).idTokenLifetimeSeconds,
      // Read at issue: a re-used token keeps its first expiry (absolute); each rotated one gets a full lifetime.
      RefreshToken: (_ctx, _token, client) => clientSettings(client.clientId).refreshTokens.lifetimeSeconds,
      Interaction: 3600,
      Session: identityProvider.sessionLifetimeSeconds,
      // A login's grant must outlive every refresh token made from it; tokens carry their own expiry.
      Grant: TEN_YEARS,
    },

    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = errorPage({ error: String(out.error), ...(out.error_description ? { description: String(out.error_description) } : {}) });
    },
  };

  const provider = new Provider(issuer, configuration);
  provider.on('access_token.issued', (token: { jti: string; accountId?: string; clientId?: string }) => {
    if (token.accountId) ledger.issued(token.jti, token.accountId, token.clientId);
  });
  provider.use(identityServerPromptSemantics(identityProvider.honorPromptLogin));
  return provider;
}

/**
 * IdentityServer issues a refresh token for offline_access whatever `prompt` says; oidc-provider
 * follows OpenID Connect Core §11 and drops offline_access unless prompt includes consent. Every
 * login here shows consent anyway (native clients), so adding it changes nothing else. Also where
 * the seed says so, prompt=login is ignored (visma-facts [?]). Applied to an authorize request's
 * parameters, from its query or (pushed-request-prompt.ts) from a pushed request's body; true when
 * it changed them.
 */
export function applyIdentityServerPrompt(params: URLSearchParams, honorPromptLogin: boolean): boolean {
  const prompt = params.get('prompt');
  // No prompt at all (a web app such as DataBridge's may send none) must give a refresh token too.
  let prompts = (prompt ?? '').split(' ').filter(Boolean);
  if (!honorPromptLogin) prompts = prompts.filter((p) => p !== 'login');
  if (params.get('scope')?.split(' ').includes('offline_access') && !prompts.includes('none') && !prompts.includes('consent')) {
    prompts.push('consent');
  }
  if (prompt === null && !prompts.length) return false;
  if (prompts.length) params.set('prompt', prompts.join(' '));
  else params.delete('prompt');
  return true;
}

function identityServerPromptSemantics(honorPromptLogin: boolean) {
  return async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
    if (ctx.method === 'GET' && ctx.path === ROUTES.authorization) {
      const query = new URLSearchParams(ctx.querystring);
      if (applyIdentityServerPrompt(query, honorPromptLogin)) ctx.querystring = query.toString();
    }
    await next();
  };
}
