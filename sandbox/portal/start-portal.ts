import type http from 'node:http';
import type { PortalDefinition } from '../../src/shared/portal';
import type { ProfileInput } from '../../src/shared/profile-schema';
import { sendJson } from '../http/respond';
import { SeedError } from '../seed/load-seed';
import { ClientSeedSchema, type Seed } from '../seed/seed-schema';
import { OLD_STYLE_TOKEN, createJobRunner } from './job-runner';
import { type PortalAdmin, createPortalAdmin, createPortalAdminRoutes } from './portal-admin';
import { createPortalCookies } from './portal-cookies';
import { portalDefinitionFor, portalProfilesFor } from './portal-files';
import { sendPage } from './portal-http';
import type { Listener, PortalListener } from './portal-listeners';
import { problemPage } from './portal-pages';
import { createPortalRoutes } from './portal-routes';
import type { PortalSeed } from './portal-seed-schema';
import { EXTERNAL_LOGIN_CALLBACK_PATH, createSignIn } from './portal-sign-in';
import { createPortalState, recordConnection, withSecrets } from './portal-state';
import type { PortalStyleInForce } from './portal-style';
import { createPortalVismaClient } from './portal-visma-client';
import { type PortalWords, portalWords } from './portal-words';
import { connectAtStart } from './seeded-connection';
import { serveSuperOffice } from './superoffice/superoffice-lookalike';
import { CALLBACK_PATH, createVismaCallback } from './visma-callback';

/** What startSandbox returns as `sandbox.portal`. */
export interface SandboxPortal {
  /**
   * http://localhost:PORT — another host name than Visma Connect's 127.0.0.1, so the browser keeps
   * their cookies apart; with cookie.parentDomain http://portal.databridge.localhost:PORT.
   */
  url: string;
  signInUrl: string;
  /** The portal file the app imports (passes PortalDefinitionSchema), true to the style. */
  definition: PortalDefinition;
  /** One portal profile per integration, for the app (each passes ProfileDefinitionSchema). */
  profiles: ProfileInput[];
  /** The portal's seed, defaults and secrets filled in. */
  seed: PortalSeed;
  admin: PortalAdmin;
  /** The style in force (seed.style, defaults filled in). */
  style: PortalStyleInForce;
  /** The portal's own words in the style's language: what its pages say. */
  words: PortalWords;
  /** The Connect control's text: the style's label, or the language's "Connected". */
  connectLabel: string;
  /** The redirect URI registered at Visma Connect; with callback "other-origin" on another origin than `url`. */
  callbackUrl: string;
  /** With signIn "federated": the SuperOffice CRM Online look-alike's origin. */
  superOfficeUrl?: string;
}

/**
 * The seed as Visma Connect must see it with the portal beside it: the portal's secrets made up,
 * its confidential client registered with its redirect URI, and the old-style connections' token
 * known to the ERP API as a legacy (pre-Visma Connect) token.
 */
export function withPortal(seed: Seed, listener: PortalListener): Seed {
  const portal = withSecrets(seed.portal);
  const client = ClientSeedSchema.parse({
    clientId: portal.client.clientId,
    name: portal.client.name,
    redirectUris: [callbackUrlOf(listener)],
    clientSecret: portal.client.secret,
  });
  return {
    ...seed,
    portal,
    clients: [...seed.clients, client],
    api: { ...seed.api, legacyTokens: [...new Set([...seed.api.legacyTokens, OLD_STYLE_TOKEN])] },
  };
}

const callbackUrlOf = (listener: PortalListener) => `${listener.callback?.url ?? listener.url}${CALLBACK_PATH}`;

/** Serves a route on a listener; a bug answers 500 (or drops the connection) and is told to the developer. */
function serve(listener: Listener, name: string, route: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>): void {
  listener.server.on('request', (req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error(`sandbox ${name}: ${req.method} ${req.url?.split('?')[0]} failed:`, error);
      if (!res.headersSent) sendJson(res, 500, { error: 'sandbox_error', error_description: (error as Error).message });
      else res.destroy();
    });
  });
}

/**
 * Serves the portal on its listeners; `seed` has been through withPortal. Integrations the seed marks
 * connected log in at Visma Connect first, which must be serving by then.
 */
export async function servePortal({ listener, seed, issuer, apiBaseUrl }: { listener: PortalListener; seed: Seed; issuer: string; apiBaseUrl: string }): Promise<SandboxPortal> {
  const portalSeed = withSecrets(seed.portal);
  const { style } = portalSeed;
  const words = portalWords(style.language);
  const connectLabel = style.connect.label ?? words.connected;
  const state = createPortalState(portalSeed);
  const cookies = createPortalCookies(style.cookie);
  const callbackUrl = callbackUrlOf(listener);
  const visma = createPortalVismaClient({
    issuer,
    clientId: portalSeed.client.clientId,
    clientSecret: portalSeed.client.secret,
    redirectUri: callbackUrl,
    scope: seed.environment.scopes,
  });
  // Customer tenants too: a person may pick one at Visma, and the wrong-company message names it.
  const companies = new Map(seed.companies.flatMap((c) => [[c.id, c.name] as const, ...(c.customerTenant ? [[c.customerTenant.id, c.customerTenant.name] as const] : [])]));
  const companyName = (id: string) => `${companies.get(id) ?? 'an unknown company'} (${id})`;
  const runJob = createJobRunner({ apiBaseUrl, visma });
  const admin = createPortalAdminRoutes({ state, portalUrl: listener.url, runJob });
  const superOffice = listener.superOffice
    ? serveSuperOffice({ listener: listener.superOffice, users: portalSeed.users, returnTo: `${listener.url}${EXTERNAL_LOGIN_CALLBACK_PATH}` })
    : undefined;
  const signIn = createSignIn({ style, state, words, cookies, ...(superOffice ? { superOffice } : {}) });
  const callback = createVismaCallback({ state, visma, companyName, style, words, connectLabel, portalUrl: listener.url, callbackOrigin: new URL(callbackUrl).origin });
  const route = createPortalRoutes({
    state,
    visma,
    runJob,
    companyName,
    portalUrl: listener.url,
    admin,
    style,
    words,
    connectLabel,
    cookies,
    signIn,
    ...(listener.callback ? {} : { callback }),
  });
  serve(listener, 'portal', route);
  const callbackListener = listener.callback;
  if (callbackListener) {
    // The other origin answers Visma's callback only, then sends the person on to the portal.
    serve(callbackListener, 'portal callback', async (req, res) => {
      const url = new URL(req.url ?? '/', callbackListener.url);
      if (url.pathname === CALLBACK_PATH) return callback(req, res, url);
      sendPage(res, 404, problemPage(words, words.notFoundTitle, words.notFound));
    });
  }

  for (const [i, record] of state.integrations().entries()) {
    if (record.connection !== 'connected') continue;
    const user = seed.users.find((u) => u.email.toLowerCase() === record.apiUser.toLowerCase())!;
    try {
      recordConnection(record, await connectAtStart(visma, user, record.companyId));
    } catch (error) {
      throw new SeedError('seed', [`portal.integrations[${i}].connection: "connected" failed, ${(error as Error).message}`]);
    }
  }

  const definition = portalDefinitionFor({ portalUrl: listener.url, issuer, style, words, signInPath: signIn.path, ...(superOffice ? { superOfficeUrl: superOffice.url } : {}) });
  return {
    url: listener.url,
    signInUrl: definition.signInUrl,
    definition,
    profiles: portalProfilesFor(seed, listener.url),
    seed: portalSeed,
    admin: createPortalAdmin(listener.url),
    style,
    words,
    connectLabel,
    callbackUrl,
    ...(superOffice ? { superOfficeUrl: superOffice.url } : {}),
  };
}
