import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessTokenLedger } from '../directory/access-token-ledger';
import type { Directory } from '../directory/directory';
import type { CompanySeed } from '../seed/seed-schema';
import { sendJson } from '../http/respond';
import type { TokenVerifier } from './token-verifier';
import { AUTHORIZATION_DENIED, invalidCompanyId, noLicense } from './visma-errors';

/** The ERP API resources the sandbox serves, relative to the API base (…/API). */
const RESOURCES: Record<string, (company: CompanySeed) => unknown> = {
  '/controller/api/v1/organization': (company) => company.organization ?? { organizationId: company.id, name: company.name },
  '/controller/api/v1/customer/customerClass': (company) => company.customerClasses,
};

export interface ErpApiDeps {
  directory: Directory;
  ledger: AccessTokenLedger;
  verifier: TokenVerifier;
}

/**
 * The Visma.net ERP API look-alike. Checks in the order a client learns the most from:
 * no or bad token → 401; legacy token or no company → 400/12002; customer tenant → 401;
 * no API User → 12027 (status from the seed); otherwise the company's data.
 */
export function createErpApi({ directory, ledger, verifier }: ErpApiDeps) {
  const { api } = directory.seed;
  const legacy = new Set(api.legacyTokens);
  const denied = (res: ServerResponse, reason: string) =>
    sendJson(res, 401, AUTHORIZATION_DENIED, { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${reason}"` });

  return async function erpApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const resource = Object.hasOwn(RESOURCES, path) ? RESOURCES[path] : undefined;
    if (!resource) return sendJson(res, 404, { Message: `No HTTP resource was found that matches the request URI '${path}'.` });
    if (req.method !== 'GET') return sendJson(res, 405, { Message: `The requested resource does not support http method '${req.method}'.` });

    const token = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return denied(res, 'no access token');
    if (legacy.has(token)) return sendJson(res, 400, invalidCompanyId());

    let claims;
    try {
      claims = await verifier.verify(token);
    } catch (error) {
      return denied(res, (error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'the access token expired' : 'the access token is not valid');
    }
    if (claims.jti && ledger.isRevoked(claims.jti)) return denied(res, 'the access token was revoked');
    const user = directory.userById(String(claims.sub));
    if (!user?.active) return denied(res, 'the user is unknown or deactivated');

    const tenantId = typeof claims.tenant_id === 'string' ? claims.tenant_id : undefined;
    const tenant = tenantId ? directory.tenant(tenantId) : undefined;
    if (!tenantId || !tenant) return sendJson(res, 400, invalidCompanyId());
    if (tenant.kind === 'customer') return denied(res, 'the token is for a customer tenant, not a company');
    if (!directory.hasApiUser(user, tenantId)) return sendJson(res, api.noLicenseStatus, noLicense());

    sendJson(res, 200, resource(tenant.company));
  };
}
