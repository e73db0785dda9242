import type { BridgekeeperApi } from '../../../shared/api';
import type { AzetsUser, ColumnMapping, CsvDelimiter, SeveraCheckInput, SeveraCheckResult, SeveraUser } from '../../../shared/severa-check';
import type {
  SeveraApiSettings,
  SeveraCheckState,
  SeveraListState,
  SeveraLiveCheck,
  SeveraOrganizationState,
  SeveraRunSummary,
  SeveraSide,
} from '../../../shared/severa-panel';
import { UserFacingError, userError } from '../../errors';
import { createTranslator } from '../../../shared/i18n/translator';
import { type Phrase, phrase } from '../../../shared/severa-words';
import type { Logger } from '../../logger';
import type { SettingsStore } from '../../settings/settings-store';
import { type SeveraApiOptions, SEVERA_API_URL, createSeveraApiClient } from '../api/severa-api-client';
import { checkOneEmail, checkSeveraLogins, unexplainedDifferences } from '../check-logins';
import { readAzetsUsers, readSeveraUsers, type ReadUserFileOptions, type UserFileResult } from '../read-user-file';
import { jsonReportChunks, reportRows } from '../report-format';
import { exportTable } from '../../tables/export-table';
import type { WorkbookIsolation } from '../../tables/read-workbook-isolated';
import type { SeveraCredentialVault } from './credential-vault';
import { severaView, VerdictIndex, verdictRow, verdictView } from './verdict-rows';

type SeveraCheckApi = Pick<
  BridgekeeperApi,
  | 'getSeveraCheck'
  | 'loadSeveraFile'
  | 'setSeveraColumns'
  | 'setSeveraSheet'
  | 'setSeveraOrganization'
  | 'saveSeveraApiSettings'
  | 'saveSeveraCredentials'
  | 'clearSeveraCredentials'
  | 'readSeveraUsersFromApi'
  | 'runSeveraCheck'
  | 'listSeveraVerdicts'
  | 'checkSeveraEmail'
  | 'exportSeveraReport'
>;

export interface SeveraCheckServiceDeps {
  /** Keeps the API address and the add-on's name (not secret) between runs. */
  settings: SettingsStore;
  /** The REST API client's id, secret and scope: the keychain in the app. */
  credentials: SeveraCredentialVault;
  log: Logger;
  fetch?: typeof fetch;
  now?: () => Date;
  /** The list separator of the user's Excel, for the CSV export (`,` when left out). */
  csvDelimiter?: () => CsvDelimiter;
  /** The reader's locale (the chosen language), for the words of the CSV and Excel exports (English when left out). */
  locale?: () => string;
  /** Retry waits, page size and time-outs of the API client (tests shorten them). */
  apiOptions?: Pick<SeveraApiOptions, 'retry' | 'sleep' | 'pageSize' | 'timeoutMs'>;
  /** The workbook worker's heap cap and time limit; the app's own (WORKBOOK_ISOLATION) unless a test injects one. */
  workbookIsolation?: WorkbookIsolation;
}

/** The add-on's name as the vendor's article calls it; configurable, because Severa's exact name is not documented. */
export const DEFAULT_ADDON_NAME = 'Azets Work';

/** One side's list: the users the check uses, and what the panel shows about where they came from. */
interface Side<User> {
  view: SeveraListState;
  users: User[] | null;
  /** The last picked file, kept so a corrected column mapping can read it again. */
  file: KeptFile | null;
}

interface KeptFile {
  name: string;
  bytes: Uint8Array;
  mapping: ColumnMapping;
  /** A workbook's sheet chosen by the user; the first when absent. */
  sheet?: string;
}

const EMPTY: Side<never> = { view: { status: 'empty' }, users: null, file: null };
const NO_AZETS_USERS: readonly AzetsUser[] = Object.freeze([]);

const staleRun = () => userError('severa-stale-run', 'severa.error.staleRun');
const invalid = (key: Parameters<typeof userError>[1], params?: Parameters<typeof userError>[2]) => userError('invalid-argument', key, params);

/** An error's words as a phrase: its catalog words when it has them, else its message as it is. */
const wordsOf = (error: UserFacingError): Phrase => error.words ?? phrase('severa.error.asSaid', { text: error.message });

/**
 * The Severa login check behind the panel. Main keeps the two lists, the organization-wide
 * states and the latest result; the renderer gets a small state and pages of verdicts. Any change
 * of input drops the result, so a result always belongs to the inputs the panel shows.
 */
export function createSeveraCheckService(deps: SeveraCheckServiceDeps): SeveraCheckApi {
  const { settings, credentials, log, now = () => new Date(), fetch: fetchImpl = fetch } = deps;
  let azets: Side<AzetsUser> = EMPTY;
  let severa: Side<SeveraUser> = EMPTY;
  let organization: SeveraOrganizationState = { addon: 'unknown', orgUsesSevera: 'unknown', addonSource: { kind: 'hand' } };
  let run: { summary: SeveraRunSummary; result: SeveraCheckResult; index: VerdictIndex; input: SeveraCheckInput } | null = null;
  let runCount = 0;
  /** Whether credentials are stored: asked of the vault once, then kept in step with save and clear. */
  let credentialsSaved: boolean | null = null;
  let apiRead: Promise<void> | null = null;

  const apiSettings = (): SeveraApiSettings => ({
    baseUrl: settings.current.severa?.baseUrl || SEVERA_API_URL,
    addonName: settings.current.severa?.addonName || DEFAULT_ADDON_NAME,
  });

  const inputChanged = () => {
    run = null;
  };

  async function state(): Promise<SeveraCheckState> {
    credentialsSaved ??= (await credentials.load().catch(() => null)) !== null;
    return {
      azets: azets.view,
      severa: severa.view,
      organization,
      api: { ...apiSettings(), credentials: { saved: credentialsSaved, storage: credentials.kind } },
      ready: azets.users !== null && severa.users !== null,
      result: run?.summary ?? null,
    };
  }

  async function readSide<User>(
    side: SeveraSide,
    file: KeptFile,
    read: (input: Uint8Array, options: ReadUserFileOptions) => Promise<UserFileResult<User>>,
  ): Promise<Side<User>> {
    const result = await read(file.bytes, {
      fileName: file.name,
      columns: file.mapping,
      ...(file.sheet ? { sheet: file.sheet } : {}),
      ...(deps.workbookIsolation ? { isolation: deps.workbookIsolation } : {}),
    });
    log.info('severa.file-read', { side, ok: result.ok, rows: result.file?.dataRows ?? null, problems: result.ok ? 0 : result.problems.length });
    if (result.ok) {
      return { view: { status: 'loaded', source: 'file', users: result.users.length, file: result.file, mapping: file.mapping }, users: result.users, file };
    }
    const view: SeveraListState = { status: 'problems', source: 'file', fileName: file.name, problems: result.problems, file: result.file, mapping: file.mapping };
    return { view, users: null, file };
  }

  /** Reads are async (a workbook is read in a worker): only the side's latest load may land. */
  const latestLoad: Record<SeveraSide, number> = { azets: 0, severa: 0 };

  async function load(side: SeveraSide, file: KeptFile): Promise<void> {
    const ticket = ++latestLoad[side];
    if (side === 'azets') {
      const read = await readSide(side, file, readAzetsUsers);
      if (ticket !== latestLoad[side]) return;
      azets = read;
    } else {
      const read = await readSide(side, file, readSeveraUsers);
      if (ticket !== latestLoad[side]) return;
      severa = read;
    }
    inputChanged();
  }

  /** Severa's own answer for one address, now: the list read earlier may be out of date. */
  async function askSevera(email: string): Promise<SeveraLiveCheck> {
    const { baseUrl } = apiSettings();
    try {
      const client = createSeveraApiClient({ ...deps.apiOptions, baseUrl, credentials, fetch: fetchImpl });
      const users = await client.findUsersByEmail(email);
      return { baseUrl, users: users.map(severaView), exact: users.some((user) => user.email === email), error: null };
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      return { baseUrl, users: [], exact: false, error: wordsOf(error) };
    }
  }

  function keptFile(side: SeveraSide, what: 'columns' | 'sheet'): KeptFile {
    const current = side === 'azets' ? azets : severa;
    if (!current.file || current.view.status === 'empty' || current.view.source !== 'file') {
      throw invalid('severa.error.loadFileFirst', { side, what });
    }
    return current.file;
  }

  function checkInput(): SeveraCheckInput {
    if (!severa.users) throw invalid('severa.error.loadSeveraFirst');
    return { azetsUsers: azets.users ?? NO_AZETS_USERS, severaUsers: severa.users, addon: organization.addon, orgUsesSevera: organization.orgUsesSevera };
  }

  async function readFromApi(): Promise<void> {
    const { baseUrl, addonName } = apiSettings();
    const client = createSeveraApiClient({ ...deps.apiOptions, baseUrl, credentials, fetch: fetchImpl });
    const started = Date.now();
    const users = await client.listUsers();
    const notes: Phrase[] = [];
    let addon: Awaited<ReturnType<typeof client.readAddonState>> | null = null;
    try {
      addon = await client.readAddonState(addonName);
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      notes.push(phrase('severa.api.addonUnreadable', { error: wordsOf(error) }));
    }
    const readAt = now().toISOString();
    severa = {
      view: {
        status: 'loaded',
        source: 'api',
        users: users.length,
        inactive: users.filter((user) => user.active === false).length,
        withoutEmail: users.filter((user) => user.email.trim() === '').length,
        baseUrl,
        readAt,
        notes,
      },
      users,
      file: null,
    };
    if (addon) organization = { ...organization, addon: addon.state, addonSource: { kind: 'api', activeAddons: addon.activeAddons, addonName, readAt } };
    inputChanged();
    log.info('severa.api-read', { users: users.length, addon: addon?.state ?? null, ms: Date.now() - started });
  }

  return {
    getSeveraCheck: state,

    async loadSeveraFile(side, file) {
      await load(side, { name: file.name, bytes: Buffer.from(file.base64, 'base64'), mapping: {}, ...(file.sheet ? { sheet: file.sheet } : {}) });
      return state();
    },

    async setSeveraColumns(side, columns) {
      await load(side, { ...keptFile(side, 'columns'), mapping: columns });
      return state();
    },

    async setSeveraSheet(side, sheet) {
      // Another sheet has other headers: the mapping starts over.
      await load(side, { ...keptFile(side, 'sheet'), mapping: {}, sheet });
      return state();
    },

    async setSeveraOrganization(input) {
      const addonSource = input.addon === organization.addon ? organization.addonSource : { kind: 'hand' as const };
      organization = { addon: input.addon, orgUsesSevera: input.orgUsesSevera, addonSource };
      inputChanged();
      return state();
    },

    async saveSeveraApiSettings(next) {
      settings.update((current) => ({ ...current, severa: { baseUrl: next.baseUrl.replace(/\/+$/, ''), addonName: next.addonName } }));
      return state();
    },

    async saveSeveraCredentials(input) {
      await credentials.save({ clientId: input.clientId, clientSecret: input.clientSecret, scope: input.scope });
      credentialsSaved = true;
      log.info('severa.credentials-saved', { storage: credentials.kind });
      return state();
    },

    async clearSeveraCredentials() {
      await credentials.clear();
      credentialsSaved = false;
      log.info('severa.credentials-cleared', { storage: credentials.kind });
      return state();
    },

    async readSeveraUsersFromApi() {
      // A second click while Severa is still paging waits for the same read.
      apiRead ??= readFromApi().finally(() => (apiRead = null));
      await apiRead;
      return state();
    },

    async runSeveraCheck() {
      if (!azets.users || !severa.users) {
        throw invalid('severa.error.loadListsFirst', { missing: !azets.users && !severa.users ? 'both' : !azets.users ? 'azets' : 'severa' });
      }
      const input = checkInput();
      const started = performance.now();
      const result = checkSeveraLogins(input);
      const durationMs = Math.round(performance.now() - started);
      runCount++;
      const summary: SeveraRunSummary = {
        runId: runCount,
        organization: result.organization,
        summary: result.summary,
        totals: result.totals,
        entries: result.verdicts.length,
        ranAt: now().toISOString(),
        durationMs,
      };
      run = { summary, result, index: new VerdictIndex(result.verdicts), input };
      log.info('severa.check', { azetsUsers: result.totals.azetsUsers, severaUsers: result.totals.severaUsers, failing: result.totals.failing, ms: durationMs });
      // A bug report: addresses that differ in a way the rules cannot name (rows only, no addresses in the log).
      const gaps = unexplainedDifferences(result.verdicts);
      if (gaps.length > 0) log.error('severa.check.unexplained-difference', { count: gaps.length, azetsRows: gaps.slice(0, 20).map((gap) => gap.azets?.row ?? null) });
      return state();
    },

    async listSeveraVerdicts(runId, filter, offset, limit) {
      if (!run || run.summary.runId !== runId) throw staleRun();
      const positions = run.index.matching(filter);
      const rows = [];
      for (let i = offset; i < Math.min(positions.length, offset + limit); i++) {
        const index = positions[i]!;
        rows.push(verdictRow(run.result.verdicts[index]!, index));
      }
      return { runId, total: positions.length, offset, rows };
    },

    async checkSeveraEmail(email) {
      // The same list objects as the run: the engine reuses its indexes for them.
      const view = verdictView(checkOneEmail(run?.input ?? checkInput(), email));
      return severa.view.status === 'loaded' && severa.view.source === 'api' ? { ...view, live: await askSevera(email) } : view;
    },

    async exportSeveraReport(format) {
      if (!run) throw invalid('severa.error.nothingToExport');
      const baseName = `severa-login-check-${run.summary.ranAt.slice(0, 10)}`;
      if (format === 'json') return { fileName: `${baseName}.json`, mimeType: 'application/json', text: [...jsonReportChunks(run.result)].join('') };
      const words = createTranslator(deps.locale?.() ?? 'en-GB');
      return exportTable(reportRows(run.result, words), { format, delimiter: deps.csvDelimiter?.() ?? ',', baseName, sheetName: words.t('severa.report.sheetName') });
    },
  };
}
