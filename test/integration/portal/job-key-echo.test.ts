import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PortalDefinition } from '../../../src/shared/portal';
import { createMemorySecrets } from '../../../src/main/portal/portal-secrets';
import { tempApp } from '../../helpers/temp-app';
import { type ScriptedPage, type ScriptedSession, scriptedPortal } from '../../helpers/scripted-portal';

/**
 * A portal's job endpoint that echoes the job's key (or its whole URL) back in its answer, in any
 * case or encoding, or a failure whose words name the URL: nothing the app keeps or shows of the
 * job call — the result over IPC, the events sent to the window, the audit trail's file and its CSV
 * export, the profile in the settings file, the log — holds any trace of the key.
 * The job endpoint is a real HTTP server on 127.0.0.1.
 */

const ORIGIN = 'https://my-databridge.infobridgeuniverse.com';
const SAVED = 'The Visma.net connection is saved.';
const PORTAL: PortalDefinition = {
  id: 'databridge',
  name: 'DataBridge',
  origin: ORIGIN,
  signInUrl: `${ORIGIN}/Account/Login`,
  identityOrigins: ['https://connect.visma.com'],
  signInOrigins: [],
  connectButtonLabel: 'Connected',
  connectSection: 'Visma.net Financials',
  connectedMarker: SAVED,
  listUrl: '',
  profilePattern: '',
  profileDetails: '',
};
const COOKIE = { name: '.AspNet.Cookies', value: 'portal-sign-in', path: '/', secure: true, httpOnly: true, sameSite: 'None' as const };
const CALLBACK = `${ORIGIN}/visma/callback`;
const SIGN_IN: ScriptedSession = {
  kind: 'sign-in',
  pages: [
    { path: '/Account/Login', passwordField: true, signInControls: ['Log in'] },
    { path: '/integrations', lines: ['Integrations'] },
  ],
  cookies: [COOKIE],
};
const page = (status: string, notices: string[] = []): ScriptedPage => ({
  path: '/integrations/orders',
  lines: ['Signed in as siri@example.com', ...notices, 'orders', 'Visma.net Financials', status],
  section: ['Visma.net Financials', status],
  notices,
});
const RECONNECT: ScriptedSession = {
  kind: 'profile',
  page: page('Old-style connection: reconnect'),
  login: {
    authorize: `https://connect.visma.com/connect/authorize?client_id=isv_databridge&response_type=code&response_mode=form_post&redirect_uri=${encodeURIComponent(CALLBACK)}&state=s1`,
    deliver: { method: 'POST', url: CALLBACK, body: 'code=THE-CODE&state=s1' },
    callbackStatus: 302,
    after: [page('Connected as anna@example.com to Nordlys Handel AS (1000001)', [SAVED])],
  },
};

/** A key with characters that every encoding changes. */
const KEY = 'Tr1gg3r-K3y_AbCdEf+9/Z=';
const hex4 = (c: string) => c.charCodeAt(0).toString(16).padStart(4, '0');
const echoes = (secret: string) => [
  secret,
  secret.toUpperCase(),
  secret.toLowerCase(),
  encodeURIComponent(secret),
  encodeURIComponent(secret).toLowerCase(),
  encodeURIComponent(encodeURIComponent(secret)),
  new URLSearchParams({ k: secret }).toString().slice(2),
  JSON.stringify(secret).slice(1, -1).replaceAll('/', '\\/'),
  [...secret].map((c) => `\\u${hex4(c)}`).join(''),
  [...secret].map((c) => `&#${c.charCodeAt(0)};`).join(''),
];

/** Any trace: the key in any case, after undoing every encoding the echoes use, as often as it was applied. */
function traces(text: string, secret: string): boolean {
  let plain = text;
  for (let round = 0; round < 4; round++) {
    plain = plain
      .replace(/\\\//g, '/')
      .replace(/\\\\u/g, '\\u')
      .replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
      .replace(/\+/g, ' ')
      .replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
        try {
          return decodeURIComponent(run);
        } catch {
          return run;
        }
      });
  }
  const lower = (s: string) => s.toLowerCase();
  return [text, plain].some((t) => lower(t).includes(lower(secret)) || lower(t).includes(lower(secret.replace(/\+/g, ' '))));
}

const servers: http.Server[] = [];
const apps: ReturnType<typeof tempApp>[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) app.cleanup();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** The job endpoint: answers with what `answer` makes of the URL it was called with. */
async function jobEndpoint(answer: (url: string) => { status: number; body: string }) {
  const server = http.createServer((req, res) => {
    const { status, body } = answer(`http://${req.headers.host}${req.url}`);
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function reconnectWithJob(jobUrl: string) {
  const app = tempApp(undefined, { portalSurface: scriptedPortal(ORIGIN, [SIGN_IN, RECONNECT]).surface, portalSecrets: createMemorySecrets(), now: () => new Date() });
  apps.push(app);
  await app.api.savePortal(PORTAL);
  await app.api.createProfile({ id: 'orders', name: 'orders', direction: 'import', companyId: '1000001', companyName: 'Nordlys Handel AS', apiUser: 'anna@example.com', portalId: PORTAL.id, portalUrl: `${ORIGIN}/integrations/orders` });
  const profile = await app.api.setJobUrl('orders', jobUrl);
  const result = await app.api.reauthenticate('orders');
  const kept = {
    'the masked URL': JSON.stringify(profile),
    'the result returned over IPC': JSON.stringify(result),
    'the events sent to the window': JSON.stringify(app.events),
    'the profile’s events': JSON.stringify(await app.api.listProfileEvents('orders')),
    'the audit trail’s file': fs.readFileSync(path.join(app.dir, 'events.jsonl'), 'utf8'),
    'the audit CSV export': (await app.api.exportAuditTrail()).text ?? '',
    'the settings file': fs.readFileSync(app.settingsFile, 'utf8'),
    'the profile': JSON.stringify(await app.api.listProfiles(0, 10)),
    'the log': JSON.stringify(app.log.lines),
  };
  return { app, result, kept };
}

const VISMA_ERROR =
  'Error calling Visma.net endpoint (https://integration.visma.net/API/controller/api/v1/customer/customerClass) Invalid parameter exception: ipp-company-id (12002_12002_4f1c2a9e-0d3b-4c55-9a61-2b7e8f0c1d22)';

describe('a job endpoint that echoes its key leaves no trace of it in anything the app keeps or shows', () => {
  const shapes = [
    ['a key as a path segment', (base: string) => `${base}/api/jobs/7/trigger/${encodeURIComponent(KEY)}`],
    ['a key as a query value', (base: string) => `${base}/api/jobs/7/trigger?key=${encodeURIComponent(KEY)}`],
  ] as const;
  const answers = [
    ['a job that ran', 200, (url: string) => ({ success: true, message: `Job finished for ${url}: key ${echoes(KEY).join(' | ')}` })],
    ['a Visma error', 200, (url: string) => ({ success: false, message: `${VISMA_ERROR} (job ${echoes(url).join(' ')}, key ${echoes(KEY).join(' ')})` })],
    ['another failure', 500, (url: string) => ({ success: false, message: `Unknown key ${echoes(KEY).join(', ')} at ${echoes(url).join(', ')}` })],
    ['a refusal', 403, (url: string) => ({ success: false, message: `Key ${echoes(KEY).join(' / ')} refused for ${url}` })],
  ] as const;

  for (const [shape, urlOf] of shapes) {
    for (const [what, status, bodyOf] of answers) {
      it(`${shape}, ${what} echoing the key and the URL in every encoding`, async () => {
        const base = await jobEndpoint((url) => ({ status, body: JSON.stringify(bodyOf(url)) }));
        const { result, kept } = await reconnectWithJob(urlOf(base));
        expect(kept['the profile’s events']).toContain('"kind":"job"'); // the job ran and its answer was read
        expect(result.outcome).toBe(what === 'a Visma error' ? 'job-failed' : 'connected');
        for (const [where, text] of Object.entries(kept)) expect(traces(text, KEY), `${where}: ${text.slice(0, 2000)}`).toBe(false);
        expect(kept['the audit CSV export']).toContain('[job key]');
      });
    }

    it(`${shape}, a failure whose own words name the URL (an answer too large to read)`, async () => {
      const base = await jobEndpoint(() => ({ status: 200, body: JSON.stringify({ success: true, message: 'x'.repeat(100 * 1024) }) }));
      const { result, kept } = await reconnectWithJob(urlOf(base));
      expect(result.confirmation).toMatchObject({ state: 'unreachable' });
      for (const [where, text] of Object.entries(kept)) expect(traces(text, KEY), `${where}: ${text.slice(0, 2000)}`).toBe(false);
    });
  }

  it('the trace check itself finds the key in each echo', () => {
    for (const echo of [...echoes(KEY), ...echoes(`http://h/api/jobs/7/trigger?key=${encodeURIComponent(KEY)}`)]) expect(traces(`a ${echo} b`, KEY), echo).toBe(true);
  });
});
