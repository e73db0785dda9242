import { escapeRegExp } from '../../shared/escape-regexp';

/**
 * The words that confirm a saved connection on a portal's page ("The Visma.net connection is
 * saved.", "Connected as {user} to {company}"): matched line by line, case and spacing aside. A
 * marker of several lines ("Connected as {user}" and "Company: {company} ({companyId})") needs them all. "*"
 * stands for any text; {user}, {company} and {companyId} stand for what the portal says the
 * connection now uses, so the verdict can compare it with the profile. Learned from the line a person
 * points at: the profile's own particulars become those slots, other particulars (numbers, dates) "*",
 * so the words fit the portal's other profiles too.
 */

export const MARKER_SLOTS = ['user', 'company', 'companyId'] as const;
export type MarkerSlot = (typeof MARKER_SLOTS)[number];

export interface MarkerMatch {
  line: string;
  /** What the line says in the marker's slots. */
  slots: Partial<Record<MarkerSlot, string>>;
}

const normalized = (text: string) => text.replace(/\s+/g, ' ').trim();
const SLOT = /\{(user|company|companyId)\}|\*/g;

/** The first line one line of a marker matches, and what its slots hold. */
function matchLine(part: string, lines: readonly string[]): MarkerMatch | undefined {
  const words = normalized(part);
  if (!words.replace(SLOT, '').trim()) return undefined;
  const slots: MarkerSlot[] = [];
  let source = '';
  let last = 0;
  for (const found of words.matchAll(SLOT)) {
    source += escapeRegExp(words.slice(last, found.index));
    if (found[1]) slots.push(found[1] as MarkerSlot);
    // A slot takes all it can, "*" as little: "to {company} (*)" reads "Nordlys (customer) (07.12.)" as "Nordlys (customer)".
    source += found[1] ? '(.+)' : '.*?';
    last = found.index + found[0].length;
  }
  source += escapeRegExp(words.slice(last));
  // With slots, the whole line: a slot must not stop short of what the portal wrote.
  const pattern = new RegExp(slots.length > 0 ? `^[^\\p{L}\\p{N}]*${source}[^\\p{L}\\p{N}]*$` : source, 'iu');
  for (const line of lines) {
    const found = pattern.exec(normalized(line));
    if (found) return { line, slots: Object.fromEntries(slots.map((slot, i) => [slot, found[i + 1]!.trim()])) };
  }
  return undefined;
}

/**
 * Where the marker's lines are on the page, each on a line of its own, and what their slots hold
 * (joined with " / " as `line`); undefined when one is missing (or the marker is only wildcards).
 */
export function matchMarker(marker: string, lines: readonly string[]): MarkerMatch | undefined {
  const parts = marker.split('\n').filter((part) => part.trim());
  if (parts.length === 0) return undefined;
  const found: MarkerMatch[] = [];
  for (const part of parts) {
    const match = matchLine(part, lines);
    if (!match) return undefined;
    found.push(match);
  }
  // A slot said twice keeps what its first line said.
  const slots = Object.assign({}, ...[...found].reverse().map((m) => m.slots)) as MarkerMatch['slots'];
  return { line: [...new Set(found.map((m) => m.line))].join(' / '), slots };
}

const EMAIL = /[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[^\s@<>()"',;]+/g;
const DATE_OR_TIME = /\d{1,4}[-./:]\d{1,2}([-./:]\d{1,4})*/g;
const NUMBER = /\d[\d\s.,]*\d|\d/g;

/** What of the profile a learned line may name: these become slots; `others` (its name, say) become "*". */
export interface Particulars {
  user: string;
  company: string;
  companyId: string;
  others: readonly string[];
}

/**
 * A line the person pointed at, as words that fit any profile of the portal. When it names no company
 * and another new line of the page names the profile's (a "Company: …" line under "Connected as …"),
 * that line comes along as a second line of the marker, so the company is compared too.
 */
export function learnMarker(line: string, particulars: Particulars, neighbours: readonly string[] = []): string {
  const first = learnLine(line, particulars);
  if (/\{company(Id)?\}/.test(first)) return first;
  const naming = neighbours.filter((other) => other !== line).map((other) => learnLine(other, particulars)).find((words) => /\{company(Id)?\}/.test(words));
  return naming ? `${first}\n${naming}` : first;
}

function learnLine(line: string, particulars: Particulars): string {
  const named: [string, string][] = [
    [particulars.user, '{user}'],
    [particulars.company, '{company}'],
    [particulars.companyId, '{companyId}'],
    ...particulars.others.map((other): [string, string] => [other, '*']),
  ];
  let words = normalized(line);
  for (const [particular, slot] of named.filter(([p]) => p.trim().length > 1).sort((a, b) => b[0].length - a[0].length)) {
    words = words.replace(new RegExp(escapeRegExp(particular.trim()), 'giu'), slot);
  }
  // Numbers and dates outside the slots: the braces keep a slot's name from being read as text.
  const parts = words.split(/(\{(?:user|company|companyId)\})/);
  words = parts.map((part) => (/^\{(user|company|companyId)\}$/.test(part) ? part : part.replace(EMAIL, '*').replace(DATE_OR_TIME, '*').replace(NUMBER, '*'))).join('');
  return words.replace(/\*(\s*\*)+/g, '*').slice(0, 200);
}
