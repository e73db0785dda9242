import { deserialize, serialize } from 'node:v8';

/**
 * The E2E harness's transport between the page and main, as Electron's IPC carries it: a structured clone.
 *
 * Electron serializes with V8's serializer on both sides: a Date stays a Date, a Map a Map, an `undefined`
 * property stays, NaN stays NaN — and a function (or a symbol) throws "could not be cloned", where JSON would
 * quietly turn Dates into strings, drop undefined and functions, and make NaN null. The page clones with its own
 * `structuredClone` (the renderer's side of ipcRenderer.invoke), main with `v8.serialize`/`deserialize` (main's
 * side, and webContents.send's). Between the two, Playwright's binding carries only text: `encodeWire` writes the
 * clone as JSON with the values JSON lacks tagged, `decodeWire` gives them back — the same two functions run in
 * the page (injected as source) and in main, so they are self-contained.
 */
export function encodeWire(value: unknown): string {
  const TAG = '\u0000clone';
  const encode = (raw: unknown): unknown => {
    if (raw === undefined) return { [TAG]: 'undefined' };
    if (typeof raw === 'number') return Number.isFinite(raw) && !Object.is(raw, -0) ? raw : { [TAG]: 'number', v: Object.is(raw, -0) ? '-0' : String(raw) };
    if (typeof raw === 'bigint') return { [TAG]: 'bigint', v: raw.toString() };
    if (raw === null || typeof raw !== 'object') return raw;
    if (raw instanceof Date) return { [TAG]: 'Date', v: raw.getTime() };
    if (raw instanceof Map) return { [TAG]: 'Map', v: [...raw].map(([k, v]) => [encode(k), encode(v)]) };
    if (raw instanceof Set) return { [TAG]: 'Set', v: [...raw].map(encode) };
    if (raw instanceof RegExp) return { [TAG]: 'RegExp', v: [raw.source, raw.flags] };
    if (Array.isArray(raw)) return raw.map(encode);
    const entries = Object.entries(raw).map(([k, v]) => [k, encode(v)] as const);
    // An object that has the tag's own name as a key is carried as its entries, never mistaken for a tag.
    return Object.prototype.hasOwnProperty.call(raw, TAG) ? { [TAG]: 'Object', v: entries } : Object.fromEntries(entries);
  };
  return JSON.stringify(encode(value));
}

export function decodeWire(text: string): unknown {
  const TAG = '\u0000clone';
  const decode = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(decode);
    const record = value as Record<string, unknown>;
    if (!Object.prototype.hasOwnProperty.call(record, TAG)) return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decode(v)]));
    const v = record.v as never;
    switch (record[TAG]) {
      case 'undefined':
        return undefined;
      case 'number':
        return Number(v);
      case 'bigint':
        return BigInt(v);
      case 'Date':
        return new Date(v);
      case 'Map':
        return new Map((v as [unknown, unknown][]).map(([k, x]) => [decode(k), decode(x)]));
      case 'Set':
        return new Set((v as unknown[]).map(decode));
      case 'RegExp':
        return new RegExp((v as [string, string])[0], (v as [string, string])[1]);
      default:
        return Object.fromEntries((v as [string, unknown][]).map(([k, x]) => [k, decode(x)]));
    }
  };
  return decode(JSON.parse(text));
}

/** Main's side of a crossing: what V8's serializer makes of `value` (throws for a function, a symbol, a class's private state). */
export function mainClone<T>(value: T): T {
  return deserialize(serialize(value)) as T;
}
