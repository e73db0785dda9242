import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Directory } from '../directory/directory';
import type { TokenVerifier } from '../erp-api/token-verifier';
import { sendJson } from '../http/respond';

/**
 * /connect/userinfo: the signed-in user's claims for a valid access token, as far as its scopes
 * allow. Served beside oidc-provider because its own userinfo refuses audience-bound JWTs.
 */
export function createUserinfo(verifier: TokenVerifier, directory: Directory) {
  const refuse = (res: ServerResponse, description: string) =>
    sendJson(res, 401, { error: 'invalid_token', error_description: description }, {
      'WWW-Authenticate': `Bearer error="invalid_token", error_description="${description}"`,
    });

  return async function userinfo(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const token = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return refuse(res, 'no access token');
    let claims;
    try {
      claims = await verifier.verify(token);
    } catch {
      return refuse(res, 'invalid or expired access token');
    }
    const user = directory.userById(String(claims.sub));
    if (!user?.active) return refuse(res, 'unknown or deactivated user');
    const scopes = new Set(String(claims.scope ?? '').split(' '));
    sendJson(res, 200, {
      sub: user.id,
      ...(scopes.has('email') ? { email: user.email, email_verified: true } : {}),
      ...(scopes.has('profile') ? { name: user.name } : {}),
    });
  };
}
