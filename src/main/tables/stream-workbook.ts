import { Inflate } from 'fflate';
import { inflateRawSync } from 'node:zlib';
import type { WorkbookSheet } from './read-workbook';
import { sheetJs } from './sheetjs';
import { type WorkbookEntry, WorkbookRefused } from './workbook-limits';

/**
 * An .xlsx sheet read as its XML is unpacked: the sheet part is inflated in slices and its rows
 * are turned into text as they arrive, so a 100,000-row list never becomes a whole workbook object
 * (SheetJS's, several hundred MB for one). The text of each cell is what SheetJS gives with
 * `sheet_to_json(header: 1, raw: false, defval: '', blankrows: true)` (read-workbook.ts before
 * this reader): shared and inline strings (rich text runs joined, phonetic runs left out),
 * TRUE/FALSE, numbers and dates through the cell's number format (SheetJS's own formatter, loaded
 * only when a cell needs it), error cells empty, the sheet's range from its dimension. One
 * difference, on purpose: a formula's text result (`t="str"`) is unescaped once, as XML says,
 * where SheetJS unescaped it twice and decoded its UTF-8 again ("&amp;lt;" gave "<", "ä" gave "�"). A workbook
 * this reader does not know how to read exactly as SheetJS does (ISO date cells, an unknown cell
 * type, parts it cannot find) gives null: the caller reads it with SheetJS.
 *
 * Runs after checkWorkbookLimits, on the entries it checked: every part's size is known and capped.
 */
export function streamWorkbook(bytes: Uint8Array, entries: readonly WorkbookEntry[], sheetName?: string): WorkbookSheet | null {
  const parts = new Map(entries.map((entry) => [partKey(entry.name), entry]));
  const text = (name: string): string | null => {
    const entry = parts.get(partKey(name));
    return entry ? new TextDecoder().decode(unpack(bytes, entry)) : null;
  };

  const rootRels = text('_rels/.rels');
  const workbookPath = (rootRels && relationships(rootRels, '').find((rel) => /\/officeDocument$/.test(rel.type))?.target) ?? 'xl/workbook.xml';
  const workbookXml = text(workbookPath);
  if (workbookXml === null) return null;
  const folder = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
  const sheets = [...workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)].map((match) => {
    const attributes = attributesOf(match[1]!);
    return { name: unescapeXml(attributes.get('name') ?? ''), id: [...attributes].find(([key]) => /(^|:)id$/.test(key) && key !== 'sheetId')?.[1] ?? '' };
  });
  const names = sheets.map((sheet) => sheet.name);
  if (names.length === 0) throw new WorkbookRefused('the workbook has no sheets');
  const chosen = sheetName ?? names[0]!;
  const sheet = sheets.find((candidate) => candidate.name === chosen);
  if (!sheet) throw new WorkbookRefused(`the workbook has no sheet "${chosen}" (it has ${names.map((n) => `"${n}"`).join(', ')})`);

  const workbookRels = text(`${folder}_rels/${workbookPath.slice(folder.length)}.rels`);
  const target = workbookRels ? relationships(workbookRels, folder).find((rel) => rel.id === sheet.id)?.target : undefined;
  const sheetEntry = target === undefined ? undefined : parts.get(partKey(target));
  if (!sheetEntry) return null;
  const sharedRel = workbookRels ? relationships(workbookRels, folder).find((rel) => /\/sharedStrings$/.test(rel.type))?.target : undefined;
  const sharedXml = text(sharedRel ?? `${folder}sharedStrings.xml`);
  const stylesRel = workbookRels ? relationships(workbookRels, folder).find((rel) => /\/styles$/.test(rel.type))?.target : undefined;
  const stylesXml = text(stylesRel ?? `${folder}styles.xml`);

  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904=["'](?:1|true)["']/.test(workbookXml);
  const formats = stylesXml === null ? null : cellFormats(stylesXml);
  const shared = sharedXml === null ? [] : sharedStrings(sharedXml);
  const rows = readSheet(bytes, sheetEntry, { shared, formats, date1904 });
  return rows && { sheets: names, sheet: chosen, rows };
}

/** Readers look parts up ignoring case and the slash's direction (workbook-limits.ts refuses names that would then collide). */
const partKey = (name: string): string => name.toLowerCase().replace(/\\/g, '/').replace(/^\//, '');

function unpack(bytes: Uint8Array, entry: WorkbookEntry): Uint8Array {
  const packed = bytes.subarray(entry.dataStart, entry.dataEnd);
  return entry.method === 0 ? packed : inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.unpacked) });
}

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attributes.set(match[1]!, match[2] ?? match[3] ?? '');
  return attributes;
}

interface Relationship {
  id: string;
  type: string;
  /** The part's path from the package's root. */
  target: string;
}

function relationships(xml: string, folder: string): Relationship[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)].map((match) => {
    const attributes = attributesOf(match[1]!);
    const target = unescapeXml(attributes.get('Target') ?? '');
    return { id: attributes.get('Id') ?? '', type: attributes.get('Type') ?? '', target: resolvePath(target.startsWith('/') ? target.slice(1) : folder + target) };
  });
}

function resolvePath(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

const ENTITIES: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' };
const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const CODE = /_x([\da-fA-F]{4})_/gi;

function entity(whole: string, digits: string | undefined): string {
  const named = ENTITIES[whole.toLowerCase()];
  if (named !== undefined) return named;
  const code = parseInt(digits!, /x/i.test(whole) ? 16 : 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}

/** XML text to its characters, as SheetJS's unescapexml(text, true) reads it: entities, CDATA, Excel's _xHHHH_ escapes, CRLF as LF. */
export function unescapeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x') && !text.includes('<![CDATA[') && !text.includes('\r')) return text;
  const cdata = text.indexOf('<![CDATA[');
  if (cdata !== -1) {
    const end = text.indexOf(']]>', cdata);
    if (end !== -1) return unescapeXml(text.slice(0, cdata)) + text.slice(cdata + 9, end) + unescapeXml(text.slice(end + 3));
  }
  return text
    .replace(ENTITY, entity)
    .replace(CODE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\r\n/g, '\n');
}

const PLAIN_TEXT = /^\s*<(?:\w+:)?t[^>]*>/;
const RUN = /<(?:\w+:)?r\b[^<>]*>/;
const RUN_TEXT = /<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g;
const PHONETIC = /<(?:\w+:)?rPh\b[^>]*>[\s\S]*?<\/(?:\w+:)?rPh>/g;

/** A shared string item's or an inline string's text (SheetJS's parse_si): plain text, or the runs' texts joined without phonetic runs. */
function stringItem(xml: string): string {
  if (xml === '') return '';
  if (PLAIN_TEXT.test(xml)) {
    const after = xml.slice(xml.indexOf('>') + 1);
    const close = after.search(/<\/(?:\w+:)?t>/);
    return unescapeXml(close === -1 ? after : after.slice(0, close));
  }
  if (RUN.test(xml)) {
    let joined = '';
    for (const match of xml.replace(PHONETIC, '').matchAll(RUN_TEXT)) joined += match[1]!;
    return unescapeXml(joined);
  }
  return '';
}

function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  for (const match of xml.matchAll(/<(?:\w+:)?(?:si|sstItem)(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?(?:si|sstItem)>)/g)) strings.push(stringItem(match[1] ?? ''));
  return strings;
}

/** Each cell style's number format: its code when the workbook defines it, else the built-in format's number. */
function cellFormats(xml: string): (string | number)[] | null {
  const custom = new Map<number, string>();
  for (const match of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/g)) {
    const attributes = attributesOf(match[1]!);
    const id = Number(attributes.get('numFmtId'));
    const code = attributes.get('formatCode');
    if (Number.isInteger(id) && code !== undefined) custom.set(id, unescapeXml(code));
  }
  const section = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml);
  if (!section) return null;
  return [...section[1]!.matchAll(/<(?:\w+:)?xf\b([^>]*)>/g)].map((match) => {
    const id = Number(attributesOf(match[1]!).get('numFmtId') ?? 0) || 0;
    return custom.get(id) ?? id;
  });
}

interface SheetContext {
  shared: readonly string[];
  formats: readonly (string | number)[] | null;
  date1904: boolean;
}

/** This reader cannot give SheetJS's text for the sheet: read it with SheetJS. */
class NotStreamable extends Error {}

/** Column letters ("AB") to a 0-based index; -1 when the reference has none. */
function columnOf(reference: string): number {
  let column = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const c = reference.charCodeAt(i) - 64;
    if (c < 1 || c > 26) break;
    column = column * 26 + c;
  }
  return i === 0 ? -1 : column - 1;
}

function rangeOf(reference: string): { s: { r: number; c: number }; e: { r: number; c: number } } | null {
  const [start, end = start] = reference.toUpperCase().split(':');
  const cell = (ref: string) => {
    const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
    return match ? { c: columnOf(match[1]!), r: Number(match[2]) - 1 } : null;
  };
  const s = cell(start!);
  const e = cell(end!);
  if (!s || !e || s.r > e.r || s.c > e.c || s.r < 0 || s.c < 0) return null;
  return { s, e };
}

const formatter = () => sheetJs().SSF;

function numberText(value: number, format: string | number, context: SheetContext): string {
  if (format === 0 || format === 'General') {
    return Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? value.toString(10) : formatter().format('General', value);
  }
  try {
    return formatter().format(format, value, { date1904: context.date1904 });
  } catch {
    return numberText(value, 0, context);
  }
}

function stringText(value: string, format: string | number): string {
  if (format === 0 || format === 49 || format === '@' || format === 'General') return value;
  try {
    return formatter().format(format, value);
  } catch {
    return value;
  }
}

/** A cell's number format, from its style (s="3"): 0, General, when it has none. */
function styleOf(attributes: string, context: SheetContext): string | number {
  if (!context.formats) return 0;
  const index = /\bs="(\d+)"/.exec(attributes)?.[1];
  return index === undefined ? 0 : (context.formats[Number(index)] ?? 0);
}

const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const INLINE = /<(?:\w+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?is>/;
const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;

/** Where the rows stop being complete in `text`: after the last row's end tag (`</row>`, `</x:row>`). */
function completeRowsEnd(text: string): number {
  for (let at = text.lastIndexOf('row>'); at > 0; at = text.lastIndexOf('row>', at - 1)) {
    const open = text.lastIndexOf('<', at);
    if (open !== -1 && text.charCodeAt(open + 1) === 0x2f && /^<\/(?:\w+:)?$/.test(text.slice(open, at))) return at + 4;
  }
  return 0;
}

const SLICE = 256 * 1024;

/** The sheet's rows over its range (every row, every column, '' where empty), or null when SheetJS must read it. */
function readSheet(bytes: Uint8Array, entry: WorkbookEntry, context: SheetContext): { cells: string[]; row: number }[] | null {
  const byRow = new Map<number, string[]>();
  const guess = { s: { r: Infinity, c: Infinity }, e: { r: -1, c: -1 } };
  let dimension: ReturnType<typeof rangeOf> | undefined;
  let previousRow = 0;

  const takeCell = (attributes: string, inner: string | undefined, cells: string[], column: number): number => {
    const reference = /\br="([A-Za-z]*)/.exec(attributes);
    const at = reference && reference[1] !== '' ? columnOf(reference[1]!.toUpperCase()) : column + 1;
    const type = /\bt="([^"]*)"/.exec(attributes)?.[1];
    const valueMatch = inner === undefined ? null : VALUE.exec(inner);
    const raw = valueMatch && valueMatch[1] !== '' ? valueMatch[1] : undefined;
    let text: string;
    const style = styleOf(attributes, context);
    switch (type) {
      case undefined:
      case 'n':
        if (raw === undefined) return at;
        text = numberText(parseFloat(unescapeXml(raw)), style, context);
        break;
      case 's': {
        if (raw === undefined) return at;
        const string = context.shared[parseInt(unescapeXml(raw), 10)];
        if (string === undefined) throw new WorkbookRefused('it cannot be read as an Excel workbook (a cell names a shared text the workbook does not have)');
        text = stringText(string, style);
        break;
      }
      case 'str':
        text = stringText(raw === undefined ? '' : unescapeXml(raw), style);
        break;
      case 'inlineStr': {
        const inline = inner === undefined ? null : INLINE.exec(inner);
        text = stringText(inline ? stringItem(inline[1]!) : '', style);
        break;
      }
      case 'b': {
        const value = raw === undefined ? '' : unescapeXml(raw);
        text = value === '1' || value === 'true' ? 'TRUE' : 'FALSE';
        break;
      }
      case 'e':
        text = '';
        break;
      default:
        throw new NotStreamable(type);
    }
    if (at >= 0) {
      cells[at] = text;
      if (guess.s.c > at) guess.s.c = at;
      if (guess.e.c < at) guess.e.c = at;
    }
    return at;
  };

  const takeRows = (xml: string): void => {
    for (const match of xml.matchAll(ROW)) {
      const number = /\br="(\d+)"/.exec(match[1]!)?.[1];
      const row = number === undefined ? previousRow + 1 : parseInt(number, 10);
      previousRow = row;
      const index = row - 1;
      if (guess.s.r > index) guess.s.r = index;
      if (guess.e.r < index) guess.e.r = index;
      const inner = match[2];
      if (inner === undefined || inner === '') continue;
      const cells = byRow.get(index) ?? [];
      let column = -1;
      for (const cell of inner.matchAll(CELL)) column = takeCell(cell[1]!, cell[2], cells, column);
      if (cells.length > 0) byRow.set(index, cells);
    }
  };

  let pending = '';
  let inData = false;
  const decoder = new TextDecoder();
  const take = (text: string, final: boolean): void => {
    pending += text;
    if (!inData) {
      const data = pending.search(/<(?:\w+:)?sheetData\b/);
      if (data === -1 && !final) return;
      const head = data === -1 ? pending : pending.slice(0, data);
      const ref = /<(?:\w+:)?dimension\b[^>]*\bref="([^"]*)"/.exec(head);
      dimension = ref ? rangeOf(ref[1]!) : null;
      inData = true;
      pending = data === -1 ? '' : pending.slice(data);
    }
    const end = final ? pending.length : completeRowsEnd(pending);
    if (end === 0) return;
    takeRows(pending.slice(0, end));
    pending = pending.slice(end);
  };

  try {
    if (entry.method === 0) {
      take(decoder.decode(bytes.subarray(entry.dataStart, entry.dataEnd)), true);
    } else {
      const inflate = new Inflate((chunk, final) => take(decoder.decode(chunk, { stream: !final }), final));
      for (let at = entry.dataStart; at < entry.dataEnd; at += SLICE) inflate.push(bytes.subarray(at, Math.min(entry.dataEnd, at + SLICE)), at + SLICE >= entry.dataEnd);
      if (entry.dataStart === entry.dataEnd) inflate.push(new Uint8Array(0), true);
    }
  } catch (error) {
    if (error instanceof NotStreamable) return null;
    if (error instanceof WorkbookRefused) throw error;
    throw new WorkbookRefused(`it cannot be read as an Excel workbook (${(error as Error).message})`);
  }

  const range = dimension ?? (guess.e.r >= guess.s.r && guess.e.c >= guess.s.c ? guess : null);
  if (!range) return [];
  const rows: { cells: string[]; row: number }[] = [];
  const width = range.e.c - range.s.c + 1;
  for (let index = range.s.r; index <= range.e.r; index++) {
    const found = byRow.get(index);
    // A row without a value is empty, as SheetJS's dense sheet gives it; one with values is as wide as the range.
    let cells: string[] = [];
    if (found && range.s.c === 0 && found.length <= width) {
      cells = found; // most sheets start at column A: the row's own array, its gaps filled
      for (let column = 0; column < width; column++) cells[column] ??= '';
    } else if (found) {
      cells = new Array<string>(width);
      for (let column = 0; column < width; column++) cells[column] = found[range.s.c + column] ?? '';
    }
    rows.push({ cells, row: index + 1 });
  }
  return rows;
}
