import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED_FILE, type SeedInput, SeedError, loadSeedFile, parseSeed, startSandbox } from '../../../sandbox';
import { PortalDefinitionSchema } from '../../../src/shared/portal';
import { ProfileDefinitionSchema } from '../../../src/shared/profile-schema';
import { ANNA, HAVBRIS, NORDLYS, PER, TOVE } from '../../helpers/sandbox/relying-party';
import { sandboxPerTest } from '../../helpers/sandbox/sandboxes';

const sandboxes = sandboxPerTest();

const problemsOf = (input: unknown): string[] => {
  try {
    parseSeed(input, 'test-seed.json');
  } catch (error) {
    if (error instanceof SeedError) return error.problems;
    throw error;
  }
  throw new Error('the seed was accepted');
};

const minimal = (portal?: unknown): SeedInput =>
  ({
    clients: [{ clientId: 'app', name: 'App', redirectUris: ['http://127.0.0.1/cb'] }],
    companies: [{ id: '42', name: 'Solo AS' }],
    users: [{ email: 'solo@example.com', password: 'pw', name: 'Solo', companies: [{ id: '42', apiUser: true }] }],
    ...(portal ? { portal } : {}),
  }) as SeedInput;

describe('the portal seed', () => {
  it('ships a default: one portal user, six old-style integrations over the three companies', async () => {
    const { portal } = await loadSeedFile(DEFAULT_SEED_FILE);
    expect(portal.users).toEqual([{ email: 'superuser@example.com', password: 'Portal-sandbox-1', name: 'Siri Superuser' }]);
    expect(portal.integrations.map((i) => [i.companyId, i.apiUser, i.connection])).toEqual([
      [NORDLYS.id, ANNA.email, 'old-style'],
      [NORDLYS.id, ANNA.email, 'old-style'],
      [NORDLYS.id, PER.email, 'old-style'],
      ['1000002', ANNA.email, 'old-style'],
      ['1000002', ANNA.email, 'old-style'],
      [HAVBRIS.id, TOVE.email, 'old-style'],
    ]);
    expect(portal).toMatchObject({ responseMode: 'form_post', loginIn: 'navigate', sendLoginHint: false, jobIntervalSeconds: 300 });
    expect(portal.client).toMatchObject({ clientId: 'isv_databridge_superoffice', name: 'DataBridge for SuperOffice' });
  });

  it('may be left out: a portal without users or integrations, made-up secrets', async () => {
    const sandbox = await sandboxes({ seed: minimal() });
    expect(sandbox.portal.seed.integrations).toEqual([]);
    expect(sandbox.portal.profiles).toEqual([]);
    expect(sandbox.portal.seed.client.secret).toMatch(/^[\w-]{32}$/);
    expect((await fetch(sandbox.portal.signInUrl)).status).toBe(200);
  });

  it('names the field of every problem', () => {
    const portal = {
      users: [{ email: 'a@example.com', password: 'x', name: 'A' }, { email: 'A@example.com', password: 'y', name: 'B' }],
      client: { clientId: 'app' },
      integrations: [
        { id: 'one', name: 'One', companyId: '7', apiUser: 'nobody@example.com', connection: 'sometimes' },
        { id: 'one', name: 'Again', companyId: '42', apiUser: 'solo@example.com', jobKey: 'short' },
        { id: 'has space', name: 'X', companyId: '42', apiUser: 'solo@example.com', direction: 'sideways' },
      ],
      responseMode: 'fragment',
      jobIntervalSeconds: -1,
    };
    expect(problemsOf(minimal(portal))).toEqual([
      'portal.integrations[0].connection: must be "none", "old-style" or "connected"',
      'portal.integrations[1].jobKey: must be at least 16 characters',
      'portal.integrations[2].id: may hold only letters, digits, dot, dash and underscore',
      'portal.integrations[2].direction: must be "import" or "export"',
      'portal.responseMode: must be "form_post" or "query"',
      'portal.jobIntervalSeconds: must be 0 or more',
    ]);
    portal.integrations[0]!.connection = 'none';
    portal.integrations[1]!.jobKey = 'long-enough-job-key';
    portal.integrations.pop();
    portal.responseMode = 'query';
    portal.jobIntervalSeconds = 60;
    expect(problemsOf(minimal(portal))).toEqual([
      'portal.users[1].email: repeats email "a@example.com"',
      'portal.integrations[1].id: repeats integration id "one"',
      'portal.client.clientId: is already a client of the seed ("app")',
      'portal.integrations[0].companyId: names no company of this seed ("7")',
      'portal.integrations[0].apiUser: names no user of this seed ("nobody@example.com")',
    ]);
  });
});

describe('a seeded "connected" integration', () => {
  it('is connected at start by its API user\'s real login, two-step verification included', async () => {
    const sandbox = await sandboxes({
      portal: {
        integrations: [
          { id: 'ready', name: 'Ready', companyId: NORDLYS.id, apiUser: ANNA.email, direction: 'export', connection: 'connected' },
          { id: 'havbris', name: 'Havbris', companyId: HAVBRIS.id, apiUser: TOVE.email, direction: 'import', connection: 'connected' },
        ],
      },
    });
    expect(await sandbox.portal.admin.integration('ready')).toMatchObject({ connection: 'connected', connectedAs: ANNA.email, connectedCompanyId: NORDLYS.id, clientId: 'isv_databridge_superoffice' });
    expect(await sandbox.portal.admin.runJob('havbris')).toEqual({ success: true, message: 'Job finished: 1 records imported' });
  });

  it('whose API user cannot connect that company stops the start, naming the integration', async () => {
    const start = startSandbox({ portal: { integrations: [{ id: 'nope', name: 'Nope', companyId: NORDLYS.id, apiUser: PER.email, direction: 'export', connection: 'connected' }] } });
    await expect(start).rejects.toThrow(SeedError);
    await expect(start).rejects.toThrow(/portal\.integrations\[0\]\.connection: "connected" failed, per\.noapi@example\.com cannot connect company 1000001: invalid_tenant/);
  });
});

describe('the files for the app', () => {
  it('are a portal definition and one portal profile per integration, as the app\'s schemas want', async () => {
    const sandbox = await sandboxes();
    expect(PortalDefinitionSchema.parse(sandbox.portal.definition)).toEqual({
      id: 'sandbox-portal',
      name: 'DataBridge sandbox (local)',
      origin: sandbox.portal.url,
      signInUrl: `${sandbox.portal.url}/signin`,
      identityOrigins: [sandbox.issuer],
      signInOrigins: [],
      connectButtonLabel: 'Connected',
      // The section the page really has (the schema's default, "Visma.net", is only a guess); no marker: the page keeps no one-time message.
      connectSection: 'Visma.net Financials',
      connectedMarker: '',
      // Its list of integrations and the shape of their pages (F19): the look-alike knows its own.
      listUrl: `${sandbox.portal.url}/integrations`,
      profilePattern: '/integrations/{id}',
      profileDetails: 'Exports to Visma.net company {company} ({companyId}).\nImports from Visma.net company {company} ({companyId}).',
    });
    expect(new URL(sandbox.portal.url).hostname).toBe('localhost');
    expect(new URL(sandbox.issuer).hostname).toBe('127.0.0.1');
    const profiles = sandbox.portal.profiles.map((p) => ProfileDefinitionSchema.parse(p));
    expect(profiles).toHaveLength(6);
    expect(profiles[5]).toEqual({
      id: 'havbris-invoices',
      name: 'Havbris: invoices to Visma.net',
      direction: 'export',
      companyId: HAVBRIS.id,
      companyName: HAVBRIS.name,
      apiUser: TOVE.email,
      connection: 'portal',
      environmentId: '',
      portalId: 'sandbox-portal',
      portalUrl: `${sandbox.portal.url}/integrations/havbris-invoices`,
    });
  });
});
