import { IncomingMessage } from 'node:http';

/**
 * The request again with another (already read) body, for oidc-provider to read as if it had come
 * so: a form body rewritten before the provider parses it.
 */
export function replayRequest(req: IncomingMessage, body: Buffer, headers: IncomingMessage['headers']): IncomingMessage {
  const replay = new IncomingMessage(req.socket);
  replay.method = req.method;
  replay.url = req.url;
  replay.httpVersion = req.httpVersion;
  replay.httpVersionMajor = req.httpVersionMajor;
  replay.httpVersionMinor = req.httpVersionMinor;
  replay.headers = { ...headers, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) };
  replay.push(body);
  replay.push(null);
  // Tells Node the message arrived whole; otherwise finishing the read counts as an abort and closes the socket.
  replay.complete = true;
  return replay;
}
