import { parseSeed, SeedError } from './load-seed';
import type { PortalStyle } from '../portal/portal-style';
import type { ClientSeed, Seed } from './seed-schema';

type ClientOverride = Partial<Omit<ClientSeed, 'clientId' | 'refreshTokens'>> & { refreshTokens?: Partial<ClientSeed['refreshTokens']> };

/** Settings a test lays over a seed (the default one, usually) without writing a whole seed. */
export interface SandboxOverrides {
  identityProvider?: Partial<Seed['identityProvider']>;
  api?: Partial<Seed['api']>;
  /** By client id, e.g. `{ bridgekeeper: { accessTokenLifetimeSeconds: 1, refreshTokens: { mode: 're-use' } } }`. */
  clients?: Record<string, ClientOverride>;
  /**
   * The portal look-alike's settings and lists, each replacing the seed's, e.g. `{ responseMode: 'query' }`
   * or `{ style: PORTAL_VARIANTS['account-login'] }` (the whole style: left-out fields take their defaults).
   */
  portal?: Partial<Omit<Seed['portal'], 'style'>> & { style?: PortalStyle };
}

export function applyOverrides(seed: Seed, overrides: SandboxOverrides): Seed {
  const { identityProvider = {}, api = {}, clients = {}, portal = {} } = overrides;
  const unknown = Object.keys(clients).filter((id) => !seed.clients.some((c) => c.clientId === id));
  if (unknown.length) throw new SeedError('overrides', unknown.map((id) => `clients.${id}: names no client of the seed`));
  return parseSeed(
    {
      ...seed,
      identityProvider: { ...seed.identityProvider, ...identityProvider },
      api: { ...seed.api, ...api },
      portal: { ...seed.portal, ...portal },
      clients: seed.clients.map((client) => {
        const override = clients[client.clientId];
        return override ? { ...client, ...override, refreshTokens: { ...client.refreshTokens, ...override.refreshTokens } } : client;
      }),
    },
    'overrides',
  );
}
