import type { CompanyMention, KnownErrorKind } from '../../shared/log-explanation';
import { hasErrorWords, levelOf, looksLikeError } from './error-words';
import { hasAnchor, knownKinds } from './known-errors';
import { faultCodeOf, faultMessageOf, findCompanies, findEndpoints } from './mentions';
import { findTimestamp, type LogTime, parseTimestamp } from './timestamps';

/** What one log entry says, when it says something went wrong. */
export interface EntryFindings {
  /** The entry's lines, without carriage returns. */
  lines: string[];
  /** Known errors it shows; empty for an unknown error. */
  kinds: KnownErrorKind[];
  /**
   * Set when it looks like an error but shows no known one: the line that says so (or Visma's fault
   * code and message), from which unknown-signature.ts makes the name it is listed under.
   */
  unknown: { message: string; faultCode: string | null } | null;
  time: LogTime | null;
  endpoints: string[];
  companies: Omit<CompanyMention, 'count'>[];
  /** The entry in lower case without its stack-trace lines ("at …"): what profiles are looked for in. */
  context: string;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.endsWith('\r')) lines[i] = line.slice(0, -1);
  }
  return lines;
}

const STACK_FRAME = /^\s+at\s/;

function contextOf(lines: readonly string[]): string {
  let context = '';
  for (const line of lines) if (!STACK_FRAME.test(line)) context += `${line} `;
  return context.toLowerCase();
}

/**
 * Reads one entry (a line and its continuation lines, as text). Null when it shows no error: a hit
 * on "0 errors", an INFO line that says "failed: 0", a number that happens to be 401.
 */
export function examineEntry(text: string, timed: boolean): EntryFindings | null {
  const firstBreak = text.indexOf('\n');
  const firstLine = (firstBreak < 0 ? text : text.slice(0, firstBreak)).replace(/\r$/, '');
  const level = levelOf(firstLine);
  // A DEBUG or INFO entry counts only for a known error's strong signs: most end here, cheaply.
  if (level === 'quiet' && !hasAnchor(text.toLowerCase())) return null;

  const lines = splitLines(text);
  let flat: string;
  let glued: string;
  let gluedOriginal: string;
  const original = lines.length === 1 ? lines[0]! : lines.join('\n');
  if (lines.length === 1) {
    flat = glued = lines[0]!.toLowerCase();
    gluedOriginal = original;
  } else {
    const parts = lines.map((line, i) => (i === 0 ? line : line.trimStart()));
    flat = parts.join(' ').toLowerCase();
    // A word wrapped onto the next line ("ipp-compa" / "ny-id") is whole again without the space.
    gluedOriginal = parts.join('');
    glued = gluedOriginal.toLowerCase();
  }

  const errorish = looksLikeError(level, flat);
  const kinds = knownKinds(glued === flat ? [flat] : [flat, glued], errorish);
  if (kinds.length === 0 && !errorish) return null;

  let unknown: EntryFindings['unknown'] = null;
  if (kinds.length === 0) {
    const faultCode = faultCodeOf(flat);
    if (faultCode) unknown = { message: faultMessageOf(original) ?? '', faultCode };
    else unknown = { message: lines.find((line) => hasErrorWords(line.toLowerCase())) ?? lines[0]!, faultCode: null };
  }
  const companies = findCompanies(original, flat);
  if (gluedOriginal !== original) {
    for (const company of findCompanies(gluedOriginal, glued)) {
      if (!companies.some((c) => c.label === company.label && c.value === company.value)) companies.push(company);
    }
  }
  return {
    lines,
    kinds,
    unknown,
    time: timed ? parseTimestamp(firstLine) : findTimestamp(firstLine),
    endpoints: flat.includes('http') ? findEndpoints(original, gluedOriginal) : [],
    companies,
    context: lines.length === 1 ? flat : contextOf(lines),
  };
}
