import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An artefact's SHA-512 as electron-builder writes it into latest.yml: base64. */
export const sha512 = (bytes: Buffer): string => createHash('sha512').update(bytes).digest('base64');

/** A channel file as electron-builder publishes it (latest.yml, latest-mac.yml, beta.yml). */
export function channelFile(release: { version: string; file: string; bytes: Buffer; sha512?: string; releaseNotes?: string }): string {
  const hash = release.sha512 ?? sha512(release.bytes);
  return [
    `version: ${release.version}`,
    'files:',
    `  - url: ${release.file}`,
    `    sha512: ${hash}`,
    `    size: ${release.bytes.length}`,
    `path: ${release.file}`,
    `sha512: ${hash}`,
    `releaseDate: '2026-12-01T10:00:00.000Z'`,
    ...(release.releaseNotes ? [`releaseNotes: ${JSON.stringify(release.releaseNotes)}`] : []),
    '',
  ].join('\n');
}

/** What one path answers: a body, after a delay, or only part of it and then nothing (a stalled download). */
export interface Route {
  body: Buffer | string;
  status?: number;
  delayMs?: number;
  /** Sends this many bytes of the body, then stalls until the server closes. */
  stallAfter?: number;
}

/**
 * An update server on 127.0.0.1, port 0: the generic provider's folder (channel files and artefacts).
 * Records every path asked for, so a test can say what was (not) downloaded.
 */
export async function startUpdateServer() {
  const routes = new Map<string, Route>();
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const route = routes.get(path);
    if (!route) {
      response.writeHead(404).end('not found');
      return;
    }
    const body = Buffer.from(route.body);
    const send = () => {
      response.writeHead(route.status ?? 200, { 'content-length': body.length, 'content-type': path.endsWith('.yml') ? 'text/yaml' : 'application/octet-stream' });
      if (route.stallAfter !== undefined) response.write(body.subarray(0, route.stallAfter));
      else response.end(body);
    };
    if (route.delayMs) setTimeout(send, route.delayMs).unref();
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/updates/`,
    requests,
    set(path: string, route: Route) {
      routes.set(`/updates/${path}`, route);
    },
    /** Publishes a release: its channel file and its artefact. */
    publish(channel: string, release: Parameters<typeof channelFile>[0]) {
      this.set(channel, { body: channelFile(release) });
      this.set(release.file, { body: release.bytes });
    },
    asked: (file: string) => requests.includes(`/updates/${file}`),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type UpdateServer = Awaited<ReturnType<typeof startUpdateServer>>;
