import { escapeRegExp } from './escape-regexp';

/**
 * Which links of a portal's list page are profiles (F19): a pattern such as `/Profile/Edit/{number}`,
 * `/integrations/{id}` or `/Integration?id={id}`. `{id}` stands for the part that tells profiles
 * apart (one path segment or one query value), `{number}` for such a part made of digits only (so
 * `/Profile/Edit/me`, a menu's own page, is not a profile), `*` for any text inside one segment. The
 * literal parts compare without regard to case (ASP.NET's paths, DataBridge's host, are case-blind);
 * the path must match whole, so `/integrations/{id}` is not `/integrations/7/log`. Query parameters
 * the pattern does not name are ignored, and a profile's address is the pattern with its id filled in,
 * so a name link and an "Edit" link to one profile are one profile.
 */
export interface ProfileLinkPattern {
  /** The pattern as the person sees and edits it. */
  text: string;
  /** The profile's id in `url`, or null when `url` is not a profile of this pattern. */
  idOf(url: string): string | null;
  /** The profile's address for an id: the pattern filled in, on the portal's origin. */
  addressOf(id: string): string;
}

const ID = '{id}';
const NUMBER = '{number}';
const SLOTS = /\{id\}|\{number\}/g;

/** What a pattern looks like, for a field's placeholder: an example, no word of any language. */
export const PATTERN_EXAMPLE = '/Profile/Edit/{id}';

/** Why a pattern cannot be used, in words for the person; null when it can. */
export function patternProblem(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return 'is empty';
  if (!trimmed.startsWith('/')) return 'must start with / (the path after the portal address), like /Profile/Edit/{id}';
  const count = trimmed.match(SLOTS)?.length ?? 0;
  if (count !== 1) return `must hold {id} (or {number}) exactly once (it has ${count})`;
  if (/[#\s]/.test(trimmed)) return 'must not hold spaces or #';
  return null;
}

/** Path segments and query pairs of a pattern or a URL path, as they compare. */
function splitPathAndQuery(pathAndQuery: string): { segments: string[]; query: [string, string][] } {
  const [path = '', query = ''] = pathAndQuery.split('?', 2);
  const segments = path.split('/').filter(Boolean);
  const pairs = query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [name = '', value = ''] = pair.split('=', 2);
      return [name, value] as [string, string];
    });
  return { segments, query: pairs };
}

const segmentRegExp = (segment: string) =>
  new RegExp(
    `^${segment
      .split(/(\{id\}|\{number\}|\*)/)
      .map((part) => (part === ID ? '(?<id>[^/?#&]+)' : part === NUMBER ? '(?<id>\\d+)' : part === '*' ? '[^/?#&]*' : escapeRegExp(part)))
      .join('')}$`,
    'i',
  );

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** A usable pattern on the portal's origin; throws with the words of patternProblem when it is not usable. */
export function profileLinkPattern(text: string, origin: string): ProfileLinkPattern {
  const problem = patternProblem(text);
  if (problem) throw new Error(`The profile-page pattern ${problem}.`);
  const pattern = text.trim();
  const base = new URL(origin).origin;
  const { segments, query } = splitPathAndQuery(pattern);
  const segmentTests = segments.map(segmentRegExp);
  const queryTests = query.map(([name, value]) => [name, segmentRegExp(value)] as const);

  return {
    text: pattern,
    idOf(url) {
      if (!URL.canParse(url)) return null;
      const parsed = new URL(url);
      if (parsed.origin.toLowerCase() !== base.toLowerCase()) return null;
      const path = parsed.pathname.split('/').filter(Boolean);
      if (path.length !== segmentTests.length) return null;
      let id: string | null = null;
      const take = (found: RegExpExecArray | null) => {
        if (!found) return false;
        if (found.groups?.id !== undefined) id = decode(found.groups.id);
        return true;
      };
      if (!segmentTests.every((test, i) => take(test.exec(decode(path[i]!))))) return null;
      for (const [name, test] of queryTests) {
        const value = parsed.searchParams.get(name);
        if (value === null || !take(test.exec(value))) return null;
      }
      return id;
    },
    addressOf(id) {
      const [path = '', search] = pattern.split('?', 2);
      const filled = path.replace(SLOTS, encodeURIComponent(id)).replace(/\*/g, '');
      const query = search === undefined ? '' : `?${search.replace(SLOTS, encodeURIComponent(id)).replace(/\*/g, '')}`;
      return `${base}${filled}${query}`;
    },
  };
}

/** Looks like an identifier rather than a word: has a digit, or is a GUID. */
const idLike = (value: string) => /\d/.test(value) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** A link of the page a pattern is learned against: where it sits tells a list's links from the rest. */
export interface PageLink {
  url: string;
  /** In a row, list item or card of the page (where a list's profiles are). */
  inItem: boolean;
  /** In the site's navigation, header or footer (never a profile). */
  inNavigation: boolean;
}

/**
 * A pattern learned from one link the person pointed at as a profile, and the other links of the
 * same page: the part of the example that, as the id, makes the pattern cover the most of the page's
 * rows and cards (a list's profiles differ only in their id) without taking any link of the site's
 * navigation; on a tie, the part that looks like an id, then the last one. An id of digits only is
 * learned as `{number}`. Null when the example is not a link of the portal.
 */
export function learnProfilePattern(example: string, pageLinks: readonly PageLink[], origin: string): string | null {
  if (!URL.canParse(example)) return null;
  const url = new URL(example);
  if (url.origin.toLowerCase() !== new URL(origin).origin.toLowerCase()) return null;
  const segments = url.pathname.split('/').filter(Boolean).map(decode);
  const params = [...url.searchParams.entries()];
  const slot = (value: string) => (/^\d+$/.test(value) ? NUMBER : ID);
  const candidates: { pattern: string; value: string; place: number }[] = [];
  const path = (replace: number) => `/${segments.map((s, i) => (i === replace ? slot(s) : encodeURIComponent(s))).join('/')}`;
  segments.forEach((value, i) => candidates.push({ pattern: path(i), value, place: i }));
  // A query value as the id: the path stays, only that parameter is kept.
  params.forEach(([name, value], i) => {
    if (value) candidates.push({ pattern: `${path(-1)}?${encodeURIComponent(name)}=${slot(value)}`, value, place: segments.length + i });
  });
  // Rows and cards are where a list's profiles are; a page without any counts every link outside its navigation.
  const listed = pageLinks.some((link) => link.inItem) ? pageLinks.filter((link) => link.inItem && !link.inNavigation) : pageLinks.filter((link) => !link.inNavigation);
  const navigation = pageLinks.filter((link) => link.inNavigation);
  let best: { pattern: string; covers: number; takesNavigation: boolean; idLike: boolean; place: number } | null = null;
  for (const candidate of candidates) {
    const matcher = profileLinkPattern(candidate.pattern, origin);
    const covers = new Set(listed.map((link) => matcher.idOf(link.url)).filter((id) => id !== null)).size;
    const scored = { pattern: candidate.pattern, covers, takesNavigation: navigation.some((link) => matcher.idOf(link.url) !== null), idLike: idLike(candidate.value), place: candidate.place };
    const better =
      !best ||
      (best.takesNavigation && !scored.takesNavigation) ||
      (best.takesNavigation === scored.takesNavigation &&
        (scored.covers > best.covers ||
          (scored.covers === best.covers && scored.idLike && !best.idLike) ||
          (scored.covers === best.covers && scored.idLike === best.idLike && scored.place > best.place)));
    if (better) best = scored;
  }
  return best?.pattern ?? null;
}
