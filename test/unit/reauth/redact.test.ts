import { describe, expect, it } from 'vitest';
import { FOREIGN_TEXT_LIMIT, redact } from '../../../src/main/redact';

describe('redact: foreign text before it is stored, logged or shown', () => {
  const refreshToken = 'rt-3f9a0c1b2d4e5f60718293a4b5c6d7e8';
  const codeVerifier = 'Zx9_-verifier-abcdefghijklmnopqrstuvwxyz0123456789';

  it('names each secret of the attempt by its kind, as sent and URL-encoded', () => {
    const text = `refresh_token=${refreshToken} and ${encodeURIComponent(`${codeVerifier}+/`)} or ${codeVerifier}`;
    expect(redact(text, { refreshToken, codeVerifier })).toBe('refresh_token=[refresh token] and [PKCE verifier]%2B%2F or [PKCE verifier]');
  });

  it('removes JWT-shaped strings whoever they belong to', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl';
    expect(redact(`Bearer ${jwt} was refused`)).toBe('Bearer [token] was refused');
  });

  it('cuts a flood to a sane length and keeps it on one line', () => {
    const cut = redact(`line one\r\nline two ${'x'.repeat(10_000)}`);
    expect(cut.length).toBe(FOREIGN_TEXT_LIMIT + 1);
    expect(cut.startsWith('line one line two')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('leaves ordinary words alone, and ignores empty or very short "secrets"', () => {
    expect(redact('The refresh token expired', { refreshToken: '', code: 'the' })).toBe('The refresh token expired');
  });
});
