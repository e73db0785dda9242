import { z } from 'zod';
import { type Message, isMessage } from './i18n/message';
import { emailAddressProblem } from './email-address';
import { IdSchema, NameSchema } from './field-schemas';
import { CONNECTION_KINDS, DIRECTIONS, PORTAL_EVIDENCE, PROFILE_STATUSES } from './profile';
import { SecureUrl } from './secure-url';

/** An empty cell (CSV) is a value left out. */
const blankAsMissing = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** The fields every profile has, whatever its connection kind. */
const ProfileFieldsSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  direction: z.enum(DIRECTIONS, { error: 'must be "import" or "export"' }),
  /** Empty only on a portal profile taken from the portal's list and not filled in yet ("needs company"). */
  companyId: z
    .string()
    .trim()
    .max(64, 'is longer than 64 characters')
    .regex(/^\S*$/, 'must not contain spaces'),
  companyName: z.string().trim().max(200, 'is longer than 200 characters'),
  /** Empty only as companyId may be. */
  apiUser: z.string({ error: 'must be an email address' }).superRefine((value, ctx) => {
    // The Severa check's validator too: an address is valid in both features or in neither.
    const problem = value === '' ? null : emailAddressProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `must be an email address: ${problem}` });
  }),
  /**
   * Where the Visma.net connection lives (F18): "portal" (DataBridge keeps it; reconnect in the
   * portal's own flow) or "direct" (Bridgekeeper is the Visma client). Left out: "portal" when the
   * row names a portal page, else "direct" — so files from before portals import as they were.
   */
  connection: z.preprocess(blankAsMissing, z.enum(CONNECTION_KINDS, { error: 'must be "portal" or "direct"' }).optional()),
  /** Direct profiles: the Visma environment whose client Bridgekeeper logs in with. */
  environmentId: z.preprocess(blankAsMissing, z.string().trim().optional()),
  /** Portal profiles: the portal that holds the connection. */
  portalId: z.preprocess(blankAsMissing, z.string().trim().optional()),
  /** Portal profiles: the profile's own page in the portal, where its Connect button is. */
  portalUrl: z.preprocess(blankAsMissing, SecureUrl.optional()),
});

/** What a user types or imports: the profile itself, without its connection state. */
export const ProfileDefinitionSchema = ProfileFieldsSchema.transform((profile, ctx) => {
  const connection = profile.connection ?? (profile.portalUrl || profile.portalId ? 'portal' : 'direct');
  const required = (field: 'environmentId' | 'portalId' | 'portalUrl', why: string) => {
    if (!profile[field]) ctx.addIssue({ code: 'custom', path: [field], message: `is required ${why}` });
  };
  if (connection === 'direct') {
    required('environmentId', 'for a direct connection');
    // A direct login needs both from the start; a portal profile may have them filled in later.
    for (const field of ['companyId', 'apiUser'] as const) {
      if (!profile[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'is required for a direct connection' });
    }
  } else {
    required('portalId', 'for a portal connection');
    required('portalUrl', "for a portal connection (the profile's page in the portal)");
  }
  return {
    ...profile,
    connection,
    environmentId: connection === 'direct' ? (profile.environmentId ?? '') : '',
    portalId: connection === 'portal' ? (profile.portalId ?? '') : '',
    portalUrl: connection === 'portal' ? (profile.portalUrl ?? '') : '',
  };
});
export type ProfileDefinition = z.output<typeof ProfileDefinitionSchema>;
/** What a caller may give: the connection fields may be left out (see `connection`). */
export type ProfileInput = z.input<typeof ProfileDefinitionSchema>;

/**
 * The reason behind a status: an error code when there is one, and words a person reads: `words` as
 * data in the catalog (shown in the reader's language), `message` their English form. Reasons stored
 * before words were data have only the message, and show as they are.
 */
export const StatusReasonSchema = z.object({
  code: z.string(),
  message: z.string(),
  words: z.custom<Message>(isMessage).optional(),
});
export type StatusReason = z.infer<typeof StatusReasonSchema>;

/** Connection state that main owns; never typed by a user. */
export const ProfileStateSchema = z.object({
  status: z.enum(PROFILE_STATUSES),
  statusSince: z.iso.datetime(),
  statusReason: StatusReasonSchema.optional(),
  lastVerifiedAt: z.iso.datetime().optional(),
  accessTokenExpiresAt: z.iso.datetime().optional(),
  refreshTokenExpiresAt: z.iso.datetime().optional(),
  /**
   * Portal profiles: the Visma client and user of the portal's last connection Bridgekeeper saw, and
   * what showed it was saved (absent while it is unconfirmed): the job ran, the portal's page said
   * so (`said`: its words), or the person did after seeing that page.
   */
  connectedVia: z
    .object({
      portalId: z.string(),
      clientId: z.string().optional(),
      user: z.string().optional(),
      evidence: z.enum(PORTAL_EVIDENCE).optional(),
      said: z.string().optional(),
    })
    .optional(),
  /** Portal profiles: a triggered-job URL is in the keychain; this is it masked, for the person to recognise. */
  jobUrlMasked: z.string().optional(),
  /** When Bridgekeeper last ran the profile's job (DataBridge allows one per 5 minutes). */
  lastJobRunAt: z.iso.datetime().optional(),
});
export type ProfileState = z.infer<typeof ProfileStateSchema>;

/** A stored profile: its definition as the schema above gives it (every field set), plus its state. */
export const ProfileSchema = ProfileFieldsSchema.extend({
  connection: z.enum(CONNECTION_KINDS),
  environmentId: z.string(),
  portalId: z.string(),
  portalUrl: z.string(),
}).extend(ProfileStateSchema.shape);
export type Profile = z.infer<typeof ProfileSchema>;

