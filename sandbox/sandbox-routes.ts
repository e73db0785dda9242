import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JWK } from 'oidc-provider';
import { createAdminRoutes } from './admin/admin-routes';
import { createAccessTokenLedger } from './directory/access-token-ledger';
import { createDirectory } from './directory/directory';
import { createErpApi } from './erp-api/erp-api';
import { createTokenVerifier } from './erp-api/token-verifier';
import { endpointOf } from './faults/endpoints';
import { createFaults } from './faults/faults';
import { createRequestCounter } from './faults/request-counter';
import { INTERNAL_HEADER } from './http/internal';
import { ROUTES, createProvider } from './identity/create-provider';
import { emptySecretBasicAsBody } from './identity/empty-secret-basic';
import { createInteractions } from './identity/interactions';
import { createLoginBook } from './identity/logins';
import { pushedRequestWithPrompt } from './identity/pushed-request-prompt';
import { createTokenStore } from './identity/token-store';
import { createUserinfo } from './identity/userinfo';
import type { Seed } from './seed/seed-schema';

/**
 * Everything the sandbox serves on its one origin, wired together: the identity provider and its
 * pages, the ERP API, the admin endpoint, with request counting and faults in front of all but admin.
 */
export function createSandboxRoutes({ issuer, seed, signingKey }: { issuer: string; seed: Seed; signingKey: JWK }) {
  const apiBaseUrl = issuer; // as start-sandbox gives it: the ERP API's paths (/v1/…) are on the sandbox's origin
  const directory = createDirectory(seed);
  const refreshSettings = (clientId: string) => directory.client(clientId)?.refreshTokens;
  const ledger = createAccessTokenLedger();
  const store = createTokenStore({
    graceSeconds: (clientId) => refreshSettings(clientId)?.graceSeconds ?? 0,
    revokeOnReplay: (clientId) => refreshSettings(clientId)?.revokeOnReplay ?? true,
    onReplay: (accountId, clientId) => ledger.revokeAllOf(accountId, clientId),
  });
  const logins = createLoginBook();
  const faults = createFaults();
  const counter = createRequestCounter();

  const provider = createProvider({
    issuer,
    apiResource: apiBaseUrl,
    directory,
    logins,
    ledger,
    store,
    keys: [signingKey],
    cookieKeys: [randomBytes(32).toString('base64url')],
  });
  const verifier = createTokenVerifier({ issuer, audience: seed.api.audience });
  const interactions = createInteractions({ provider, directory, logins });
  const userinfo = createUserinfo(verifier, directory);
  const erpApi = createErpApi({ directory, ledger, verifier });
  const admin = createAdminRoutes({ directory, faults, counter, ledger, store, logins });
  const oidc = provider.callback();

  return async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', issuer);
    const endpoint = endpointOf(pathname);
    if (endpoint === 'admin') return admin(req, res, pathname);
    if (req.headers[INTERNAL_HEADER] === undefined) {
      counter.count(endpoint, req.method ?? 'GET', pathname);
      if (await faults.apply(endpoint, req, res)) return;
    }
    switch (endpoint) {
      case 'api':
        return erpApi(req, res, pathname);
      case 'pages':
        return interactions(req, res, pathname);
      case 'userinfo':
        return userinfo(req, res);
      case 'token':
      case 'revocation':
        return oidc(await emptySecretBasicAsBody(req), res);
      case 'authorize':
        if (req.method === 'POST' && pathname === ROUTES.pushed_authorization_request) {
          return oidc(await pushedRequestWithPrompt(await emptySecretBasicAsBody(req), seed.identityProvider.honorPromptLogin), res);
        }
        return oidc(req, res);
      default:
        return oidc(req, res);
    }
  };
}
