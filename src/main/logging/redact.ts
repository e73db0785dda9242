/**
 * The last guard before a line reaches the log file or a diagnostics file: callers never log
 * secrets, but a library's error message can carry a URL with a code or a token in it.
 */
const SECRET_KEY = /token|secret|password|passphrase|authorization|cookie|assertion|verifier|^code$/i;
const JWT = /\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*/g;
const SECRET_PARAMETER = /([?&#](?:code|access_token|refresh_token|id_token|client_secret|code_verifier|session_state)=)[^&#\s"]+/gi;
const BEARER = /\b(Bearer|Basic)\s+[\w\-.~+/=]{8,}/g;

export const REDACTED = '[redacted]';

export function redactText(text: string): string {
  return text.replace(JWT, REDACTED).replace(SECRET_PARAMETER, `$1${REDACTED}`).replace(BEARER, `$1 ${REDACTED}`);
}

/** A copy with every secret-looking field and string replaced; the shape stays, for support to read. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > 12) return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, SECRET_KEY.test(key) && item !== null && item !== undefined && typeof item !== 'boolean' ? REDACTED : redact(item, depth + 1)]),
  );
}
