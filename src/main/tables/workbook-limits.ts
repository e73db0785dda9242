import { inflateRawSync } from 'node:zlib';

/** A user list of 100,000 rows is a few tens of MiB unpacked; these leave room and stop a zip bomb. */
export const WORKBOOK_LIMITS = {
  uncompressedBytes: 200 * 1024 * 1024,
  entries: 10_000,
  cells: 3_000_000,
  /** Unpacked ÷ packed, for parts above `ratioFloorBytes`: real sheets pack 5–100 times, deflate's best is about 1,030. */
  compressionRatio: 500,
  ratioFloorBytes: 1024 * 1024,
};

export type WorkbookLimits = typeof WORKBOOK_LIMITS;

export class WorkbookRefused extends Error {}

const TRUNCATED = 'it ends before its table of contents: the file is incomplete (truncated); save or copy it again';
const damaged = (why: string) => new WorkbookRefused(`it is damaged (${why})`);
const tooBig = (limits: WorkbookLimits) =>
  new WorkbookRefused(`it unpacks to more than ${Math.round(limits.uncompressedBytes / 1024 / 1024)} MiB, far more than a workbook of users (a "zip bomb"?)`);
const tooManyCells = (limits: WorkbookLimits) => new WorkbookRefused(`it has more than ${limits.cells.toLocaleString('en')} cells, more than this check reads`);

const END_RECORD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** A part of the workbook as the central directory names it, checked. */
export interface WorkbookEntry {
  name: string;
  flags: number;
  method: number;
  packed: number;
  unpacked: number;
  localOffset: number;
  /** Where the packed bytes start and end, from the local header. */
  dataStart: number;
  dataEnd: number;
}

/** The end record (PK 5 6) within 64 KiB of comment from the end, whose comment reaches exactly to the end. */
function findEndRecord(view: DataView): number {
  const length = view.byteLength;
  const earliest = Math.max(0, length - 22 - 0xffff);
  for (let i = length - 22; i >= earliest; i--) {
    if (view.getUint32(i, true) === END_RECORD && i + 22 + view.getUint16(i + 20, true) === length) return i;
  }
  // A record whose comment length does not fit is still an end record of a damaged file; a
  // missing one is a truncated file.
  for (let i = length - 22; i >= earliest; i--) if (view.getUint32(i, true) === END_RECORD) return i;
  return -1;
}

/**
 * The parts a zip reader (SheetJS's among them) will unpack are the ones the central directory
 * names, not the local headers a streaming walk finds: read that directory, and refuse anything on
 * which the two could disagree.
 */
function centralEntries(bytes: Uint8Array, limits: WorkbookLimits): WorkbookEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end < 0) throw new WorkbookRefused(TRUNCATED);
  if (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) throw new WorkbookRefused('it is a ZIP64 archive, which no workbook of users needs');
  const disk = view.getUint16(end + 4, true);
  const directoryDisk = view.getUint16(end + 6, true);
  const onDisk = view.getUint16(end + 8, true);
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new WorkbookRefused('it is a ZIP64 archive, which no workbook of users needs');
  }
  if (disk !== 0 || directoryDisk !== 0 || onDisk !== count) throw damaged('it is one part of a split zip');
  if (count === 0) throw new WorkbookRefused('it is an empty zip file, not a workbook');
  if (count > limits.entries) throw new WorkbookRefused(`it holds more than ${limits.entries.toLocaleString('en')} parts, far more than a workbook of users`);
  if (directoryOffset + directorySize > end) throw new WorkbookRefused(TRUNCATED);

  interface Central {
    name: string;
    nameBytes: Uint8Array;
    flags: number;
    method: number;
    packed: number;
    unpacked: number;
    localOffset: number;
  }
  const central: Central[] = [];
  const names = new Set<string>();
  let at = directoryOffset;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) throw damaged('its table of contents is cut short');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const packed = view.getUint32(at + 20, true);
    const unpacked = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (at > end) throw damaged('its table of contents is cut short');
    const name = decoder.decode(nameBytes);
    if (packed === 0xffffffff || unpacked === 0xffffffff || localOffset === 0xffffffff) {
      throw new WorkbookRefused('it is a ZIP64 archive, which no workbook of users needs');
    }
    if (flags & 1) throw new WorkbookRefused(`its part "${name}" is encrypted: save the workbook without a password`);
    if (method !== 0 && method !== 8) throw damaged(`its part "${name}" is packed in a way workbooks never are`);
    if (method === 0 && packed !== unpacked) throw damaged(`its part "${name}" declares two sizes`);
    // Readers look parts up by name, some ignoring case and the slash's direction: one name, one part.
    const key = name.toLowerCase().replace(/\\/g, '/').replace(/^\//, '');
    if (names.has(key)) throw damaged(`it names the part "${name}" twice`);
    names.add(key);
    central.push({ name, nameBytes, flags, method, packed, unpacked, localOffset });
  }

  // Each part's bytes are its own: several entries on one local part, or a part hidden inside
  // another part's bytes (which only the directory names), would be unpacked more than once.
  central.sort((a, b) => a.localOffset - b.localOffset);
  const entries: WorkbookEntry[] = [];
  let declared = 0;
  for (let index = 0; index < central.length; index++) {
    const { name, nameBytes, flags, method, packed, unpacked, localOffset } = central[index]!;
    const previous = entries[index - 1];
    if (previous && localOffset < previous.dataEnd) throw damaged(`its parts "${previous.name}" and "${name}" share bytes`);
    if (localOffset + 30 > directoryOffset || view.getUint32(localOffset, true) !== LOCAL) throw damaged(`its part "${name}" points to nothing`);
    const localFlags = view.getUint16(localOffset + 6, true);
    const localMethod = view.getUint16(localOffset + 8, true);
    const localPacked = view.getUint32(localOffset + 18, true);
    const localUnpacked = view.getUint32(localOffset + 22, true);
    const localNameLength = view.getUint16(localOffset + 26, true);
    const localExtraLength = view.getUint16(localOffset + 28, true);
    const localName = bytes.subarray(localOffset + 30, localOffset + 30 + localNameLength);
    const sameName = localName.length === nameBytes.length && localName.every((byte, i) => byte === nameBytes[i]);
    if (!sameName || localMethod !== method || (localFlags & 1) !== (flags & 1)) throw damaged(`its part "${name}" is named differently inside`);
    if (localPacked === 0xffffffff || localUnpacked === 0xffffffff) throw new WorkbookRefused('it is a ZIP64 archive, which no workbook of users needs');
    // With a data descriptor (flag 8) the local sizes may be left 0; any size written must agree.
    const sizesAfter = (localFlags & 8) !== 0 && localPacked === 0 && localUnpacked === 0;
    if (!sizesAfter && (localPacked !== packed || localUnpacked !== unpacked)) throw damaged(`its part "${name}" declares two sizes`);
    const dataStart = localOffset + 30 + localNameLength + localExtraLength;
    const dataEnd = dataStart + packed;
    if (dataEnd > directoryOffset) throw new WorkbookRefused(TRUNCATED);
    entries.push({ name, flags, method, packed, unpacked, localOffset, dataStart, dataEnd });
  }

  for (const entry of entries) {
    declared += entry.unpacked;
    if (declared > limits.uncompressedBytes) throw tooBig(limits);
    if (entry.unpacked > limits.ratioFloorBytes && entry.unpacked > entry.packed * limits.compressionRatio) throw tooBig(limits);
  }
  return entries;
}

const LT = 0x3c;
const COLON = 0x3a;
const C = 0x63;

/** Cells as an XML reader sees them: `<c` or `<x:c` followed by a space, `/` or `>`. */
function countCells(xml: Buffer, limit: number, counted: number): number {
  let cells = counted;
  let at = xml.indexOf(LT);
  while (at >= 0) {
    let name = at + 1;
    // skip a namespace prefix, up to a colon within the tag's name
    let i = name;
    while (i < xml.length && i - name < 64) {
      const byte = xml[i]!;
      if (byte === COLON) {
        name = i + 1;
        break;
      }
      if (byte <= 0x20 || byte === 0x2f || byte === 0x3e || byte === LT) break;
      i++;
    }
    if (xml[name] === C) {
      const after = xml[name + 1];
      if (after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d || after === 0x2f || after === 0x3e) {
        if (++cells > limit) return cells;
      }
    }
    at = xml.indexOf(LT, at + 1);
  }
  return cells;
}

/** A binary workbook (.xlsb) inside a zip would be read by SheetJS without XML tags to count. */
const BINARY_PART = /(^|\/)workbook\.bin$|\/worksheets\/[^/]+\.bin$/i;

/**
 * Every part the central directory names is checked before any parser sees the workbook: sizes
 * declared agree between the directory and the local headers, no two entries share bytes, and each
 * part is unpacked with a hard cap at the size it declares (the sizes a zip declares can lie, the
 * bytes inflate gives cannot). Cells are counted in every XML part, wherever the workbook puts its
 * sheets. A truncated file (a part that never ends) is refused too. Returns the parts, checked.
 */
export function checkWorkbookLimits(bytes: Uint8Array, limits: WorkbookLimits = WORKBOOK_LIMITS): WorkbookEntry[] {
  const entries = centralEntries(bytes, limits);
  let cells = 0;
  for (const entry of entries) {
    if (BINARY_PART.test(entry.name)) throw new WorkbookRefused('it is a binary workbook (.xlsb): save it as .xlsx or CSV and choose that');
    if (entry.name.endsWith('/')) continue;
    const packed = bytes.subarray(entry.dataStart, entry.dataEnd);
    let data: Buffer;
    if (entry.method === 0) {
      data = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
    } else {
      try {
        // One byte more than declared: a part that reaches it is bigger than it says.
        data = inflateRawSync(packed, { maxOutputLength: entry.unpacked + 1 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new WorkbookRefused(`its part "${entry.name}" unpacks to more than it declares (a "zip bomb"?)`);
        }
        if (/unexpected end/i.test((error as Error).message)) throw new WorkbookRefused(TRUNCATED);
        throw damaged(`a part of it cannot be unpacked: ${(error as Error).message}`);
      }
      if (data.length > entry.unpacked) throw new WorkbookRefused(`its part "${entry.name}" unpacks to more than it declares (a "zip bomb"?)`);
      if (data.length !== entry.unpacked) throw damaged(`its part "${entry.name}" declares two sizes`);
    }
    if (/\.xml$/i.test(entry.name)) {
      cells = countCells(data, limits.cells, cells);
      if (cells > limits.cells) throw tooManyCells(limits);
    }
  }
  return entries;
}
