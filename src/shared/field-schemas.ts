import { z } from 'zod';

/** Ids of profiles and environments: safe in file names, URLs and keychain account names. */
export const IdSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(100, 'is longer than 100 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'may hold only letters, digits, dot, dash and underscore');

/** What a person calls a thing. */
export const NameSchema = z.string().trim().min(1, 'is required').max(200, 'is longer than 200 characters');
