import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { classifyOidcError, isNetworkError } from '../../../src/main/reauth/oidc-client';
import type { FakeElectron } from '../../helpers/fake-electron';

const fake = vi.hoisted(() => ({ current: undefined as unknown as FakeElectron }));
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('../../helpers/fake-electron');
  fake.current = createFakeElectron();
  return fake.current.module;
});

const { createMainFetch, MAIN_HTTP_PARTITION } = await import('../../../src/main/platform/main-http');

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === '/moved') {
      response.writeHead(302, { location: '/elsewhere' }).end();
      return;
    }
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ method: request.method, body, cookie: request.headers.cookie ?? null })));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A port nothing listens on. */
async function closedPort(): Promise<string> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}

describe("main's own HTTP, over Chromium's network stack", () => {
  it("reads Electron's net::ERR_* failures as network errors, so a reconnect offline says so and a health check retries", async () => {
    const error = await createMainFetch()(await closedPort()).catch((e: unknown) => e);
    // What Electron really rejects with: no `code`, no `cause`, just Chromium's name in the message.
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('net::ERR_CONNECTION_REFUSED');
    expect((error as { code?: unknown }).code).toBeUndefined();
    expect(isNetworkError(error)).toBe(true);
    expect(classifyOidcError(error)).toEqual({ outcome: 'network-error', detail: 'The connection failed (net::ERR_CONNECTION_REFUSED).' });
    // and when a library wraps it
    expect(isNetworkError(new Error('request failed', { cause: new Error('net::ERR_NAME_NOT_RESOLVED') }))).toBe(true);
    expect(isNetworkError(new Error('invalid_grant'))).toBe(false);
  });

  it("gives back a redirect as its 3xx with redirect: 'manual' (what oauth4webapi asks), where net.fetch would reject", async () => {
    await expect(fake.current.module.net.fetch(`${base}/moved`, { redirect: 'manual' })).rejects.toThrow('Redirect was cancelled');
    const response = await createMainFetch()(`${base}/moved`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${base}/elsewhere`);
  });

  it("sends the body and reads the answer in 'manual' mode, as a token request does", async () => {
    const response = await createMainFetch()(`${base}/token`, { method: 'POST', body: 'grant_type=refresh_token', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ method: 'POST', body: 'grant_type=refresh_token', cookie: null });
  });

  it('uses a session of its own, in memory, without cookies or cache', async () => {
    const response = await createMainFetch()(`${base}/api`);
    expect(response.status).toBe(200);
    const ses = fake.current.sessions.get(MAIN_HTTP_PARTITION)!;
    expect(ses.partition).not.toMatch(/^persist:/);
    expect(ses.fetched.at(-1)).toEqual({ url: `${base}/api`, credentials: 'omit', cache: 'no-store' });
  });
});
