import { MAX_SIGNATURE_CHARS } from './limits';

/**
 * The name an unknown error is listed under: its message with what changes from one time to the next
 * blanked — times, URLs, e-mail addresses, ids, paths, quoted values, numbers, and the profiles and
 * companies Bridgekeeper knows — so the same error at other times, for other records or profiles groups
 * as one. Not a guess at what it means: the words are the log's own.
 */

const LEADING_TIME = /^[[(]?(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[T ]|\d{1,2}[./-]\d{1,2}[./-]\d{4}[ T,] ?)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[.,]\d+)?(?: ?(?:Z|[+-]\d{2}:?\d{2}|[AaPp]\.?[Mm]\.?))?[\])]?[\s|,;:-]*/;
const EMAIL = /[^\s@"'<>()[\]{}:;,]+@[^\s@"'<>()[\]{}:;,]+\.[a-z]{2,}/gi;
// One pass: URL, guid, Windows path, quoted value (not a JSON key), number — the first that fits at each place.
const VARIABLE =
  /(https?:\/\/[^\s"'<>()[\]{}]+)|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})|(\b[a-z]:\\[^\s"'<>|]*)|('[^'\n]{0,200}'|«[^»\n]{0,200}»|“[^”\n]{0,200}”|‘[^’\n]{0,200}’|"(?:[^"\\\n]|\\.){0,200}"(?!\s*:))|\d+(?:[.,]\d+)*/gi;

const blank = (_: string, url?: string, guid?: string, path?: string, quoted?: string): string =>
  url ? '<url>' : guid ? '<id>' : path ? '<path>' : quoted ? '"…"' : '#';

export function signatureOf(message: string): string {
  let text = message.replace(LEADING_TIME, '');
  if (text.includes('@')) text = text.replace(EMAIL, '<email>');
  const blanked = text.replace(VARIABLE, blank).replace(/\s+/g, ' ').trim();
  return blanked.length > MAX_SIGNATURE_CHARS ? `${blanked.slice(0, MAX_SIGNATURE_CHARS - 1)}…` : blanked;
}

/** A Visma fault the explainer does not know: its code and message are its name. */
export function faultSignature(code: string, message: string | null): string {
  return `Visma.net fault ${code}${message ? `: ${signatureOf(message)}` : ''}`;
}
