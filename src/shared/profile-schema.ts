import { z } from 'zod';
import { IdSchema, NameSchema } from './field-schemas';
import { DIRECTIONS, PROFILE_STATUSES } from './profile';

/** What a user types or imports: the profile itself, without its connection state. */
export const ProfileDefinitionSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  direction: z.enum(DIRECTIONS, { error: 'must be "import" or "export"' }),
  companyId: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(64, 'is longer than 64 characters')
    .regex(/^\S+$/, 'must not contain spaces'),
  companyName: z.string().trim().max(200, 'is longer than 200 characters'),
  apiUser: z.email({ error: 'must be an email address' }).max(254, 'is longer than 254 characters'),
  environmentId: z.string().trim().min(1, 'is required'),
});
export type ProfileDefinition = z.infer<typeof ProfileDefinitionSchema>;

/** The reason behind a status: an error code when there is one, and words a person reads. */
export const StatusReasonSchema = z.object({
  code: z.string(),
  message: z.string(),
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
});
export type ProfileState = z.infer<typeof ProfileStateSchema>;

export const ProfileSchema = ProfileDefinitionSchema.extend(ProfileStateSchema.shape);
export type Profile = z.infer<typeof ProfileSchema>;

