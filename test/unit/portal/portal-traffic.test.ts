import { describe, expect, it } from 'vitest';
import { authorizeOf, cookieUrl, deliveryOf, onOrigin } from '../../../src/main/portal/portal-traffic';

const VISMA = ['https://connect.visma.com'];
const CALLBACK = 'https://my-databridge.infobridgeuniverse.com/visma/callback';
const AUTHORIZE = `https://connect.visma.com/connect/authorize?client_id=isv_databridge&response_type=code&response_mode=form_post&redirect_uri=${encodeURIComponent(CALLBACK)}&scope=openid&state=s1`;

describe('reading the portal’s Visma login as it goes by', () => {
  it('recognises the authorize request by its parameters, on an identity origin only', () => {
    expect(authorizeOf(AUTHORIZE, VISMA)).toEqual({ origin: 'https://connect.visma.com', clientId: 'isv_databridge', redirectUri: CALLBACK, responseMode: 'form_post' });
    expect(authorizeOf(AUTHORIZE.replace('connect.visma.com', 'connect.visma.com.evil.example'), VISMA)).toBeNull();
    expect(authorizeOf('https://connect.visma.com/login?ReturnUrl=%2Fconnect', VISMA)).toBeNull();
  });

  it('recognises a pushed authorization request (PAR): a client id and a request_uri, no redirect URI', () => {
    expect(authorizeOf('https://connect.visma.com/connect/authorize?client_id=isv_db&request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Aabc', VISMA)).toEqual({ origin: 'https://connect.visma.com', clientId: 'isv_db' });
  });

  it('reads the answer from a query or a form_post body, and never keeps the code', () => {
    const authorize = authorizeOf(AUTHORIZE, VISMA)!;
    expect(deliveryOf('GET', `${CALLBACK}?code=SECRET&state=s1`, undefined, authorize, VISMA)).toEqual({ via: 'query', codeDelivered: true });
    expect(deliveryOf('POST', CALLBACK, 'code=SECRET&state=s1', authorize, VISMA)).toEqual({ via: 'form_post', codeDelivered: true });
    expect(deliveryOf('POST', CALLBACK, 'error=access_denied&error_description=The+user+denied', authorize, VISMA)).toEqual({ via: 'form_post', codeDelivered: false, error: 'access_denied', errorDescription: 'The user denied' });
    expect(JSON.stringify(deliveryOf('POST', CALLBACK, 'code=SECRET', authorize, VISMA))).not.toContain('SECRET');
    expect(deliveryOf('GET', `${CALLBACK}/other?code=x`, undefined, authorize, VISMA)).toBeNull();
    expect(deliveryOf('GET', CALLBACK, undefined, authorize, VISMA)).toBeNull(); // no answer in it
  });

  it('after a pushed request, takes the answer wherever it lands off the identity provider, if it carries its state', () => {
    const pushed = { origin: 'https://connect.visma.com', clientId: 'isv_db' };
    expect(deliveryOf('GET', 'https://auth.databridge.example/cb?code=x&state=s', undefined, pushed, VISMA)).toEqual({ via: 'query', codeDelivered: true });
    expect(deliveryOf('GET', 'https://connect.visma.com/connect/authorize/callback?code=x&state=s', undefined, pushed, VISMA)).toBeNull();
    expect(deliveryOf('GET', 'https://auth.databridge.example/cb?code=x', undefined, pushed, VISMA)).toBeNull();
  });

  it('knows which origin a URL is on', () => {
    expect(onOrigin('https://connect.visma.com/login', VISMA)).toBe(true);
    expect(onOrigin('http://connect.visma.com/login', VISMA)).toBe(false);
    expect(onOrigin('not a url', VISMA)).toBe(false);
  });

  it('seeds a Secure cookie of a portal on plain http (the sandbox on this machine) through the https form of its origin', () => {
    expect(cookieUrl('http://localhost:4321', { secure: true, path: '/app' })).toBe('https://localhost:4321/app');
    expect(cookieUrl('http://localhost:4321', { secure: false, path: '/' })).toBe('http://localhost:4321/');
  });
});

describe('the portal definition', () => {
  it('names the field of any bad address, never throws', async () => {
    const { PortalDefinitionSchema } = await import('../../../src/shared/portal');
    for (const origin of ['not an address', '-', 'https://x.example/path', 'http://example.com']) {
      const parsed = PortalDefinitionSchema.safeParse({ id: 'p', name: 'P', origin, signInUrl: 'https://x.example/signin', identityOrigins: ['https://connect.visma.com'] });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues.some((i) => i.path[0] === 'origin')).toBe(true);
    }
  });

  it('starts the DataBridge preset at /Account/Login, with SuperOffice CRM Online as a sign-in provider and the documented Connected button', async () => {
    const { PORTAL_PRESETS, PortalDefinitionSchema } = await import('../../../src/shared/portal');
    const databridge = PortalDefinitionSchema.parse(PORTAL_PRESETS.find((p) => p.key === 'databridge')!.definition);
    expect(databridge).toMatchObject({ signInUrl: 'https://my-databridge.infobridgeuniverse.com/Account/Login', connectButtonLabel: 'Connected', connectSection: 'Visma.net Financials', connectedMarker: '' });
    expect(databridge.signInOrigins).toContain('https://online.superoffice.com');
    expect(databridge.signInOrigins).toContain('https://sod.superoffice.com');
  });
});
