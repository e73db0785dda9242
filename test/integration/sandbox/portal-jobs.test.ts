import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Sandbox } from '../../../sandbox';
import { explainLogText } from '../../../src/main/explainer';
import { expectPage } from '../../helpers/sandbox/http-person';
import { PortalPerson, connectionOf } from '../../helpers/sandbox/portal-person';
import { ANNA, NORDLYS, PER, type Person } from '../../helpers/sandbox/relying-party';
import { sandboxPerTest } from '../../helpers/sandbox/sandboxes';

const sandboxes = sandboxPerTest();
afterEach(() => {
  vi.useRealTimers();
});

const IPP_COMPANY_ID =
  /^Error calling Visma\.net endpoint \(https:\/\/integration\.visma\.net\/API\/controller\/api\/v1\/customer\/customerClass\) Invalid parameter exception: ipp-company-id \(12002_12002_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\)$/;
const NO_LICENSE = 'Error calling Visma.net endpoint (https://integration.visma.net/API/controller/api/v1/customer/customerClass) No license for this company.';

async function connected(sandbox: Sandbox, integrationId: string, person: Person = { ...ANNA, company: NORDLYS.name }) {
  const browser = new PortalPerson(sandbox);
  await browser.signIn();
  const page = expectPage(await browser.connect(integrationId, person));
  expect(connectionOf(page)).toMatch(/^Connected as /);
  return browser;
}

async function trigger(url: string, method: 'GET' | 'POST' = 'GET') {
  const response = await fetch(url, { method });
  return { status: response.status, body: (await response.json()) as { success: boolean; message: string } };
}

describe('job runs', () => {
  it('fail with 12002 while old-style, run after a reconnect, and the log says both in lines the explainer knows', async () => {
    const sandbox = await sandboxes();
    const before = await sandbox.portal.admin.runJob('nordlys-orders');
    expect(before.success).toBe(false);
    expect(before.message).toMatch(IPP_COMPANY_ID);

    await connected(sandbox, 'nordlys-orders');
    expect(await sandbox.portal.admin.runJob('nordlys-orders')).toEqual({ success: true, message: 'Job finished: 2 records exported' });

    const log = await sandbox.portal.admin.jobLog('nordlys-orders');
    const lines = log.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \[7\] INFO {2}DataBridge\.Sync - Job started: Nordlys: orders to Visma\.net \(nordlys-orders\), company 1000001$/);
    expect(lines[1]).toContain(' ERROR DataBridge.Visma - Error calling Visma.net endpoint');
    expect(lines[3]).toMatch(/ INFO {2}DataBridge\.Sync - Job finished: 2 records exported$/);

    const explained = explainLogText(log, { source: 'nordlys-orders-job.log' });
    expect(explained.known.map((k) => [k.kind, k.count])).toEqual([['ipp-company-id', 1]]);
    expect(explained.unknown).toEqual([]);
  });

  it('an integration never connected fails with 12002 too', async () => {
    const sandbox = await sandboxes({ portal: { integrations: [{ id: 'fresh', name: 'Fresh', companyId: NORDLYS.id, apiUser: ANNA.email, direction: 'export', connection: 'none' }] } });
    expect((await sandbox.portal.admin.integration('fresh')).connection).toBe('none');
    expect((await sandbox.portal.admin.runJob('fresh')).message).toMatch(IPP_COMPANY_ID);
  });

  it('fails with 12027 "No license for this company." when the API user lost API User', async () => {
    const sandbox = await sandboxes();
    await sandbox.admin.grantApiUser(PER.email, NORDLYS.id);
    await connected(sandbox, 'nordlys-invoices', { ...PER, company: NORDLYS.name });
    expect((await sandbox.portal.admin.runJob('nordlys-invoices')).success).toBe(true);
    await sandbox.admin.removeApiUser(PER.email, NORDLYS.id);

    expect(await sandbox.portal.admin.runJob('nordlys-invoices')).toEqual({ success: false, message: NO_LICENSE });
    const explained = explainLogText(await sandbox.portal.admin.jobLog('nordlys-invoices'), { source: 'job.log' });
    expect(explained.known.map((k) => k.kind)).toEqual(['no-license']);
  });

  it('refreshes an expired access token first, with the refresh token the portal keeps', async () => {
    const sandbox = await sandboxes();
    await connected(sandbox, 'nordlys-orders');
    const counts = await sandbox.admin.requestCounts();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 3600_000 });
    expect(await sandbox.portal.admin.runJob('nordlys-orders')).toEqual({ success: true, message: 'Job finished: 2 records exported' });
    expect((await sandbox.admin.requestCounts()).byEndpoint.token).toBe((counts.byEndpoint.token ?? 0) + 1);
  });

  it('logs the 401 Visma answers a revoked token with, and the failed refresh after it', async () => {
    const sandbox = await sandboxes();
    await connected(sandbox, 'nordlys-orders');
    await sandbox.admin.expireTokens(ANNA.email);
    expect((await sandbox.portal.admin.runJob('nordlys-orders')).message).toBe(
      'Error calling Visma.net endpoint (https://integration.visma.net/API/controller/api/v1/customer/customerClass) The remote server returned an error: (401) Unauthorized.',
    );
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 3600_000 });
    expect((await sandbox.portal.admin.runJob('nordlys-orders')).message).toMatch(/^Token refresh failed for nordlys-orders: 400 \{"error":"invalid_grant"/);
    vi.useRealTimers();
    const explained = explainLogText(await sandbox.portal.admin.jobLog('nordlys-orders'), { source: 'job.log' });
    expect(explained.known.map((k) => k.kind).sort()).toEqual(['invalid-grant', 'unauthorized']);
  });

  it('"Run job now" on the page runs it and shows the outcome; "Job log" downloads the log as text', async () => {
    const sandbox = await sandboxes();
    const person = new PortalPerson(sandbox);
    await person.signIn();
    const page = expectPage(await person.browser.submit(await person.open('/integrations/havbris-invoices'), 'Run job now'));
    expect(page.url.pathname).toBe('/integrations/havbris-invoices');
    expect(page.text).toMatch(/Last job \(.+\): Error calling Visma\.net endpoint .* ipp-company-id/);

    const cookie = await signedInCookie(sandbox);
    const download = await fetch(`${sandbox.portal.url}/integrations/havbris-invoices/log`, { headers: { cookie } });
    expect(download.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="havbris-invoices-job.log"');
    expect(await download.text()).toBe(await sandbox.portal.admin.jobLog('havbris-invoices'));
    expect((await fetch(`${sandbox.portal.url}/integrations/havbris-invoices/log`, { redirect: 'manual' })).status).toBe(302);
  });
});

async function signedInCookie(sandbox: Sandbox) {
  const response = await fetch(`${sandbox.portal.url}/signin`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'superuser@example.com', password: 'Portal-sandbox-1' }).toString(),
  });
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

describe('the triggered-job URL', () => {
  it('wants its key, runs the job once per interval, and carries Visma\'s error text', async () => {
    const sandbox = await sandboxes();
    const url = await sandbox.portal.admin.triggerUrl('nordlys-orders');
    expect(url).toBe(`${sandbox.portal.url}/api/jobs/nordlys-orders/trigger?key=nordlys-orders-job-key-0001`);

    const withoutKey = await trigger(url.replace(/\?.*$/, ''));
    expect(withoutKey).toEqual({ status: 401, body: { success: false, message: 'The key is missing or wrong.' } });
    expect((await trigger(url.replace(/key=.*$/, 'key=nordlys-customers-job-key-0002'))).status).toBe(401);
    expect(await sandbox.portal.admin.jobLog('nordlys-orders')).toBe('');

    const first = await trigger(url, 'POST');
    expect(first.status).toBe(200);
    expect(first.body.success).toBe(false);
    expect(first.body.message).toMatch(IPP_COMPANY_ID);

    const second = await trigger(url);
    expect(second.status).toBe(200);
    expect(second.body.success).toBe(false);
    expect(second.body.message).toMatch(/^A job for this integration ran less than 5 minutes ago\. Try again after \d{4}-/);
    expect((await sandbox.portal.admin.jobLog('nordlys-orders')).match(/Job started/g)).toHaveLength(1);

    expect((await trigger(url.replace('nordlys-orders', 'no-such-integration'))).status).toBe(404);
    // Another integration has its own interval.
    expect((await trigger(await sandbox.portal.admin.triggerUrl('nordlys-customers'))).body.message).toMatch(IPP_COMPANY_ID);
  });

  it('runs the job after a reconnect, and again once the interval has passed', async () => {
    const sandbox = await sandboxes({ portal: { jobIntervalSeconds: 60 } });
    await connected(sandbox, 'nordlys-orders');
    const url = await sandbox.portal.admin.triggerUrl('nordlys-orders');
    expect(await trigger(url)).toEqual({ status: 200, body: { success: true, message: 'Job finished: 2 records exported' } });
    expect((await trigger(url)).body.message).toMatch(/^A job for this integration ran less than 1 minute ago/);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    expect((await trigger(url)).body.success).toBe(true);
  });

  it('job-down: 503 with success false, until switched off', async () => {
    const sandbox = await sandboxes();
    const url = await sandbox.portal.admin.triggerUrl('fjellvind-orders');
    await sandbox.portal.admin.setFault('job-down', true);
    expect(await trigger(url)).toEqual({ status: 503, body: { success: false, message: 'The job service is unavailable. Try again later.' } });
    expect(await sandbox.portal.admin.jobLog('fjellvind-orders')).toBe('');
    await sandbox.portal.admin.setFault('job-down', false);
    expect((await trigger(url)).status).toBe(200);
  });
});
