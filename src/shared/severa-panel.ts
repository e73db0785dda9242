/**
 * What the Severa login check panel and main say to each other (the methods are in api.ts).
 * Main keeps the loaded lists and the latest result; the renderer gets the state below, which is
 * small whatever the lists' size, and the verdicts a page at a time.
 */
import type { Phrase } from './severa-words';
import type {
  AddonState,
  ColumnMapping,
  MatchKind,
  OrganizationFinding,
  OrgUsesSevera,
  ReasonCode,
  SeveraCheckResult,
  UserFileInfo,
  UserFileProblem,
} from './severa-check';

/** Which of the two user lists. */
export type SeveraSide = 'azets' | 'severa';

/**
 * A picked file as bytes, base64-encoded: Windows-1252 and UTF-16 files must reach main's decoder
 * as bytes, and base64 crosses Electron's IPC and the test harness's JSON alike.
 */
export interface FileBytes {
  name: string;
  base64: string;
  /** A workbook's sheet to read; the first when absent. */
  sheet?: string;
}

/** The largest user file main accepts (64 MiB of bytes). */
export const MAX_USER_FILE_BYTES = 64 * 1024 * 1024;

/** One side's list, as main holds it. */
export type SeveraListState =
  | { status: 'empty' }
  /** Read from a file: what the reader found, for the column mapping. */
  | { status: 'loaded'; source: 'file'; users: number; file: UserFileInfo; mapping: ColumnMapping }
  /** The file could not be read: nothing of it is used. `file` is there once its header could be read. */
  | { status: 'problems'; source: 'file'; fileName: string; problems: UserFileProblem[]; file: UserFileInfo | null; mapping: ColumnMapping }
  /** Severa users read from the Severa REST API. */
  | {
      status: 'loaded';
      source: 'api';
      users: number;
      inactive: number;
      withoutEmail: number;
      baseUrl: string;
      readAt: string;
      /** What the admin should know about the read, such as an add-on state Severa would not give. */
      notes: Phrase[];
    };

/** The API connection as the renderer may see it: the credentials themselves never leave main. */
export interface SeveraApiView {
  baseUrl: string;
  /** The add-on's name as Severa lists it among `activeAddons`. */
  addonName: string;
  credentials: {
    saved: boolean;
    /** 'memory' where no keychain works: saved credentials are forgotten when Bridgekeeper quits. */
    storage: 'keychain' | 'memory';
  };
}

export interface SeveraApiSettings {
  baseUrl: string;
  addonName: string;
}

/** What an admin copies from Severa's REST API settings; sent once, kept in the keychain. */
export interface SeveraCredentialsInput {
  clientId: string;
  clientSecret: string;
  scope: string;
}

export interface SeveraOrganizationInput {
  addon: AddonState;
  orgUsesSevera: OrgUsesSevera;
}

export interface SeveraOrganizationState extends SeveraOrganizationInput {
  /** Where the add-on state came from: set by hand, or read from the Severa API (then what Severa listed). */
  addonSource: { kind: 'hand' } | { kind: 'api'; activeAddons: string[]; addonName: string; readAt: string };
}

/** A finished check, without its verdicts (those are paged: listSeveraVerdicts). */
export interface SeveraRunSummary {
  /** Changes with every run: a page asked for with an older id is refused. */
  runId: number;
  organization: OrganizationFinding[];
  summary: Record<ReasonCode, number>;
  totals: SeveraCheckResult['totals'];
  /** Entries in all: one per Azets Work user plus one per NOT_IN_AZETS Severa user. */
  entries: number;
  ranAt: string;
  durationMs: number;
}

export interface SeveraCheckState {
  azets: SeveraListState;
  severa: SeveraListState;
  organization: SeveraOrganizationState;
  api: SeveraApiView;
  /** Both lists are loaded: the check can run. */
  ready: boolean;
  /** The latest check of the current inputs; null when none has run since they changed. */
  result: SeveraRunSummary | null;
}

/** 'failing': every Azets Work user who would not get in (all but OK and NOT_IN_AZETS). */
export type SeveraReasonFilter = ReasonCode | 'all' | 'failing';

export interface SeveraVerdictFilter {
  reason: SeveraReasonFilter;
  /** Found in either address or name, ignoring case; empty: everyone. */
  search: string;
}

/** One Severa user as a verdict row shows it. */
export interface SeveraUserView {
  email: string;
  name: string | null;
  active: boolean | null;
  row: number | null;
  id: string | null;
}

/** A verdict as the table, its details and the quick check show it. */
/** The quick check's question to the Severa API itself (GET /v1/users?email=), when the panel reads users from the API. */
export interface SeveraLiveCheck {
  baseUrl: string;
  /** The users Severa returned for the address. */
  users: SeveraUserView[];
  /** Whether one of them holds exactly what was typed. */
  exact: boolean;
  /** Why Severa could not be asked; then `users` is empty. */
  error: Phrase | null;
}

export interface SeveraVerdictView {
  /** Quick check only, when the Severa users come from the API. */
  live?: SeveraLiveCheck;
  reason: ReasonCode;
  also: readonly ReasonCode[];
  azets: { email: string; name: string | null; row: number | null } | null;
  severa: SeveraUserView | null;
  match: MatchKind | null;
  otherCandidates: { user: SeveraUserView; kind: MatchKind; distance: number }[];
  /** The evidence, as phrases (say them with sayAll). */
  detail: readonly Phrase[];
  /** What to do: one step or several (saySteps). */
  fix: readonly Phrase[];
}

export interface SeveraVerdictRow extends SeveraVerdictView {
  /** Position in the run's list of entries (input order): a row's stable key within one run. */
  index: number;
}

export interface SeveraVerdictPage {
  runId: number;
  /** Entries that pass the filter. */
  total: number;
  offset: number;
  rows: SeveraVerdictRow[];
}
