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
  /**
   * A portal profile's triggered-job URL: the whole URL ("[job URL]"), and every part of it the
   * mask hides (maskUrl) — path segments, query values, user info, fragment — as "[job key]".
   */
  jobUrl?: string | undefined;
}

const KIND_WORDS: Record<keyof Secrets, string> = {
  refreshToken: '[refresh token]',
  accessToken: '[access token]',
  idToken: '[ID token]',
  code: '[authorization code]',
  codeVerifier: '[PKCE verifier]',
  clientSecret: '[client secret]',
  jobUrl: '[job URL]',
};
const JOB_KEY = '[job key]';

/** Longer foreign text says nothing more a person needs, and may be a flood. */
export const FOREIGN_TEXT_LIMIT = 300;

/** Three base64url parts with dots, the first a JSON header ("eyJ"): a JWT (or JWS), whoever's it is. */
const JWT = /eyJ[\w-]{2,}\.[\w-]*\.[\w-]*/g;
/** Shorter secrets would match ordinary words; no token, code or verifier is this short. */
const MIN_SECRET_LENGTH = 8;

export function redact(text: string, secrets: Secrets = {}): string {
  let clean = hideSecrets(text, secrets);
  clean = clean.replace(JWT, '[token]');
  // Control characters could forge log lines or hide text; one line, printable.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  clean = clean.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  return clean.length > FOREIGN_TEXT_LIMIT ? `${clean.slice(0, FOREIGN_TEXT_LIMIT)}…` : clean;
}

/**
 * Only the known secrets taken out, each named by its kind; the text otherwise as it was (for text
 * kept whole, a job's message, say). A secret is found in any letter case and however a servant
 * echoes it: URL-encoded (once or more, any hex case, every character or some), form-encoded, as
 * JSON `\uXXXX` or `\/` escapes, or as HTML character references.
 */
export function hideSecrets(text: string, secrets: Secrets): string {
  let clean = text;
  for (const { secret, word } of knownSecrets(secrets)) clean = clean.replace(anyForm(secret), word);
  return clean;
}

/** Longest first, so a secret that contains another (a URL its key) is replaced whole. */
function knownSecrets(secrets: Secrets): { secret: string; word: string }[] {
  const known = new Map<string, { secret: string; word: string }>();
  const add = (secret: string, word: string) => {
    if (secret.length >= MIN_SECRET_LENGTH && !known.has(secret.toLowerCase())) known.set(secret.toLowerCase(), { secret, word });
  };
  for (const [kind, value] of Object.entries(secrets) as [keyof Secrets, string | undefined][]) {
    if (typeof value !== 'string') continue;
    if (kind !== 'jobUrl') add(value, KIND_WORDS[kind]);
    else {
      const { whole, parts } = urlSecrets(value);
      for (const url of whole) add(url, KIND_WORDS.jobUrl);
      for (const part of parts) add(part, JOB_KEY);
    }
  }
  return [...known.values()].sort((a, b) => b.secret.length - a.secret.length);
}

/**
 * A URL's secrets: the URL itself as given and as parsed, and each part maskUrl hides, as it stands in
 * the URL and decoded.
 */
export function urlSecrets(url: string): { whole: string[]; parts: string[] } {
  const whole = new Set([url]);
  const parts = new Set<string>();
  if (!URL.canParse(url)) return { whole: [...whole], parts: [] };
  const u = new URL(url);
  whole.add(u.href);
  const add = (raw: string) => {
    parts.add(raw);
    for (const decoded of [decode(raw), decode(raw.replace(/\+/g, ' '))]) parts.add(decoded);
  };
  add(u.username);
  add(u.password);
  for (const segment of hiddenSegments(u)) add(segment);
  for (const pair of u.search.slice(1).split('&')) add(pair.slice(pair.indexOf('=') + 1));
  add(u.hash.slice(1));
  return { whole: [...whole], parts: [...parts] };
}

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** The path's segments maskUrl hides: every one but the first, and the first too when it is the last (it may be the key). */
const hiddenSegments = (u: URL): string[] => {
  const segments = u.pathname.split('/').slice(1);
  return segments.length > 1 ? segments.slice(1) : segments;
};

/**
 * Shows a URL by its structure only: the origin and, when more of the path follows, the path's first
 * segment; everything after becomes "…" (`https://portal.example/api/…`). Never user info, a later
 * segment, a query or a fragment, whatever their length: any of them may be a key.
 */
export function maskUrl(url: string): string {
  if (!URL.canParse(url)) return '…';
  const u = new URL(url);
  const origin = u.origin !== 'null' ? u.origin : `${u.protocol}//${u.host}`;
  const segments = u.pathname.split('/').slice(1);
  if (segments.length > 1) return `${origin}/${segments[0]}/…`;
  return segments[0] || u.search || u.hash ? `${origin}/…` : `${origin}/`;
}

/** How many times over an echo may be encoded and still be found. */
const DEPTH = 8;
const HTML_NAMES: Record<string, string> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' };
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** A pattern that finds `secret` in any letter case and any of the encodings hideSecrets names, mixed freely. */
function anyForm(secret: string): RegExp {
  const encoder = new TextEncoder();
  const one = (char: string) => {
    const forms = [char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')];
    // Percent-encoded, the % itself encoded again (%2F, %252F, …). The repeats are bounded, here and
    // below: the text is someone else's, and a run of 64 KiB of backslashes must not cost a square.
    forms.push([...encoder.encode(char)].map((byte) => `%(?:25){0,${DEPTH}}${hex(byte, 2)}`).join(''));
    // JSON's \uXXXX, per UTF-16 unit, its backslash escaped again.
    forms.push(Array.from({ length: char.length }, (_, i) => `\\\\{1,${DEPTH}}u${hex(char.charCodeAt(i), 4)}`).join(''));
    const code = char.codePointAt(0)!;
    forms.push(`&#0{0,${DEPTH}}${code};`, `&#x0{0,${DEPTH}}${hex(code, 1)};`);
    if (HTML_NAMES[char]) forms.push(`&${HTML_NAMES[char]};`);
    if (char === ' ') forms.push('\\+');
    if (char === '/') forms.push(`\\\\{1,${DEPTH}}/`);
    return `(?:${forms.join('|')})`;
  };
  return new RegExp([...secret].map(one).join(''), 'gi');
}

/** redact() for a value that may be missing. */
export const redactOptional = (text: string | undefined, secrets: Secrets = {}): string | undefined =>
  text === undefined ? undefined : redact(text, secrets);
