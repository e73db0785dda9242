/**
 * The bounds that keep the explainer's memory flat however big the log is. Each is defined by the
 * text alone (never by how it arrives in chunks), so any chunking of the same log gives the same report.
 */
export interface ScanLimits {
  /** A line longer than this (in bytes) is read as pieces of this size: a log without line breaks still streams. */
  maxLineBytes: number;
  /** An entry (a line and its continuation lines) ends after this many lines … */
  maxEntryLines: number;
  /** … or when the next line would take it past this many bytes (its first line always counts whole). */
  maxEntryBytes: number;
}

export const DEFAULT_LIMITS: ScanLimits = {
  maxLineBytes: 64 * 1024,
  maxEntryLines: 100,
  maxEntryBytes: 64 * 1024,
};

/** Bytes kept from before each new chunk, so the first line of an entry can be found behind a hit. */
export const lookbackBytes = (limits: ScanLimits): number => limits.maxEntryBytes + 2 * limits.maxLineBytes;

/** Distinct unknown errors listed; the rest are counted. */
export const MAX_UNKNOWN_GROUPS = 100;

/** Distinct URLs and company ids tracked per error; the most frequent are listed. */
export const MAX_TRACKED_MENTIONS = 500;
export const MAX_LISTED_MENTIONS = 20;

/** A sample's text is cut here. */
export const MAX_SAMPLE_CHARS = 2000;

/** The longest message kept as an unknown error's signature. */
export const MAX_SIGNATURE_CHARS = 160;
