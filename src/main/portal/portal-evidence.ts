import type { UnconfirmedReason } from '../../shared/reauth';
import type { PageSnapshot } from './page/page-snapshot';
import { sameCompanyName } from '../../shared/company-name';
import { escapeRegExp } from '../../shared/escape-regexp';
import { matchMarker } from './portal-marker';

/**
 * The verdict on a portal reconnect, from what the portal itself said and did after Visma's answer
 * reached it. An HTTP 2xx/3xx from the portal's callback means only that the answer arrived: the
 * portal's pages decide. Connected needs evidence; an error the portal shows is quoted; without
 * evidence either way the verdict says so. Pure: the flows gather the pages, this reads them.
 */

/** A page the portal showed after Visma's answer, and the HTTP status it came with (0: not known). */
export interface SeenPage {
  snapshot: PageSnapshot;
  status: number;
}

export interface EvidenceInput {
  /** The profile's page as it first showed, before the Visma login. */
  before?: PageSnapshot;
  /** The portal's HTTP answer to Visma's answer; 0: none came; undefined: not seen. */
  callbackStatus?: number;
  /** The portal's pages after it, in the order they loaded. */
  after: SeenPage[];
  /** The portal definition's words for a saved connection (may be empty). */
  marker: string;
  apiUser: string;
  company: { id: string; name: string };
  /** Companies of the other profiles: one of them named instead of the profile's is a wrong company. */
  otherCompanies: readonly { id: string; name: string }[];
  /** The profile's page in the portal: what it shows is about this profile. */
  pageUrl: string;
  /** The names of the portal's other profiles: a page naming them anew is a list, about them too. */
  otherProfiles: readonly string[];
  /** Whether a page is the portal's sign-in. */
  isSignIn(snapshot: PageSnapshot): boolean;
}

export type PortalVerdict =
  /** The portal's page says the connection was saved (its marker, new on this page). */
  | { kind: 'confirmed'; said: string; user?: string }
  /** The portal said no: an error on its page, or an HTTP error. */
  | { kind: 'refused'; said?: string; status?: number }
  /** The portal shows the connection as another Visma user's. */
  | { kind: 'wrong-user'; user: string; said: string }
  /** The portal names another company of Bridgekeeper's profiles, not this one's. */
  | { kind: 'wrong-company'; company: { id: string; name: string }; said: string }
  /** No evidence either way; `candidates` are the page's new lines, for a person to point at. */
  | { kind: 'unconfirmed'; why: Exclude<UnconfirmedReason, 'person-unsure'>; candidates: string[]; user?: string };

const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[A-Za-z]{2,}/g;
const QUOTE_LENGTH = 300;
const cap = (text: string) => (text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH - 1)}…` : text);

/** Lines of `after` that `before` did not have. */
const fresh = (after: readonly string[], before: readonly string[] | undefined) => {
  const had = new Set(before ?? []);
  return after.filter((line) => !had.has(line));
};

/** What the page says in words, for a quote: its new alerts, else its heading and first words. */
function quoteOf(page: PageSnapshot, before: PageSnapshot | undefined): string | undefined {
  const alerts = fresh(page.alerts, before?.alerts);
  if (alerts.length > 0) return cap(alerts.join(' '));
  const lines = fresh(page.lines, before?.lines).slice(0, 3);
  const text = [page.title, ...lines].filter(Boolean).join(' — ');
  return text ? cap(text) : undefined;
}

const mentions = (lines: readonly string[], company: { id: string; name: string }) =>
  lines.some((line) => (company.id && new RegExp(`(^|\\D)${escapeRegExp(company.id)}(\\D|$)`).test(line)) || (company.name && line.toLowerCase().includes(company.name.toLowerCase())));

/** Same page: same origin and path (a trailing slash and capitals aside), the hash route too when the profile's page has one. */
export const isPage = (url: string, pageUrl: string) => {
  if (!URL.canParse(url) || !URL.canParse(pageUrl)) return false;
  const [a, b] = [new URL(url), new URL(pageUrl)];
  const path = (u: URL) => u.pathname.replace(/\/+$/, '').toLowerCase();
  return a.origin === b.origin && path(a) === path(b) && (!b.hash || a.hash === b.hash) && [...b.searchParams].every(([k, v]) => a.searchParams.get(k) === v);
};

/**
 * A page that is not the profile's own and names other profiles where the profile's page did not (the
 * integrations list the portal lands on, say) speaks for all of them: its rows are no evidence about
 * this profile, only its messages are (a banner, a flash) and its HTTP status.
 */
function aboutThisProfile(seen: SeenPage, input: EvidenceInput): PageSnapshot {
  const { snapshot } = seen;
  if (isPage(snapshot.url, input.pageUrl)) return snapshot;
  const names = input.otherProfiles.filter((name) => name.trim().length >= 3).map((name) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(name.trim())}($|[^\\p{L}\\p{N}])`, 'iu'));
  const listed = fresh(snapshot.lines, input.before?.lines).some((line) => names.some((name) => name.test(line)));
  if (!listed) return snapshot;
  const { section: _rows, ...messages } = snapshot;
  return { ...messages, lines: snapshot.notices };
}

export function judgePortal(input: EvidenceInput): PortalVerdict {
  const before = input.before;
  const after = input.after.map((page) => ({ ...page, snapshot: aboutThisProfile(page, input) }));
  const last = after.at(-1);
  const failing = input.callbackStatus !== undefined && (input.callbackStatus === 0 || input.callbackStatus >= 400) ? input.callbackStatus : after.find((p) => p.status >= 400)?.status;
  if (failing !== undefined) {
    const page = after.find((p) => p.status >= 400) ?? last;
    return { kind: 'refused', status: failing, ...(page ? { said: quoteOf(page.snapshot, before) } : {}) };
  }
  for (const page of after) {
    const alerts = fresh(page.snapshot.alerts, before?.alerts);
    if (alerts.length > 0) return { kind: 'refused', said: cap(alerts.join(' ')) };
  }
  if (!last) return { kind: 'unconfirmed', why: 'no-page', candidates: [] };

  // Who and which company the portal now names, where it names them anew: in its Visma.net section
  // only (a page's other e-mail addresses are its own: the signed-in admin, support).
  const readable = after.filter((p) => !input.isSignIn(p.snapshot));
  const sectionLines = readable.flatMap((p) => (p.snapshot.section ? fresh(p.snapshot.section, before?.section ?? before?.lines) : []));
  const newLines = sectionLines.length > 0 ? sectionLines : readable.flatMap((p) => fresh(p.snapshot.lines, before?.lines));
  // A line that changed names who the connection is now: the same user as before, too, if they are named again.
  // An address the page also shows outside its Visma.net section is the portal's own (the signed-in
  // admin in the header, who an audit line says changed it), not the Visma user's.
  const outside = (p: PageSnapshot | undefined) => (p?.section ? p.lines.filter((line) => !p.section!.includes(line)) : []);
  const portalOwn = new Set([before, ...readable.map((p) => p.snapshot)].flatMap((p) => outside(p).flatMap((line) => line.match(EMAIL) ?? [])).map((e) => e.toLowerCase()));
  const users = [...new Set(sectionLines.flatMap((line) => line.match(EMAIL) ?? []).map((e) => e.toLowerCase()))].filter((e) => !portalOwn.has(e) || e === input.apiUser.toLowerCase());
  const apiUser = input.apiUser.toLowerCase();
  let user = users.includes(apiUser) ? input.apiUser : undefined;
  if (users.length > 0 && !user) return { kind: 'wrong-user', user: users[0]!, said: cap(sectionLines.find((line) => line.toLowerCase().includes(users[0]!))!) };
  const other = input.otherCompanies.find((c) => c.id !== input.company.id && mentions(sectionLines, c));
  if (other && !mentions(sectionLines, input.company)) {
    return { kind: 'wrong-company', company: other, said: cap(sectionLines.find((line) => mentions([line], other))!) };
  }
  // The portal's own words for a saved connection, where they name the user and the company: those must be the profile's.
  const named = readable.map((p) => input.marker && matchMarker(input.marker, p.snapshot.lines)).findLast((m) => !!m);
  if (named?.slots.user !== undefined) {
    if (named.slots.user.toLowerCase() !== apiUser) return { kind: 'wrong-user', user: named.slots.user, said: cap(named.line) };
    user = input.apiUser;
  }
  const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();
  const { company: shownCompany, companyId: shownId } = named?.slots ?? {};
  if ((shownCompany !== undefined && input.company.name && !sameCompanyName(shownCompany, input.company.name)) || (shownId !== undefined && !sameText(shownId, input.company.id))) {
    return { kind: 'wrong-company', company: { id: shownId ?? '', name: shownCompany ?? '' }, said: cap(named!.line) };
  }

  const candidates = [...new Set(newLines)].slice(0, 8);
  const withUser = user ? { user } : {};
  if (readable.length === 0) return { kind: 'unconfirmed', why: 'signed-out', candidates: [], ...withUser };
  if (!input.marker) return { kind: 'unconfirmed', why: 'no-marker', candidates, ...withUser };
  for (const page of [...readable].reverse()) {
    const said = matchMarker(input.marker, page.snapshot.lines)?.line;
    if (!said) continue;
    // The same words on the page before the login prove nothing about this login.
    const new_ = before ? matchMarker(input.marker, before.lines)?.line !== said : page.snapshot.notices.some((n) => n.includes(said));
    return new_ ? { kind: 'confirmed', said, ...withUser } : { kind: 'unconfirmed', why: 'marker-as-before', candidates, ...withUser };
  }
  return { kind: 'unconfirmed', why: 'marker-missing', candidates, ...withUser };
}
