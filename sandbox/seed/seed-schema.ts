import { z } from 'zod';
import { PortalSeedSchema, checkPortalSeed } from '../portal/portal-seed-schema';

/**
 * The sandbox's world: companies, users with their roles, client registrations, and every behaviour
 * visma-facts.md marks as a guess. docs/sandbox.md describes each field; defaults follow visma-facts.md.
 */

const Id = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(64, 'is longer than 64 characters')
  .regex(/^\S+$/, 'must not contain spaces');

const Seconds = (fallback: number) => z.number().int('must be a whole number of seconds').positive('must be more than 0').default(fallback);

const ERP_SCOPES = ['read', 'create', 'update', 'delete'].map((action) => `vismanet_erp_interactive_api:${action}`);
export const DEFAULT_SCOPES = ['openid', 'email', 'profile', 'tenants', 'offline_access', ...ERP_SCOPES].join(' ');

const RefreshTokensSchema = z
  .object({
    /** re-use: the same token comes back until its absolute expiry; one-time: each refresh returns a new one. */
    mode: z.enum(['one-time', 're-use'], { error: 'must be "one-time" or "re-use"' }).default('one-time'),
    /** re-use: absolute, from the login; one-time: each new token lives this long. */
    lifetimeSeconds: Seconds(30 * 24 * 3600),
    /** one-time: how long a replaced token keeps working (visma-facts: 5–60 s). */
    graceSeconds: z.number().int('must be a whole number of seconds').min(0, 'must be 0 or more').default(30),
    /** one-time: a replaced token used after the grace period revokes all access of that client and user (Visma's behaviour). */
    revokeOnReplay: z.boolean().default(true),
  })
  .prefault({});

export const ClientSeedSchema = z.object({
  clientId: Id,
  name: z.string().trim().min(1, 'is required'),
  redirectUris: z.array(z.url({ error: 'must be a URL' })).min(1, 'needs at least one redirect URI'),
  /** A confidential web client's secret (client_secret_basic); public native clients (PKCE only) have none. */
  clientSecret: z.string().min(16, 'must be at least 16 characters').optional(),
  /** The scopes this client may ask for; the default is every scope the sandbox knows. */
  scopes: z.string().trim().default(DEFAULT_SCOPES),
  /** visma-facts: offline_access yields a refresh token only when the app has "Offline Access" enabled. */
  offlineAccess: z.boolean().default(true),
  /** visma-facts: tenant_id is in the token only when `tenants` is asked and the app is tenant-enabled. */
  tenantEnabled: z.boolean().default(true),
  /** Show consent at every login (default), or only the first time a user allows this client. */
  rememberConsent: z.boolean().default(false),
  accessTokenLifetimeSeconds: Seconds(3600),
  idTokenLifetimeSeconds: Seconds(3600),
  authorizationCodeLifetimeSeconds: Seconds(60),
  refreshTokens: RefreshTokensSchema,
});

export const CompanySeedSchema = z.object({
  /** The tenant id the user picks at login; it lands in the access token's `tenant_id`. */
  id: Id,
  name: z.string().trim().min(1, 'is required'),
  /**
   * The company's *customer* tenant: offered in the picker next to the company, and the ERP API
   * answers its tokens with 401 (visma-facts: a login that picked the customer tenant).
   */
  customerTenant: z.object({ id: Id, name: z.string().trim().min(1, 'is required') }).optional(),
  /** What GET /v1/organization answers; a default is made from id and name. */
  organization: z.record(z.string(), z.unknown()).optional(),
  /** What GET /v1/customer/customerClass answers. */
  customerClasses: z.array(z.record(z.string(), z.unknown())).default([]),
});

export const UserSeedSchema = z.object({
  /** The `sub` of this user's tokens; made from the email when left out, so it stays the same across runs. */
  id: Id.optional(),
  email: z.email({ error: 'must be an email address' }),
  password: z.string().min(1, 'is required'),
  name: z.string().trim().min(1, 'is required'),
  active: z.boolean().default(true),
  /** Base32 TOTP secret (RFC 6238, SHA-1, 30 s, 6 digits); when set, login asks for two-step verification. */
  totpSecret: z
    .string()
    .regex(/^[A-Z2-7]+=*$/, 'must be base32 (A–Z and 2–7)')
    .min(16, 'must be at least 16 base32 characters (80 bits)')
    .optional(),
  /** The companies the user belongs to, and whether the user holds the API User role there. */
  companies: z.array(z.object({ id: Id, apiUser: z.boolean().default(false) })).default([]),
});

export const SeedSchema = z
  .object({
    /** What the environment file for the app says (the addresses come from the running sandbox). */
    environment: z
      .object({
        id: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'may hold only letters, digits, dot, dash and underscore').default('visma-sandbox'),
        name: z.string().trim().min(1, 'is required').default('Visma sandbox (local)'),
        /** The client the app logs in as; the first client when left out. */
        clientId: z.string().optional(),
        scopes: z.string().trim().default(DEFAULT_SCOPES),
        verifyPath: z.string().startsWith('/', 'must start with "/"').default('/v1/organization'),
      })
      .prefault({}),
    identityProvider: z
      .object({
        /** A company where the user lacks API User: left out of the picker, or picking it ends in invalid_tenant. */
        companyWithoutApiUser: z.enum(['invalid_tenant', 'not-offered'], { error: 'must be "invalid_tenant" or "not-offered"' }).default('invalid_tenant'),
        /**
         * visma-facts [3P]: invalid_tenant comes "with HTTP 400". redirect: to the client's redirect URI
         * as an OAuth error (what a client can catch); page: an HTTP 400 error page in the login window.
         */
        invalidTenantShownAs: z.enum(['redirect', 'page'], { error: 'must be "redirect" or "page"' }).default('redirect'),
        /** visma-facts [?]: whether prompt=login forces the login page over an existing session. */
        honorPromptLogin: z.boolean().default(true),
        /** visma-facts [?]: whether login_hint fills the email field. */
        honorLoginHint: z.boolean().default(true),
        /** Codes from this many 30-second steps before or after now are accepted too. */
        totpWindowSteps: z.number().int().min(0).max(10).default(1),
        sessionLifetimeSeconds: Seconds(8 * 3600),
      })
      .prefault({}),
    api: z
      .object({
        /** The `aud` of access tokens, and what the API accepts. */
        audience: z.string().trim().min(1, 'is required').default('vismanet_erp_interactive_api'),
        /** HTTP status of the 12027 "No license for this company." answer (visma-facts gives none). */
        noLicenseStatus: z.number().int().min(400).max(599).default(403),
        /** Pre-Visma Connect tokens: the API answers them with 400 / 12002. */
        legacyTokens: z.array(z.string().min(1, 'is required')).default([]),
        /**
         * The old base (integration.visma.net/API/controller/api) is throttled since 1 February 2026
         * (visma-facts: 500 calls per hour per app, then 429): calls per client and clock hour there.
         */
        legacyCallsPerHour: z.number().int().min(0).default(500),
      })
      .prefault({}),
    clients: z.array(ClientSeedSchema).min(1, 'needs at least one client'),
    companies: z.array(CompanySeedSchema).min(1, 'needs at least one company'),
    users: z.array(UserSeedSchema).min(1, 'needs at least one user'),
    /** The DataBridge portal look-alike (sandbox/portal). */
    portal: PortalSeedSchema,
  })
  .superRefine((seed, ctx) => {
    const duplicates = (values: string[], path: (i: number) => (string | number)[], what: string) => {
      const seen = new Set<string>();
      values.forEach((value, i) => {
        if (seen.has(value)) ctx.addIssue({ code: 'custom', path: path(i), message: `repeats ${what} "${value}"` });
        seen.add(value);
      });
    };
    duplicates(seed.clients.map((c) => c.clientId), (i) => ['clients', i, 'clientId'], 'client id');
    duplicates(seed.users.map((u) => u.email.toLowerCase()), (i) => ['users', i, 'email'], 'email');
    const tenants = seed.companies.flatMap((c, i) => [
      { id: c.id, path: ['companies', i, 'id'] },
      ...(c.customerTenant ? [{ id: c.customerTenant.id, path: ['companies', i, 'customerTenant', 'id'] }] : []),
    ]);
    duplicates(tenants.map((t) => t.id), (i) => tenants[i]!.path, 'tenant id');

    const companyIds = new Set(seed.companies.map((c) => c.id));
    seed.users.forEach((user, u) =>
      user.companies.forEach((company, c) => {
        if (!companyIds.has(company.id)) {
          ctx.addIssue({ code: 'custom', path: ['users', u, 'companies', c, 'id'], message: `names no company of this seed ("${company.id}")` });
        }
      }),
    );
    const { clientId } = seed.environment;
    if (clientId !== undefined && !seed.clients.some((c) => c.clientId === clientId)) {
      ctx.addIssue({ code: 'custom', path: ['environment', 'clientId'], message: `names no client of this seed ("${clientId}")` });
    }
    checkPortalSeed(seed, ctx);
  });

export type SeedInput = z.input<typeof SeedSchema>;
export type Seed = z.output<typeof SeedSchema>;
export type ClientSeed = z.output<typeof ClientSeedSchema>;
export type CompanySeed = z.output<typeof CompanySeedSchema>;
export type UserSeed = z.output<typeof UserSeedSchema>;
export type RefreshMode = ClientSeed['refreshTokens']['mode'];
