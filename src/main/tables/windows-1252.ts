/**
 * Windows-1252 is not Latin-1: bytes 0x80–0x9F are € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ.
 * Node 20's TextDecoder('windows-1252') turns them into C1 control characters, so the table is ours.
 * The five bytes Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) map to the same code
 * point, as the WHATWG Encoding Standard does; they are no text, so `undefinedIn1252` finds them
 * and the decoder reports the lines that hold them instead of storing control characters.
 */
const HIGH_CONTROL_RANGE = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

const CODE_UNITS = Uint16Array.from({ length: 256 }, (_, byte) => (byte >= 0x80 && byte <= 0x9f ? HIGH_CONTROL_RANGE[byte - 0x80]! : byte));

/** Whether some byte is one of the five Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D). */
export function undefinedIn1252(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0x81 || byte === 0x8d || byte === 0x8f || byte === 0x90 || byte === 0x9d) return true;
  }
  return false;
}

export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = CODE_UNITS[bytes[i]!]!;
  // Chunks keep String.fromCharCode's argument list within the engine's limits.
  let text = '';
  for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.subarray(i, i + 8192));
  return text;
}
