import type { IncomingMessage } from 'node:http';
import { replayRequest } from '../http/replay-request';
import { readBody } from '../http/respond';

/**
 * Visma Connect lets a PKCE (public) client authenticate at the token and revocation endpoints as
 * HTTP Basic `client_id:` with an empty secret (visma-facts). oidc-provider wants such a client to
 * send client_id in the body instead, so the request is replayed that way; anything else passes as is.
 */
export async function emptySecretBasicAsBody(req: IncomingMessage): Promise<IncomingMessage> {
  const clientId = emptySecretClientId(req.headers.authorization);
  if (clientId === undefined) return req;
  const params = new URLSearchParams((await readBody(req)).toString('utf8'));
  if (!params.has('client_id')) params.set('client_id', clientId);
  const body = Buffer.from(params.toString());

  const { authorization: _dropped, ...headers } = req.headers;
  return replayRequest(req, body, headers);
}

function emptySecretClientId(authorization: string | undefined): string | undefined {
  const encoded = /^Basic\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon !== decoded.length - 1) return undefined;
  try {
    return decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
