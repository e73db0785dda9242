/**
 * npm run sandbox [-- --seed FILE] [--port N] [--portal-port N] [--portal-variant NAME] [--portal-integrations N] [--out FILE]
 * Starts the Visma Connect + ERP API sandbox on 127.0.0.1 and the DataBridge portal look-alike on
 * localhost, prints what a person needs to use them, and writes the files Bridgekeeper imports:
 * the environment, and beside it the portal (portal.json) and its profiles (portal-profiles.json).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeEnvironmentFile } from './environment-file';
import { MAX_GENERATED_INTEGRATIONS, withManyIntegrations } from './portal/many-integrations';
import { writePortalFile, writePortalProfilesFile } from './portal/portal-files';
import { PORTAL_VARIANTS, PORTAL_VARIANT_NAMES, isPortalVariant } from './portal/variants';
import type { PortalWords } from './portal/portal-words';
import { totp } from './identity/totp';
import { DEFAULT_SEED_FILE, SeedError, loadSeedFile } from './seed/load-seed';
import type { Seed } from './seed/seed-schema';
import { type Sandbox, startSandbox } from './start-sandbox';

const USAGE = `Usage: npm run sandbox -- [--seed FILE] [--port N] [--portal-port N] [--portal-variant NAME] [--portal-integrations N] [--out FILE]
  --seed FILE      companies, users and clients (default: ${path.relative(process.cwd(), DEFAULT_SEED_FILE)})
  --port N         port on 127.0.0.1 (default 0: any free port)
  --portal-port N  the DataBridge portal look-alike's port on localhost (default 0: any free port)
  --portal-variant NAME
                   the portal look-alike's style, one of the variants below (default: the seed's portal.style)
  --portal-callback-port N, --superoffice-port N
                   the ports of the variant's other origins, if it has them (default 0: any free port)
  --portal-integrations N
                   adds N generated integrations (int-001, "Orders 001 – Nordlys", …) to the seed's, in the
                   company and for the API user of its first integration: a long, paged list (default 0)
  --out FILE  where to write the environment for Bridgekeeper (default .sandbox/environment.json);
              portal.json and portal-profiles.json are written beside it

Portal variants (docs/sandbox.md, "The portal look-alike family"):
${PORTAL_VARIANT_NAMES.map((name) => `  ${name.padEnd(17)}${PORTAL_VARIANTS[name].description}`).join('\n')}`;

const LOGIN_IN_WORDS = { navigate: 'in the same window', popup: 'in a popup', 'popup-via-portal': 'in a popup that opens the portal\'s start page first' } as const;

/** How the integrations list is laid out and paged, for the banner. */
const listHow = (list: Sandbox['portal']['style']['list']) =>
  `${list.layout}, ${list.paging === 'none' ? 'one page' : `${list.paging} by ${list.pageSize}`}`;

const SIGN_IN_HOW = {
  'signin-page': () => '',
  'same-url': () => '  (signed in, the same address is the dashboard)',
  'account-login': (words: PortalWords) => `  ("${words.logInWithEmail}")`,
  federated: (words: PortalWords) => `  ("${words.logInWithSuperOffice}" or "${words.logInWithEmail}")`,
} as const;

/** The integrations as the banner lists them: the seed's own in full, generated ones (the last `generated`) in one line. */
function describeIntegrations(sandbox: Sandbox, generated: number): string[] {
  const { portal } = sandbox;
  const companyName = new Map(sandbox.seed.companies.map((c) => [c.id, c.name]));
  const all = portal.seed.integrations;
  const own = all.slice(0, all.length - generated);
  const made = all.slice(all.length - generated);
  return [
    ...own.map(
      (i) =>
        `  ${i.name}  (${i.connection})\n      ${portal.url}/integrations/${i.id}\n      log in as ${i.apiUser}, pick ${companyName.get(i.companyId)} (${i.companyId})\n      triggered job: ${portal.url}/api/jobs/${i.id}/trigger?key=${i.jobKey}`,
    ),
    ...(made.length
      ? [
          `  + ${made.length} generated: ${made[0]!.id} … ${made.at(-1)!.id} ("${made[0]!.name}" …)\n      ${portal.url}/integrations/<id>\n      log in as ${made[0]!.apiUser}, pick ${companyName.get(made[0]!.companyId)} (${made[0]!.companyId})\n      triggered job: ${portal.url}/api/jobs/<id>/trigger?key=<id>-job-key-generated`,
        ]
      : []),
  ];
}

function describePortal(sandbox: Sandbox, files: { portal: string; profiles: string }, variant: string | undefined, generated: number): string[] {
  const { portal } = sandbox;
  const { style } = portal;
  const loginIn = style.loginIn ?? portal.seed.loginIn;
  return [
    'DataBridge portal look-alike is running.',
    `  Portal:                 ${portal.url}`,
    ...(variant ? [`  Variant:                ${variant} — ${style.description}`] : style.description ? [`  Style:                  ${style.description}`] : []),
    `  Sign in:                ${portal.signInUrl}${SIGN_IN_HOW[style.signIn](portal.words)}`,
    ...portal.seed.users.map((u) => `      ${u.email}  password: ${u.password}`),
    ...(portal.superOfficeUrl ? [`  SuperOffice look-alike: ${portal.superOfficeUrl}  (the same users and passwords)`] : []),
    `  Connect:                "${portal.connectLabel}" in the section "${style.connect.section}"`,
    `  Portal file:            ${files.portal}  (import it in Bridgekeeper's Portals)`,
    `  Profiles file:          ${files.profiles}  (import it in Bridgekeeper's Profiles)`,
    `  Visma login:            ${LOGIN_IN_WORDS[loginIn]}, response_mode=${style.responseMode ?? portal.seed.responseMode}${style.par ? ' (pushed: PAR)' : ''}, as client ${portal.seed.client.clientId}`,
    `  Visma answers to:       ${portal.callbackUrl}`,
    `  Integrations list:      ${portal.url}/integrations  (${listHow(style.list)})`,
    '',
    'Integrations (log in to Visma as / pick):',
    ...describeIntegrations(sandbox, generated),
  ];
}

function describe(sandbox: Sandbox, envFile: string, portalFiles: { portal: string; profiles: string }, variant: string | undefined, generated: number): string {
  const seed: Seed = sandbox.seed;
  const companyName = new Map(seed.companies.map((c) => [c.id, c.name]));
  const users = seed.users.map((user) => {
    const roles = user.companies.map((c) => `${companyName.get(c.id)} (${c.id})${c.apiUser ? '' : ' without API User'}`).join(', ');
    const notes = [
      user.active ? '' : 'deactivated',
      user.totpSecret ? `two-step secret ${user.totpSecret}, code now ${totp(user.totpSecret)}` : '',
    ].filter(Boolean);
    return `  ${user.email}  password: ${user.password}\n      companies: ${roles || 'none'}${notes.length ? `\n      ${notes.join('; ')}` : ''}`;
  });
  const clients = seed.clients.map((c) => {
    const refresh = c.refreshTokens.mode === 'one-time' ? `one-time refresh tokens, grace ${c.refreshTokens.graceSeconds} s` : 're-use refresh tokens';
    return `  ${c.clientId}  (${refresh}; redirect ${c.redirectUris.join(', ')})`;
  });
  return [
    'Visma Connect sandbox is running.',
    `  Issuer (Visma Connect): ${sandbox.issuer}`,
    `  ERP API base URL:       ${sandbox.apiBaseUrl}   (paths like /v1/organization)`,
    `  Legacy API base URL:    ${sandbox.legacyApiBaseUrl}   (throttled: 429 after ${sandbox.seed.api.legacyCallsPerHour} calls per hour)`,
    `  Admin endpoint:         ${sandbox.adminUrl}  (see docs/sandbox.md)`,
    `  Environment file:       ${envFile}  (import it in Bridgekeeper's Environments)`,
    '',
    'Demo users:',
    ...users,
    '',
    'Clients:',
    ...clients,
    ...(seed.api.legacyTokens.length ? ['', `Legacy (pre-Visma Connect) tokens: ${seed.api.legacyTokens.join(', ')}`] : []),
    '',
    ...describePortal(sandbox, portalFiles, variant, generated),
    '',
    'Press Ctrl+C to stop.',
  ].join('\n');
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        seed: { type: 'string' },
        port: { type: 'string' },
        'portal-port': { type: 'string' },
        'portal-variant': { type: 'string' },
        'portal-integrations': { type: 'string' },
        'portal-callback-port': { type: 'string' },
        'superoffice-port': { type: 'string' },
        'out': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const port = Number(args.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: "${args.port}" is not a port number (0–65535)\n${USAGE}`);
    return 2;
  }
  const ports: Record<string, number> = {};
  for (const option of ['portal-port', 'portal-callback-port', 'superoffice-port'] as const) {
    const port = Number(args[option] ?? 0);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`--${option}: "${args[option]}" is not a port number (0–65535)\n${USAGE}`);
      return 2;
    }
    ports[option] = port;
  }
  const variant = args['portal-variant'];
  if (variant !== undefined && !isPortalVariant(variant)) {
    console.error(`--portal-variant: "${variant}" is none of ${PORTAL_VARIANT_NAMES.join(', ')}\n${USAGE}`);
    return 2;
  }
  const generated = Number(args['portal-integrations'] ?? 0);
  if (!/^\d+$/.test(args['portal-integrations'] ?? '0') || generated > MAX_GENERATED_INTEGRATIONS) {
    console.error(`--portal-integrations: "${args['portal-integrations']}" is not a number of integrations (0–${MAX_GENERATED_INTEGRATIONS})\n${USAGE}`);
    return 2;
  }
  const envFile = path.resolve(args['out'] ?? '.sandbox/environment.json');
  const portalFiles = { portal: path.join(path.dirname(envFile), 'portal.json'), profiles: path.join(path.dirname(envFile), 'portal-profiles.json') };

  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({
      seed: withManyIntegrations(await loadSeedFile(args.seed ?? DEFAULT_SEED_FILE), generated),
      port,
      portalPort: ports['portal-port']!,
      portalCallbackPort: ports['portal-callback-port']!,
      superOfficePort: ports['superoffice-port']!,
      ...(variant ? { portal: { style: PORTAL_VARIANTS[variant] } } : {}),
    });
  } catch (error) {
    if (error instanceof SeedError) {
      console.error(`The seed cannot be used.\n${error.problems.map((p) => `  ${error.source}: ${p}`).join('\n')}`);
      return 1;
    }
    console.error(`The sandbox could not start: ${(error as Error).message}`);
    return 1;
  }
  await writeEnvironmentFile(envFile, sandbox.environment);
  await writePortalFile(portalFiles.portal, sandbox.portal.definition);
  await writePortalProfilesFile(portalFiles.profiles, sandbox.portal.profiles);
  console.log(describe(sandbox, envFile, portalFiles, variant, generated));

  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1; // keep running
}

const code = await main();
if (code >= 0) process.exit(code);
