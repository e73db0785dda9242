import type { RefreshMode } from '../seed/seed-schema';

/**
 * What the identity provider remembers about each completed login (one oidc-provider grant):
 * the tenant the user picked, and the client's refresh-token mode at that moment — visma-facts:
 * a client's settings change only on the next interactive login.
 */
export interface LoginRecord {
  grantId: string;
  clientId: string;
  accountId: string;
  tenantId?: string;
  refreshMode: RefreshMode;
}

export interface LoginBook {
  add(record: LoginRecord): void;
  get(grantId: string): LoginRecord | undefined;
  /** For an admin switch that should reach logins already made, not only the next ones. */
  ofClient(clientId: string): LoginRecord[];
}

export function createLoginBook(): LoginBook {
  const records = new Map<string, LoginRecord>();
  return {
    add: (record) => void records.set(record.grantId, record),
    get: (grantId) => records.get(grantId),
    ofClient: (clientId) => [...records.values()].filter((r) => r.clientId === clientId),
  };
}
