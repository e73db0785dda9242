import { createHash } from 'node:crypto';
import type { ClientSeed, CompanySeed, RefreshMode, Seed, UserSeed } from '../seed/seed-schema';

/**
 * The sandbox's user database: who exists, who is active, who holds API User where, how each client
 * is registered. Seeded at start and changed by the admin endpoint. The identity provider and the
 * ERP API both consult it, as Visma's services consult their own user and role databases.
 */
export interface UserRecord {
  id: string;
  email: string;
  password: string;
  name: string;
  active: boolean;
  totpSecret?: string;
  /** company id → holds API User there */
  companies: Map<string, boolean>;
}

export type Tenant = { kind: 'company'; company: CompanySeed } | { kind: 'customer'; company: CompanySeed };

export interface Directory {
  readonly seed: Seed;
  userByEmail(email: string): UserRecord | undefined;
  userById(id: string): UserRecord | undefined;
  users(): UserRecord[];
  tenant(id: string): Tenant | undefined;
  client(clientId: string): ClientSeed | undefined;
  /** Whether the user holds API User in the company that owns this tenant. */
  hasApiUser(user: UserRecord, tenantId: string): boolean;
  setApiUser(email: string, companyId: string, apiUser: boolean): void;
  setActive(email: string, active: boolean): void;
  setRefreshMode(clientId: string, mode: RefreshMode): void;
}

/** A stable GUID-shaped `sub` from the email, so tokens name the same user across runs. */
export const userIdFor = (email: string): string => {
  const hex = createHash('sha256').update(`bridgekeeper-sandbox:${email.toLowerCase()}`).digest('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join('-');
};

export class DirectoryError extends Error {
  override name = 'DirectoryError';
}

const toRecord = (user: UserSeed): UserRecord => ({
  id: user.id ?? userIdFor(user.email),
  email: user.email,
  password: user.password,
  name: user.name,
  active: user.active,
  ...(user.totpSecret ? { totpSecret: user.totpSecret } : {}),
  companies: new Map(user.companies.map((c) => [c.id, c.apiUser])),
});

export function createDirectory(seed: Seed): Directory {
  const users = seed.users.map(toRecord);
  const clients = new Map(seed.clients.map((c) => [c.clientId, structuredClone(c)]));
  const tenants = new Map<string, Tenant>();
  for (const company of seed.companies) {
    tenants.set(company.id, { kind: 'company', company });
    if (company.customerTenant) tenants.set(company.customerTenant.id, { kind: 'customer', company });
  }

  const userByEmail = (email: string) => users.find((u) => u.email.toLowerCase() === email.trim().toLowerCase());
  const mustFindUser = (email: string) => {
    const user = userByEmail(email);
    if (!user) throw new DirectoryError(`No user with email "${email}"`);
    return user;
  };

  return {
    seed,
    userByEmail,
    userById: (id) => users.find((u) => u.id === id),
    users: () => users,
    tenant: (id) => tenants.get(id),
    client: (clientId) => clients.get(clientId),
    hasApiUser(user, tenantId) {
      const tenant = tenants.get(tenantId);
      return tenant !== undefined && user.companies.get(tenant.company.id) === true;
    },
    setApiUser(email, companyId, apiUser) {
      const user = mustFindUser(email);
      const tenant = tenants.get(companyId);
      if (tenant?.kind !== 'company') throw new DirectoryError(`No company with id "${companyId}"`);
      user.companies.set(companyId, apiUser);
    },
    setActive(email, active) {
      mustFindUser(email).active = active;
    },
    setRefreshMode(clientId, mode) {
      const client = clients.get(clientId);
      if (!client) throw new DirectoryError(`No client with id "${clientId}"`);
      client.refreshTokens.mode = mode;
    },
  };
}
