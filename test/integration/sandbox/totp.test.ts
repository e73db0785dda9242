import { describe, expect, it } from 'vitest';
import { hotp, totp, verifyTotp } from '../../../sandbox/identity/totp';

// RFC 6238 appendix B (SHA-1): secret "12345678901234567890", base32 below; 8-digit codes end in our 6.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP', () => {
  it('matches the RFC 6238 test vectors', () => {
    expect(totp(RFC_SECRET, 59_000)).toBe('287082');
    expect(totp(RFC_SECRET, 1_111_111_109_000)).toBe('081804');
    expect(totp(RFC_SECRET, 1_234_567_890_000)).toBe('005924');
    expect(totp(RFC_SECRET, 20_000_000_000_000)).toBe('353130');
  });

  it('matches the RFC 4226 HOTP vectors', () => {
    const key = Buffer.from('12345678901234567890');
    expect([0, 1, 9].map((counter) => hotp(key, counter))).toEqual(['755224', '287082', '520489']);
  });

  it('accepts codes within the window only', () => {
    const now = 1_700_000_000_000;
    expect(verifyTotp(RFC_SECRET, totp(RFC_SECRET, now - 30_000), 1, now)).toBe(true);
    expect(verifyTotp(RFC_SECRET, totp(RFC_SECRET, now - 60_000), 1, now)).toBe(false);
    expect(verifyTotp(RFC_SECRET, totp(RFC_SECRET, now - 30_000), 0, now)).toBe(false);
    expect(verifyTotp(RFC_SECRET, '12345', 1, now)).toBe(false);
  });
});
