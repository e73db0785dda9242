import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BrowserError } from './browser-error';
import type { CallbackPage } from './callback-page';

export interface LoopbackListener {
  /** The redirect URI to send: the template's path on 127.0.0.1 and the port bound. */
  redirectUri: string;
  /**
   * The callback of the login whose `state` this is: the first request that carries it is answered
   * with the done (or error) page and handed back, and the listener closes. Undefined when the
   * listener closed first (the signal: cancel or time-out).
   */
  answer(state: string, signal: AbortSignal): Promise<URL | undefined>;
  close(): Promise<void>;
}


/** The redirect URI as a loopback one Bridgekeeper can listen on: http, 127.0.0.1, the port it names or any. */
export function loopbackTemplate(redirectUri: string): { port: number; path: string } {
  const url = URL.canParse(redirectUri) ? new URL(redirectUri) : undefined;
  if (!url || url.protocol !== 'http:' || url.hostname !== '127.0.0.1') {
    throw new BrowserError('browser.error.needsLoopback', { uri: redirectUri });
  }
  return { port: url.port ? Number(url.port) : 0, path: url.pathname };
}

/**
 * RFC 8252 §7.3: a listener on 127.0.0.1 only, on a port of the system's choosing unless the
 * registration names one, that accepts one answer and then closes. A request with another Host
 * (a web page rebinding a name to 127.0.0.1), another path or another `state` is refused and
 * changes nothing.
 */
export async function listenOnLoopback(redirectUri: string, render: (page: CallbackPage) => string): Promise<LoopbackListener> {
  const template = loopbackTemplate(redirectUri);
  let expected: { state: string; settle(url: URL | undefined): void } | undefined;
  let answered = false;

  const respond = (res: ServerResponse, status: number, page: CallbackPage) => {
    res.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      Connection: 'close',
    });
    res.end(render(page));
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const port = (server.address() as AddressInfo).port;
    if (req.headers.host !== `127.0.0.1:${port}` || answered) return respond(res, 400, { kind: 'refused' });
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (req.method !== 'GET' || url.pathname !== template.path) return respond(res, 404, { kind: 'refused' });
    if (!expected || url.searchParams.get('state') !== expected.state) return respond(res, 400, { kind: 'wrong-login' });
    answered = true;
    const error = url.searchParams.get('error');
    const accepted = expected;
    // Handed back once the page is sent: closing earlier could cut the page off.
    res.on('finish', () => {
      accepted.settle(url);
      void close();
    });
    respond(res, 200, error ? { kind: 'failed', error: url.searchParams.get('error_description') || error } : { kind: 'done' });
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 10_000;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
      expected?.settle(undefined);
    });
    return closing;
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new BrowserError('browser.error.cannotListen', { port: template.port, reason: (error as NodeJS.ErrnoException).code ?? error.message })));
    server.listen(template.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    redirectUri: `http://127.0.0.1:${port}${template.path}`,
    answer(state, signal) {
      return new Promise<URL | undefined>((resolve) => {
        let settled = false;
        expected = {
          state,
          settle: (url) => {
            if (settled) return;
            settled = true;
            signal.removeEventListener('abort', onAbort);
            resolve(url);
          },
        };
        const onAbort = () => void close();
        if (signal.aborted || closing) return void close().then(() => expected?.settle(undefined));
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
    close,
  };
}
