import { z } from 'zod';
import { REASON_PRECEDENCE } from './severa-check';
import { MAX_USER_FILE_BYTES } from './severa-panel';

/**
 * The Severa panel's argument schemas (api-args.ts uses them): shapes and limits checked in main
 * before the Severa check service runs. Kept apart from severa-panel.ts so the renderer's types
 * do not pull zod into the first screen.
 */

const MAX_BASE64 = Math.ceil(MAX_USER_FILE_BYTES / 3) * 4;

export const SeveraSideSchema = z.enum(['azets', 'severa']);

export const FileBytesSchema = z.object({
  name: z.string().min(1).max(1000),
  base64: z
    .string()
    .max(MAX_BASE64, `is larger than ${MAX_USER_FILE_BYTES / 1024 / 1024} MiB`)
    .refine((text) => text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text), 'is not base64'),
  sheet: z.string().min(1).max(200).optional(),
});

const Header = z.string().min(1).max(500);

/** field → header name, or null for "the file has none"; every file needs an email column. */
export const ColumnMappingSchema = z
  .object({
    email: Header.optional(),
    active: Header.nullable().optional(),
    firstName: Header.nullable().optional(),
    lastName: Header.nullable().optional(),
    fullName: Header.nullable().optional(),
    id: Header.nullable().optional(),
  })
  .strict();

const isLoopback = (host: string): boolean => host === '127.0.0.1' || host === 'localhost' || host === '[::1]';

export const SeveraApiSettingsSchema = z.object({
  baseUrl: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(2000)
    .refine((text) => {
      try {
        const url = new URL(text);
        return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
      } catch {
        return false;
      }
    }, 'must be an https:// address (http:// only on this computer: 127.0.0.1 or localhost)'),
  addonName: z.string().trim().min(1, 'is required').max(200),
});

export const SeveraCredentialsSchema = z.object({
  clientId: z.string().trim().min(1, 'is required').max(500),
  clientSecret: z.string().trim().min(1, 'is required').max(2000),
  scope: z.string().trim().min(1, 'is required').max(1000),
});

export const SeveraOrganizationSchema = z.object({
  addon: z.enum(['active', 'inactive', 'unknown']),
  orgUsesSevera: z.enum(['yes', 'no', 'unknown']),
});

export const SeveraVerdictFilterSchema = z.object({
  reason: z.enum([...REASON_PRECEDENCE, 'all', 'failing']),
  search: z.string().max(500),
});

export const RunIdSchema = z.int().min(0);
