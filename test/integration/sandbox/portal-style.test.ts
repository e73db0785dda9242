import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { PORTAL_VARIANTS, SeedError, parseSeed } from '../../../sandbox';
import { PORTAL_LANGUAGES } from '../../../sandbox/portal/portal-words';
import { CONNECT_KINDS, FAILURE_REPORTS, LOGIN_IN, PortalStyleSchema, RESPONSE_MODES, SIGN_IN_SHAPES, SUCCESS_REPORTS } from '../../../sandbox/portal/portal-style';
import { type PortalVariantName, PORTAL_VARIANT_NAMES } from '../../../sandbox/portal/variants';
import { PortalDefinitionSchema } from '../../../src/shared/portal';
import { PortalPerson } from '../../helpers/sandbox/portal-person';
import { sandboxPerTest } from '../../helpers/sandbox/sandboxes';

const sandboxes = sandboxPerTest();
const window = new Window();

const problemsOf = (style: unknown): string[] => {
  try {
    parseSeed({ clients: [{ clientId: 'app', name: 'App', redirectUris: ['http://127.0.0.1/cb'] }], companies: [{ id: '1', name: 'A' }], users: [{ email: 'a@example.com', password: 'pw', name: 'A' }], portal: { style } });
  } catch (error) {
    if (error instanceof SeedError) return error.problems;
    throw error;
  }
  throw new Error('the style was accepted');
};

describe('the portal style', () => {
  it('left out, is the portal as it always was', () => {
    expect(PortalStyleSchema.parse(undefined)).toEqual({
      description: '',
      signIn: 'signin-page',
      cookie: { sameSite: 'None', path: '/', extraPathCookie: false, parentDomain: false },
      connect: { kind: 'button', section: 'Visma.net Financials', lateMs: 0, decoy: false },
      par: false,
      callback: 'same-origin',
      failure: 'classic',
      success: 'classic',
      wrongUser: 'accept',
      language: 'en',
      slowMs: 0,
      list: { layout: 'list', paging: 'next-link', pageSize: 25 },
    });
  });

  it('names the field of every problem', () => {
    expect(problemsOf({ signIn: 'magic', cookie: { sameSite: 'lax', path: '/jobs' }, connect: { kind: 'div', lateMs: -1 }, language: 'de' })).toEqual([
      'portal.style.signIn: must be "signin-page", "account-login", "same-url" or "federated"',
      'portal.style.cookie.sameSite: must be "None", "Lax" or "Strict"',
      'portal.style.cookie.path: must be / or a path above /integrations/, where the session is needed',
      'portal.style.connect.kind: must be "button", "link", "input" or "role-button"',
      'portal.style.connect.lateMs: must be 0 or more',
      'portal.style.language: must be "en", "fi", "sv", "nb", "da" or "nl"',
    ]);
    expect(problemsOf({ signIn: 'same-url', cookie: { path: '/integrations' } })).toEqual([
      'portal.style.cookie.path: must be / when signIn is "same-url" (the sign-in and the dashboard are both at /)',
    ]);
  });

  it('the named variants between them show every value of every field', () => {
    const styles = PORTAL_VARIANT_NAMES.map((name) => PortalStyleSchema.parse(PORTAL_VARIANTS[name]));
    const seen = <T>(pick: (style: (typeof styles)[number]) => T) => new Set(styles.map(pick));
    expect(seen((s) => s.signIn)).toEqual(new Set(SIGN_IN_SHAPES));
    expect(seen((s) => s.cookie.sameSite)).toEqual(new Set(['None', 'Lax', 'Strict']));
    expect(seen((s) => s.cookie.path !== '/')).toEqual(new Set([true, false]));
    expect(seen((s) => s.cookie.extraPathCookie)).toEqual(new Set([true, false]));
    expect(seen((s) => s.cookie.parentDomain)).toEqual(new Set([true, false]));
    expect(seen((s) => s.connect.kind)).toEqual(new Set(CONNECT_KINDS));
    expect(seen((s) => s.connect.label !== undefined)).toEqual(new Set([true, false]));
    expect(seen((s) => s.connect.section !== 'Visma.net Financials')).toEqual(new Set([true, false]));
    expect(seen((s) => s.connect.lateMs > 0)).toEqual(new Set([true, false]));
    expect(seen((s) => s.connect.decoy)).toEqual(new Set([true, false]));
    expect(seen((s) => s.loginIn ?? 'navigate')).toEqual(new Set(LOGIN_IN));
    expect(seen((s) => s.responseMode ?? 'form_post')).toEqual(new Set(RESPONSE_MODES));
    expect(seen((s) => s.par)).toEqual(new Set([true, false]));
    expect(seen((s) => s.callback)).toEqual(new Set(['same-origin', 'other-origin']));
    expect(seen((s) => s.failure)).toEqual(new Set(FAILURE_REPORTS));
    expect(seen((s) => s.success)).toEqual(new Set(SUCCESS_REPORTS));
    expect(seen((s) => s.wrongUser)).toEqual(new Set(['accept', 'refuse']));
    expect(seen((s) => s.language)).toEqual(new Set(PORTAL_LANGUAGES));
    expect(seen((s) => s.slowMs > 0)).toEqual(new Set([true, false]));
    for (const style of styles) expect(style.description).toMatch(/^\S.{20,250}$/);
  });

  it.each(PORTAL_VARIANT_NAMES)('%s: the portal file says what the portal shows', async (name: PortalVariantName) => {
    const sandbox = await sandboxes({ portal: { style: PORTAL_VARIANTS[name] } });
    const { definition, words } = sandbox.portal;
    expect(PortalDefinitionSchema.parse(definition)).toEqual(definition);

    const person = new PortalPerson(sandbox);
    const start = await person.open(definition.signInUrl);
    expect([words.signInTitle, words.logInTitle]).toContain(start.heading);
    await person.signIn();
    const page = await person.open('/integrations/nordlys-orders');
    const section = [...page.document.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent === definition.connectSection);
    expect(section, `a section "${definition.connectSection}"`).toBeDefined();
    // A control drawn late waits in a <template> until the page script puts it in.
    const template = page.document.querySelector('template#connect-template');
    const controls = template ? (new window.DOMParser().parseFromString(template.innerHTML, 'text/html').body as unknown as HTMLElement) : section!;
    const labels = [...controls.querySelectorAll('button, input[type="submit"], a[href], [role="button"]')].map((c) => (c as HTMLInputElement).value || c.textContent);
    expect(labels).toContain(definition.connectButtonLabel);
    expect(definition.connectedMarker).toBe(sandbox.portal.style.success === 'flash' ? words.saved : '');
    expect(definition.signInOrigins).toEqual(sandbox.portal.superOfficeUrl ? [sandbox.portal.superOfficeUrl] : []);
  });
});
