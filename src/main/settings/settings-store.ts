import fs from 'node:fs';
import path from 'node:path';
import type { Notice } from '../../shared/notice';
import { type UserFacingError, userError } from '../errors';
import { inWords } from '../in-words';
import { NewerSettingsError, migrate } from './migrations';
import { SETTINGS_VERSION, type Settings, SettingsSchema, emptySettings } from './settings-schema';

/**
 * What electron-store and conf both are: a JSON file whose `store` getter reads it
 * and whose setter writes it atomically (temp file + rename, via `atomically`).
 */
export interface JsonFileBackend {
  readonly path: string;
  store: Record<string, unknown>;
}

export interface OpenedSettings {
  store: SettingsStore;
  notices: Notice[];
}

/** 2026-11-22T01:02:03.456Z → 20261122T010203Z: sortable and legal in every file system. */
const fileStamp = (date: Date): string => date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** Keeps an unreadable file beside the original as <name>.corrupt-<timestamp>.json and returns that path. */
function moveAside(filePath: string, now: Date): string {
  const { dir, name, ext } = path.parse(filePath);
  let target = path.join(dir, `${name}.corrupt-${fileStamp(now)}${ext || '.json'}`);
  for (let n = 2; fs.existsSync(target); n++) {
    target = path.join(dir, `${name}.corrupt-${fileStamp(now)}-${n}${ext || '.json'}`);
  }
  fs.renameSync(filePath, target);
  return target;
}

const reasonOf = (error: unknown): string => {
  if (error instanceof SyntaxError) return 'it is not valid JSON';
  if (error instanceof Error && 'issues' in error && Array.isArray(error.issues)) {
    const first = error.issues[0] as { path: PropertyKey[]; message: string } | undefined;
    return first ? `${first.path.map(String).join('.') || 'the file'} ${first.message}` : 'it does not match the schema';
  }
  return error instanceof Error ? error.message : String(error);
};

/**
 * A file from a newer Bridgekeeper, seen by this one: shown read-only, never written or moved.
 *
 * Read-only rather than refusing to start: whoever opens an older Bridgekeeper by mistake (an old
 * shortcut, a second machine, a downgrade) still sees their profiles and the notice saying why
 * nothing is saved, in their language, and can still use what writes no settings (explain a log,
 * the Severa check's files); going back to the newer version finds its file byte for byte as it left it.
 * Its profiles are shown as far as this version's schema reads them; a bulk run under way is left
 * out, since resuming one writes. When this version cannot read the file's shape at all, it starts empty.
 */
function openNewer(raw: Record<string, unknown>): OpenedSettings {
  const found = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : String(raw.schemaVersion);
  const readable = SettingsSchema.safeParse({ ...raw, schemaVersion: SETTINGS_VERSION, bulk: null });
  const refusal = () => userError('settings-read-only', 'notices.settings-newer.not-saved', { found, supported: SETTINGS_VERSION });
  return {
    store: new SettingsStore(null, readable.success ? readable.data : emptySettings(), refusal),
    notices: [
      {
        id: 'settings-newer',
        level: 'warning',
        ...inWords('notices.settings-newer', { found, supported: SETTINGS_VERSION, shown: readable.success ? 'profiles' : 'none' }),
      },
    ],
  };
}

/**
 * Opens the settings file: reads, migrates and validates it. A file that cannot be read is
 * never dropped: it is moved aside, the user is told where it is, and the app starts empty.
 * A file from a newer Bridgekeeper is no damaged file: it is left exactly where and as it is (openNewer).
 */
export function openSettings(createBackend: () => JsonFileBackend, expectedPath: string, now = new Date()): OpenedSettings {
  let backend: JsonFileBackend | undefined;
  let data: Settings;
  try {
    backend = createBackend();
    const raw = backend.store;
    try {
      data = SettingsSchema.parse(migrate(raw));
    } catch (error) {
      if (error instanceof NewerSettingsError) return openNewer(raw);
      throw error;
    }
  } catch (error) {
    if (!fs.existsSync(expectedPath)) throw error;
    const kept = moveAside(expectedPath, now);
    backend = createBackend();
    const store = new SettingsStore(backend, emptySettings());
    store.save();
    return {
      store,
      notices: [
        {
          id: `settings-corrupt-${fileStamp(now)}`,
          level: 'error',
          message: `Your settings file could not be read (${reasonOf(error)}). It was kept as ${kept} and Bridgekeeper started with no profiles; nothing was deleted.`,
        },
      ],
    };
  }
  const store = new SettingsStore(backend, data);
  if (backend.store.schemaVersion !== data.schemaVersion) store.save();
  return { store, notices: [] };
}

/**
 * The settings in memory, written through to the file on every change. Reads never touch the disk.
 * A read-only store (a newer Bridgekeeper's file) has no file to write: every write throws its refusal.
 */
export class SettingsStore {
  #data: Settings;

  constructor(
    private readonly backend: JsonFileBackend | null,
    data: Settings,
    private readonly refusal?: () => UserFacingError,
  ) {
    this.#data = data;
  }

  /** True when nothing may be written (the file is a newer Bridgekeeper's). */
  get readOnly(): boolean {
    return this.backend === null;
  }

  /** Throws the read-only refusal: for work that would change something elsewhere before it saves here. */
  assertWritable(): void {
    if (this.readOnly && this.refusal) throw this.refusal();
  }

  get path(): string | null {
    return this.backend?.path ?? null;
  }

  get current(): Readonly<Settings> {
    return this.#data;
  }

  /** Writes the next state first, then adopts it: a failed write leaves memory and file as they were. */
  update(change: (current: Settings) => Settings): void {
    const backend = this.#writable();
    const next = change(this.#data);
    backend.store = next as unknown as Record<string, unknown>;
    this.#data = next;
  }

  save(): void {
    this.#writable().store = this.#data as unknown as Record<string, unknown>;
  }

  #writable(): JsonFileBackend {
    if (this.backend) return this.backend;
    throw this.refusal?.() ?? new Error('the settings are read-only');
  }
}
