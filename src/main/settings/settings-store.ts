import fs from 'node:fs';
import path from 'node:path';
import type { Notice } from '../../shared/notice';
import { migrate } from './migrations';
import { type Settings, SettingsSchema, emptySettings } from './settings-schema';

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
 * Opens the settings file: reads, migrates and validates it. A file that cannot be read is
 * never dropped: it is moved aside, the user is told where it is, and the app starts empty.
 */
export function openSettings(createBackend: () => JsonFileBackend, expectedPath: string, now = new Date()): OpenedSettings {
  let backend: JsonFileBackend;
  let data: Settings;
  try {
    backend = createBackend();
    data = SettingsSchema.parse(migrate(backend.store));
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

/** The settings in memory, written through to the file on every change. Reads never touch the disk. */
export class SettingsStore {
  #data: Settings;

  constructor(
    private readonly backend: JsonFileBackend,
    data: Settings,
  ) {
    this.#data = data;
  }

  get path(): string {
    return this.backend.path;
  }

  get current(): Readonly<Settings> {
    return this.#data;
  }

  /** Writes the next state first, then adopts it: a failed write leaves memory and file as they were. */
  update(change: (current: Settings) => Settings): void {
    const next = change(this.#data);
    this.backend.store = next as unknown as Record<string, unknown>;
    this.#data = next;
  }

  save(): void {
    this.backend.store = this.#data as unknown as Record<string, unknown>;
  }
}
