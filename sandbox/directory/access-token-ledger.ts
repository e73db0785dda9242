/**
 * Access tokens are self-contained JWTs, so "expire this user's tokens now" needs a list the API
 * checks, as a real API would consult its own revocation list. Tokens are recorded as they are issued.
 */
export interface AccessTokenLedger {
  issued(jti: string, accountId: string, clientId?: string): void;
  /** Every access token of the account (of one client only, when given). */
  revokeAllOf(accountId: string, clientId?: string): number;
  isRevoked(jti: string): boolean;
}

export function createAccessTokenLedger(): AccessTokenLedger {
  const owners = new Map<string, { accountId: string; clientId: string | undefined }>();
  const revoked = new Set<string>();
  return {
    issued: (jti, accountId, clientId) => void owners.set(jti, { accountId, clientId }),
    revokeAllOf(accountId, clientId) {
      let count = 0;
      for (const [jti, owner] of owners) {
        if (owner.accountId === accountId && (clientId === undefined || owner.clientId === clientId) && !revoked.has(jti)) {
          revoked.add(jti);
          count += 1;
        }
      }
      return count;
    },
    isRevoked: (jti) => revoked.has(jti),
  };
}
