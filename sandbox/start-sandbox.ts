import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EnvironmentDefinition } from '../src/shared/environment';
import { type SandboxAdmin, createSandboxAdmin } from './admin/admin-client';
import { environmentFor } from './environment-file';
import { ADMIN_PREFIX, LEGACY_API_PREFIX } from './faults/endpoints';
import { sendJson } from './http/respond';
import { signingKey } from './identity/signing-keys';
import { resolveSeed } from './seed/load-seed';
import { type SandboxOverrides, applyOverrides } from './seed/overrides';
import type { Seed, SeedInput } from './seed/seed-schema';
import { createSandboxRoutes } from './sandbox-routes';
import { listenPortal } from './portal/portal-listeners';
import { type SandboxPortal, servePortal, withPortal } from './portal/start-portal';

export interface SandboxOptions extends SandboxOverrides {
  /** A seed object; the default seed (sandbox/seed/default-seed.json) when left out. */
  seed?: SeedInput | Seed;
  /** 0 (the default) lets the system pick a free port. The sandbox always binds 127.0.0.1. */
  port?: number;
  /** The DataBridge portal look-alike's port (on 127.0.0.1, named localhost); 0 (the default): any free port. */
  portalPort?: number;
  /** With the portal's style callback "other-origin": the port of the origin Visma answers to; 0: any free port. */
  portalCallbackPort?: number;
  /** With the portal's style signIn "federated": the SuperOffice look-alike's port; 0: any free port. */
  superOfficePort?: number;
}

export interface Sandbox {
  /** Visma Connect's look-alike; discovery at `${issuer}/.well-known/openid-configuration`. */
  issuer: string;
  /** The ERP API base as Visma gives it now (https://api.finance.visma.net): paths like `/v1/organization` follow it. */
  apiBaseUrl: string;
  /** The old, throttled base (integration.visma.net/API/controller/api): 429 after `api.legacyCallsPerHour`. */
  legacyApiBaseUrl: string;
  /** The admin endpoint, `${issuer}/sandbox/admin`; `admin` is the typed helper over it. */
  adminUrl: string;
  /** What the app imports to use this sandbox (passes EnvironmentDefinitionSchema). */
  environment: EnvironmentDefinition;
  /** The seed in force, defaults filled in: tests read users, passwords and secrets from it. */
  seed: Seed;
  admin: SandboxAdmin;
  /** The DataBridge portal look-alike, on http://localhost:<another port> (docs/sandbox.md), in the style its seed names. */
  portal: SandboxPortal;
  /** Closes Visma Connect and the portal. */
  close(): Promise<void>;
}

/** Starts the identity provider, the ERP API and the admin endpoint on one 127.0.0.1 port. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seedAlone = applyOverrides(await resolveSeed(options.seed), options);
  const key = await signingKey();

  // The provider needs its issuer, which needs the port: listen first, handle requests after.
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closeIdentity = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  // The portal's address is part of its client registration, so it listens before Visma Connect is made.
  const ports = { portal: options.portalPort ?? 0, callback: options.portalCallbackPort ?? 0, superOffice: options.superOfficePort ?? 0 };
  const portalListener = await listenPortal(seedAlone.portal.style, ports).catch(async (error: unknown) => {
    await closeIdentity();
    throw error;
  });
  const close = async () => void (await Promise.all([closeIdentity(), portalListener.close()]));
  const seed = withPortal(seedAlone, portalListener);

  let route;
  try {
    route = createSandboxRoutes({ issuer, seed, signingKey: key });
  } catch (error) {
    await close();
    throw error;
  }
  server.on('request', (req, res) => {
    route(req, res).catch((error: unknown) => {
      // A sandbox bug, not a fault anyone asked for: tell the developer, and the client as far as possible.
      console.error(`sandbox: ${req.method} ${req.url?.split('?')[0]} failed:`, error);
      if (!res.headersSent) sendJson(res, 500, { error: 'sandbox_error', error_description: (error as Error).message });
      else res.destroy();
    });
  });

  const apiBaseUrl = issuer;
  let portal;
  try {
    portal = await servePortal({ listener: portalListener, seed, issuer, apiBaseUrl });
  } catch (error) {
    await close();
    throw error;
  }
  return {
    issuer,
    apiBaseUrl,
    legacyApiBaseUrl: `${issuer}${LEGACY_API_PREFIX}`,
    adminUrl: `${issuer}${ADMIN_PREFIX}`,
    environment: environmentFor(seed, { issuer, apiBaseUrl }),
    seed,
    admin: createSandboxAdmin(`${issuer}${ADMIN_PREFIX}`),
    portal,
    close,
  };
}
