import { describe, expect, it } from 'vitest';
import type { PortalSite } from '../../../src/main/portal/portal-surface';
import { authorizeOf, cookiesOfOrigin, createPortalWatch, deliveryOf, portalNavigationAllowed } from '../../../src/main/portal/portal-watch';

const portal: PortalSite = {
  origin: 'https://my-databridge.infobridgeuniverse.com',
  signInUrl: 'https://my-databridge.infobridgeuniverse.com/Account/Login',
  identityOrigins: ['https://connect.visma.com'],
  connectButtonLabel: '',
};
const CALLBACK = 'https://my-databridge.infobridgeuniverse.com/visma/callback';
const AUTHORIZE = `https://connect.visma.com/connect/authorize?client_id=isv_databridge&response_type=code&response_mode=form_post&redirect_uri=${encodeURIComponent(CALLBACK)}&scope=openid&state=s1`;

describe('reading the portal’s Visma login as it goes by', () => {
  it('recognises the authorize request by its parameters, on an identity origin only', () => {
    expect(authorizeOf(AUTHORIZE, portal.identityOrigins)).toEqual({ origin: 'https://connect.visma.com', clientId: 'isv_databridge', redirectUri: CALLBACK, responseMode: 'form_post' });
    expect(authorizeOf(AUTHORIZE.replace('connect.visma.com', 'connect.visma.com.evil.example'), portal.identityOrigins)).toBeNull();
    expect(authorizeOf('https://connect.visma.com/login?ReturnUrl=%2Fconnect', portal.identityOrigins)).toBeNull();
  });

  it('reads the answer from a query or a form_post body, and never keeps the code', () => {
    expect(deliveryOf('GET', `${CALLBACK}?code=SECRET&state=s1`, undefined, CALLBACK)).toEqual({ via: 'query', codeDelivered: true });
    expect(deliveryOf('POST', CALLBACK, 'code=SECRET&state=s1', CALLBACK)).toEqual({ via: 'form_post', codeDelivered: true });
    expect(deliveryOf('POST', CALLBACK, 'error=access_denied&error_description=The+user+denied', CALLBACK)).toEqual({ via: 'form_post', codeDelivered: false, error: 'access_denied', errorDescription: 'The user denied' });
    expect(JSON.stringify(deliveryOf('POST', CALLBACK, 'code=SECRET', CALLBACK))).not.toContain('SECRET');
    expect(deliveryOf('GET', `${CALLBACK}/other?code=x`, undefined, CALLBACK)).toBeNull();
    expect(deliveryOf('GET', CALLBACK, undefined, CALLBACK)).toBeNull(); // no answer in it
  });

  it('ends with the portal’s own answer to the delivery, not before', () => {
    const steps: string[] = [];
    const watch = createPortalWatch(portal, (step) => steps.push(step));
    watch.request('1', 'GET', `${portal.origin}/integrations/7`);
    watch.response('1', 200);
    watch.request('2', 'GET', AUTHORIZE);
    watch.request('3', 'POST', CALLBACK, 'code=abc&state=s1');
    expect(watch.ending.kind).toBe('pending');
    watch.response('99', 500); // another request's answer says nothing
    expect(watch.ending.kind).toBe('pending');
    watch.response('3', 302);
    expect(watch.ending).toMatchObject({ kind: 'answered', portalStatus: 302, delivery: { via: 'form_post', codeDelivered: true }, authorize: { clientId: 'isv_databridge' } });
    expect(steps).toEqual(['authorize', 'delivered']);
  });

  it('a delivery before any authorize request is not one (nothing to match it against)', () => {
    const watch = createPortalWatch(portal, () => undefined);
    watch.request('1', 'POST', CALLBACK, 'code=abc');
    watch.response('1', 200);
    expect(watch.ending.kind).toBe('pending');
  });

  it('a page that lands on the sign-in page before the answer means the portal sign-in expired', () => {
    const watch = createPortalWatch(portal, () => undefined);
    watch.pageLoaded(`${portal.origin}/integrations/7`);
    expect(watch.ending.kind).toBe('pending');
    watch.pageLoaded(`${portal.signInUrl}?ReturnUrl=%2Fintegrations%2F7`);
    expect(watch.ending.kind).toBe('signed-out');
  });

  it('a broken connection while the portal answers counts as the portal not finishing', () => {
    const watch = createPortalWatch(portal, () => undefined);
    watch.request('2', 'GET', AUTHORIZE);
    watch.request('3', 'POST', CALLBACK, 'code=abc');
    watch.failed('3');
    expect(watch.ending).toMatchObject({ kind: 'answered', portalStatus: 0 });
  });

  it('lets a window go to the portal and its identity providers only', () => {
    expect(portalNavigationAllowed(`${portal.origin}/x`, portal)).toBe(true);
    expect(portalNavigationAllowed('https://connect.visma.com/login', portal)).toBe(true);
    expect(portalNavigationAllowed('https://login.microsoftonline.com/', portal)).toBe(false);
    expect(portalNavigationAllowed('http://my-databridge.infobridgeuniverse.com/x', portal)).toBe(false);
  });

  it('keeps only cookies of the portal’s origin (host-only or its domain)', () => {
    const base = { path: '/', secure: true, httpOnly: true, sameSite: 'Lax' as const };
    const kept = cookiesOfOrigin(
      [
        { ...base, name: 'host', value: '1' },
        { ...base, name: 'domain', value: '2', domain: '.infobridgeuniverse.com' },
        { ...base, name: 'visma', value: '3', domain: 'connect.visma.com' },
      ],
      portal.origin,
    );
    expect(kept.map((c) => c.name)).toEqual(['host', 'domain']);
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
});
