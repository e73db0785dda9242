import { generateKeyPair, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { JWK } from 'oidc-provider';

let shared: Promise<JWK> | undefined;

/**
 * The provider's RS256 signing key. Made once per process: an RSA key takes a noticeable share of
 * the sandbox's start, and every sandbox has its own issuer, so tokens never cross between them.
 */
export function signingKey(): Promise<JWK> {
  shared ??= promisify(generateKeyPair)('rsa', { modulusLength: 2048 }).then(({ privateKey }) => ({
    ...(privateKey.export({ format: 'jwk' }) as JWK),
    kid: randomUUID(),
    alg: 'RS256',
    use: 'sig',
  }));
  return shared;
}
