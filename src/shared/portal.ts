import { z } from 'zod';
import { IdSchema, NameSchema } from './field-schemas';
import { LoginWithSchema } from './login-with';
import { SecureUrl } from './secure-url';

/**
 * A web portal that holds profiles' Visma.net connections on its own servers (F18): DataBridge for
 * SuperOffice, InfoBridge's Panels for SuperOffice, or the sandbox's look-alike. Bridgekeeper signs
 * in to it once, then opens each profile's page in a session of its own and watches the portal's
 * own Visma login go by.
 */
export const PortalDefinitionSchema = z
  .object({
    id: IdSchema,
    name: NameSchema,
    /** The portal's origin: its cookies are the only ones a reconnect carries. */
    // zod runs a refinement after a failed check too: an unparsable value is SecureUrl's to report.
    origin: SecureUrl.refine((value) => !URL.canParse(value) || new URL(value).origin === value.replace(/\/$/, ''), 'must be an origin only (scheme, host and port), like https://my-databridge.infobridgeuniverse.com'),
    /** Where a person signs in; a page that lands here during a reconnect means the portal sign-in has expired. */
    signInUrl: SecureUrl,
    /** Origins the portal sends people to for the Visma login: Visma Connect, and federated sign-ins the user adds. */
    identityOrigins: z.array(SecureUrl).min(1, 'needs at least one origin (Visma Connect: https://connect.visma.com)'),
    /** The text of the portal's Connect button, for Bridgekeeper to press; empty: the person presses it. */
    connectButtonLabel: z.string().trim().max(100, 'is longer than 100 characters').default(''),
    /** Where its pages open for a reconnect (B4); absent: the built-in window, which watches the portal's flow. */
    loginWith: LoginWithSchema.optional(),
  })
  .superRefine((portal, ctx) => {
    const origin = (value: string) => {
      try {
        return new URL(value).origin;
      } catch {
        return null;
      }
    };
    if (origin(portal.signInUrl) !== origin(portal.origin)) {
      ctx.addIssue({ code: 'custom', path: ['signInUrl'], message: `must be a page of ${portal.origin}` });
    }
  });
export type PortalDefinition = z.infer<typeof PortalDefinitionSchema>;

export interface Portal extends PortalDefinition {
  /** Whether a portal sign-in is held now (in memory, or remembered in the keychain). */
  signedIn: boolean;
  /** Whether the sign-in is remembered in the OS keychain across restarts. */
  remembered: boolean;
}

export const VISMA_CONNECT_ORIGIN = 'https://connect.visma.com';

/**
 * Presets a person starts from. DataBridge's address is documented (visma-facts.md); its sign-in
 * page and the Connect button's exact text are not, so the sign-in page is the portal's start page
 * and the person presses Connect. Panels for SuperOffice's address is not published: the person fills it in.
 */
export const PORTAL_PRESETS: { key: 'databridge' | 'panels'; label: string; definition: PortalDefinition | Omit<PortalDefinition, 'origin' | 'signInUrl'> }[] = [
  {
    key: 'databridge',
    label: 'DataBridge for SuperOffice',
    definition: {
      id: 'databridge',
      name: 'DataBridge',
      origin: 'https://my-databridge.infobridgeuniverse.com',
      signInUrl: 'https://my-databridge.infobridgeuniverse.com/',
      identityOrigins: [VISMA_CONNECT_ORIGIN],
      connectButtonLabel: '',
    },
  },
  {
    key: 'panels',
    label: 'Panels for SuperOffice (InfoBridge)',
    definition: { id: 'panels', name: 'Panels for SuperOffice', identityOrigins: [VISMA_CONNECT_ORIGIN], connectButtonLabel: '' },
  },
];
