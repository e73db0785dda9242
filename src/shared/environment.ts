import { z } from 'zod';
import { IdSchema, NameSchema } from './field-schemas';
import { LoginWithSchema } from './login-with';
import { SecureUrl } from './secure-url';


export const EnvironmentDefinitionSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  /** Visma Connect's issuer; discovery lives at `<issuer>/.well-known/openid-configuration`. */
  issuer: SecureUrl,
  /** Empty until the user enters the client id registered for DataBridge with Visma. */
  clientId: z.string().trim().max(200, 'is longer than 200 characters'),
  scopes: z
    .string()
    .trim()
    .refine((value) => value.split(/\s+/).includes('openid'), 'must include "openid"'),
  /** Never loaded: the login surface catches the first request to it. Empty until configured. */
  redirectUri: z.union([z.literal(''), z.url({ error: 'must be a URL' })]),
  /** Base of the ERP API: https://api.finance.visma.net (no /API; integration.visma.net is the old, throttled one). */
  apiBaseUrl: SecureUrl,
  /** Light call that proves a token works, relative to apiBaseUrl. */
  verifyPath: z.string().trim().startsWith('/', 'must start with "/"'),
  /** Further origins the login window may visit (federated identity providers). */
  extraLoginOrigins: z.array(SecureUrl).default([]),
  /** Where its logins are shown (B4); absent: the built-in window. A browser needs a loopback redirect URI. */
  loginWith: LoginWithSchema.optional(),
});
export type EnvironmentDefinition = z.infer<typeof EnvironmentDefinitionSchema>;
export type Environment = EnvironmentDefinition & { builtIn: boolean };

export const PRODUCTION_ENVIRONMENT_ID = 'visma-production';

/** Visma.net production, as visma-facts.md gives it. Only clientId and redirectUri are the user's to set. */
export const PRODUCTION_ENVIRONMENT: EnvironmentDefinition = {
  id: PRODUCTION_ENVIRONMENT_ID,
  name: 'Visma.net production',
  issuer: 'https://connect.visma.com',
  clientId: '',
  scopes:
    'openid email profile tenants offline_access vismanet_erp_interactive_api:create vismanet_erp_interactive_api:read vismanet_erp_interactive_api:update vismanet_erp_interactive_api:delete',
  redirectUri: '',
  apiBaseUrl: 'https://api.finance.visma.net',
  verifyPath: '/v1/organization',
  extraLoginOrigins: [],
};

/**
 * The fields of the built-in environment a user may change. Extra login origins too: a company
 * whose Visma login federates to its own Microsoft or Google sign-in must be able to allow it.
 */
export const BUILT_IN_EDITABLE_FIELDS = ['clientId', 'redirectUri', 'extraLoginOrigins', 'loginWith'] as const;
