import type { CompanyMention } from '../../shared/log-explanation';

/** What an entry names: the URLs it called and the companies or tenants it was about. */

const URL = /https?:\/\/[^\s"'<>()[\]{}\\|^`]+/gi;
/** Visma's "Error calling Visma.net endpoint (<url>)": in the glued text, a URL wrapped onto two lines is whole again. */
const ENDPOINT_IN_PARENS = /endpoint\s*\((https?:\/\/[^)\s"'<>]+)\)/gi;

const GUID = String.raw`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`;
const ID = String.raw`(${GUID}|\d{3,})(?![\w-])`;
const IPP_COMPANY = new RegExp(String.raw`ipp-?company-?id\W{0,6}(\d+_\d+_)?${ID}`, 'gi');
const TENANT = new RegExp(String.raw`tenant(?:[_ -]?id)?\W{1,8}${ID}`, 'gi');
// English, Norwegian, Danish, Swedish and Finnish words for a company, followed by an id.
const COMPANY = new RegExp(
  String.raw`(?<![\w-])(?:company|companyid|company[_ -]id|client[_ -]?company|selskap(?:et)?|firma(?:et)?|företag(?:et)?|foretag(?:et)?|virksomhed(?:en)?|yritys|yrityksen|yritykseen)\W{1,8}${ID}`,
  'gi',
);

/** A URL without its query or fragment, and without the punctuation a sentence put after it. */
export function normaliseUrl(url: string): string {
  const cut = url.search(/[?#]/);
  return (cut >= 0 ? url.slice(0, cut) : url).replace(/[.,;:!'"]+$/, '');
}

/** URLs in the entry (`text` as written, `glued` with wrapped lines joined), each once, in order. */
export function findEndpoints(text: string, glued: string): string[] {
  const found = new Set<string>();
  const plain = text.includes('\\/') ? text.replaceAll('\\/', '/') : text;
  for (const match of glued.matchAll(ENDPOINT_IN_PARENS)) found.add(normaliseUrl(match[1]!));
  for (const match of plain.matchAll(URL)) {
    const url = normaliseUrl(match[0]);
    // A URL cut by a line break is a prefix of the whole one found in the glued text.
    if (url.length > 8 && ![...found].some((whole) => whole !== url && whole.startsWith(url))) found.add(url);
  }
  return [...found];
}

const COMPANY_WORDS = ['compan', 'selskap', 'firma', 'företag', 'foretag', 'virksomhed', 'yritys', 'yrityk'];

/** Company and tenant ids in the entry (`lower` is the same text in lower case), each once, in order. */
export function findCompanies(text: string, lower: string): Omit<CompanyMention, 'count'>[] {
  const found: Omit<CompanyMention, 'count'>[] = [];
  // "12002_12002_<guid>": the guid is Visma's per-request error id; a bare id is what the text calls it.
  if (lower.includes('ipp')) collectIds(text, IPP_COMPANY, (match) => (match[1] ? 'visma-error-id' : 'ipp-company-id'), found);
  if (lower.includes('tenant')) collectIds(text, TENANT, 'tenant', found);
  for (const word of COMPANY_WORDS) {
    if (lower.includes(word)) {
      collectIds(text, COMPANY, 'company', found);
      break;
    }
  }
  return found;
}

function collectIds(
  text: string,
  pattern: RegExp,
  labelOf: CompanyMention['label'] | ((match: RegExpExecArray) => CompanyMention['label']),
  into: Omit<CompanyMention, 'count'>[],
): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const value = match[match.length - 1]!.toLowerCase();
    const label = typeof labelOf === 'function' ? labelOf(match) : labelOf;
    if (!into.some((c) => c.label === label && c.value === value)) into.push({ value, label });
  }
}

/** Visma's ExceptionFaultCode in the entry (JSON, escaped JSON or "key: value"), if any. */
export function faultCodeOf(lower: string): string | null {
  return /exceptionfaultcode\W{0,8}(\d+)/.exec(lower)?.[1] ?? null;
}

/** Visma's ExceptionMessage in the entry, if any. */
export function faultMessageOf(text: string): string | null {
  return /ExceptionMessage\\*"?\s*[:=]\s*\\*"((?:[^"\\]|\\.)*?)\\*"/i.exec(text)?.[1] ?? null;
}
