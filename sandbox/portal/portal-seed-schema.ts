import { z } from 'zod';
import { LOGIN_IN, PortalStyleSchema } from './portal-style';

/**
 * The DataBridge portal look-alike's part of the seed (`portal`): who signs in to the portal, its
 * integrations with their Visma.net connection, and how the portal runs Visma's login.
 * docs/sandbox.md ("DataBridge portal look-alike") describes each field.
 */

const Text = z.string().trim().min(1, 'is required');
/** Integration ids become profile ids in the app (the characters its IdSchema allows), and appear unencoded in paths. */
const IntegrationId = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(100, 'is longer than 100 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'may hold only letters, digits, dot, dash and underscore');
const Secret = z.string().min(16, 'must be at least 16 characters').regex(/^[A-Za-z0-9._~-]+$/, 'may hold only letters, digits and . _ ~ -');

export const CONNECTION_STATES = ['none', 'old-style', 'connected'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

export const PortalIntegrationSeedSchema = z.object({
  id: IntegrationId,
  name: Text,
  /** The Visma.net company (tenant id) this integration works in: a company of the seed. */
  companyId: Text,
  /** Who the SuperUser should log in to Visma as for this integration: a user of the seed. */
  apiUser: z.email({ error: 'must be an email address' }),
  direction: z.enum(['import', 'export'], { error: 'must be "import" or "export"' }).default('export'),
  /**
   * old-style: a pre-Visma Connect token (jobs fail with 12002); none: never connected (12002 too);
   * connected: the sandbox logs in as apiUser at start, so jobs run.
   */
  connection: z.enum(CONNECTION_STATES, { error: 'must be "none", "old-style" or "connected"' }).default('old-style'),
  /** The triggered-job URL's secret; a random one when left out. */
  jobKey: Secret.optional(),
});

export const PortalSeedSchema = z
  .object({
    /** The portal's own confidential client at the sandbox's Visma Connect. */
    client: z
      .object({
        clientId: Text.regex(/^\S+$/, 'must not contain spaces').default('isv_databridge_superoffice'),
        /** Shown on Visma's login and consent pages. */
        name: Text.default('DataBridge for SuperOffice'),
        /** A random one when left out. */
        secret: Secret.optional(),
      })
      .prefault({}),
    users: z.array(z.object({ email: z.email({ error: 'must be an email address' }), password: z.string().min(1, 'is required'), name: Text })).default([]),
    integrations: z.array(PortalIntegrationSeedSchema).default([]),
    /** How Visma delivers the code to the portal: a POST (web apps' default) or the query string. */
    responseMode: z.enum(['form_post', 'query'], { error: 'must be "form_post" or "query"' }).default('form_post'),
    /**
     * Whether Connected opens Visma's login in the same window or in a popup (window.open), or in a
     * popup that opens a page of the portal first; style.loginIn, when given, takes its place.
     */
    loginIn: z.enum(LOGIN_IN, { error: 'must be "navigate", "popup" or "popup-via-portal"' }).default('navigate'),
    /** Send the integration's API user as login_hint (DataBridge is not known to). */
    sendLoginHint: z.boolean().default(false),
    /** At most one triggered job per this many seconds per integration (DataBridge: 5 minutes); 0: no limit. */
    jobIntervalSeconds: z.number().int('must be a whole number of seconds').min(0, 'must be 0 or more').default(300),
    /** How the portal looks and behaves (sign-in, cookies, the Connect control, how it reports): portal-style.ts. */
    style: PortalStyleSchema,
  })
  .prefault({});

export type PortalSeed = z.output<typeof PortalSeedSchema>;
export type PortalIntegrationSeed = z.output<typeof PortalIntegrationSeedSchema>;

interface SeedParts {
  portal: PortalSeed;
  companies: { id: string }[];
  users: { email: string }[];
  clients: { clientId: string }[];
}

/** The portal's checks beyond the types, called from the seed schema's own (paths from the seed's root). */
export function checkPortalSeed({ portal, companies, users, clients }: SeedParts, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path: ['portal', ...path], message });
  const repeats = (values: string[], path: (i: number) => (string | number)[], what: string) => {
    const seen = new Set<string>();
    values.forEach((value, i) => {
      if (seen.has(value)) issue(path(i), `repeats ${what} "${value}"`);
      seen.add(value);
    });
  };
  repeats(portal.users.map((u) => u.email.toLowerCase()), (i) => ['users', i, 'email'], 'email');
  repeats(portal.integrations.map((i) => i.id), (i) => ['integrations', i, 'id'], 'integration id');
  if (clients.some((c) => c.clientId === portal.client.clientId)) {
    issue(['client', 'clientId'], `is already a client of the seed ("${portal.client.clientId}")`);
  }
  const companyIds = new Set(companies.map((c) => c.id));
  const emails = new Set(users.map((u) => u.email.toLowerCase()));
  portal.integrations.forEach((integration, i) => {
    if (!companyIds.has(integration.companyId)) issue(['integrations', i, 'companyId'], `names no company of this seed ("${integration.companyId}")`);
    if (!emails.has(integration.apiUser.toLowerCase())) issue(['integrations', i, 'apiUser'], `names no user of this seed ("${integration.apiUser}")`);
  });
}
