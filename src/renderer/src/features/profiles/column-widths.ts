import type { SortKey } from './profile-query';

/** A column of the profile list: its key, the least it may be given, and its text at each size. */
export interface ColumnSpec {
  key: SortKey;
  min: number;
  /** A column of short values (a status, a direction, a date): shown whole before the long ones share the rest. */
  whole?: boolean;
}

/** What a column needs to show its longest value whole (and its header), in px, and the least it may have. */
export interface ColumnNeed {
  key: SortKey;
  min: number;
  natural: number;
  whole?: boolean;
}

/** Widths the person dragged, by column; remembered between sessions. */
export type ColumnWidths = Partial<Record<SortKey, number>>;

/**
 * The grid template's parts for the sized columns. Each column gets what its content needs, as long
 * as the window has room: the room left over is shared in proportion. When there is not room for
 * all, the short columns (status, direction, a date) still get all they need and the long ones share
 * what is left, each up to what it needs, none below its minimum ("water-filling"). A width the
 * person chose is kept.
 */
export function columnTemplate(needs: readonly ColumnNeed[], available: number, chosen: ColumnWidths): string[] {
  const free = needs.filter((c) => chosen[c.key] === undefined);
  const room = available - needs.reduce((sum, c) => sum + (chosen[c.key] ?? 0), 0);
  const natural = free.reduce((sum, c) => sum + Math.max(c.natural, c.min), 0);
  const alloc = new Map<SortKey, number>();
  if (natural <= room) {
    for (const c of free) alloc.set(c.key, Math.max(c.natural, c.min));
  } else {
    // A short column is given at most WHOLE_MAX: an environment with a very long name still leaves room for the rest.
    const whole = free.filter((c) => c.whole).map((c) => ({ ...c, natural: Math.min(c.natural, WHOLE_MAX) }));
    const long = free.filter((c) => !c.whole);
    const wholeNeed = whole.reduce((sum, c) => sum + Math.max(c.natural, c.min), 0);
    const wholeBudget = room - long.reduce((sum, c) => sum + c.min, 0);
    const fill = (columns: readonly ColumnNeed[], space: number) => {
      const cap = waterLevel(columns, space);
      for (const c of columns) alloc.set(c.key, Math.max(c.min, Math.min(Math.max(c.natural, c.min), cap)));
    };
    if (wholeNeed <= wholeBudget) {
      // The short columns whole; the long ones share the rest.
      for (const c of whole) alloc.set(c.key, Math.max(c.natural, c.min));
      fill(long, room - wholeNeed);
    } else if (whole.reduce((sum, c) => sum + c.min, 0) <= wholeBudget) {
      // Not even that: the long ones at their minimum, the short ones share the rest.
      for (const c of long) alloc.set(c.key, c.min);
      fill(whole, wholeBudget);
    } else fill(free, room);
  }
  return needs.map((c) => {
    const width = chosen[c.key];
    if (width !== undefined) return `${Math.round(width)}px`;
    const share = Math.round(alloc.get(c.key)!);
    // Enough room: at least the content's width, growing with the window. Too little: shares, never under the minimum.
    return natural <= room ? `minmax(${share}px, ${share}fr)` : `minmax(${c.min}px, ${share}fr)`;
  });
}

/** The most a column of short values is given when the window is too narrow for everything. */
export const WHOLE_MAX = 220;

/** The width T at which min(need, max(T, min)) over the columns adds up to `room`. */
export function waterLevel(columns: readonly { min: number; natural: number }[], room: number): number {
  let low = 0;
  let high = Math.max(...columns.map((c) => Math.max(c.natural, c.min)), 0);
  for (let i = 0; i < 40; i++) {
    const mid = (low + high) / 2;
    const total = columns.reduce((sum, c) => sum + Math.max(c.min, Math.min(Math.max(c.natural, c.min), mid)), 0);
    if (total > room) high = mid;
    else low = mid;
  }
  return low;
}

const STORE_KEY = 'bridgekeeper.profile-columns';

/** The widths the person gave the columns last time (nothing if none, or if the store cannot be read). */
export function loadColumnWidths(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): ColumnWidths {
  try {
    const value: unknown = JSON.parse(storage?.getItem(STORE_KEY) ?? '{}');
    if (!value || typeof value !== 'object') return {};
    return Object.fromEntries(Object.entries(value).filter(([, w]) => typeof w === 'number' && Number.isFinite(w) && w > 0)) as ColumnWidths;
  } catch {
    return {};
  }
}

export function saveColumnWidths(widths: ColumnWidths, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(STORE_KEY, JSON.stringify(widths));
  } catch {
    // A full or missing store: the widths last this session only.
  }
}

/** Text widths in the grid's own font, measured once per text and font. */
export function textMeasurer(): (text: string, font: string) => number {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  return (text, font) => {
    const key = `${font}\u0000${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      if (context) {
        context.font = font;
        width = context.measureText(text).width;
      } else width = text.length * 8;
      cache.set(key, width);
    }
    return width;
  };
}
