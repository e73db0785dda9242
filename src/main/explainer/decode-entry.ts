import { isUtf8 } from 'node:buffer';

const windows1252 = new TextDecoder('windows-1252');

/**
 * An entry's text. Bytes that are valid UTF-8 are read as UTF-8; anything else as Windows-1252 (what
 * older Windows tools write), which maps every byte, so reading never fails. Decided per entry, so a log
 * that mixes both reads right in both parts.
 */
export function decodeEntry(bytes: Uint8Array): { text: string; windows1252: boolean } {
  if (isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), windows1252: false };
  return { text: windows1252.decode(bytes), windows1252: true };
}
