import type { ReviewRow } from '../../shared/portal-listing';
import type { Profile } from '../../shared/profile';
import type { ProfileLinkPattern } from '../../shared/profile-link-pattern';
import { missingDetails } from '../../shared/missing-details';
import type { ListedLink } from './page/list-page';

/** A profile of the portal's list: its id in the portal, its page, and its name. */
export interface FoundProfile {
  key: string;
  url: string;
  name: string;
}

/** What an action link says instead of a name: the row's or card's name is the profile's. */
const ACTION_WORDS = new Set(
  [
    'edit', 'open', 'view', 'details', 'show', 'manage', 'settings', 'configure', 'select',
    'muokkaa', 'avaa', 'näytä', 'tiedot', 'asetukset', 'hallitse',
    'redigera', 'öppna', 'visa', 'detaljer', 'inställningar', 'hantera',
    'rediger', 'åpne', 'vis', 'innstillinger', 'administrer',
    'åbn', 'indstillinger',
    'bewerken', 'openen', 'bekijken', 'bekijk', 'beheren', 'instellingen',
  ],
);

const folded = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
const isAction = (text: string) => ACTION_WORDS.has(folded(text).replace(/[^\p{L}\p{N} ]/gu, '').trim()) || /^[\d\s#.]*$/.test(text);

/**
 * The profiles a pattern finds among a page's links, in the page's order, each once (a name link and
 * an "Edit" link to one profile are one). Its name: the row's or card's own name when a link says it
 * ("Open Orders – Nordlys" in a card headed "Orders – Nordlys"), else the longest link text that is
 * not an action word, else the row's name, else the portal's id.
 */
export function profilesOnPage(links: readonly ListedLink[], pattern: ProfileLinkPattern): FoundProfile[] {
  const matched = links.filter((link) => !link.inNavigation && pattern.idOf(link.url) !== null);
  // Where the list's profiles sit in rows or cards, a link of the same shape outside them ("Create new
  // integration" in the toolbar, /integrations/new) is not one of them.
  const listed = matched.some((link) => link.inItem) ? matched.filter((link) => link.inItem) : matched;
  const byKey = new Map<string, ListedLink[]>();
  for (const link of listed) {
    const key = pattern.idOf(link.url)!;
    byKey.set(key, [...(byKey.get(key) ?? []), link]);
  }
  return [...byKey].map(([key, found]) => {
    const itemName = found.map((l) => l.itemName).find(Boolean) ?? '';
    const texts = found.map((l) => l.text).filter((text) => text && !isAction(text));
    const longest = texts.sort((a, b) => b.length - a.length)[0];
    const name = itemName && (texts.some((text) => folded(text).includes(folded(itemName))) || !longest) && !isAction(itemName) ? itemName : (longest ?? key);
    return { key, url: pattern.addressOf(key), name: name.slice(0, 200) };
  });
}

/**
 * Why a pattern cannot be the profiles of this page: it finds none, or it finds the site's own
 * navigation or the list page itself (a pattern that matches everything). Null when it can.
 */
export function patternMisfit(links: readonly ListedLink[], pattern: ProfileLinkPattern, pageUrl: string): { code: 'matches-nothing' | 'matches-everything'; example?: string } | null {
  const navigation = links.find((link) => link.inNavigation && pattern.idOf(link.url) !== null);
  if (navigation) return { code: 'matches-everything', example: navigation.text || navigation.url };
  if (pattern.idOf(pageUrl) !== null) return { code: 'matches-everything', example: pageUrl };
  const others = links.filter((link) => !link.inNavigation);
  const matched = others.filter((link) => pattern.idOf(link.url) !== null);
  if (matched.length === 0) return { code: 'matches-nothing' };
  // Every link of the page a profile, on a page with more than a handful: no list looks like that.
  if (matched.length === others.length && others.length > 5 && new Set(matched.map((l) => new URL(l.url).pathname.split('/')[1])).size > 1) {
    return { code: 'matches-everything', example: matched[0]!.text || matched[0]!.url };
  }
  return null;
}

/**
 * The review (F19): each profile of the list as new, renamed or unchanged against the portal's
 * profiles in Bridgekeeper (the same page is the same profile), then the portal's profiles whose
 * page the list no longer has as gone — only when the whole list was read, and only those whose page
 * the pattern recognises (a page typed by hand in another shape says nothing about the list).
 */
export function reviewRows(found: readonly FoundProfile[], input: { portalId: string; pattern: ProfileLinkPattern; profiles: readonly Profile[]; complete: boolean }): ReviewRow[] {
  const mine = input.profiles.filter((p) => p.connection === 'portal' && p.portalId === input.portalId);
  const byKey = new Map<string, Profile>();
  for (const profile of mine) {
    const key = input.pattern.idOf(profile.portalUrl);
    if (key !== null && !byKey.has(key)) byKey.set(key, profile);
  }
  // Names that would be said twice: twice in the list, or the name of another profile here.
  const listCount = new Map<string, number>();
  for (const f of found) listCount.set(folded(f.name), (listCount.get(folded(f.name)) ?? 0) + 1);
  const names = new Map(input.profiles.map((p) => [folded(p.name), p]));

  const rows: ReviewRow[] = found.map((f) => {
    const existing = byKey.get(f.key);
    const other = names.get(folded(f.name));
    const clash = (listCount.get(folded(f.name)) ?? 0) > 1 || (other !== undefined && other !== existing);
    const name = clash ? `${f.name} (${f.key})`.slice(0, 200) : f.name;
    const sameNameAs = clash ? { sameNameAs: f.name } : {};
    if (!existing) return { state: 'new', url: f.url, name, ...sameNameAs };
    const details = missingDetails(existing).length > 0 ? { needsDetails: true } : {};
    if (existing.name === name || (clash && existing.name === f.name)) return { state: 'unchanged', url: f.url, name: existing.name, profileId: existing.id, ...details };
    return { state: 'renamed', url: f.url, name, profileId: existing.id, oldName: existing.name, ...sameNameAs, ...details };
  });
  if (input.complete) {
    const listed = new Set(found.map((f) => f.key));
    for (const [key, profile] of byKey) {
      if (!listed.has(key)) rows.push({ state: 'gone', url: profile.portalUrl, name: profile.name, profileId: profile.id });
    }
  }
  return rows;
}
