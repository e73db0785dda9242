/**
 * npm run sandbox [-- --seed FILE] [--port N] [--portal-port N] [--portal-variant NAME] [--out FILE]
 * Starts the Visma Connect + ERP API sandbox on 127.0.0.1 and the DataBridge portal look-alike on
 * localhost, prints what a person needs to use them, and writes the files Bridgekeeper imports:
 * the environment, and beside it the portal (portal.json) and its profiles (portal-profiles.json).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeEnvironmentFile } from './environment-file';
import { writePortalFile, writePortalProfilesFile } from './portal/portal-files';
import { PORTAL_VARIANTS, PORTAL_VARIANT_NAMES, isPortalVariant } from './portal/variants';
import type { PortalWords } from './portal/portal-words';
import { totp } from './identity/totp';
import { DEFAULT_SEED_FILE, SeedError, loadSeedFile } from './seed/load-seed';
import type { Seed } from './seed/seed-schema';
import { type Sandbox, startSandbox } from './start-sandbox';

const USAGE = `Usage: npm run sandbox -- [--seed FILE] [--port N] [--portal-port N] [--portal-variant NAME] [--out FILE]
  --seed FILE      companies, users and clients (default: ${path.relative(process.cwd(), DEFAULT_SEED_FILE)})
  --port N         port on 127.0.0.1 (default 0: any free port)
  --portal-port N  the DataBridge portal look-alike's port on localhost (default 0: any free port)
  --portal-variant NAME
                   the portal look-alike's style, one of the variants below (default: the seed's portal.style)
  --portal-callback-port N, --superoffice-port N
                   the ports of the variant's other origins, if it has them (default 0: any free port)
  --out FILE  where to write the environment for Bridgekeeper (default .sandbox/environment.json);
              portal.json and portal-profiles.json are written beside it

Portal variants (docs/sandbox.md, "The portal look-alike family"):
${PORTAL_VARIANT_NAMES.map((name) => `  ${name.padEnd(17)}${PORTAL_VARIANTS[name].description}`).join('\n')}`;

const LOGIN_IN_WORDS = { navigate: 'in the same window', popup: 'in a popup', 'popup-via-portal': 'in a popup that opens the portal\'s start page first' } as const;

const SIGN_IN_HOW = {
  'signin-page': () => '',
  'same-url': () => '  (signed in, the same address is the dashboard)',
  'account-login': (words: PortalWords) => `  ("${words.logInWithEmail}")`,
  federated: (words: PortalWords) => `  ("${words.logInWithSuperOffice}" or "${words.logInWithEmail}")`,
} as const;

function describePortal(sandbox: Sandbox, files: { portal: string; profiles: string }, variant: string | undefined): string[] {
  const { portal } = sandbox;
  const { style } = portal;
  const companyName = new Map(sandbox.seed.companies.map((c) => [c.id, c.name]));
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
    '',
    'Integrations (log in to Visma as / pick):',
    ...portal.seed.integrations.map(
      (i) =>
        `  ${i.name}  (${i.connection})\n      ${portal.url}/integrations/${i.id}\n      log in as ${i.apiUser}, pick ${companyName.get(i.companyId)} (${i.companyId})\n      triggered job: ${portal.url}/api/jobs/${i.id}/trigger?key=${i.jobKey}`,
    ),
  ];
}

function describe(sandbox: Sandbox, envFile: string, portalFiles: { portal: string; profiles: string }, variant: string | undefined): string {
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
    ...describePortal(sandbox, portalFiles, variant),
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
  const envFile = path.resolve(args['out'] ?? '.sandbox/environment.json');
  const portalFiles = { portal: path.join(path.dirname(envFile), 'portal.json'), profiles: path.join(path.dirname(envFile), 'portal-profiles.json') };

  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({
      seed: await loadSeedFile(args.seed ?? DEFAULT_SEED_FILE),
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
  console.log(describe(sandbox, envFile, portalFiles, variant));

  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1; // keep running
}

const code = await main();
if (code >= 0) process.exit(code);
