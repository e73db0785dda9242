/**
 * What the portal page script reports of a page of the portal: the evidence a verdict is made of.
 * Plain data (it crosses from the page as a structured clone), capped so a huge page stays small.
 */
export interface PageSnapshot {
  url: string;
  title: string;
  /** The page's visible text, one block (paragraph, cell, list item, …) a line, controls left out. */
  lines: string[];
  /** The lines inside the section the portal definition names (Visma.net); absent when the page has none. */
  section?: string[];
  /** Visible error messages: role="alert", aria-live="assertive", and the usual error classes. */
  alerts: string[];
  /** Visible status messages: role="status" and the usual success classes. */
  notices: string[];
  /** A visible password field: the page asks someone to sign in. */
  passwordField: boolean;
  /** A visible field for a one-time code: the second step of a sign-in. */
  codeField: boolean;
  /** A small form asking for a user name or e-mail alone: the first step of a two-step sign-in. */
  userForm: boolean;
  /** The names of visible controls that say "sign in" or "log in" (six languages). */
  signInControls: string[];
}

/** What looking for the portal's Connect control found (and pressed, when it was one alone). */
export type ConnectFinding =
  | { kind: 'pressed'; name: string }
  | { kind: 'none'; sectionFound: boolean }
  | { kind: 'several'; names: string[] };

/** At most this many lines, of at most this many characters, per snapshot. */
export const SNAPSHOT_LIMITS = { lines: 400, lineLength: 300 } as const;
