import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseProfileFile } from '../../../src/main/profiles/profile-file';
import { EnvironmentDefinitionSchema } from '../../../src/shared/environment';
import { PortalDefinitionSchema } from '../../../src/shared/portal';
import { PORTAL_VARIANTS } from '../../../sandbox';
import { fileBytes } from '../../helpers/file-bytes';
import { collectOutput, exitOf, runSandboxCli } from '../../helpers/sandbox/sandbox-cli';

/** `npm run sandbox` is `tsx sandbox/cli.ts`; node --import tsx is the same without npm's start-up. */
const runCli = runSandboxCli;
const collect = collectOutput;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sandbox-cli-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('npm run sandbox', () => {
  it('prints the addresses and demo users, writes the environment file, and stops on SIGTERM', async () => {
    const envFile = path.join(dir, 'environment.json');
    const child = runCli(['--out', envFile]);
    const out = collect(child);
    const exited = exitOf(child);
    await expect.poll(() => out.stdout, { timeout: 15_000 }).toContain('Press Ctrl+C to stop.');

    const issuer = /Issuer \(Visma Connect\): (\S+)/.exec(out.stdout)![1]!;
    expect(out.stdout).toContain(`ERP API base URL:       ${issuer}   (paths like /v1/organization)`);
    expect(out.stdout).toContain(`Legacy API base URL:    ${issuer}/API/controller/api   (throttled: 429 after 500 calls per hour)`);
    expect(out.stdout).toMatch(/anna\.apiuser@example\.com {2}password: Anna-sandbox-1/);
    expect(out.stdout).toMatch(/two-step secret JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP, code now \d{6}/);
    const environment = EnvironmentDefinitionSchema.parse(JSON.parse(await readFile(envFile, 'utf8')));
    expect(environment).toMatchObject({ issuer, apiBaseUrl: issuer, verifyPath: '/v1/organization', clientId: 'bridgekeeper' });
    expect((await fetch(`${issuer}/.well-known/openid-configuration`)).status).toBe(200);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('starts the portal look-alike on --portal-port, prints who to log in as, and writes the portal and its profiles beside the environment', async () => {
    const envFile = path.join(dir, 'environment.json');
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const portalPort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));

    const child = runCli(['--out', envFile, '--portal-port', String(portalPort)]);
    const out = collect(child);
    const exited = exitOf(child);
    await expect.poll(() => out.stdout, { timeout: 15_000 }).toContain('Press Ctrl+C to stop.');

    const portalUrl = `http://localhost:${portalPort}`;
    expect(out.stdout).toContain(`Portal:                 ${portalUrl}`);
    expect(out.stdout).toContain(`Sign in:                ${portalUrl}/signin`);
    expect(out.stdout).toContain('superuser@example.com  password: Portal-sandbox-1');
    expect(out.stdout).toContain(`${portalUrl}/integrations/havbris-invoices\n      log in as tove.twostep@example.com, pick Havbris Regnskap AS (1000003)`);

    const issuer = /Issuer \(Visma Connect\): (\S+)/.exec(out.stdout)![1]!;
    const portal = PortalDefinitionSchema.parse(JSON.parse(await readFile(path.join(dir, 'portal.json'), 'utf8')));
    expect(portal).toEqual({
      id: 'sandbox-portal',
      name: 'DataBridge sandbox (local)',
      origin: portalUrl,
      signInUrl: `${portalUrl}/signin`,
      identityOrigins: [issuer],
      signInOrigins: [],
      connectButtonLabel: 'Connected',
      // The section the page really has (the schema's default, "Visma.net", is only a guess); no marker: the page keeps no one-time message.
      connectSection: 'Visma.net Financials',
      connectedMarker: '',
      listUrl: `${portalUrl}/integrations`,
      profilePattern: '/integrations/{id}',
      profileDetails: 'Exports to Visma.net company {company} ({companyId}).\nImports from Visma.net company {company} ({companyId}).',
    });
    // Read by the app's own profile import.
    const profiles = await parseProfileFile(fileBytes('portal-profiles.json', await readFile(path.join(dir, 'portal-profiles.json'), 'utf8')));
    expect(profiles.fileProblems).toEqual([]);
    expect(profiles.rows.flatMap((r) => r.problems)).toEqual([]);
    expect(profiles.rows.map((r) => r.definition)).toContainEqual({
      id: 'nordlys-invoices',
      name: 'Nordlys: invoices (Per)',
      direction: 'export',
      companyId: '1000001',
      companyName: 'Nordlys Handel AS',
      apiUser: 'per.noapi@example.com',
      connection: 'portal',
      environmentId: '',
      portalId: 'sandbox-portal',
      portalUrl: `${portalUrl}/integrations/nordlys-invoices`,
    });
    expect(profiles.rows).toHaveLength(6);
    expect((await fetch(`${portalUrl}/signin`)).status).toBe(200);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('starts the portal look-alike in a named variant, describes it, and writes a portal file true to it', async () => {
    const envFile = path.join(dir, 'environment.json');
    const child = runCli(['--out', envFile, '--portal-variant', 'databridge']);
    const out = collect(child);
    const exited = exitOf(child);
    await expect.poll(() => out.stdout, { timeout: 15_000 }).toContain('Press Ctrl+C to stop.');

    const portalUrl = /Portal: {17}(\S+)/.exec(out.stdout)![1]!;
    expect(out.stdout).toContain(`Variant:                databridge — ${PORTAL_VARIANTS.databridge.description}`);
    expect(out.stdout).toContain(`Sign in:                ${portalUrl}/Account/Login  ("Log in with email")`);
    expect(out.stdout).toContain('Connect:                "Connected" in the section "Visma.net Financials"');
    const portal = PortalDefinitionSchema.parse(JSON.parse(await readFile(path.join(dir, 'portal.json'), 'utf8')));
    expect(portal).toMatchObject({ origin: portalUrl, signInUrl: `${portalUrl}/Account/Login`, connectedMarker: 'The Visma.net connection is saved.' });
    const login = await fetch(`${portalUrl}/`, { redirect: 'manual' });
    expect(login.headers.get('location')).toBe('/Account/Login?ReturnUrl=%2F');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses a variant it does not know, naming those it does', async () => {
    const child = runCli(['--portal-variant', 'fancy', '--out', path.join(dir, 'env.json')]);
    const out = collect(child);
    expect(await exitOf(child)).toBe(2);
    expect(out.stderr).toContain(`--portal-variant: "fancy" is none of ${Object.keys(PORTAL_VARIANTS).join(', ')}`);
  });

  it('names the field of a bad seed and exits with 1', async () => {
    const seedFile = path.join(dir, 'seed.json');
    await writeFile(seedFile, JSON.stringify({ clients: [], companies: [{ id: '1', name: 'A' }], users: [{ email: 'x', password: 'p', name: 'X' }] }));
    const child = runCli(['--seed', seedFile, '--out', path.join(dir, 'env.json')]);
    const out = collect(child);
    expect(await exitOf(child)).toBe(1);
    expect(out.stderr).toContain('The seed cannot be used.');
    expect(out.stderr).toContain(`${seedFile}: clients: needs at least one client`);
    expect(out.stderr).toContain(`${seedFile}: users[0].email: must be an email address`);
  });
});
