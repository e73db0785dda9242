import { describe, expect, it } from 'vitest';
import { SecureUrl, isLoopbackHost } from '../../../src/shared/secure-url';

describe('isLoopbackHost', () => {
  it('is this machine: 127.0.0.1, [::1], localhost and names under .localhost (RFC 6761)', () => {
    for (const host of ['127.0.0.1', '[::1]', 'localhost', 'LOCALHOST', 'localhost.', 'portal.databridge.localhost', 'sso.databridge.localhost', 'a.localhost']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
  });

  it('is nothing else, however close the name', () => {
    for (const host of ['localhost.example.com', 'notlocalhost', 'evil-localhost', 'localhost.evil', '127.0.0.2', '10.0.0.1', 'example.com', '.localhost.com', '']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});

describe('SecureUrl', () => {
  it('allows plain http on loopback names only', () => {
    expect(SecureUrl.safeParse('http://portal.databridge.localhost:5545/Account/Login').success).toBe(true);
    expect(SecureUrl.safeParse('http://localhost:5545/').success).toBe(true);
    expect(SecureUrl.safeParse('http://databridge.localhost.example.com/').success).toBe(false);
    expect(SecureUrl.safeParse('https://my-databridge.infobridgeuniverse.com/').success).toBe(true);
  });
});
