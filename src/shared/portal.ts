import { z } from 'zod';
import { IdSchema, NameSchema } from './field-schemas';
import { LoginWithSchema } from './login-with';
import { patternProblem } from './profile-link-pattern';
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
    /**
     * Where a sign-in starts. Its path counts as a sign-in page, but the sign-in is done when the
     * portal shows a signed-in page of its own, wherever the portal sent the person on the way.
     */
    signInUrl: SecureUrl,
    /** Origins the portal sends people to for the Visma login: Visma Connect, and the sign-ins Visma federates to. */
    identityOrigins: z.array(SecureUrl).min(1, 'needs at least one origin (Visma Connect: https://connect.visma.com)'),
    /** Federated sign-ins of the portal itself (SuperOffice CRM Online): followed when signing in, their cookies never kept. */
    signInOrigins: z.array(SecureUrl).default([]),
    /** The text of the portal's Connect control; empty: Bridgekeeper looks for the usual words in six languages. */
    connectButtonLabel: z.string().trim().max(100, 'is longer than 100 characters').default(''),
    /** The heading of the section that holds the Visma.net connection on a profile's page. */
    connectSection: z.string().trim().max(100, 'is longer than 100 characters').default('Visma.net'),
    /**
     * Words the profile's page shows once its Visma.net connection is saved: the portal's own
     * confirmation. "*" stands for any text; {user}, {company} and {companyId} for the Visma user and
     * company the portal names, which must then be the profile's. Empty: the person confirms, once.
     */
    connectedMarker: z.string().trim().max(400, 'is longer than 400 characters').default(''),
    /**
     * F19: the page that lists the portal's profiles (DataBridge's Integrations); empty: the portal's
     * start page, from which the person browses to it. Remembered from the last list read.
     */
    listUrl: z.union([z.literal(''), SecureUrl]).default(''),
    /**
     * F19: which links of that list are profiles' pages, like /Profile/Edit/{id}; empty: learned
     * from one example the person points at. Never guessed: DataBridge's URLs are not published.
     */
    profilePattern: z
      .string()
      .trim()
      .max(300, 'is longer than 300 characters')
      .refine((value) => value === '' || patternProblem(value) === null, { error: (issue) => `${patternProblem(String(issue.input)) ?? 'is not a pattern'}` })
      .default(''),
    /**
     * F19: lines a profile's page shows that name what Bridgekeeper needs, one per line, like
     * "Visma.net company: {company} ({companyId})" or "API user: {user}" ("*" any text). When set,
     * taking profiles from the list reads each new profile's page for them; empty: nothing is read
     * from profiles' pages.
     */
    profileDetails: z
      .string()
      .trim()
      .max(400, 'is longer than 400 characters')
      .refine((value) => value.split('\n').every((line) => !line.trim() || /\{(company|companyId|user)\}/.test(line)), 'must name {company}, {companyId} or {user} on every line')
      .default(''),
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
    if (portal.listUrl && origin(portal.listUrl) !== origin(portal.origin)) {
      ctx.addIssue({ code: 'custom', path: ['listUrl'], message: `must be a page of ${portal.origin}` });
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

/** SuperOffice CRM Online and its sister environments: DataBridge's "Log in with SuperOffice" goes there (visma-facts.md). */
export const SUPEROFFICE_SIGN_IN_ORIGINS = ['online', 'sod', 'sod2', 'qaonline', 'stage', 'online3'].map((host) => `https://${host}.superoffice.com`);

/**
 * Presets a person starts from, every guess editable. DataBridge's address, its sign-in page
 * (/Account/Login, with "Log in with SuperOffice" or "Log in with email") and the "Connected" button
 * in the "Visma.net Financials" section are documented (visma-facts.md); its markup and how its page
 * says a connection was saved are not, so no marker is preset: the person confirms the first one.
 * Panels for SuperOffice's address is not published: the person fills it in.
 */
export const PORTAL_PRESETS: { key: 'databridge' | 'panels'; label: string; definition: PortalDefinition | Omit<PortalDefinition, 'origin' | 'signInUrl'> }[] = [
  {
    key: 'databridge',
    label: 'DataBridge for SuperOffice',
    definition: {
      id: 'databridge',
      name: 'DataBridge',
      origin: 'https://my-databridge.infobridgeuniverse.com',
      signInUrl: 'https://my-databridge.infobridgeuniverse.com/Account/Login',
      identityOrigins: [VISMA_CONNECT_ORIGIN],
      signInOrigins: SUPEROFFICE_SIGN_IN_ORIGINS,
      connectButtonLabel: 'Connected',
      connectSection: 'Visma.net Financials',
      connectedMarker: '',
      // The start page, with its Integrations menu; the list's own address and profile links are not published.
      listUrl: 'https://my-databridge.infobridgeuniverse.com/',
      profilePattern: '',
      profileDetails: '',
    },
  },
  {
    key: 'panels',
    label: 'Panels for SuperOffice (InfoBridge)',
    definition: {
      id: 'panels',
      name: 'Panels for SuperOffice',
      identityOrigins: [VISMA_CONNECT_ORIGIN],
      signInOrigins: SUPEROFFICE_SIGN_IN_ORIGINS,
      connectButtonLabel: 'Connected',
      connectSection: 'Authorization',
      connectedMarker: '',
      listUrl: '',
      profilePattern: '',
      profileDetails: '',
    },
  },
];
