import { describe, expect, it } from 'vitest';
import { createCookieLedger, parseSetCookie, portalCookies } from '../../../src/main/portal/portal-cookies';
import type { SessionCookie } from '../../../src/main/portal/portal-surface';

const PORTAL = 'https://portal.databridge.example';
const SSO = 'https://sso.databridge.example';
const cookie = (name: string, domain: string, hostOnly: boolean, path = '/'): SessionCookie => ({ name, value: 'v', domain, hostOnly, path, secure: true, httpOnly: true, sameSite: 'Lax' });

describe('the portal’s own cookies', () => {
  it('reads a Set-Cookie line as the browser stores it, and refuses a domain not its own', () => {
    expect(parseSetCookie('a=1; Path=/app; HttpOnly', `${PORTAL}/x/y`)?.name).toBe('a');
    expect(parseSetCookie('a=1; Domain=other.example', `${PORTAL}/`)).toBeNull();
  });

  it('keeps every cookie the portal set, on every path, host-only and on its parent domain', () => {
    const ledger = createCookieLedger();
    ledger.saw(`${PORTAL}/Account/Login`, ['session=1; Path=/; Secure; HttpOnly', 'antiforgery=2; Path=/integrations', 'shared=3; Domain=databridge.example; Path=/']);
    const all = [cookie('session', 'portal.databridge.example', true), cookie('antiforgery', 'portal.databridge.example', true, '/integrations'), cookie('shared', '.databridge.example', false)];
    expect(portalCookies(all, ledger, { portalOrigins: [PORTAL], providerOrigins: [SSO], seeded: [] }).map((c) => [c.name, c.domain ?? 'host', c.path])).toEqual([
      ['session', 'host', '/'],
      ['antiforgery', 'host', '/integrations'],
      ['shared', '.databridge.example', '/'],
    ]);
  });

  it('never keeps a sign-in provider’s cookie, also when it shares the portal’s parent domain or host', () => {
    const ledger = createCookieLedger();
    ledger.saw(`${PORTAL}/`, ['session=1; Path=/']);
    ledger.saw(`${SSO}/login`, ['idp=1; Domain=databridge.example; Path=/']);
    ledger.saw('http://localhost:9000/login', ['so=1; Path=/']); // another port of the portal's host
    const all = [cookie('session', 'portal.databridge.example', true), cookie('idp', '.databridge.example', false), cookie('visma', 'connect.visma.com', true)];
    expect(portalCookies(all, ledger, { portalOrigins: [PORTAL], providerOrigins: [SSO, 'https://connect.visma.com'], seeded: [] }).map((c) => c.name)).toEqual(['session']);
    const local = createCookieLedger();
    local.saw('http://localhost:9000/login', ['so=1; Path=/']);
    expect(portalCookies([cookie('so', 'localhost', true)], local, { portalOrigins: ['http://localhost:8000'], providerOrigins: ['http://localhost:9000'], seeded: [] })).toEqual([]);
  });

  it('a domain cookie nobody was seen setting is kept only if the portal had it already, when a provider gets it too', () => {
    const unseen = cookie('shared', '.databridge.example', false);
    const scope = { portalOrigins: [PORTAL], providerOrigins: [SSO] };
    expect(portalCookies([unseen], createCookieLedger(), { ...scope, seeded: [] })).toEqual([]);
    expect(portalCookies([unseen], createCookieLedger(), { ...scope, seeded: [{ name: 'shared', value: 'old', domain: '.databridge.example', path: '/', secure: true, httpOnly: true, sameSite: 'Lax' }] })).toHaveLength(1);
  });
});
