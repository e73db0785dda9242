import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PortalDefinition } from '../../src/shared/portal';
import type { ProfileInput } from '../../src/shared/profile-schema';
import { sendJson } from '../http/respond';
import { SeedError } from '../seed/load-seed';
import { ClientSeedSchema, type Seed } from '../seed/seed-schema';
import { OLD_STYLE_TOKEN, createJobRunner } from './job-runner';
import { type PortalAdmin, createPortalAdmin, createPortalAdminRoutes } from './portal-admin';
import { portalDefinitionFor, portalProfilesFor } from './portal-files';
import { CALLBACK_PATH, createPortalRoutes } from './portal-routes';
import type { PortalSeed } from './portal-seed-schema';
import { createPortalState, recordConnection, withSecrets } from './portal-state';
import { connectAtStart } from './seeded-connection';
import { createPortalVismaClient } from './portal-visma-client';

/** What startSandbox returns as `sandbox.portal`. */
export interface SandboxPortal {
  /** http://localhost:PORT — another host name than Visma Connect's 127.0.0.1, so the browser keeps their cookies apart. */
  url: string;
  signInUrl: string;
  /** The portal file the app imports (passes PortalDefinitionSchema). */
  definition: PortalDefinition;
  /** One portal profile per integration, for the app (each passes ProfileDefinitionSchema). */
  profiles: ProfileInput[];
  /** The portal's seed, defaults and secrets filled in. */
  seed: PortalSeed;
  admin: PortalAdmin;
}

export interface PortalListener {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

/** Listens first (on 127.0.0.1, named localhost), because Visma Connect must know the portal's redirect URI before it starts. */
export async function listenPortal(port = 0): Promise<PortalListener> {
  const server = http.createServer();
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * The seed as Visma Connect must see it with the portal beside it: the portal's secrets made up,
 * its confidential client registered with its redirect URI, and the old-style connections' token
 * known to the ERP API as a legacy (pre-Visma Connect) token.
 */
export function withPortal(seed: Seed, portalUrl: string): Seed {
  const portal = withSecrets(seed.portal);
  const client = ClientSeedSchema.parse({
    clientId: portal.client.clientId,
    name: portal.client.name,
    redirectUris: [`${portalUrl}${CALLBACK_PATH}`],
    clientSecret: portal.client.secret,
  });
  return {
    ...seed,
    portal,
    clients: [...seed.clients, client],
    api: { ...seed.api, legacyTokens: [...new Set([...seed.api.legacyTokens, OLD_STYLE_TOKEN])] },
  };
}

/**
 * Serves the portal on its listener; `seed` has been through withPortal. Integrations the seed marks
 * connected log in at Visma Connect first, which must be serving by then.
 */
export async function servePortal({ listener, seed, issuer, apiBaseUrl }: { listener: PortalListener; seed: Seed; issuer: string; apiBaseUrl: string }): Promise<SandboxPortal> {
  const portalSeed = withSecrets(seed.portal);
  const state = createPortalState(portalSeed);
  const visma = createPortalVismaClient({
    issuer,
    clientId: portalSeed.client.clientId,
    clientSecret: portalSeed.client.secret,
    redirectUri: `${listener.url}${CALLBACK_PATH}`,
    scope: seed.environment.scopes,
  });
  // Customer tenants too: a person may pick one at Visma, and the wrong-company message names it.
  const companies = new Map(seed.companies.flatMap((c) => [[c.id, c.name] as const, ...(c.customerTenant ? [[c.customerTenant.id, c.customerTenant.name] as const] : [])]));
  const companyName = (id: string) => `${companies.get(id) ?? 'an unknown company'} (${id})`;
  const runJob = createJobRunner({ apiBaseUrl, visma });
  const admin = createPortalAdminRoutes({ state, portalUrl: listener.url, runJob });
  const route = createPortalRoutes({ state, visma, runJob, companyName, portalUrl: listener.url, admin });

  listener.server.on('request', (req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error(`sandbox portal: ${req.method} ${req.url?.split('?')[0]} failed:`, error);
      if (!res.headersSent) sendJson(res, 500, { error: 'sandbox_error', error_description: (error as Error).message });
      else res.destroy();
    });
  });

  for (const [i, record] of state.integrations().entries()) {
    if (record.connection !== 'connected') continue;
    const user = seed.users.find((u) => u.email.toLowerCase() === record.apiUser.toLowerCase())!;
    try {
      recordConnection(record, await connectAtStart(visma, user, record.companyId));
    } catch (error) {
      throw new SeedError('seed', [`portal.integrations[${i}].connection: "connected" failed, ${(error as Error).message}`]);
    }
  }

  const definition = portalDefinitionFor(listener.url, issuer);
  return {
    url: listener.url,
    signInUrl: definition.signInUrl,
    definition,
    profiles: portalProfilesFor(seed, listener.url),
    seed: portalSeed,
    admin: createPortalAdmin(listener.url),
  };
}
