/**
 * The one step every text from outside passes before it is stored, logged or sent to the window:
 * an identity provider's error_description, an ERP or Severa error body, a revocation error.
 * Such text may echo what was sent — a servant that quotes the refresh token back is not rare.
 */

/** The secrets an attempt or a profile holds, by kind; each is replaced by "[<kind>]". */
export interface Secrets {
  refreshToken?: string | undefined;
  accessToken?: string | undefined;
  idToken?: string | undefined;
  code?: string | undefined;
  codeVerifier?: string | undefined;
  clientSecret?: string | undefined;
}

const KIND_WORDS: Record<keyof Secrets, string> = {
  refreshToken: '[refresh token]',
  accessToken: '[access token]',
  idToken: '[ID token]',
  code: '[authorization code]',
  codeVerifier: '[PKCE verifier]',
  clientSecret: '[client secret]',
};

/** Longer foreign text says nothing more a person needs, and may be a flood. */
export const FOREIGN_TEXT_LIMIT = 300;

/** Three base64url parts with dots, the first a JSON header ("eyJ"): a JWT (or JWS), whoever's it is. */
const JWT = /eyJ[\w-]{2,}\.[\w-]*\.[\w-]*/g;
/** Shorter secrets would match ordinary words; no token, code or verifier is this short. */
const MIN_SECRET_LENGTH = 8;

export function redact(text: string, secrets: Secrets = {}): string {
  let clean = text;
  // Longest first, so a secret that contains another is replaced whole.
  const known = (Object.entries(secrets) as [keyof Secrets, string | undefined][])
    .filter((entry): entry is [keyof Secrets, string] => typeof entry[1] === 'string' && entry[1].length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b[1].length - a[1].length);
  for (const [kind, secret] of known) {
    clean = clean.replaceAll(secret, KIND_WORDS[kind]);
    // Echoed form-encoded or URL-encoded, as a body or a query string carries it.
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) clean = clean.replaceAll(encoded, KIND_WORDS[kind]);
  }
  clean = clean.replace(JWT, '[token]');
  // Control characters could forge log lines or hide text; one line, printable.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  clean = clean.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  return clean.length > FOREIGN_TEXT_LIMIT ? `${clean.slice(0, FOREIGN_TEXT_LIMIT)}…` : clean;
}

/** redact() for a value that may be missing. */
export const redactOptional = (text: string | undefined, secrets: Secrets = {}): string | undefined =>
  text === undefined ? undefined : redact(text, secrets);
