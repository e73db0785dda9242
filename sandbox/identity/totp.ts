import { createHmac, timingSafeEqual } from 'node:crypto';

/** RFC 6238 TOTP as authenticator apps do it: SHA-1, 30-second steps, 6 digits, base32 secrets. */
const STEP_SECONDS = 30;
const DIGITS = 6;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/=+$/, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index === -1) throw new Error(`"${char}" is not a base32 character`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** RFC 4226 HOTP with dynamic truncation. */
export function hotp(key: Buffer, counter: number, digits = DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The code an authenticator app shows for this base32 secret at this time. */
export function totp(secret: string, atMs: number = Date.now()): string {
  return hotp(base32Decode(secret), Math.floor(atMs / 1000 / STEP_SECONDS));
}

/** Accepts the code of now and of `windowSteps` steps either side, for clocks a little apart. */
export function verifyTotp(secret: string, code: string, windowSteps: number, atMs: number = Date.now()): boolean {
  const given = Buffer.from(code.trim());
  if (!/^\d{6}$/.test(code.trim())) return false;
  const key = base32Decode(secret);
  const step = Math.floor(atMs / 1000 / STEP_SECONDS);
  for (let drift = -windowSteps; drift <= windowSteps; drift += 1) {
    if (timingSafeEqual(Buffer.from(hotp(key, step + drift)), given)) return true;
  }
  return false;
}
