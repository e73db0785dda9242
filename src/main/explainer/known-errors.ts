import { escapeRegExp } from '../../shared/escape-regexp';
import { KNOWN_ERROR_KINDS, type KnownErrorKind } from '../../shared/log-explanation';

/**
 * How each known Visma error is recognised in an entry's text (lower case). A rule is tried only when
 * one of its anchors is in the text; one search finds them all, so most entries cost one short search.
 *
 * - strong signs name the error on their own: Visma's own message or fault code, an OAuth error code,
 *   an exception type;
 * - weak signs count only in an entry that looks like an error (error-words.ts): a bare
 *   "ipp-company-id" can be a request header in a debug line, a bare "Unauthorized" or "Timeout" a
 *   setting's name.
 *
 * Spaces are optional inside the phrases (`\s*`), because a wrapped line may have lost one.
 */
interface Rule {
  anchors: readonly string[];
  strong: readonly RegExp[];
  weak: readonly RegExp[];
}

const CODE_WORD = String.raw`(?:fault|error|code|status|feil|fel|fejl|virhe)\w*\W{1,8}`;

const RULES: Record<KnownErrorKind, Rule> = {
  'ipp-company-id': {
    anchors: ['ipp', '12002'],
    strong: [/invalid\s*parameter\s*exception\W{0,3}ipp-?\s*company-?\s*id/, /exceptionfaultcode\W{0,8}12002(?!\d)/, /(?<!\d)12002_12002/],
    weak: [/ipp-?company-?id/, new RegExp(`${CODE_WORD}12002(?!\\d)`)],
  },
  'no-license': {
    anchors: ['licen', '12027'],
    strong: [/no\s*licen[cs]e\s*for\s*this\s*company/, /exceptionfaultcode\W{0,8}12027(?!\d)/, /(?<!\d)12027_12027/],
    weak: [/(?<!\d)12027(?!\d)/],
  },
  unauthorized: {
    anchors: ['401', 'unauthori', 'authorization has been denied'],
    strong: [
      /(?<!\d)401\W{0,3}unauthori[sz]ed/,
      /unauthori[sz]ed\W{0,3}401(?!\d)/,
      /\bhttp\S{0,6}\s*(?:status\s*)?(?:code\s*)?\W{0,3}401(?!\d)/,
      /status\s*(?:code)?\W{0,4}401(?!\d)/,
      /response\s*(?:code|status)?\W{0,4}401(?!\d)/,
      /authorization\s*has\s*been\s*denied\s*for\s*this\s*request/,
    ],
    weak: [/unauthori[sz]ed/, /\(401\)/, new RegExp(`${CODE_WORD}401(?!\\d)`)],
  },
  'invalid-grant': {
    anchors: ['invalid_grant'],
    strong: [/invalid_grant/],
    weak: [],
  },
  'invalid-tenant': {
    anchors: ['invalid_tenant', 'entitled'],
    strong: [/invalid_tenant/, /not\s*entitled\s*to\s*use\s*the\s*api/],
    weak: [],
  },
  'access-denied': {
    anchors: ['access_denied'],
    strong: [/access_denied/],
    weak: [],
  },
  timeout: {
    anchors: ['time', 'taskcancel', '408', 'task was cancel'],
    strong: [
      /timed[\s_-]*out/, // "timed out", ETIMEDOUT, ESOCKETTIMEDOUT, TimedOut
      /timeoutexception/,
      /taskcanceledexception/,
      /timeout\s*expired/,
      /gateway\s*time-?\s*out/,
      /request\s*time-?\s*out/,
      /httpclient\.timeout/,
      /timeout\s*of\s*\d+\s*m?s\s*exceeded/,
      /time-?\s*out\s*(?:error|exception|occurred|elapsed|exceeded|reached|expired)/,
      /\(408\)/,
      /(?<!\d)408\s*request/,
    ],
    weak: [/\btime-?\s?out\b/, /a\s*task\s*was\s*cancell?ed/],
  },
};

const ANCHOR_KINDS = new Map<string, KnownErrorKind[]>();
for (const kind of KNOWN_ERROR_KINDS) {
  for (const anchor of RULES[kind].anchors) ANCHOR_KINDS.set(anchor, [...(ANCHOR_KINDS.get(anchor) ?? []), kind]);
}
const ANCHORS = new RegExp([...ANCHOR_KINDS.keys()].map(escapeRegExp).join('|'), 'g');

/** Whether any known error's anchor is in the lower-case text: without one, no rule can match. */
export function hasAnchor(lower: string): boolean {
  ANCHORS.lastIndex = 0;
  return ANCHORS.test(lower);
}

function anyMatch(text: string, patterns: readonly RegExp[]): boolean {
  for (const pattern of patterns) if (pattern.test(text)) return true;
  return false;
}

/**
 * The known errors an entry shows, in KNOWN_ERROR_KINDS order. `texts` are the entry in lower case,
 * its lines joined by a space and, for a wrapped word, without one: a match in either counts.
 */
export function knownKinds(texts: readonly string[], errorish: boolean): KnownErrorKind[] {
  let candidates: Set<KnownErrorKind> | null = null;
  for (const text of texts) {
    ANCHORS.lastIndex = 0;
    for (let m = ANCHORS.exec(text); m !== null; m = ANCHORS.exec(text)) {
      candidates ??= new Set();
      for (const kind of ANCHOR_KINDS.get(m[0])!) candidates.add(kind);
    }
  }
  if (candidates === null) return [];
  const kinds: KnownErrorKind[] = [];
  for (const kind of KNOWN_ERROR_KINDS) {
    if (!candidates.has(kind)) continue;
    const rule = RULES[kind];
    for (const text of texts) {
      if (anyMatch(text, rule.strong) || (errorish && anyMatch(text, rule.weak))) {
        kinds.push(kind);
        break;
      }
    }
  }
  return kinds;
}
