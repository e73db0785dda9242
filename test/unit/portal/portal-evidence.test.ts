import { describe, expect, it } from 'vitest';
import type { PageSnapshot } from '../../../src/main/portal/page/page-snapshot';
import { type EvidenceInput, judgePortal } from '../../../src/main/portal/portal-evidence';

/**
 * The verdict on a portal reconnect from the portal's own pages. Every case is something a real
 * portal does after Visma's answer reached it; not one may end Connected without the portal saying so.
 */

const page = (lines: string[], more: Partial<PageSnapshot> = {}): PageSnapshot => ({
  url: 'https://portal.example/integrations/7',
  title: 'Orders',
  lines,
  alerts: [],
  notices: [],
  passwordField: false,
  codeField: false,
  userForm: false,
  signInControls: [],
  ...more,
});

const BEFORE = page(['Signed in as siri@example.com', 'Orders', 'Visma.net Financials', 'Old-style connection: reconnect'], {
  section: ['Visma.net Financials', 'Old-style connection: reconnect'],
});
const base: EvidenceInput = {
  before: BEFORE,
  callbackStatus: 302,
  after: [],
  marker: '',
  apiUser: 'anna.apiuser@example.com',
  company: { id: '1000001', name: 'Nordlys Handel AS' },
  otherCompanies: [{ id: '1000002', name: 'Fjellvind Bygg AS' }],
  pageUrl: 'https://portal.example/integrations/7',
  otherProfiles: ['Projects', 'Invoices'],
  isSignIn: (s) => s.passwordField,
};
const judge = (input: Partial<EvidenceInput>) => judgePortal({ ...base, ...input });
const landed = (lines: string[], more: Partial<PageSnapshot> = {}, status = 200) => ({ snapshot: page(lines, more), status });
const CONNECTED_PAGE = landed(['Signed in as siri@example.com', 'The Visma.net connection is saved.', 'Orders', 'Visma.net Financials', 'Connected as anna.apiuser@example.com to Nordlys Handel AS (1000001)'], {
  notices: ['The Visma.net connection is saved.'],
  section: ['Visma.net Financials', 'Connected as anna.apiuser@example.com to Nordlys Handel AS (1000001)'],
});

describe('a portal reconnect’s verdict', () => {
  it('is Connected only with the portal’s own words for it, new on the page, and names the user it shows', () => {
    expect(judge({ marker: 'The Visma.net connection is saved.', after: [CONNECTED_PAGE] })).toEqual({ kind: 'confirmed', said: 'The Visma.net connection is saved.', user: 'anna.apiuser@example.com' });
    expect(judge({ marker: 'connected as * to *', after: [CONNECTED_PAGE] })).toMatchObject({ kind: 'confirmed', said: 'Connected as anna.apiuser@example.com to Nordlys Handel AS (1000001)' });
  });

  it('without words to look for, a clean page is not confirmed, and offers its new lines for a person to point at', () => {
    expect(judge({ after: [CONNECTED_PAGE] })).toEqual({
      kind: 'unconfirmed',
      why: 'no-marker',
      user: 'anna.apiuser@example.com',
      candidates: ['Connected as anna.apiuser@example.com to Nordlys Handel AS (1000001)'],
    });
  });

  it('the same words as before the login prove nothing about this login', () => {
    const already = page(['Visma.net Financials', 'Connected as anna.apiuser@example.com to Nordlys Handel AS (1000001)'], { section: ['Visma.net Financials', 'Connected as anna.apiuser@example.com to Nordlys Handel AS (1000001)'] });
    expect(judge({ before: already, marker: 'Connected as *', after: [{ snapshot: already, status: 200 }] })).toMatchObject({ kind: 'unconfirmed', why: 'marker-as-before' });
  });

  it('words the portal shows for a saved connection, missing after the login, leave it unconfirmed', () => {
    expect(judge({ marker: 'The Visma.net connection is saved.', after: [landed(['Orders', 'Old-style connection: reconnect'])] })).toMatchObject({ kind: 'unconfirmed', why: 'marker-missing' });
  });

  it.each([
    ['a role=alert banner after a redirect', [landed(['Orders'], { alerts: ['Wrong company: you picked Fjellvind Bygg AS'] })], 'Wrong company: you picked Fjellvind Bygg AS'],
    ['an error class on a 200 page', [landed(['Connection failed'], { alerts: ['The state has expired. Start again from the integration.'] })], 'The state has expired. Start again from the integration.'],
  ])('quotes the portal’s error (%s) and never says Connected, whatever words it shows besides', (_case, after, said) => {
    expect(judge({ marker: 'Connected as *', after: [...after, CONNECTED_PAGE] })).toEqual({ kind: 'refused', said });
  });

  it('an alert the page already showed before the login is not this login’s', () => {
    const before = { ...BEFORE, alerts: ['This integration needs your attention'] };
    expect(judge({ before, marker: 'The Visma.net connection is saved.', after: [{ ...CONNECTED_PAGE, snapshot: { ...CONNECTED_PAGE.snapshot, alerts: ['This integration needs your attention'] } }] })).toMatchObject({ kind: 'confirmed' });
  });

  it('an HTTP error from the callback or a page after it is a refusal, quoted from the error page', () => {
    expect(judge({ callbackStatus: 500, after: [landed(['Something went wrong', 'DataBridge could not save the Visma.net connection.'], { title: 'Error' }, 500)] })).toEqual({
      kind: 'refused',
      status: 500,
      said: 'Error — Something went wrong — DataBridge could not save the Visma.net connection.',
    });
    expect(judge({ callbackStatus: 0, after: [] })).toEqual({ kind: 'refused', status: 0 });
    expect(judge({ callbackStatus: 302, after: [landed(['Not found'], {}, 404)] })).toMatchObject({ kind: 'refused', status: 404 });
  });

  it('a page that names another Visma user for the connection is a wrong user, even with the words for a saved connection', () => {
    const per = landed(['The Visma.net connection is saved.', 'Visma.net Financials', 'Connected as per.noapi@example.com to Nordlys Handel AS (1000001)'], {
      section: ['Visma.net Financials', 'Connected as per.noapi@example.com to Nordlys Handel AS (1000001)'],
    });
    expect(judge({ marker: 'The Visma.net connection is saved.', after: [per] })).toEqual({ kind: 'wrong-user', user: 'per.noapi@example.com', said: 'Connected as per.noapi@example.com to Nordlys Handel AS (1000001)' });
  });

  it('an e-mail address outside the Visma.net section (the signed-in admin, support) is nobody’s connection', () => {
    const support = landed(['Connected. Questions? support@infobridge.example'], {});
    expect(judge({ after: [support] })).toMatchObject({ kind: 'unconfirmed' });
  });

  it('a page that names another company of the profiles, and not this one, is a wrong company', () => {
    const other = landed(['Visma.net Financials', 'Connected as anna.apiuser@example.com to Fjellvind Bygg AS (1000002)'], {
      section: ['Visma.net Financials', 'Connected as anna.apiuser@example.com to Fjellvind Bygg AS (1000002)'],
    });
    expect(judge({ marker: 'Connected as *', after: [other] })).toMatchObject({ kind: 'wrong-company', company: { id: '1000002', name: 'Fjellvind Bygg AS' } });
  });

  it('a sign-in page after the login is no evidence either way', () => {
    expect(judge({ after: [landed(['Sign in'], { passwordField: true })] })).toMatchObject({ kind: 'unconfirmed', why: 'signed-out' });
    expect(judge({ after: [] })).toMatchObject({ kind: 'unconfirmed', why: 'no-page' });
  });

  it('without the page before, only an announced status message counts as new', () => {
    expect(judge({ before: undefined, marker: 'The Visma.net connection is saved.', after: [CONNECTED_PAGE] })).toMatchObject({ kind: 'confirmed' });
    const quiet = landed(['The Visma.net connection is saved.']);
    expect(judge({ before: undefined, marker: 'The Visma.net connection is saved.', after: [quiet] })).toMatchObject({ kind: 'unconfirmed', why: 'marker-as-before' });
  });
});

describe('what the portal says the connection now uses, compared with the profile', () => {
  const MARKER = '● Connected as {user} to {company} (*)';
  const shown = (user: string, company: string, time: string) => {
    const line = `● Connected as ${user} to ${company} (${time})`;
    return { snapshot: page(['Visma.net Financials', line], { section: ['Visma.net Financials', line] }), status: 200 };
  };

  it('the same wrong user as before, named anew, is still a wrong user', () => {
    const before = shown('per.noapi@example.com', 'Fjellvind Bygg AS', '03:11:03').snapshot;
    expect(judge({ before, marker: MARKER, after: [shown('per.noapi@example.com', 'Fjellvind Bygg AS', '03:11:06')], company: { id: '1000002', name: 'Fjellvind Bygg AS' } })).toMatchObject({
      kind: 'wrong-user',
      user: 'per.noapi@example.com',
    });
  });

  it('a company none of the profiles has, or a customer entry of the right one, is a wrong company', () => {
    expect(judge({ marker: MARKER, after: [shown('anna.apiuser@example.com', 'Havbris Regnskap AS', '03:11:08')] })).toMatchObject({ kind: 'wrong-company', company: { name: 'Havbris Regnskap AS' } });
    expect(judge({ marker: MARKER, after: [shown('anna.apiuser@example.com', 'Nordlys Handel AS (customer)', '03:11:11')] })).toMatchObject({ kind: 'wrong-company', company: { name: 'Nordlys Handel AS (customer)' } });
  });

  it('the right user and company, said anew, confirm it', () => {
    expect(judge({ marker: MARKER, after: [shown('ANNA.apiuser@example.com', 'Nordlys  Handel AS', '03:12:00')] })).toMatchObject({ kind: 'confirmed', user: 'anna.apiuser@example.com' });
    // The profile's company typed without its legal form is still the company the portal names.
    expect(judge({ marker: MARKER, company: { id: '1000001', name: 'Nordlys Handel' }, after: [shown('anna.apiuser@example.com', 'Nordlys Handel AS', '03:12:01')] })).toMatchObject({ kind: 'confirmed' });
  });

  it('an address the page shows outside its Visma.net section too (the signed-in admin, in an audit line) is not the Visma user', () => {
    const audited = (time: string) =>
      landed(['Signed in as siri@example.com', 'Visma.net Financials', 'Status: Connected', `Last changed ${time} by siri@example.com`], {
        section: ['Visma.net Financials', 'Status: Connected', `Last changed ${time} by siri@example.com`],
      });
    expect(judge({ marker: 'Status: Connected', after: [audited('2026-12-07 04:40')] })).toMatchObject({ kind: 'confirmed' });
    // Named in the section alone, another address is another Visma user.
    const other = landed(['Visma.net Financials', 'Connected as per.noapi@example.com'], { section: ['Visma.net Financials', 'Connected as per.noapi@example.com'] });
    expect(judge({ marker: 'Connected as *', after: [other] })).toMatchObject({ kind: 'wrong-user', user: 'per.noapi@example.com' });
  });

  describe('a page that lists other profiles too (the integrations list the portal lands on)', () => {
    const LIST = {
      url: 'https://portal.example/integrations',
      notices: ['Integration "Orders" is now connected to Visma.net.'],
    };
    const list = (rows: string[], notices = LIST.notices) =>
      landed(['Integrations', ...notices, 'Orders', 'Nordlys Handel AS', ...rows], { ...LIST, notices, section: ['Visma.net', ...rows] });

    it('speaks for the others in its rows: another profile’s company or user there is not this profile’s', () => {
      const rows = ['Projects', 'Fjellvind Bygg AS', 'Connected as per.noapi@example.com to Fjellvind Bygg AS', 'Invoices', 'Connected'];
      expect(judge({ after: [list(rows)] }).kind).toBe('unconfirmed');
      expect(judge({ marker: 'Connected as * to *', after: [list(rows)] })).toMatchObject({ kind: 'unconfirmed', why: 'marker-missing' });
    });

    it('its message about this profile still counts: the flash confirms, an error refuses', () => {
      const rows = ['Projects', 'Connected'];
      expect(judge({ marker: 'Integration * is now connected to Visma.net.', after: [list(rows)] })).toMatchObject({ kind: 'confirmed' });
      expect(judge({ after: [list(rows, [])].map((p) => ({ ...p, snapshot: { ...p.snapshot, alerts: ['Visma.net said: access denied'] } })) })).toMatchObject({ kind: 'refused', said: 'Visma.net said: access denied' });
    });

    it('the profile’s own page is read whole, even when it names the others (a menu of integrations)', () => {
      const own = landed(['Orders', 'Projects', 'Invoices', 'Visma.net Financials', 'Connected as per.noapi@example.com to Nordlys Handel AS'], { section: ['Visma.net Financials', 'Connected as per.noapi@example.com to Nordlys Handel AS'] });
      expect(judge({ after: [own] })).toMatchObject({ kind: 'wrong-user', user: 'per.noapi@example.com' });
      const sameWithSlash = { ...own, snapshot: { ...own.snapshot, url: 'https://portal.example/Integrations/7/' } };
      expect(judge({ after: [sameWithSlash] })).toMatchObject({ kind: 'wrong-user' });
    });

    it('a page of its own elsewhere (a result page naming no other profile) is read whole', () => {
      const result = landed(['Visma.net', 'Connected as per.noapi@example.com to Nordlys Handel AS'], { url: 'https://portal.example/callback/done' });
      expect(judge({ after: [result] })).toMatchObject({ kind: 'unconfirmed' });
      const named = landed(['Visma.net', 'Connected as per.noapi@example.com'], { url: 'https://portal.example/callback/done', section: ['Visma.net', 'Connected as per.noapi@example.com'] });
      expect(judge({ after: [named] })).toMatchObject({ kind: 'wrong-user' });
    });
  });
});
