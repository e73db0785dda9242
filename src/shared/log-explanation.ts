import type { Message } from './i18n/message';

// The error explainer's report (F9): plain data, so it crosses IPC as JSON and the renderer needs no zod for it.

/**
 * The most text explainLog takes (characters): pasted text and files the renderer read. A bigger log is
 * opened as a file by main (explainLogFile), which streams it from disk at any size.
 */
export const MAX_LOG_TEXT_CHARS = 64 * 1024 * 1024;

/** The Visma errors the explainer knows, in the order they are listed when equally frequent. */
export const KNOWN_ERROR_KINDS = [
  'ipp-company-id',
  'no-license',
  'unauthorized',
  'invalid-grant',
  'invalid-tenant',
  'access-denied',
  'timeout',
] as const;
export type KnownErrorKind = (typeof KNOWN_ERROR_KINDS)[number];

/** A place in the log: the entry's first line (1-based, as an editor counts) and its time, if the log gave one. */
export interface LogSample {
  line: number;
  /** ISO 8601; without a zone ("2024-05-03T10:11:12.123") when the log gave none. */
  time: string | null;
  /** The entry as written (its line and continuation lines), cut at 2,000 characters. */
  text: string;
}

/** Something a log entry names, and in how many entries. */
export interface Mention {
  value: string;
  count: number;
}

/**
 * A company or tenant id named near an error, or Visma's per-request error id: the guid in
 * "ipp-company-id (12002_12002_<guid>)" is a `visma-error-id` (visma-facts.md), not a company.
 * `ipp-company-id` is an id written after "ipp-company-id" without that prefix.
 */
export interface CompanyMention extends Mention {
  label: 'visma-error-id' | 'ipp-company-id' | 'tenant' | 'company';
}

/** Something about the log as a whole that is not one error: e.g. calls to the old ERP API address. */
export interface LogFinding {
  kind: 'old-base-url';
  title: Message;
  meaning: Message;
  whatToDo: Message;
  /** Error entries that show it, and the first one's line. */
  count: number;
  firstLine: number;
}

/** How often an error shows, and when and where. */
export interface Occurrences {
  /** Log entries (a line and its continuation lines) that show it. */
  count: number;
  /** Earliest and latest time of those entries; null when none of them carries a time the explainer reads. */
  firstSeen: string | null;
  lastSeen: string | null;
  firstLine: number;
  lastLine: number;
  /** The first two entries and the last one. */
  samples: LogSample[];
  /** URLs named, without query strings, most frequent first (at most 20). */
  endpoints: Mention[];
  /** Further distinct URLs not listed. */
  moreEndpoints: number;
  companies: CompanyMention[];
  moreCompanies: number;
  /** Profiles named in these entries (ids; details in LogExplanation.profiles). */
  profileIds: string[];
}

export interface KnownErrorReport extends Occurrences {
  kind: KnownErrorKind;
  /** Visma's code for it: "12002", "12027", "401", "invalid_grant", "invalid_tenant", "access_denied", "timeout". */
  code: string;
  /** Words as data (explainer.kind.<kind>.*): the reader's language is the renderer's business. */
  title: Message;
  meaning: Message;
  whatToDo: Message;
  /** Whether reconnecting the profile (a new login) is part of the fix: false for timeouts. */
  reconnect: boolean;
}

export interface UnknownErrorReport extends Occurrences {
  /** The entry's message with times, numbers, ids, URLs and quoted values blanked: entries alike share it. */
  signature: string;
  /** Visma's ExceptionFaultCode, when the entry carries one the explainer does not know. */
  faultCode: string | null;
}

export type ProfileMatchField = 'id' | 'name' | 'companyId' | 'companyName' | 'sourceName';

export interface ProfileMatch {
  profileId: string;
  name: string;
  companyId: string;
  companyName: string;
  /** What was found: the profile's id, name, company id or company name in an error entry, or its id or name in the file's name. */
  matchedBy: ProfileMatchField[];
  /** Error entries (known or unknown) that name it. */
  errorEntries: number;
  kinds: KnownErrorKind[];
  unknownEntries: number;
  /** A known error that reconnecting fixes was found near it: offer it for bulk reconnect. */
  reconnect: boolean;
  lastSeen: string | null;
}

export interface LogExplanation {
  /** The file's or paste's name. */
  source: string;
  bytes: number;
  lines: number;
  /** Entries that show an error, known or unknown. */
  errorEntries: number;
  /** Most frequent first. */
  known: KnownErrorReport[];
  /** Most frequent first; at most 100 groups. */
  unknown: UnknownErrorReport[];
  /** Unknown error entries beyond the 100 groups listed. */
  unknownNotListed: number;
  /** Most error entries first. */
  profiles: ProfileMatch[];
  /** Profiles near an error that a reconnect fixes, for bulk reconnect. */
  reconnectProfileIds: string[];
  /** Things the reader should know about how the log was read (encoding, cut lines). */
  notes: Message[];
  /** Findings about the whole log (the old integration.visma.net address). */
  findings: LogFinding[];
}
