import type { Message } from '../../shared/i18n/message';
import {
  type CompanyMention,
  KNOWN_ERROR_KINDS,
  type KnownErrorKind,
  type KnownErrorReport,
  type LogExplanation,
  type LogSample,
  type Mention,
  type Occurrences,
  type ProfileMatch,
  type ProfileMatchField,
  type UnknownErrorReport,
} from '../../shared/log-explanation';
import { KIND_TEXT, OLD_BASE_URL_TEXT } from './error-kinds';
import { namesOldErpApiHost } from '../../shared/visma-api';
import type { EntryFindings } from './examine-entry';
import { MAX_LISTED_MENTIONS, MAX_SAMPLE_CHARS, MAX_TRACKED_MENTIONS, MAX_UNKNOWN_GROUPS } from './limits';
import type { ProfileRef } from './profile-matcher';
import type { LogTime } from './timestamps';

/** Counts values, keeping at most MAX_TRACKED_MENTIONS distinct ones (memory stays flat). */
class MentionCounter<T extends Mention> {
  private readonly counts = new Map<string, T>();

  add(key: string, make: () => T): void {
    const known = this.counts.get(key);
    if (known) known.count++;
    else if (this.counts.size < MAX_TRACKED_MENTIONS) this.counts.set(key, make());
  }

  /** The most frequent first; equal counts in the order first seen. */
  listed(): { listed: T[]; more: number } {
    const all = [...this.counts.values()].sort((a, b) => b.count - a.count);
    return { listed: all.slice(0, MAX_LISTED_MENTIONS).map((m) => ({ ...m })), more: Math.max(0, all.length - MAX_LISTED_MENTIONS) };
  }
}

interface PendingSample {
  line: number;
  time: string | null;
  lines: string[];
}

const sampleOf = (s: PendingSample): LogSample => {
  const text = s.lines.join('\n');
  return { line: s.line, time: s.time, text: text.length > MAX_SAMPLE_CHARS ? `${text.slice(0, MAX_SAMPLE_CHARS - 1)}…` : text };
};

const earlier = (a: LogTime | null, b: LogTime | null) => (a === null || (b !== null && b.ms < a.ms) ? b : a);
const later = (a: LogTime | null, b: LogTime | null) => (a === null || (b !== null && b.ms > a.ms) ? b : a);

/** One error's occurrences, gathered entry by entry. */
class Gathered {
  count = 0;
  private first: LogTime | null = null;
  private last: LogTime | null = null;
  private firstLine = 0;
  private lastLine = 0;
  private readonly samples: PendingSample[] = [];
  private latest: PendingSample | null = null;
  private readonly endpoints = new MentionCounter<Mention>();
  private readonly companies = new MentionCounter<CompanyMention>();
  readonly profiles = new Set<number>();

  add(findings: EntryFindings, line: number, profiles: Iterable<number>): void {
    this.count++;
    this.first = earlier(this.first, findings.time);
    this.last = later(this.last, findings.time);
    if (this.count === 1) this.firstLine = line;
    this.lastLine = line;
    const sample = { line, time: findings.time?.iso ?? null, lines: findings.lines };
    if (this.samples.length < 2) this.samples.push(sample);
    else this.latest = sample;
    for (const url of findings.endpoints) this.endpoints.add(url, () => ({ value: url, count: 1 }));
    for (const c of findings.companies) this.companies.add(`${c.label}:${c.value}`, () => ({ ...c, count: 1 }));
    for (const p of profiles) this.profiles.add(p);
  }

  report(profileIds: (indexes: Iterable<number>) => string[]): Occurrences {
    const endpoints = this.endpoints.listed();
    const companies = this.companies.listed();
    return {
      count: this.count,
      firstSeen: this.first?.iso ?? null,
      lastSeen: this.last?.iso ?? null,
      firstLine: this.firstLine,
      lastLine: this.lastLine,
      samples: [...this.samples, ...(this.latest ? [this.latest] : [])].map(sampleOf),
      endpoints: endpoints.listed,
      moreEndpoints: endpoints.more,
      companies: companies.listed,
      moreCompanies: companies.more,
      profileIds: profileIds(this.profiles),
    };
  }
}

interface ProfileTally {
  fields: Set<ProfileMatchField>;
  errorEntries: number;
  kinds: Set<KnownErrorKind>;
  unknownEntries: number;
  last: LogTime | null;
}

/** Gathers every error entry's findings into the report. */
export class ReportBuilder {
  private errorEntries = 0;
  private readonly known = new Map<KnownErrorKind, Gathered>();
  private readonly unknown = new Map<string, { gathered: Gathered; faultCode: string | null }>();
  private unknownNotListed = 0;
  private readonly tallies = new Map<number, ProfileTally>();
  private readonly oldBaseUrl = { count: 0, firstLine: 0 };

  constructor(
    private readonly profiles: readonly ProfileRef[],
    /** Profiles the log's own name points at, and how: they count for every error in it. */
    private readonly sourceMatches: ReadonlyMap<number, ReadonlySet<ProfileMatchField>> = new Map(),
  ) {}

  /** One error entry: what it shows, where it starts, the profiles it names, and for an unknown error the name it is listed under. */
  add(findings: EntryFindings, line: number, named: ReadonlyMap<number, ReadonlySet<ProfileMatchField>>, signature: string | null): void {
    this.errorEntries++;
    if (findings.endpoints.some(namesOldErpApiHost) && this.oldBaseUrl.count++ === 0) this.oldBaseUrl.firstLine = line;
    let all: ReadonlyMap<number, ReadonlySet<ProfileMatchField>> = named;
    if (this.sourceMatches.size > 0) {
      const both = new Map<number, Set<ProfileMatchField>>();
      for (const source of [this.sourceMatches, named]) {
        for (const [profile, fields] of source) both.set(profile, new Set([...(both.get(profile) ?? []), ...fields]));
      }
      all = both;
    }
    for (const kind of findings.kinds) {
      let gathered = this.known.get(kind);
      if (!gathered) this.known.set(kind, (gathered = new Gathered()));
      gathered.add(findings, line, all.keys());
    }
    if (findings.unknown && signature !== null) {
      const group = this.unknown.get(signature);
      if (group) group.gathered.add(findings, line, all.keys());
      else if (this.unknown.size < MAX_UNKNOWN_GROUPS) {
        const gathered = new Gathered();
        gathered.add(findings, line, all.keys());
        this.unknown.set(signature, { gathered, faultCode: findings.unknown.faultCode });
      } else this.unknownNotListed++;
    }
    for (const [profile, fields] of all) {
      let tally = this.tallies.get(profile);
      if (!tally) this.tallies.set(profile, (tally = { fields: new Set(), errorEntries: 0, kinds: new Set(), unknownEntries: 0, last: null }));
      for (const field of fields) tally.fields.add(field);
      tally.errorEntries++;
      for (const kind of findings.kinds) tally.kinds.add(kind);
      if (findings.unknown) tally.unknownEntries++;
      tally.last = later(tally.last, findings.time);
    }
  }

  build(source: string, stats: { bytes: number; lines: number }, notes: Message[]): LogExplanation {
    const idsOf = (indexes: Iterable<number>) => [...indexes].sort((a, b) => a - b).map((i) => this.profiles[i]!.id);
    const kindOrder = (kind: KnownErrorKind) => KNOWN_ERROR_KINDS.indexOf(kind);
    const known: KnownErrorReport[] = [...this.known]
      .map(([kind, gathered]) => ({ kind, ...KIND_TEXT[kind], ...gathered.report(idsOf) }))
      .sort((a, b) => b.count - a.count || kindOrder(a.kind) - kindOrder(b.kind));
    const unknown: UnknownErrorReport[] = [...this.unknown]
      .map(([signature, { gathered, faultCode }]) => ({ signature, faultCode, ...gathered.report(idsOf) }))
      .sort((a, b) => b.count - a.count || a.firstLine - b.firstLine);
    const profiles: ProfileMatch[] = [...this.tallies]
      .map(([index, tally]) => {
        const p = this.profiles[index]!;
        const kinds = KNOWN_ERROR_KINDS.filter((k) => tally.kinds.has(k));
        const fieldOrder: ProfileMatchField[] = ['id', 'name', 'companyId', 'companyName', 'sourceName'];
        return {
          profileId: p.id,
          name: p.name,
          companyId: p.companyId,
          companyName: p.companyName,
          matchedBy: fieldOrder.filter((f) => tally.fields.has(f)),
          errorEntries: tally.errorEntries,
          kinds,
          unknownEntries: tally.unknownEntries,
          reconnect: kinds.some((k) => KIND_TEXT[k].reconnect),
          lastSeen: tally.last?.iso ?? null,
        };
      })
      .sort((a, b) => b.errorEntries - a.errorEntries || a.name.localeCompare(b.name) || a.profileId.localeCompare(b.profileId));
    return {
      source,
      bytes: stats.bytes,
      lines: stats.lines,
      errorEntries: this.errorEntries,
      known,
      unknown,
      unknownNotListed: this.unknownNotListed,
      profiles,
      reconnectProfileIds: profiles.filter((p) => p.reconnect).map((p) => p.profileId),
      notes,
      findings: this.oldBaseUrl.count > 0 ? [{ kind: 'old-base-url', ...OLD_BASE_URL_TEXT, ...this.oldBaseUrl }] : [],
    };
  }
}
