import { inWords } from '../in-words';
import { maskJobUrl } from '../portal/triggered-job';
import { SETTINGS_VERSION, emptySettings } from './settings-schema';

type Data = Record<string, unknown>;

/** MIGRATIONS[n] turns a version-n file into version n+1. Version 0 is a file without a version: new or empty. */
export const MIGRATIONS: Record<number, (data: Data) => Data> = {
  0: (data) => ({ ...emptySettings(), ...data, schemaVersion: 1 }),
  // Version 2 keeps a bulk reconnect under way; a version-1 file has none.
  1: (data) => ({ ...data, bulk: null }),
  // Version 3 adds portals (F18) — every profile so far was a direct one — and keeps of a bulk run
  // only what cannot be derived (its `current` index is gone; `auto` starts off).
  2: (data) => ({
    ...data,
    bulk: data.bulk && typeof data.bulk === 'object' ? { ...Object.fromEntries(Object.entries(data.bulk).filter(([k]) => k !== 'current')), auto: false } : data.bulk,
    portals: [],
    profiles: Array.isArray(data.profiles)
      ? data.profiles.map((p: Data) => ({ ...p, connection: 'direct', portalId: '', portalUrl: '' }))
      : data.profiles,
  }),
  // Version 4 adds the unconfirmed status (F18): a portal profile an earlier Bridgekeeper called
  // connected from the portal's HTTP answer alone, with no job run behind it, was never confirmed.
  3: (data) => ({
    ...data,
    profiles: Array.isArray(data.profiles)
      ? data.profiles.map((p: Data) =>
          p.connection === 'portal' && (p.status === 'connected' || p.status === 'expiring') && !p.lastVerifiedAt
            ? { ...p, status: 'unconfirmed', statusReason: { code: 'not-confirmed', ...inWords('reauth.unconfirmed.migrated') } }
            : p,
        )
      : data.profiles,
  }),
  // Version 5 masks triggered-job URLs by structure (origin and first path segment): a mask stored
  // by length could show a key that is a path segment nearly whole.
  4: (data) => ({
    ...data,
    profiles: Array.isArray(data.profiles)
      ? data.profiles.map((p: Data) => (typeof p.jobUrlMasked === 'string' ? { ...p, jobUrlMasked: maskJobUrl(p.jobUrlMasked) } : p))
      : data.profiles,
  }),
};

export class NewerSettingsError extends Error {}

/** Runs every step from the file's version up to `target`; the input is left untouched. */
export function migrate(
  input: Data,
  steps: Record<number, (data: Data) => Data> = MIGRATIONS,
  target: number = SETTINGS_VERSION,
): Data {
  const version = input.schemaVersion === undefined ? 0 : input.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new Error(`schemaVersion is ${JSON.stringify(version)}, not a version number`);
  }
  if (version > target) {
    throw new NewerSettingsError(
      `the file is version ${version}, written by a newer Bridgekeeper (this one reads up to version ${target})`,
    );
  }
  let data = structuredClone(input);
  for (let v = version; v < target; v++) {
    const step = steps[v];
    if (!step) throw new Error(`no migration from settings version ${v}`);
    data = { ...step(data), schemaVersion: v + 1 };
  }
  return data;
}
