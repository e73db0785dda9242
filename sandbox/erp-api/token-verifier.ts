import { type JWTPayload, createRemoteJWKSet, jwtVerify } from 'jose';
import { INTERNAL_HEADER } from '../http/internal';

/**
 * Checks access tokens the way a separate resource server does: it reads the provider's discovery
 * document over HTTP, then verifies signatures against the JWKS it names (visma-facts: read the
 * JWKS from discovery). Nothing is shared with the provider in memory.
 */
export interface TokenVerifier {
  verify(token: string): Promise<JWTPayload>;
}

export function createTokenVerifier({ issuer, audience }: { issuer: string; audience: string }): TokenVerifier {
  const headers = { [INTERNAL_HEADER]: 'erp-api' };
  let keySet: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;

  const discover = async () => {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`, { headers });
    if (!response.ok) throw new Error(`discovery answered ${response.status}`);
    const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: string };
    if (!jwksUri) throw new Error('discovery names no jwks_uri');
    return createRemoteJWKSet(new URL(jwksUri), { headers });
  };

  return {
    async verify(token) {
      keySet ??= discover().catch((error: unknown) => {
        keySet = undefined; // try again on the next call
        throw error;
      });
      const { payload } = await jwtVerify(token, await keySet, { issuer, audience, typ: 'at+jwt', algorithms: ['RS256'] });
      return payload;
    },
  };
}
