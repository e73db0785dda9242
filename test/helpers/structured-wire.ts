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
  // JSON.stringify's own walk, stepping in only for what JSON lacks (a Date has become its ISO string by the time
  // the replacer sees it: its holder still has the Date).
  return JSON.stringify({ v: value }, function (this: Record<string, unknown>, key: string, v: unknown) {
    switch (typeof v) {
      case 'string':
        return this[key] instanceof Date ? { [TAG]: 'Date', v: (this[key] as Date).getTime() } : v;
      case 'number':
        return Number.isFinite(v) && !Object.is(v, -0) ? v : { [TAG]: 'number', v: Object.is(v, -0) ? '-0' : String(v) };
      case 'undefined':
        return { [TAG]: 'undefined' };
      case 'bigint':
        return { [TAG]: 'bigint', v: v.toString() };
      case 'object':
        if (v === null || Array.isArray(v)) return v;
        if (v instanceof Map) return { [TAG]: 'Map', v: [...v] };
        if (v instanceof Set) return { [TAG]: 'Set', v: [...v] };
        if (v instanceof RegExp) return { [TAG]: 'RegExp', v: [v.source, v.flags] };
        if (v instanceof Date) return { [TAG]: 'Date', v: v.getTime() }; // an invalid Date (toJSON gives null)
        // An object that has the tag's own name as a key is carried as its entries, never mistaken for a tag.
        return Object.prototype.hasOwnProperty.call(v, TAG) && (v as Record<string, unknown>)[TAG] !== undefined && this[key] === v ? { [TAG]: 'Object', v: Object.entries(v) } : v;
      default:
        return v;
    }
  });
}

export function decodeWire(text: string): unknown {
  const TAG = '\u0000clone';
  const parsed = JSON.parse(text) as { v: unknown };
  // Most payloads carry nothing JSON lacks: parsed as they are.
  if (!text.includes('\\u0000clone')) return parsed.v;
  const decode = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = decode(value[i]);
      return value;
    }
    const record = value as Record<string, unknown>;
    if (!Object.prototype.hasOwnProperty.call(record, TAG)) {
      for (const key of Object.keys(record)) record[key] = decode(record[key]);
      return record;
    }
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
  return decode(parsed.v);
}

/** Main's side of a crossing: what V8's serializer makes of `value` (throws for a function, a symbol, a class's private state). */
export function mainClone<T>(value: T): T {
  return deserialize(serialize(value)) as T;
}
