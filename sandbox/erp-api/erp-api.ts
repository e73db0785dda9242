import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessTokenLedger } from '../directory/access-token-ledger';
import type { Directory } from '../directory/directory';
import { LEGACY_API_PREFIX } from '../faults/endpoints';
import type { CompanySeed } from '../seed/seed-schema';
import { sendJson } from '../http/respond';
import type { TokenVerifier } from './token-verifier';
import { createLegacyBudget } from './legacy-budget';
import { AUTHORIZATION_DENIED, invalidCompanyId, noLicense } from './visma-errors';

/** The ERP API resources the sandbox serves, relative to the API base (https://api.finance.visma.net). */
const RESOURCES: Record<string, (company: CompanySeed) => unknown> = {
  '/v1/organization': (company) => company.organization ?? { organizationId: company.id, name: company.name },
  '/v1/customer/customerClass': (company) => company.customerClasses,
};

export interface ErpApiDeps {
  directory: Directory;
  ledger: AccessTokenLedger;
  verifier: TokenVerifier;
  now?: () => number;
}

/**
 * The Visma.net ERP API look-alike, at the paths Visma serves now (`/v1/…`) and, throttled, at the
 * old ones (`/API/controller/api/v1/…`). Checks in the order a client learns the most from:
 * no or bad token → 401; legacy token or no company → 400/12002; customer tenant → 401;
 * no API User → 12027 (status from the seed); otherwise the company's data.
 */
export function createErpApi({ directory, ledger, verifier, now = Date.now }: ErpApiDeps) {
  const { api } = directory.seed;
  const legacy = new Set(api.legacyTokens);
  const legacyBudget = createLegacyBudget(api.legacyCallsPerHour, now);
  const denied = (res: ServerResponse, reason: string) =>
    sendJson(res, 401, AUTHORIZATION_DENIED, { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${reason}"` });

  /** `pathname` is the request's whole path; this is the one place that knows the API's URL forms. */
  return async function erpApi(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const viaLegacyBase = pathname.startsWith(`${LEGACY_API_PREFIX}/`);
    const path = viaLegacyBase ? pathname.slice(LEGACY_API_PREFIX.length) : pathname;
    const resource = Object.hasOwn(RESOURCES, path) ? RESOURCES[path] : undefined;
    if (!resource) return sendJson(res, 404, { Message: `No HTTP resource was found that matches the request URI '${pathname}'.` });
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
    if (viaLegacyBase) {
      const refusal = legacyBudget.spend(String(claims.client_id ?? ''));
      if (refusal) return sendJson(res, 429, refusal.body, refusal.headers);
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
