import { z } from 'zod';
import type { MessageKey } from './i18n/catalog';
import type { Message } from './i18n/message';

/** Ids of profiles and environments: safe in file names, URLs and keychain account names. */
export const IdSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(100, 'is longer than 100 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'may hold only letters, digits, dot, dash and underscore');

/**
 * C0 and C1 control characters, DEL, and U+FFFD (what a decoder puts where it could not read a
 * byte): no name holds them, and a name that does is decoding damage or a paste gone wrong.
 */
export function hasControlOrReplacement(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0xfffd) return true;
  }
  return false;
}

/** What a person calls a thing. */
export const NameSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(200, 'is longer than 200 characters')
  .refine((value) => !hasControlOrReplacement(value), 'must not contain control characters or the replacement character U+FFFD');

/**
 * A validation message of the schemas above (and of profile-schema.ts, secure-url.ts) as catalog
 * words, so a form or an import report reads it in the reader's language. The schemas keep their
 * English (zod carries text); a message not listed here is shown as it is.
 */
export function validationWords(message: string): Message | undefined {
  for (const [pattern, key, names] of VALIDATION_WORDS) {
    const found = pattern.exec(message);
    if (found) return { key, params: Object.fromEntries(names.map((name, i) => [name, found[i + 1]!])) };
  }
  return undefined;
}

const VALIDATION_WORDS: readonly [RegExp, MessageKey, readonly string[]][] = [
  [/^is required$/, 'profiles.invalid.required', []],
  [/^is longer than (\d+) characters$/, 'profiles.invalid.too-long', ['max']],
  [/^must not contain control characters or the replacement character U\+FFFD$/, 'profiles.invalid.control-chars', []],
  [/^may hold only letters, digits, dot, dash and underscore$/, 'profiles.invalid.id-chars', []],
  [/^must be "import" or "export"$/, 'profiles.invalid.direction', []],
  [/^must not contain spaces$/, 'profiles.invalid.spaces', []],
  [/^must be an email address$/, 'profiles.invalid.email', []],
  [/^must be an email address: (.*)$/s, 'profiles.invalid.email-why', ['problem']],
  [/^must be "portal" or "direct"$/, 'profiles.invalid.connection', []],
  [/^is required for a direct connection$/, 'profiles.invalid.required-direct', []],
  [/^is required for a portal connection$/, 'profiles.invalid.required-portal', []],
  [/^is required for a portal connection \(the profile's page in the portal\)$/, 'profiles.invalid.required-portal-url', []],
  [/^must be a URL$/, 'profiles.invalid.url', []],
  [/^must use https \(plain http is allowed only on 127\.0\.0\.1 or localhost\)$/, 'profiles.invalid.https', []],
];
