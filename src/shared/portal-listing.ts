import type { Message } from './i18n/message';
import type { Direction } from './profile';

/**
 * F19: profiles taken from the portal's own list of integrations. Main opens the list in the portal
 * window, reads its profile links (all its pages, up to a limit the person sees), and answers with
 * a review; nothing is saved until the person applies what they ticked.
 */

/** How many profiles a read takes at most, unless the person says otherwise; and the most they may say. */
export const LIST_LIMIT = { default: 200, max: 2000 } as const;

/** Where the profile-page pattern of a read came from: the portal's definition, one example the person pointed at, or their own typing. */
export type PatternSource = 'definition' | 'example' | 'person';

/** A row of the review: one profile of the portal's list, or one of Bridgekeeper's that the list no longer has. */
export interface ReviewRow {
  /**
   * new: not in Bridgekeeper; renamed: its page is a profile here under another name; unchanged: the
   * same page and name; gone: a profile of this portal whose page the list no longer shows.
   */
  state: 'new' | 'renamed' | 'unchanged' | 'gone';
  /** The profile's page in the portal (its address as the pattern makes it). */
  url: string;
  /** The name the portal's list gives it (gone: Bridgekeeper's name). */
  name: string;
  /** The existing profile (renamed, unchanged, gone). */
  profileId?: string;
  /** Renamed: the name it has in Bridgekeeper now. */
  oldName?: string;
  /** Another profile of the list, or of Bridgekeeper, has this name: the portal's id is added to tell them apart. */
  sameNameAs?: string;
  /** Existing profiles that still lack a company or API user. */
  needsDetails?: boolean;
  /** New profiles: what their own page says of them, through the portal's profile-details lines; `said`: the lines it was read from. */
  details?: ReadDetails;
}

/** Read from a profile's page (F19): only what the portal definition's lines name. */
export interface ReadDetails {
  companyId?: string;
  companyName?: string;
  apiUser?: string;
  said: string;
}

/** A link of the list page the person may point at as "this is a profile". */
export interface PageLinkView {
  url: string;
  text: string;
}

/** Why a read offers nothing to add: each says what to do. */
export type ListProblemCode = 'signed-out' | 'no-links' | 'no-pattern' | 'matches-nothing' | 'matches-everything' | 'over-limit' | 'closed' | 'bad-pattern';

export interface ListRead {
  listingId: string;
  /** The page reading began at (the list's first page, as the person had it open). */
  pageUrl: string;
  /** How many pages of the list were read (a "show more" press counts as one). */
  pages: number;
  /** The pattern used (as the person may edit it) and where it came from; null when none is known yet. */
  pattern: string | null;
  patternSource: PatternSource | null;
  /** The links of the page reading began at, outside its navigation: for pointing at one example. */
  links: PageLinkView[];
  /** The review: the list's profiles in the list's order, then the gone ones. */
  rows: ReviewRow[];
  /** Every page of the list was read: only then can a profile be called gone. */
  complete: boolean;
  /** How many new profiles' pages were read for their details (0 when the portal names no profile-details lines). */
  detailPages: number;
  problem?: { code: ListProblemCode; words: Message };
}

/** How to read: the person's pattern (typed or edited), else a link they pointed at, else the portal's own; and the limit. */
export interface ListReadOptions {
  pattern?: string;
  example?: string;
  limit?: number;
  /** Read each new profile's page for the portal's profile-details lines (when it has any); on unless false. */
  details?: boolean;
}

/** What the list window shows now; `open: false` once it has closed. */
export interface ListWindowState {
  listingId: string;
  portalId: string;
  url: string;
  open: boolean;
  /** While a read goes on: the list's pages read so far, or the new profiles' pages read for their details. */
  progress?: { kind: 'list-pages' | 'profile-pages'; done: number; total?: number };
}

/** What the person ticked in the review. Every address must be one of the listing's last read. */
export interface ListChoices {
  add: { url: string; name: string; direction: Direction; companyId: string; companyName: string; apiUser: string }[];
  rename: { profileId: string; name: string }[];
  remove: string[];
}

export interface ListReport {
  added: number;
  renamed: number;
  removed: number;
}
