/**
 * Access tokens are self-contained JWTs, so "expire this user's tokens now" needs a list the API
 * checks, as a real API would consult its own revocation list. Tokens are recorded as they are issued.
 */
export interface AccessTokenLedger {
  issued(jti: string, accountId: string): void;
  revokeAllOf(accountId: string): number;
  isRevoked(jti: string): boolean;
}

export function createAccessTokenLedger(): AccessTokenLedger {
  const owners = new Map<string, string>();
  const revoked = new Set<string>();
  return {
    issued: (jti, accountId) => void owners.set(jti, accountId),
    revokeAllOf(accountId) {
      let count = 0;
      for (const [jti, owner] of owners) {
        if (owner === accountId && !revoked.has(jti)) {
          revoked.add(jti);
          count += 1;
        }
      }
      return count;
    },
    isRevoked: (jti) => revoked.has(jti),
  };
}
