import { randomUUID } from 'node:crypto';
import type { ApiEvent } from '../../shared/api';
import { type Message, message } from '../../shared/i18n/message';
import type { Translator } from '../../shared/i18n/translator';
import { LIST_LIMIT, type ListChoices, type ListProblemCode, type ListRead, type ListReadOptions, type ListReport, type ListWindowState, type PatternSource, type ReviewRow } from '../../shared/portal-listing';
import type { PortalDefinition } from '../../shared/portal';
import { type ProfileLinkPattern, learnProfilePattern, patternProblem, profileLinkPattern } from '../../shared/profile-link-pattern';
import type { ProfileInput } from '../../shared/profile';
import { userError } from '../errors';
import type { EventLog } from '../events/event-log';
import { english } from '../in-words';
import { type FoundProfile, patternMisfit, profilesOnPage, reviewRows } from './list-review';
import { type ListPageAnswer, type ListPageTask, inListPage } from './page/list-page';
import { pageScript } from './page/page-script';
import { createCookieLedger, portalCookies } from './portal-cookies';
import { portalReader } from './portal-reader';
import { readDetails } from './profile-details';
import { type PortalService, siteOf } from './portal-service';
import type { PortalSession, PortalSurface } from './portal-surface';
import { onOrigin } from './portal-traffic';
import { NEXT_PAGE_WORDS, SHOW_MORE_WORDS } from './portal-words';
import { isSignInPage } from './sign-in-page';
import type { ProfileService } from '../profiles/profile-service';

export interface PortalListingDeps {
  portals: PortalService;
  surface: PortalSurface;
  profiles: ProfileService;
  events: EventLog;
  emit(event: ApiEvent): void;
  /** Who is at the keyboard (the OS account), for the audit trail. */
  who: () => string;
  words: () => Pick<Translator, 'text'>;
}

/** Pages of a list read at most (a "show more" press counts as one): a list that never ends is a portal fault. */
const MAX_PAGES = 200;
const LOAD_TIMEOUT_MS = 20_000;
const READ_TIMING = { quietMs: 250, maxMs: 5000 };
const SCRIPT_GRACE_MS = 2000;

interface Listing {
  id: string;
  portal: PortalDefinition;
  session: PortalSession;
  ledger: ReturnType<typeof createCookieLedger>;
  url: string;
  open: boolean;
  loads: number;
  /** Navigations the window began: a press that starts one took the list to another page. */
  navigations: number;
  loaded: (() => void)[];
  progress?: ListWindowState['progress'];
  /** The last read's review and where it began: what an apply may act on. */
  last?: { rows: ReviewRow[]; pageUrl: string; pattern: string };
}

const problem = (code: ListProblemCode, params?: Record<string, string | number>): { code: ListProblemCode; words: Message } => ({ code, words: message(`portal-list.problem.${code}`, params) });

/**
 * F19: the portal's own list of integrations, read in the portal window. The window opens with the
 * held portal sign-in (asking for one first when none is held) at the list page the definition names,
 * and the person may browse to another. A read takes the profile links of that page and of the pages
 * after it (next-page links, a "show more" button), up to a limit, through the definition's pattern,
 * or one learned from the example the person points at; then it answers with a review. Nothing is
 * saved until `applyList`, which acts only on rows of the last read.
 */
export function createPortalListing(deps: PortalListingDeps) {
  const listings = new Map<string, Listing>();

  const state = (l: Listing): ListWindowState => ({ listingId: l.id, portalId: l.portal.id, url: l.url, open: l.open, ...(l.progress ? { progress: l.progress } : {}) });
  const progress = (l: Listing, now: ListWindowState['progress']) => {
    l.progress = now;
    changed(l);
  };
  const changed = (l: Listing) => deps.emit({ type: 'portal-list-window', window: state(l) });
  const required = (listingId: string) => {
    const listing = listings.get(listingId);
    if (!listing || !listing.open) throw userError('not-found', 'portal-list.error.closed');
    return listing;
  };

  async function openList(portalId: string): Promise<ListWindowState> {
    const portal = deps.portals.get(portalId);
    if (!portal) throw userError('not-found', 'portals.error.not-found', { id: portalId });
    const site = siteOf(portal);
    const start = portal.listUrl || `${site.origin}/`;
    let cookies = await deps.portals.cookies(portalId);
    if (!cookies) {
      cookies = await deps.portals.signIn(portalId, new AbortController().signal, start);
      if (!cookies) throw userError('cancelled', 'portals.error.sign-in-closed', { name: portal.name });
    }
    const id = randomUUID();
    const ledger = createCookieLedger();
    let listing: Listing;
    const session = await deps.surface.open({
      site,
      cookies,
      title: deps.words().text(message('portal-list.window-title', { name: portal.name })),
      // The portal's own pages only: the list, its pages, its profiles. A sign-in is the sign-in window's.
      allowed: (url) => onOrigin(url, [site.origin]),
      events: {
        request: () => undefined,
        failed: () => undefined,
        response: ({ url, setCookies }) => ledger.saw(url, setCookies),
        navigating: (windowId) => {
          if (listing && windowId === listing.session.mainWindow) listing.navigations++;
        },
        loaded: (windowId, url) => {
          if (!listing || windowId !== listing.session.mainWindow) return;
          listing.url = url;
          listing.loads++;
          for (const resolve of listing.loaded.splice(0)) resolve();
          changed(listing);
        },
        blocked: () => undefined,
        opened: () => undefined,
        closed: (windowId) => {
          if (!listing || windowId !== listing.session.mainWindow || !listing.open) return;
          listing.open = false;
          for (const resolve of listing.loaded.splice(0)) resolve();
          changed(listing);
        },
      },
    });
    listing = { id, portal, session, ledger, url: start, open: true, loads: 0, navigations: 0, loaded: [] };
    listings.set(id, listing);
    session.load(start);
    session.reveal();
    return state(listing);
  }

  /** Resolves once the window has loaded a page after `since` loads (or closed, or the time is up). */
  const nextLoad = (l: Listing, since: number) =>
    new Promise<void>((resolve) => {
      if (l.loads > since || !l.open) return resolve();
      const timer = setTimeout(resolve, LOAD_TIMEOUT_MS);
      l.loaded.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });

  const runOnPage = async (l: Listing, kind: ListPageTask['kind']): Promise<ListPageAnswer | null> => {
    const task: ListPageTask = { kind, nextWords: [...NEXT_PAGE_WORDS], moreWords: [...SHOW_MORE_WORDS], ...READ_TIMING };
    try {
      return (await l.session.run(l.session.mainWindow, pageScript(inListPage, task), task.maxMs + SCRIPT_GRACE_MS + (kind === 'press' ? task.maxMs : 0))) as ListPageAnswer;
    } catch {
      return null;
    }
  };

  const outcome = (l: Listing, read: Omit<ListRead, 'listingId' | 'detailPages'> & { detailPages?: number }): ListRead => {
    if (l.progress) progress(l, undefined);
    if (!read.problem && read.pattern) l.last = { rows: read.rows, pageUrl: read.pageUrl, pattern: read.pattern };
    else delete l.last;
    return { listingId: l.id, detailPages: 0, ...read };
  };

  /**
   * Reads the list from the page the window shows. `pattern`: the person's (typed or edited); else
   * `example`: a link they pointed at, from which one is learned; else the definition's.
   */
  async function readList(listingId: string, options: ListReadOptions): Promise<ListRead> {
    const l = required(listingId);
    const limit = Math.min(Math.max(1, options.limit ?? LIST_LIMIT.default), LIST_LIMIT.max);
    const site = siteOf(l.portal);
    // Asked before the window's first page has come: read that page, not the blank one before it.
    if (l.loads === 0) await nextLoad(l, 0);
    // The first page: is it the list, or the portal's sign-in (the held sign-in ran out)?
    const look = await portalReader(l.session, site).glance(l.session.mainWindow);
    const first = await runOnPage(l, 'read');
    const empty = { pages: 0, pattern: null, patternSource: null, links: [], rows: [], complete: false };
    if (!first || !look) return outcome(l, { pageUrl: l.url, ...empty, problem: problem(l.open ? 'no-links' : 'closed') });
    const pageUrl = first.url;
    if (!onOrigin(pageUrl, [site.origin]) || isSignInPage(look, site) || first.passwordField) {
      await deps.portals.expired(l.portal.id);
      return outcome(l, { pageUrl, ...empty, problem: problem('signed-out', { name: l.portal.name }) });
    }
    const ownLinks = first.links.filter((link) => !link.inNavigation && onOrigin(link.url, [site.origin]));
    const links = dedupe(ownLinks.map((link) => ({ url: link.url, text: link.text || link.itemName }))).slice(0, 500);
    const base = { pageUrl, links };
    if (ownLinks.length === 0) return outcome(l, { ...base, ...empty, links, problem: problem('no-links') });

    let text: string | null = null;
    let source: PatternSource | null = null;
    if (options.pattern?.trim()) [text, source] = [options.pattern.trim(), 'person'];
    else if (options.example) [text, source] = [learnProfilePattern(options.example, first.links, site.origin), 'example'];
    else if (l.portal.profilePattern) [text, source] = [l.portal.profilePattern, 'definition'];
    if (!text || !source) return outcome(l, { ...base, ...empty, links, problem: problem(options.example ? 'bad-pattern' : 'no-pattern', { problem: 'is not a link of the portal' }) });
    const bad = patternProblem(text);
    if (bad) return outcome(l, { ...base, ...empty, links, pattern: text, patternSource: source, problem: problem('bad-pattern', { problem: bad }) });
    const pattern = profileLinkPattern(text, site.origin);
    const withPattern = { ...base, pattern: pattern.text, patternSource: source };
    const misfit = patternMisfit(first.links, pattern, pageUrl);
    if (misfit) return outcome(l, { ...withPattern, pages: 1, rows: [], complete: false, problem: problem(misfit.code, { pattern: pattern.text, example: misfit.example ?? '' }) });

    const read = await readPages(l, first, pattern, limit);
    if (read.over) return outcome(l, { ...withPattern, pages: read.pages, rows: [], complete: false, problem: problem('over-limit', { limit, max: LIST_LIMIT.max }) });
    if (!l.open) return outcome(l, { ...withPattern, pages: read.pages, rows: [], complete: false, problem: problem('closed') });
    const rows = reviewRows(read.found, { portalId: l.portal.id, pattern, profiles: deps.profiles.all(), complete: read.complete });
    const detailPages = options.details === false || !l.portal.profileDetails ? 0 : await readEachPage(l, rows);
    // The list as the person left it, so reading again starts where this read did.
    if (l.open && (read.pages > 1 || detailPages > 0)) {
      const since = l.loads;
      l.session.load(pageUrl);
      await nextLoad(l, since);
    }
    if (!l.open) return outcome(l, { ...withPattern, pages: read.pages, rows: [], complete: false, problem: problem('closed') });
    return outcome(l, { ...withPattern, pages: read.pages, rows, complete: read.complete, detailPages });
  }

  /**
   * The list's pages from the first on: next-page links followed, a "show more" or an in-place pager
   * pressed, until no such control is left (only then is the list read whole) or the limit is passed.
   */
  async function readPages(l: Listing, first: ListPageAnswer, pattern: ProfileLinkPattern, limit: number) {
    const found = new Map<string, FoundProfile>();
    const seenPages = new Set<string>([first.url.split('#')[0]!]);
    const origin = siteOf(l.portal).origin;
    let page: ListPageAnswer = first;
    let pages = 1;
    const result = (complete: boolean, over = false) => ({ found: [...found.values()], pages, complete, over });
    /** The page numbers read: as the pager says, else counted (one next page after another). */
    const numbersRead = new Set<number>();
    for (;;) {
      numbersRead.add(page.pager.current ?? pages);
      for (const profile of profilesOnPage(page.links, pattern)) if (!found.has(profile.key)) found.set(profile.key, profile);
      if (found.size > limit) return result(false, true);
      const more: ListPageAnswer['more'] = page.more;
      // No control for more: the end — unless a pager still offers a page number not read (a page
      // Bridgekeeper could not tell how to reach): then the list is not known whole, and nothing is called gone.
      if (!more) return result(page.pager.numbers.every((n) => numbersRead.has(n)));
      if (pages >= MAX_PAGES || !l.open) return result(false);
      let next: ListPageAnswer | null;
      if (more.url) {
        // A page already read (a pager that wraps around, or links back to the first page): the end.
        const address = more.url.split('#')[0]!;
        if (seenPages.has(address)) return result(true);
        if (!onOrigin(more.url, [origin])) return result(false);
        seenPages.add(address);
        const since = l.loads;
        l.session.load(more.url);
        await nextLoad(l, since);
        next = l.open ? await runOnPage(l, 'read') : null;
      } else {
        const [loadsBefore, navigationsBefore] = [l.loads, l.navigations];
        next = await runOnPage(l, 'press');
        if (l.navigations > navigationsBefore || l.loads > loadsBefore) {
          // The press took the window to another page (a form's "Next page" button): read that one.
          await nextLoad(l, loadsBefore);
          const address = l.url.split('#')[0]!;
          if (seenPages.has(address)) return result(true);
          seenPages.add(address);
          next = l.open ? await runOnPage(l, 'read') : null;
        } else if (next && !next.changed) {
          // Pressed and nothing changed: perhaps the end, perhaps a slow portal. Not read whole: nothing is called gone.
          return result(false);
        }
      }
      if (!next) return result(false);
      page = next;
      pages++;
      progress(l, { kind: 'list-pages', done: pages });
    }
  }

  /**
   * Each new profile's own page, for what the portal definition's profile-details lines name (its
   * company, its API user). Returns the pages read.
   */
  async function readEachPage(l: Listing, rows: ReviewRow[]): Promise<number> {
    const reader = portalReader(l.session, siteOf(l.portal));
    const fresh = rows.filter((r) => r.state === 'new');
    const detailsOn = async (): Promise<ReturnType<typeof readDetails>> => {
      // A glance first (the page as loaded); the settled page only when the glance did not say.
      for (const look of [reader.glance, reader.read]) {
        const page = l.open ? await look(l.session.mainWindow) : null;
        const details = page && onOrigin(page.url, [siteOf(l.portal).origin]) ? readDetails(l.portal.profileDetails, page.lines) : undefined;
        if (details) return details;
      }
      return undefined;
    };
    let read = 0;
    for (const row of fresh) {
      if (!l.open) return read;
      progress(l, { kind: 'profile-pages', done: read, total: fresh.length });
      const since = l.loads;
      l.session.load(row.url);
      await nextLoad(l, since);
      const details = await detailsOn();
      read++;
      if (details) row.details = details;
    }
    return read;
  }

  async function closeList(listingId: string): Promise<void> {
    const l = listings.get(listingId);
    if (!l) return;
    listings.delete(listingId);
    const site = siteOf(l.portal);
    try {
      // A portal that renews its session cookie as pages go by: the renewed one is the sign-in now.
      const kept = portalCookies(await l.session.cookies(), l.ledger, { portalOrigins: [site.origin], providerOrigins: [...site.identityOrigins, ...site.signInOrigins], seeded: (await deps.portals.cookies(l.portal.id)) ?? [] });
      if (l.loads > 0) await deps.portals.renew(l.portal.id, kept);
    } catch {
      // a window already gone has nothing to renew
    }
    l.open = false;
    await l.session.close();
    changed(l);
  }

  /** Adds, renames and removes what the person ticked in the last read's review; records each in the audit trail. */
  async function applyList(listingId: string, choices: ListChoices): Promise<ListReport> {
    const l = listings.get(listingId);
    const last = l?.last;
    if (!l || !last) throw userError('conflict', 'portal-list.error.no-read');
    const rowOf = (url: string, states: ReviewRow['state'][]) => last.rows.find((r) => r.url === url && states.includes(r.state));
    const byId = (profileId: string, states: ReviewRow['state'][]) => last.rows.find((r) => r.profileId === profileId && states.includes(r.state));
    for (const add of choices.add) if (!rowOf(add.url, ['new'])) throw userError('invalid-argument', 'portal-list.error.not-in-review', { url: add.url });
    for (const rename of choices.rename) if (!byId(rename.profileId, ['renamed'])) throw userError('invalid-argument', 'portal-list.error.not-in-review', { url: rename.profileId });
    for (const id of choices.remove) if (!byId(id, ['gone'])) throw userError('invalid-argument', 'portal-list.error.not-in-review', { url: id });

    const taken = new Set(deps.profiles.all().map((p) => p.id));
    const pattern = profileLinkPattern(last.pattern, siteOf(l.portal).origin);
    const definitions: ProfileInput[] = choices.add.map((add) => {
      const id = freeId(`${l.portal.id}-${pattern.idOf(add.url) ?? 'profile'}`, taken);
      taken.add(id);
      return { id, name: add.name, direction: add.direction, companyId: add.companyId.trim(), companyName: add.companyName.trim(), apiUser: add.apiUser.trim(), connection: 'portal', portalId: l.portal.id, portalUrl: add.url };
    });
    const result = await deps.profiles.takeFromPortal(definitions, choices.rename);
    if (choices.remove.length > 0) await deps.profiles.deleteProfiles(choices.remove);

    const by = deps.who();
    const record = (profileId: string, what: 'added' | 'added-from-page' | 'renamed' | 'removed', params: Record<string, string>) => {
      const outcome = what === 'added-from-page' ? 'added' : what;
      const words = message(`portal-list.event.${what}`, { ...params, by, page: last.pageUrl, portal: l.portal.name });
      deps.events.append({ profileId, kind: 'portal-list', outcome, message: english.text(words), words });
    };
    for (const p of result.added) {
      // Say where its company came from when its own page said it.
      const details = last.rows.find((r) => r.url === p.portalUrl)?.details;
      const company = !!details && ((!!details.companyId && details.companyId === p.companyId) || (!!details.companyName && details.companyName === p.companyName));
      const user = !!details?.apiUser && details.apiUser === p.apiUser;
      if (company || user) record(p.id, 'added-from-page', { name: p.name, said: details!.said, from: company && user ? 'both' : company ? 'company' : 'user' });
      else record(p.id, 'added', { name: p.name });
    }
    for (const r of result.renamed) record(r.id, 'renamed', { name: r.name, old: r.oldName });
    for (const id of choices.remove) record(id, 'removed', { name: byId(id, ['gone'])!.name });

    // The list's page and pattern are the portal's from now on: the next read starts there, the same way.
    if (l.portal.listUrl !== last.pageUrl || l.portal.profilePattern !== last.pattern) {
      l.portal = { ...l.portal, listUrl: last.pageUrl, profilePattern: last.pattern };
      await deps.portals.savePortal(l.portal);
    }
    delete l.last;
    return { added: result.added.length, renamed: result.renamed.length, removed: choices.remove.length };
  }

  return { openList, readList, closeList, applyList };
}

export type PortalListing = ReturnType<typeof createPortalListing>;

function dedupe<T extends { url: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.url) && seen.add(item.url));
}

/** A profile id from the portal's id of the profile: the characters ids allow, unique among `taken`. */
function freeId(wanted: string, taken: ReadonlySet<string>): string {
  const base =
    wanted
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[^A-Za-z0-9]+/, '')
      .replace(/-+$/, '')
      .slice(0, 90) || 'profile';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
