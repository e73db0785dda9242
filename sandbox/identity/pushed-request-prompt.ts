import type { IncomingMessage } from 'node:http';
import { replayRequest } from '../http/replay-request';
import { readBody } from '../http/respond';
import { applyIdentityServerPrompt } from './create-provider';

/**
 * A pushed authorization request (POST /connect/par) carries the parameters an authorize URL would:
 * IdentityServer's prompt semantics apply to them there, before oidc-provider stores them, since the
 * authorize request that follows carries only client_id and request_uri.
 */
export async function pushedRequestWithPrompt(req: IncomingMessage, honorPromptLogin: boolean): Promise<IncomingMessage> {
  const params = new URLSearchParams((await readBody(req)).toString('utf8'));
  applyIdentityServerPrompt(params, honorPromptLogin);
  return replayRequest(req, Buffer.from(params.toString()), req.headers);
}
