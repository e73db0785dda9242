import { type ClientRequestConstructorOptions, type IncomingMessage, type Session, net, session } from 'electron';

/** Main's own HTTP (token endpoint, ERP API, Severa) gets a session nobody else uses: no cookies, no cache, nothing on disk. */
export const MAIN_HTTP_PARTITION = 'bridgekeeper-main-http';

// `cache` is in the Fetch standard (and Electron reads it) but not in Node's RequestInit type.
const NO_COOKIES_NO_CACHE = { credentials: 'omit', cache: 'no-store' } as RequestInit;

/**
 * Chromium's network stack (the system's proxy settings and certificate store, as a browser has
 * them), shaped like Node's fetch for the services:
 * - a dedicated in-memory session, `credentials: 'omit'` and no cache: a token answer is never
 *   kept, and no cookie of a login window or of the default session rides along;
 * - `redirect: 'manual'` (what oauth4webapi asks for) gives back the 3xx as Node's fetch does;
 *   Electron's net.fetch rejects with "Redirect was cancelled" instead.
 */
export function createMainFetch(): typeof fetch {
  const ses = session.fromPartition(MAIN_HTTP_PARTITION, { cache: false });
  return async (input, init) => {
    const request = new Request(input instanceof URL ? input.href : input, init);
    if (request.redirect === 'manual') return fetchWithoutFollowing(ses, request);
    return ses.fetch(request, NO_COOKIES_NO_CACHE);
  };
}

/** One request through net.request: a redirect answers with its own status and Location, never followed. */
async function fetchWithoutFollowing(ses: Session, request: Request): Promise<Response> {
  request.signal.throwIfAborted();
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : null;
  return new Promise<Response>((resolve, reject) => {
    const options: ClientRequestConstructorOptions = {
      session: ses,
      method: request.method,
      url: request.url,
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
    };
    const outgoing = net.request(options);
    for (const [name, value] of request.headers) outgoing.setHeader(name, value);
    const abort = () => {
      outgoing.abort();
      reject(request.signal.reason);
    };
    request.signal.addEventListener('abort', abort, { once: true });
    const done = () => request.signal.removeEventListener('abort', abort);
    outgoing.on('redirect', (status, _method, location, headers) => {
      done();
      resolve(new Response(null, { status, headers: { ...flatten(headers), location } }));
      outgoing.abort();
    });
    outgoing.on('response', (incoming: IncomingMessage) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        done();
        const empty = [101, 204, 205, 304].includes(incoming.statusCode) || request.method === 'HEAD';
        resolve(new Response(empty ? null : Buffer.concat(chunks), { status: incoming.statusCode, headers: flatten(incoming.headers) }));
      });
      incoming.on('error', (error: Error) => {
        done();
        reject(error);
      });
    });
    outgoing.on('error', (error: Error) => {
      done();
      reject(error); // after a resolve (the aborted redirect) this changes nothing
    });
    outgoing.end(body ?? undefined);
  });
}

function flatten(headers: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]));
}
