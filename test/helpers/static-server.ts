import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { APP_ORIGIN, rendererHandler } from '../../src/main/platform/renderer-files';
import { netFetchFile } from './fake-electron';

/**
 * Serves the built renderer on 127.0.0.1 through the app's own app:// handler (platform/renderer-files.ts) over
 * Electron's net.fetch of file: URLs (the fake's, which rejects a missing file as Electron does): the same files,
 * the same 404s, the same CSP and nosniff headers the app's window gets. Only the origin differs (http://127.0.0.1).
 */
export async function serveDirectory(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const handle = rendererHandler(root, netFetchFile);
  const server = http.createServer(async (req, res) => {
    try {
      const asked = new URL(req.url ?? '/', 'http://x');
      const response = await handle(new Request(`${APP_ORIGIN}${asked.pathname}${asked.search}`, { method: req.method ?? 'GET' }));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body) Readable.fromWeb(response.body as WebReadableStream).pipe(res);
      else res.end();
    } catch {
      // lib/browser/api/protocol.ts: a handler that throws is ERR_UNEXPECTED; here, a 500 the test sees.
      res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    // The page goes away with the test: a connection it still holds must not keep the close waiting.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
