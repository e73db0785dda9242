import { constants, deflateRawSync } from 'node:zlib';

/** One local part as it is written: its header's words and its packed bytes, honest or not. */
export interface LocalPart {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  packed: Uint8Array;
  /** What the headers declare; the real size may differ (a zip bomb). */
  unpacked: number;
  crc?: number;
}

/** A central-directory entry: which local part it points at (by index), and what it says. */
export interface CentralEntry {
  name: string;
  local: number;
  /** Defaults to the local part's own words. */
  method?: 0 | 8;
  packedSize?: number;
  unpacked?: number;
  /** Points this far into the local part's bytes instead of at its header (a part only the directory names). */
  offsetInto?: number;
}

const localHeader = (part: LocalPart): Buffer => {
  const name = Buffer.from(part.name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0, 6);
  header.writeUInt16LE(part.method, 8);
  header.writeUInt32LE(part.crc ?? 0, 14);
  header.writeUInt32LE(part.packed.length, 18);
  header.writeUInt32LE(part.unpacked, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
};

/** The whole local part (header and bytes), for hiding inside another part. */
export const localPartBytes = (part: LocalPart): Buffer => Buffer.concat([localHeader(part), part.packed]);

/** A tiny zip writer that writes what it is told, lies included. */
export function writeZip(locals: LocalPart[], central: CentralEntry[] = locals.map((part, local) => ({ name: part.name, local }))): Uint8Array {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (const part of locals) {
    offsets.push(at);
    const bytes = localPartBytes(part);
    chunks.push(bytes);
    at += bytes.length;
  }
  const directoryOffset = at;
  for (const entry of central) {
    const part = locals[entry.local]!;
    const name = Buffer.from(entry.name, 'utf8');
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(entry.method ?? part.method, 10);
    header.writeUInt32LE(part.crc ?? 0, 16);
    header.writeUInt32LE(entry.packedSize ?? part.packed.length, 20);
    header.writeUInt32LE(entry.unpacked ?? part.unpacked, 24);
    header.writeUInt16LE(name.length, 28);
    const headerLength = 30 + Buffer.byteLength(part.name);
    header.writeUInt32LE(offsets[entry.local]! + (entry.offsetInto === undefined ? 0 : headerLength + entry.offsetInto), 42);
    chunks.push(header, name);
    at += header.length + name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(at - directoryOffset, 12);
  end.writeUInt32LE(directoryOffset, 16);
  chunks.push(end);
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * `prefix`, `mib` MiB of spaces, `suffix`, deflated without ever holding the spaces: one MiB's
 * deflate blocks ended with a sync flush (so they stand alone), repeated. About 1 KiB per MiB.
 */
export function deflatedSpaces(prefix: string, mib: number, suffix: string): Uint8Array {
  const sync = { level: 9, finishFlush: constants.Z_SYNC_FLUSH };
  const block = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), sync);
  return new Uint8Array(
    Buffer.concat([deflateRawSync(Buffer.from(prefix, 'utf8'), sync), ...Array.from({ length: mib }, () => block), deflateRawSync(Buffer.from(suffix, 'utf8'))]),
  );
}

export const deflated = (text: string): Uint8Array => new Uint8Array(deflateRawSync(Buffer.from(text, 'utf8')));
