/**
 * The Severa login check's data, as the engine (main, CLI) produces it and the panel shows it.
 * Plain JSON-serialisable values only: no classes, no Maps, no Dates. Words are data (phrases:
 * catalog keys and parameters), put into the reader's language by whoever shows them.
 */
import type { ImportProblem } from './import-report';
import type { Message } from './i18n/message';
import type { Phrase } from './severa-words';

/** Every reason a verdict can carry, in order of precedence: when several apply, the first is the verdict. */
export const REASON_PRECEDENCE = [
  'ORG_NOT_USING_SEVERA',
  'ADDON_NOT_ACTIVE',
  'INVALID_EMAIL',
  'DUPLICATE_IN_AZETS',
  'DUPLICATE_IN_SEVERA',
  'WHITESPACE_OR_INVISIBLE',
  'UNICODE_MISMATCH',
  'CASE_MISMATCH',
  'DOMAIN_MISMATCH',
  'LIKELY_TYPO',
  'EMAIL_NOT_FOUND',
  'INACTIVE_IN_SEVERA',
  'NOT_IN_AZETS',
  'OK',
] as const;

export type ReasonCode = (typeof REASON_PRECEDENCE)[number];

/** State of the organization's free "Azets Work" add-on in Severa. */
export type AddonState = 'active' | 'inactive' | 'unknown';
/** Whether the organization still uses Severa at all. */
export type OrgUsesSevera = 'yes' | 'no' | 'unknown';

export interface AzetsUser {
  /** Exactly as in the export: never trimmed or normalised, so the check sees what Severa will see. */
  email: string;
  name: string | null;
  /** Spreadsheet row in the file (the header is row 1); null when the user did not come from a file. */
  row: number | null;
}

export interface SeveraUser {
  email: string;
  /** null: the source did not say (a file without an active column). */
  active: boolean | null;
  name: string | null;
  /** Severa's guid or user code, when known. */
  id: string | null;
  /** Spreadsheet row in the file; null for users read from the Severa API. */
  row: number | null;
}

/** How the Severa user a verdict points at relates to the Azets Work address. */
export type MatchKind =
  | 'exact' // the very same string
  | 'same-address' // the same after removing invisible characters, Unicode normalisation and case
  | 'look-alike' // the same after NFKC and folding look-alike letters (UTS #39 style skeleton)
  | 'other-domain' // the same local part at another domain
  | 'plus-alias' // the same once a +tag is removed
  | 'typo' // within 2 edits (insert, delete, replace; found by Levenshtein distance ≤ 2)
  | 'same-name'; // another address, but the same person's name

export interface SeveraCandidate {
  user: SeveraUser;
  kind: MatchKind;
  /** Edits between the normalised addresses (a swap of neighbouring letters counts as one). */
  distance: number;
}

export interface Verdict {
  reason: ReasonCode;
  /** Other reasons that apply too, in order of precedence: fixing the first may reveal these. */
  also: readonly ReasonCode[];
  /** The Azets Work user; null for NOT_IN_AZETS. */
  azets: AzetsUser | null;
  /** The Severa user matched, or the one most likely meant (never a silent match: see `match`). */
  severa: SeveraUser | null;
  match: MatchKind | null;
  /** Further Severa users that might be meant, best first (at most a few). */
  otherCandidates: readonly SeveraCandidate[];
  /** The evidence: sentences as phrases (words as data), said one after the other. */
  detail: readonly Phrase[];
  /** What to do: one step, or several in order (numbered when said). */
  fix: readonly Phrase[];
}

/** An organization-wide finding: reported once at the top and carried by every affected user. */
export interface OrganizationFinding {
  topic: 'addon' | 'org-uses-severa';
  state: AddonState | OrgUsesSevera;
  /** The reason every Azets Work user carries, or null when the state is fine or unknown. */
  reason: 'ADDON_NOT_ACTIVE' | 'ORG_NOT_USING_SEVERA' | null;
  detail: Phrase;
  fix: Phrase;
}

export interface SeveraCheckInput {
  azetsUsers: readonly AzetsUser[];
  severaUsers: readonly SeveraUser[];
  addon: AddonState;
  orgUsesSevera: OrgUsesSevera;
}

export interface SeveraCheckResult {
  organization: OrganizationFinding[];
  /** Count of verdicts per reason; every code is present, zeros included, in precedence order. */
  summary: Record<ReasonCode, number>;
  /** One per Azets Work user (in input order), then one per NOT_IN_AZETS Severa user. */
  verdicts: Verdict[];
  totals: {
    azetsUsers: number;
    severaUsers: number;
    /** Azets Work users whose verdict is not OK: they would not get into Severa. */
    failing: number;
    /** Severa users without an email address: they can never be matched and are left out. */
    severaWithoutEmail: number;
  };
}

/** The columns a user file can have; `email` is always needed, Severa files also have `active`. */
export const USER_FIELDS = ['email', 'active', 'firstName', 'lastName', 'fullName', 'id'] as const;
export type UserField = (typeof USER_FIELDS)[number];

/**
 * The caller's correction of which header holds which field. A string names the header (matched
 * case-insensitively); null says the file has no such column. Fields left out are found by name.
 */
export type ColumnMapping = Partial<Record<UserField, string | null>>;

/** What is wrong with a user file, where: its English `message` (for the log and plain callers) and, for the reader's language, its `words`. */
export interface UserFileProblem extends ImportProblem {
  words?: Message;
}

/** How the bytes were decoded; 'text' when the caller passed text it had decoded itself. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'text';
export type CsvDelimiter = ',' | ';' | '\t';

/** What the reader found out about a file: shown next to the column mapping so it can be corrected. */
export interface UserFileInfo {
  fileName: string;
  /** What the file is by its content (a workbook named .csv is still a workbook). */
  format: 'csv' | 'xlsx';
  /** CSV only (null for a workbook). */
  encoding: TextEncodingName | null;
  delimiter: CsvDelimiter | null;
  /** A workbook's sheets and the one read (the first unless chosen); empty and null for CSV. */
  sheets: string[];
  sheet: string | null;
  /** The spreadsheet row the header was found on (title lines above it are skipped). */
  headerRow: number;
  headers: string[];
  /** The header used for each field, or null when the file has none. */
  columns: Record<UserField, string | null>;
  dataRows: number;
  /** What the reader did that the user should know about. */
  notes: Phrase[];
}
