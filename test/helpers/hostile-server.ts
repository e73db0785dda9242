import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the hostile server saw it, and the genuine answer the real server would give. */
export interface Intercepted {
  method: string;
  pathname: string;
  headers: Record<string, string>;
  body: string;
  /** Sends the request on to the real server and returns its answer (status, headers, text). */
  forward(): Promise<{ status: number; headers: Record<string, string>; body: string }>;
}

/** What a rule answers: a status with headers and a body, or its own raw handling of the response. */
export type HostileAnswer = { status: number; headers?: Record<string, string>; body: string } | ((res: ServerResponse) => void);
export type HostileRule = (request: Intercepted) => Promise<HostileAnswer | 'forward'>;

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'host']);

/**
 * A server on 127.0.0.1 that stands between the app and a real one (the sandbox): by default it
 * passes every request on; a rule per path answers in the real server's place — with a body that
 * echoes secrets, a flood, a forged token. `fetch` is what the app is given: requests for the real
 * origin go here instead (the app believes it talks to the real server; issuer checks still hold).
 */
export async function hostileServer(upstream: string) {
  const origin = new URL(upstream).origin;
  const rules = new Map<string, HostileRule>();
  const seen: { method: string; url: string }[] = [];

  const server = http.createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const { pathname, search } = new URL(req.url ?? '/', origin);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !HOP_BY_HOP.has(k)).map(([k, v]) => [k, String(v)]));
    const forward = async () => {
      const answer = await fetch(`${origin}${pathname}${search}`, { method: req.method ?? 'GET', headers, ...(body && req.method !== 'GET' ? { body } : {}), redirect: 'manual' });
      return {
        status: answer.status,
        headers: Object.fromEntries([...answer.headers].filter(([k]) => !HOP_BY_HOP.has(k))),
        body: await answer.text(),
      };
    };
    try {
      const rule = rules.get(pathname);
      const answer = rule ? await rule({ method: req.method ?? 'GET', pathname, headers, body, forward }) : 'forward';
      if (typeof answer === 'function') return answer(res);
      const sent = answer === 'forward' ? await forward() : answer;
      res.writeHead(sent.status, sent.headers ?? {}).end(sent.body);
    } catch (error) {
      if (!res.headersSent) res.writeHead(502).end(String(error));
      else res.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const here = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const viaHostile: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    seen.push({ method: init?.method ?? 'GET', url: url.href });
    if (url.origin !== origin) return fetch(input, init);
    return fetch(`${here}${url.pathname}${url.search}`, init);
  };

  return {
    /** Answer requests for this path (on the real origin) with the rule. */
    on(pathname: string, rule: HostileRule) {
      rules.set(pathname, rule);
    },
    off(pathname: string) {
      rules.delete(pathname);
    },
    fetch: viaHostile,
    /** Every request the app made through `fetch`, in order, with its real URL. */
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type HostileServer = Awaited<ReturnType<typeof hostileServer>>;
