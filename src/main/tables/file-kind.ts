import { utf16WithoutBom } from './decode-text';

/**
 * What a file is, by its first bytes, never by its name: a workbook renamed .csv (or a CSV named
 * .xlsx) is still read as what it is, and a file that is no table at all is said so in words.
 */
export type FileKind =
  | { kind: 'xlsx' }
  | { kind: 'text' }
  | { kind: 'not-a-table'; what: string };

const startsWith = (bytes: Uint8Array, ...signature: number[]): boolean => signature.every((byte, i) => bytes[i] === byte);

/** Text has no NUL bytes and few control characters besides tab, line breaks and form feed. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > sample.length * 0.01 + 1;
}

export function fileKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) return { kind: 'xlsx' };
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    return { kind: 'not-a-table', what: 'an Excel 97–2003 workbook (.xls) or another old Office file: save it as .xlsx or CSV and choose that' };
  }
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return { kind: 'not-a-table', what: 'a PDF document, not a table: save the list as .xlsx or CSV' };
  // UTF-16 text has zero bytes by nature; decodeText recognises it, so it is not binary.
  const utf16Bom = startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff);
  if (!utf16Bom && looksBinary(bytes) && utf16WithoutBom(bytes) === null) {
    return { kind: 'not-a-table', what: 'binary data, not text or a workbook: save the list as .xlsx or CSV' };
  }
  return { kind: 'text' };
}
