import type { Seed } from '../seed/seed-schema';
import type { PortalIntegrationSeed } from './portal-seed-schema';

/**
 * Many portal integrations without writing them by hand (a long, paged integrations list): ids
 * `int-001`, `int-002`, … and names like "Orders 001 – Nordlys", a little varied, each working in the
 * template's company as the template's API user, so they hold against the seed the template holds
 * against. `npm run sandbox -- --portal-integrations N` adds N of them to the seed.
 */

/** What the generated integrations do, in turn: the word in the name and the direction. */
const KINDS = [
  ['Orders', 'export'],
  ['Customers', 'import'],
  ['Invoices', 'export'],
  ['Projects', 'import'],
  ['Suppliers', 'import'],
  ['Payments', 'export'],
  ['Time sheets', 'export'],
] as const;
/** The places in the names, in turn (a cycle of another length than the kinds', so the pairs vary). */
const PLACES = ['Nordlys', 'Fjellvind', 'Havbris', 'Solgang', 'Skogly'] as const;

/** The most one call makes: ids and names stay four digits at most. */
export const MAX_GENERATED_INTEGRATIONS = 9999;

/**
 * `count` integrations for the seed's `portal.integrations`: old-style connections (every seventh
 * never connected), so each needs attention as the seed's own do, and none logs in at start. Job keys
 * are fixed (`int-001-job-key-generated`), so triggered-job URLs hold across runs.
 */
export function manyIntegrations(count: number, template: Pick<PortalIntegrationSeed, 'companyId' | 'apiUser'>): Required<PortalIntegrationSeed>[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_GENERATED_INTEGRATIONS) {
    throw new RangeError(`The number of integrations must be a whole number from 0 to ${MAX_GENERATED_INTEGRATIONS}, not ${count}`);
  }
  const width = Math.max(3, String(count).length);
  return Array.from({ length: count }, (_, i) => {
    const number = String(i + 1).padStart(width, '0');
    const [kind, direction] = KINDS[i % KINDS.length]!;
    const id = `int-${number}`;
    return {
      id,
      name: `${kind} ${number} – ${PLACES[i % PLACES.length]!}`,
      companyId: template.companyId,
      apiUser: template.apiUser,
      direction,
      connection: (i + 1) % 7 === 0 ? 'none' : 'old-style',
      jobKey: `${id}-job-key-generated`,
    };
  });
}

/**
 * The seed with `count` generated integrations after its own, modelled on its first integration, or
 * (when it has none) on the first active user holding API User in a company. Throws when the seed has
 * neither: a generated integration would name no user or company of it.
 */
export function withManyIntegrations(seed: Seed, count: number): Seed {
  if (count === 0) return seed;
  const first = seed.portal.integrations[0];
  const apiUser = seed.users.find((user) => user.active && user.companies.some((c) => c.apiUser));
  const template = first ?? (apiUser ? { companyId: apiUser.companies.find((c) => c.apiUser)!.id, apiUser: apiUser.email } : undefined);
  if (!template) throw new Error('The seed has no portal integration and no active user with API User to model generated integrations on');
  return { ...seed, portal: { ...seed.portal, integrations: [...seed.portal.integrations, ...manyIntegrations(count, template)] } };
}
