import type { Message } from '../../shared/i18n/message';
import { validationWords } from '../../shared/field-schemas';
import { inWords, verbatim } from '../in-words';
import { type ApiEvent, type BridgekeeperApi, DELETE_UNDO_SECONDS, type ExportFormat } from '../../shared/api';
import type { CsvDelimiter } from '../../shared/severa-check';
import type { FileBytes } from '../../shared/severa-panel';
import type { ExistingRows, ImportMode, ImportPreview, ImportProblem, ImportReport, ProfileChange } from '../../shared/import-report';
import type { PortalDefinition } from '../../shared/portal';
import { PROFILE_FIELDS, definitionOf, type Profile, type ProfileDefinition, type ProfileInput, type ProfileState } from '../../shared/profile';
import { ProfileDefinitionSchema } from '../../shared/profile-schema';
import { compareByName } from '../../shared/profile-order';
import { userError } from '../errors';
import type { SettingsStore } from '../settings/settings-store';
import { createPendingDeletes } from './pending-deletes';
import type { WorkbookIsolation } from '../tables/read-workbook-isolated';
import { parseProfileFile, writeProfileFile } from './profile-file';

type ProfileApi = Pick<
  BridgekeeperApi,
  'listProfiles' | 'createProfile' | 'updateProfile' | 'deleteProfiles' | 'undoDelete' | 'importProfiles' | 'previewImport' | 'exportProfiles'
>;

export interface ProfileServiceDeps {
  settings: SettingsStore;
  /** Revokes and removes a profile's tokens; returns why Visma could not revoke, if it could not. */
  forgetTokens(profile: Profile): Promise<string | undefined>;
  environmentExists(id: string): boolean;
  /** The portal a portal profile names, if it exists. */
  portal(id: string): PortalDefinition | undefined;
  emit(event: ApiEvent): void;
  /** A deletion became final and Visma could not revoke some of the tokens (they are gone locally all the same). */
  onRevokeFailures?(failures: { name: string; message: string }[]): void;
  undoMs?: number;
  now?: () => Date;
  /** The list separator of the user's Excel, for CSV exports (`,` when left out). */
  csvDelimiter?: () => CsvDelimiter;
  /** The workbook worker's heap cap and time limit; the app's own (WORKBOOK_ISOLATION) unless a test injects one. */
  workbookIsolation?: WorkbookIsolation;
}

/** Stored in the order the list shows by default, so a page of the list is a slice of the file. */
const inNameOrder = (profiles: Profile[]): Profile[] => profiles.sort(compareByName);

/** Changing any of these points the profile at another login, so its connection starts over. */
const CONNECTION_FIELDS = ['companyId', 'apiUser', 'connection', 'environmentId', 'portalId', 'portalUrl'] as const;

/** Statuses that describe work in progress: shown, never written to disk (a crash must not leave them behind). */
export type TransientStatus = 'checking' | 'reauthenticating';

export type ProfileService = ProfileApi & {
  get(id: string): Profile | undefined;
  /** Every profile, in name order. */
  all(): readonly Profile[];
  /** Main's own status changes (reauth, health check): one write, one event; ends any transient status. */
  setStates(changes: { id: string; state: Partial<ProfileState> }[]): Profile[];
  /** Shows work in progress (or, with null, ends it) without touching the file. */
  setTransient(ids: readonly string[], status: TransientStatus | null): void;
  /**
   * F19: profiles taken from a portal's list, and the portal's new names of profiles already here,
   * checked as any profile is and written at once (all or nothing).
   */
  takeFromPortal(add: ProfileInput[], rename: { profileId: string; name: string }[]): Promise<{ added: Profile[]; renamed: { id: string; name: string; oldName: string }[] }>;
  /** Makes every pending deletion final now (on quit, and in tests). */
  finishDeletes(): Promise<void>;
};

/** A row of a file whose id is an existing profile, and what the file would make of it. */
interface ExistingRow {
  existing: Profile;
  definition: ProfileDefinition;
  change: ProfileChange | null;
}

export function createProfileService({
  settings,
  forgetTokens,
  environmentExists,
  portal,
  emit,
  onRevokeFailures = () => undefined,
  undoMs = DELETE_UNDO_SECONDS * 1000,
  now = () => new Date(),
  csvDelimiter = () => ',',
  workbookIsolation,
}: ProfileServiceDeps): ProfileService {
  /** Where the profile's connection is made must exist: its environment, or its portal and a page of that portal. */
  const targetProblem = (d: ProfileDefinition): { field: string; message: string; words: Message } | null => {
    if (d.connection === 'direct') return environmentExists(d.environmentId) ? null : { field: 'environmentId', ...inWords('profiles.invalid.no-environment', { id: d.environmentId }) };
    const target = portal(d.portalId);
    if (!target) return { field: 'portalId', ...inWords('profiles.invalid.no-portal', { id: d.portalId }) };
    if (new URL(d.portalUrl).origin !== new URL(target.origin).origin) return { field: 'portalUrl', ...inWords('profiles.invalid.not-portal-page', { name: target.name, origin: target.origin }) };
    return null;
  };

  /** A direct profile's environment is where the next new profile starts (see newProfileDefaults). */
  const lastUsed = (d: ProfileDefinition) => (d.connection === 'direct' ? { lastEnvironmentId: d.environmentId } : {});

  const freshState = (): ProfileState => ({ status: 'never-connected', statusSince: now().toISOString() });

  // What the user sees: the stored profile, with any work in progress laid over its status.
  const transient = new Map<string, { status: TransientStatus; since: string }>();
  const view = (p: Profile): Profile => {
    const t = transient.get(p.id);
    return t ? { ...p, status: t.status, statusSince: t.since } : p;
  };
  const views = (list: readonly Profile[]): readonly Profile[] => (transient.size === 0 ? list : list.map(view));

  let indexed: { of: readonly Profile[]; map: Map<string, Profile> } | null = null;
  const byId = () => {
    if (indexed?.of !== settings.current.profiles) {
      indexed = { of: settings.current.profiles, map: new Map(settings.current.profiles.map((p) => [p.id, p])) };
    }
    return indexed.map;
  };

  const checkDefinition = (definition: ProfileInput): ProfileDefinition => {
    const parsed = ProfileDefinitionSchema.safeParse(definition);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw userError('invalid-argument', 'profiles.invalid.field', { field: issue.path.join('.') || 'profile', problem: validationWords(issue.message) ?? verbatim(issue.message) });
    }
    const problem = targetProblem(parsed.data);
    if (problem) throw userError('invalid-argument', 'profiles.invalid.field', { field: problem.field, problem: problem.words });
    return parsed.data;
  };

  /** The fields a definition changes on an existing profile; null when it changes none. */
  const changeOf = (existing: Profile, definition: ProfileDefinition): ProfileChange | null => {
    const fields = PROFILE_FIELDS.filter((f) => existing[f] !== definition[f]).map((field) => ({ field, before: existing[field], after: definition[field] }));
    if (fields.length === 0) return null;
    const reconnect = existing.status !== 'never-connected' && CONNECTION_FIELDS.some((f) => existing[f] !== definition[f]);
    return { id: existing.id, name: existing.name, fields, reconnect };
  };

  /** Reads a file and sorts its rows into new profiles, rows of existing ones, and problems. Writes nothing. */
  const planImport = async (file: FileBytes, existingRows: ExistingRows) => {
    const parsed = await parseProfileFile(file, workbookIsolation);
    const known = byId();
    const firstRowOfId = new Map<string, number>();
    const problems: ImportProblem[] = [...parsed.fileProblems];
    const added: ProfileDefinition[] = [];
    const existing: ExistingRow[] = [];
    let validRows = 0;
    for (const row of parsed.rows) {
      const rowProblems = [...row.problems];
      const definition = row.definition;
      if (definition) {
        const clash = known.get(definition.id);
        const earlier = firstRowOfId.get(definition.id);
        if (earlier !== undefined) rowProblems.push({ row: row.row, field: 'id', ...inWords('profiles.invalid.duplicate-row', { id: definition.id, row: earlier }) });
        else firstRowOfId.set(definition.id, row.row);
        if (clash && existingRows === 'refuse') rowProblems.push({ row: row.row, field: 'id', ...inWords('profiles.invalid.exists', { id: definition.id, name: clash.name }) });
        // A skipped row is not read further: whatever it says, the profile stays as it is.
        const problem = clash && existingRows === 'skip' ? null : targetProblem(definition);
        if (problem) rowProblems.push({ row: row.row, ...problem });
        if (rowProblems.length === 0) {
          validRows++;
          if (clash) existing.push({ existing: clash, definition, change: existingRows === 'update' ? changeOf(clash, definition) : null });
          else added.push(definition);
        }
      }
      problems.push(...rowProblems);
    }
    return { parsed, problems, added, existing, validRows };
  };

  const pendingDeletes = createPendingDeletes({ forgetTokens, onRevokeFailures, undoMs, now });

  const service: ProfileService = {
    get: (id) => {
      const p = byId().get(id);
      return p && view(p);
    },
    all: () => views(settings.current.profiles),

    async listProfiles(offset, limit) {
      const all = settings.current.profiles;
      return { profiles: all.slice(offset, offset + limit).map(view), total: all.length };
    },

    async createProfile(input) {
      const definition = checkDefinition(input);
      const existing = byId().get(definition.id);
      if (existing) throw userError('conflict', 'profiles.error.exists', { id: definition.id, name: existing.name });
      await pendingDeletes.settle([definition.id]);
      const profile: Profile = { ...definition, ...freshState() };
      settings.update((s) => ({ ...s, profiles: inNameOrder([...s.profiles, profile]), ...lastUsed(definition) }));
      emit({ type: 'profiles-upserted', profiles: [profile] });
      return profile;
    },

    async updateProfile(id, input) {
      const definition = checkDefinition(input);
      const existing = byId().get(id);
      if (!existing) throw userError('not-found', 'profiles.error.not-found', { id });
      if (definition.id !== id) throw userError('invalid-argument', 'profiles.error.id-fixed', { id });
      const reconnect = CONNECTION_FIELDS.some((field) => existing[field] !== definition[field]);
      // Tokens belong to a user, company and environment: when those change, the old ones go.
      if (reconnect && existing.status !== 'never-connected') await forgetTokens(existing);
      const profile: Profile = reconnect ? { ...definition, ...freshState() } : { ...existing, ...definition };
      settings.update((s) => ({ ...s, profiles: inNameOrder(s.profiles.map((p) => (p.id === id ? profile : p))), ...lastUsed(definition) }));
      emit({ type: 'profiles-upserted', profiles: [profile] });
      return profile;
    },

    async takeFromPortal(add, rename) {
      const known = byId();
      const definitions = add.map(checkDefinition);
      for (const d of definitions) {
        const existing = known.get(d.id);
        if (existing) throw userError('conflict', 'profiles.error.exists', { id: d.id, name: existing.name });
      }
      const renamed = rename.map(({ profileId, name }) => {
        const existing = known.get(profileId);
        if (!existing) throw userError('not-found', 'profiles.error.not-found', { id: profileId });
        return { profile: { ...existing, ...checkDefinition({ ...definitionOf(existing), name }) }, oldName: existing.name };
      });
      await pendingDeletes.settle(definitions.map((d) => d.id));
      const added: Profile[] = definitions.map((d) => ({ ...d, ...freshState() }));
      const newNames = new Map(renamed.map((r) => [r.profile.id, r.profile]));
      settings.update((s) => ({ ...s, profiles: inNameOrder([...s.profiles.map((p) => newNames.get(p.id) ?? p), ...added]) }));
      emit({ type: 'profiles-upserted', profiles: [...added, ...renamed.map((r) => r.profile)] });
      return { added, renamed: renamed.map((r) => ({ id: r.profile.id, name: r.profile.name, oldName: r.oldName })) };
    },

    async deleteProfiles(ids) {
      const known = byId();
      const unknown = ids.filter((id) => !known.has(id));
      if (unknown.length > 0) throw userError('not-found', 'profiles.error.not-found', { id: unknown[0]! });
      const doomed = new Set(ids);
      // The stored profiles (not the in-progress view): that is what an undo puts back.
      const profiles = [...doomed].map((id) => known.get(id)!);
      settings.update((s) => ({ ...s, profiles: s.profiles.filter((p) => !doomed.has(p.id)) }));
      for (const id of doomed) transient.delete(id);
      emit({ type: 'profiles-removed', ids: [...doomed] });
      return { deleted: doomed.size, ...pendingDeletes.add(profiles) };
    },

    async undoDelete(undoId) {
      const profiles = pendingDeletes.take(undoId);
      if (!profiles) throw userError('conflict', 'profiles.error.undo-late');
      settings.update((s) => ({ ...s, profiles: inNameOrder([...s.profiles, ...profiles]) }));
      emit({ type: 'profiles-upserted', profiles });
      return { restored: profiles.length };
    },

    finishDeletes: pendingDeletes.finishAll,

    async previewImport(file: FileBytes): Promise<ImportPreview> {
      const plan = await planImport(file, 'update');
      const changes = plan.existing.flatMap((row) => (row.change ? [row.change] : []));
      return {
        fileName: file.name,
        totalRows: plan.parsed.rows.length,
        added: plan.added.length,
        changes,
        unchanged: plan.existing.length - changes.length,
        problems: plan.problems,
      };
    },

    async importProfiles(file: FileBytes, mode: ImportMode, existingRows: ExistingRows = 'refuse'): Promise<ImportReport> {
      const plan = await planImport(file, existingRows);
      const updates = plan.existing.filter((row) => row.change !== null);
      const report: ImportReport = {
        fileName: file.name,
        format: plan.parsed.format,
        totalRows: plan.parsed.rows.length,
        validRows: plan.validRows,
        imported: 0,
        updated: 0,
        skipped: 0,
        problems: plan.problems,
      };
      const allowed = plan.parsed.fileProblems.length === 0 && (plan.problems.length === 0 || mode === 'valid-only');
      if (!allowed || plan.added.length + updates.length === 0) {
        return allowed ? { ...report, skipped: plan.existing.length } : report;
      }
      // As in updateProfile: tokens belong to a user, company and login target; when those change, the old ones go.
      for (const row of updates) if (row.change!.reconnect) await forgetTokens(row.existing);
      await pendingDeletes.settle(plan.added.map((d) => d.id));
      const added = plan.added.map((definition): Profile => ({ ...definition, ...freshState() }));
      const updated = new Map(
        updates.map((row): [string, Profile] => [
          row.existing.id,
          CONNECTION_FIELDS.some((f) => row.existing[f] !== row.definition[f])
            ? { ...row.definition, ...freshState() }
            : { ...row.existing, ...row.definition },
        ]),
      );
      settings.update((s) => ({ ...s, profiles: inNameOrder([...s.profiles.map((p) => updated.get(p.id) ?? p), ...added]) }));
      emit({ type: 'profiles-upserted', profiles: [...added, ...updated.values()] });
      return { ...report, imported: added.length, updated: updated.size, skipped: plan.existing.length - updated.size };
    },

    async exportProfiles(format: ExportFormat, ids) {
      // In the order asked for (the list as the user sorted it), or all in stored order.
      const known = byId();
      const profiles = ids ? ids.map((id) => known.get(id)).filter((p) => p !== undefined) : settings.current.profiles;
      return writeProfileFile(format, profiles, csvDelimiter(), now());
    },

    setTransient(ids, status) {
      const since = now().toISOString();
      const changed: Profile[] = [];
      for (const id of ids) {
        const p = byId().get(id);
        if (!p || (!status && !transient.has(id))) continue;
        if (status) transient.set(id, { status, since });
        else transient.delete(id);
        changed.push(view(p));
      }
      if (changed.length > 0) emit({ type: 'profiles-upserted', profiles: changed });
    },

    setStates(changes) {
      for (const c of changes) transient.delete(c.id);
      const updates = new Map(changes.map((c) => [c.id, c.state]));
      const changed: Profile[] = [];
      settings.update((s) => ({
        ...s,
        profiles: s.profiles.map((p) => {
          const state = updates.get(p.id);
          if (!state) return p;
          const next = { ...p, ...state };
          changed.push(next);
          return next;
        }),
      }));
      if (changed.length > 0) emit({ type: 'profiles-upserted', profiles: changed });
      return changed;
    },
  };
  return service;
}
