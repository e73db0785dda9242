import { KNOWN_ERROR_KINDS, type KnownErrorKind } from '../../src/shared/log-explanation';
import type { ProfileRef } from '../../src/main/explainer/profile-matcher';

/**
 * DataBridge-like logs for benches and tests: four timestamp formats switching every few hundred
 * lines, Norwegian, Swedish, Finnish and English text, CRLF or LF, DEBUG/INFO lines that come close to
 * errors without being any ("0 errors", "inga fel", a request header named ipp-company-id, a timeout
 * setting, "401 records"), and about `errorRate` of the entries an error: every known kind in its usual
 * shapes (plain, JSON, escaped JSON, wrapped onto the next line, with a stack trace) and unknown ones.
 * It counts what it wrote, so a reader's report can be checked against it.
 */

export interface GeneratedCounts {
  lines: number;
  entries: Record<KnownErrorKind, number>;
  unknownEntries: number;
  /** Error entries naming each profile (by id), known or unknown. */
  profileEntries: Map<string, number>;
}

export interface LogGeneratorOptions {
  seed?: number;
  errorRate?: number;
  profiles?: readonly ProfileRef[];
  crlf?: boolean;
}

export const generatedProfiles = (count: number): ProfileRef[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `p-${String(i + 1).padStart(4, '0')}`,
    name: `${['Kunder', 'Ordre', 'Fakturaer', 'Leverandører', 'Kontakter'][i % 5]} ${['til', 'fra', 'mot'][i % 3]} Visma ${Math.floor(i / 15) + 1}`,
    companyId: String(2_000_000 + Math.floor(i / 4)),
    companyName: `Firma ${Math.floor(i / 4) + 1} AS`,
  }));

const GUID_HEX = '0123456789abcdef';

/** A deterministic generator of log text, block by block. */
export class LogGenerator {
  readonly counts: GeneratedCounts = {
    lines: 0,
    entries: Object.fromEntries(KNOWN_ERROR_KINDS.map((k) => [k, 0])) as Record<KnownErrorKind, number>,
    unknownEntries: 0,
    profileEntries: new Map(),
  };
  private state: number;
  private time = Date.UTC(2024, 4, 3, 6, 0, 0);
  private format = 0;
  private formatLeft = 0;
  private readonly errorRate: number;
  private readonly profiles: readonly ProfileRef[];
  private readonly eol: string;

  constructor(options: LogGeneratorOptions = {}) {
    this.state = options.seed ?? 1;
    this.errorRate = options.errorRate ?? 0.015;
    this.profiles = options.profiles ?? generatedProfiles(40);
    this.eol = options.crlf === false ? '\n' : '\r\n';
  }

  private random(): number {
    // mulberry32
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  private guid(): string {
    let s = '';
    for (let i = 0; i < 32; i++) s += GUID_HEX[this.int(16)];
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** The timestamp and level prefix, in the current format. */
  private prefix(level: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR'): string {
    this.time += 1 + this.int(900);
    const d = new Date(this.time);
    const p2 = (n: number) => String(n).padStart(2, '0');
    const ms = String(d.getUTCMilliseconds()).padStart(3, '0');
    const [Y, M, D, h, m, s] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
    switch (this.format) {
      case 0:
        return `${Y}-${p2(M)}-${p2(D)} ${p2(h)}:${p2(m)}:${p2(s)},${ms} [${1 + this.int(24)}] ${level.padEnd(5)} DataBridge.${this.pick(['Sync', 'Visma', 'Import', 'Export'])} -`;
      case 1:
        return `${Y}-${p2(M)}-${p2(D)}T${p2(h)}:${p2(m)}:${p2(s)}.${ms}Z ${level}`;
      case 2:
        return `${p2(D)}.${p2(M)}.${Y} ${p2(h)}:${p2(m)}:${p2(s)} ${level === 'ERROR' ? 'FEIL' : level}`;
      default: {
        const h12 = h % 12 === 0 ? 12 : h % 12;
        const word = { DEBUG: 'Debug', INFO: 'Information', WARN: 'Warning', ERROR: 'Error' }[level];
        return `${M}/${D}/${Y} ${h12}:${p2(m)}:${p2(s)} ${h < 12 ? 'AM' : 'PM'} ${word}:`;
      }
    }
  }

  private quiet(): string[] {
    const profile = this.pick(this.profiles);
    const n = this.int(500);
    // About one line in fifty comes close to an error without being one (more often than real errors).
    const roll = this.int(250);
    const nearMiss = roll < 5 ? [3, 5, 6, 7, 8][roll]! : null;
    switch (nearMiss ?? [0, 1, 2, 4, 9, 10, 11][this.int(7)]) {
      case 0:
        return [`${this.prefix('INFO')} Profile '${profile.name}' (${profile.id}): ${n} rows imported into company ${profile.companyId}`];
      case 1:
        return [`${this.prefix('DEBUG')} GET https://integration.visma.net/API/controller/api/v1/customer?pageNumber=${this.int(50)}&lastModifiedDateTime=2024-05-0${1 + this.int(3)} 200 (${n} ms)`];
      case 2:
        return [`${this.prefix('INFO')} Eksport startet for profil «${profile.name}», ${n} ordrer å behandle`];
      case 3:
        return [`${this.prefix('INFO')} Synkronisering klar: ${n} rader behandlet, 0 errors`];
      case 4:
        return [`${this.prefix('INFO')} Tuonti valmis: ${n} asiakasta päivitetty yritykseen ${profile.companyId}`];
      case 5:
        return [`${this.prefix('INFO')} Import slutförd för ${profile.name}: ${n} kunder, inga fel`];
      case 6:
        return [`${this.prefix('DEBUG')} Request header ipp-company-id: ${profile.companyId}`];
      case 7:
        return [`${this.prefix('DEBUG')} Retry policy: timeout 100 s, 3 attempts`];
      case 8:
        return [`${this.prefix('INFO')} Processed 401 records for ${profile.id}`];
      case 9:
        return [`${this.prefix('INFO')} Token for ${profile.id} renewed; expires at 2024-05-03T11:11:12Z`];
      case 10:
        return [`${this.prefix('INFO')} POST https://integration.visma.net/API/controller/api/v1/salesorder 201 Created (${n} ms), SuperOffice sale ${this.int(99999)} → Visma order ${this.int(99999)}`];
      default:
        return [`${this.prefix('DEBUG')} Mapping ${n} fields: CustomerNumber, Name, Address.Line1, Postnummer, Poststed, Land, Telefon, E-post, Kundeklasse`];
    }
  }

  private trace(frames: string[]): string[] {
    return frames.map((f) => `   at ${f}`);
  }

  /** One error entry; counts it. */
  private error(): string[] {
    const profile = this.pick(this.profiles);
    const named = this.int(3) !== 0; // two in three errors name their profile
    const who = named ? ` [profile ${profile.name}]` : '';
    const endpoint = `https://integration.visma.net/API/controller/api/v1/${this.pick(['customer/customerClass', 'customer', 'salesorder', 'inventory', 'supplier'])}`;
    const count = (kind: KnownErrorKind | 'unknown') => {
      if (kind === 'unknown') this.counts.unknownEntries++;
      else this.counts.entries[kind]++;
      if (named) this.counts.profileEntries.set(profile.id, (this.counts.profileEntries.get(profile.id) ?? 0) + 1);
    };
    switch (this.int(15)) {
      case 0:
        count('ipp-company-id');
        return [`${this.prefix('ERROR')} Error calling Visma.net endpoint (${endpoint}) Invalid parameter exception: ipp-company-id (12002_12002_${this.guid()})${who}`];
      case 1:
        count('ipp-company-id');
        return [
          `${this.prefix('ERROR')} Visma.net svarte 400 Bad Request${who}: {"ExceptionType":"IPPException","ExceptionMessage":"Invalid parameter exception: ipp-company-id (12002_12002_${this.guid()})","ExceptionFaultCode":"12002"}`,
        ];
      case 2:
        count('ipp-company-id');
        return [`${this.prefix('ERROR')} Error calling Visma.net endpoint (${endpoint})${who}`, `Invalid parameter exception: ipp-company-id (12002_12002_${this.guid()})`];
      case 3:
        count('no-license');
        return [
          `${this.prefix('ERROR')} Visma.net-kall feilet for selskap ${profile.companyId}${who}: {\\"ExceptionType\\":\\"IPPException\\",\\"ExceptionMessage\\":\\"No license for this company.\\",\\"ExceptionFaultCode\\":\\"12027\\"}`,
        ];
      case 4:
        count('unauthorized');
        return [
          `${this.prefix('ERROR')} System.Net.WebException: The remote server returned an error: (401) Unauthorized.${who}`,
          ...this.trace(['System.Net.HttpWebRequest.GetResponse()', 'DataBridge.Visma.VismaClient.Get(String url)', 'DataBridge.Sync.Run(Profile profile)']),
        ];
      case 5:
        count('invalid-grant');
        return [`${this.prefix('ERROR')} Token refresh failed for ${named ? profile.id : 'profile'}: 400 {"error":"invalid_grant","error_description":"The refresh token has expired"}`];
      case 6:
        count('invalid-tenant');
        return [`${this.prefix('ERROR')} Innlogging feilet${who}: invalid_tenant - The application user or subscription is not entitled to use the API`];
      case 7:
        count('access-denied');
        return [`${this.prefix('ERROR')} Login redirect: https://databridge.example/callback?error=access_denied&error_description=The+user+denied+access${who}`];
      case 8:
        count('timeout');
        return [
          `${this.prefix('ERROR')} System.Net.WebException: The operation has timed out${who}`,
          ...this.trace(['System.Net.HttpWebRequest.GetResponse()', 'DataBridge.Visma.VismaClient.Get(String url)']),
        ];
      case 9:
        count('timeout');
        return [
          `${this.prefix('ERROR')} System.Threading.Tasks.TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.${who}`,
        ];
      case 10:
        count('timeout');
        return [`${this.prefix('WARN')} Tilkobling til ${endpoint} brøt: connect ETIMEDOUT 20.50.1.3:443${who}`];
      case 11:
        count('unknown');
        return [
          `${this.prefix('ERROR')} System.NullReferenceException: Object reference not set to an instance of an object.${who}`,
          ...this.trace(['DataBridge.Mapping.FieldMapper.Map(Row row)', 'DataBridge.Sync.Run(Profile profile)']),
        ];
      case 12:
        count('unknown');
        return [`${this.prefix('ERROR')} SuperOffice returned an error: Sentry rights missing for table 'contact' (user ${this.int(500)})${who}`];
      case 13:
        count('unknown');
        return [
          `${this.prefix('ERROR')} Visma.net rejected customer ${this.int(99999)}${who}: {"ExceptionType":"ValidationException","ExceptionMessage":"VAT zone 'NO${this.int(9)}' does not exist","ExceptionFaultCode":"10001"}`,
        ];
      default:
        count('unknown');
        return [`${this.prefix('ERROR')} Kunne ikke lese fil C:\\DataBridge\\import\\kunder_${this.int(999)}.csv${who}`];
    }
  }

  /** About `bytes` characters of log (whole lines), continuing where the last block ended. */
  block(chars: number): string {
    const out: string[] = [];
    let size = 0;
    while (size < chars) {
      if (this.formatLeft-- <= 0) {
        this.format = this.int(4);
        this.formatLeft = 200 + this.int(800);
      }
      const lines = this.random() < this.errorRate ? this.error() : this.quiet();
      for (const line of lines) {
        out.push(line);
        size += line.length + this.eol.length;
      }
      this.counts.lines += lines.length;
    }
    return out.join(this.eol) + this.eol;
  }
}
