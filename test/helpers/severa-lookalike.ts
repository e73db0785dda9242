import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small look-alike of the Severa REST API for the client's tests, on 127.0.0.1, port 0, under
 * /rest-api like the real base URL: POST /v1/token (JSON client credentials), GET /v1/users paged
 * with rowCount/pageToken and the NextPageToken header, GET /v1/organizationdetails. Faults are
 * queued per path: each answers one request, in order, before normal service resumes.
 */
export interface LookalikeUser {
  guid: string;
  email: string | null;
  firstName: string;
  lastName: string;
  isActive: boolean;
}

export interface Fault {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | null;
  clientId: string | null;
}

export interface SeveraLookalike {
  /** The base URL to give the client: http://127.0.0.1:<port>/rest-api */
  url: string;
  requests: RecordedRequest[];
  users: LookalikeUser[];
  activeAddons: string[];
  /** Queue faults for a path ('/v1/token', '/v1/users', '/v1/organizationdetails'). */
  fail(path: string, ...faults: Fault[]): void;
  /** Forget every issued token, as if they had expired. */
  expireTokens(): void;
  close(): Promise<void>;
}

export const LOOKALIKE_CLIENT = { clientId: 'bridgekeeper-test', clientSecret: 's3cret-value', scope: 'users:read organization:read' };

export async function startSeveraLookalike(users: LookalikeUser[], activeAddons: string[]): Promise<SeveraLookalike> {
  const tokens = new Set<string>();
  const faults = new Map<string, Fault[]>();
  const requests: RecordedRequest[] = [];
  const state = { users, activeAddons };

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const error = (status: number, message: string) => ({ error: { httpStatusCode: status, message } });

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://lookalike');
      const path = url.pathname.replace(/^\/rest-api/, '');
      requests.push({
        method: req.method ?? '',
        path,
        query: Object.fromEntries(url.searchParams),
        authorization: req.headers.authorization ?? null,
        clientId: (req.headers.client_id as string | undefined) ?? null,
      });
      const fault = faults.get(path)?.shift();
      if (fault) return send(res, fault.status, fault.body ?? error(fault.status, 'fault'), fault.headers);

      if (req.method === 'POST' && path === '/v1/token') {
        let credentials: Record<string, unknown> = {};
        try {
          credentials = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          return send(res, 400, error(400, 'Invalid JSON'));
        }
        if (credentials.client_id !== LOOKALIKE_CLIENT.clientId || credentials.client_secret !== LOOKALIKE_CLIENT.clientSecret) {
          return send(res, 401, error(401, 'Invalid client credentials'));
        }
        const token = randomUUID();
        tokens.add(token);
        return send(res, 200, { access_token: token, access_token_type: 'Bearer', access_token_expires_in: 3600, scope: credentials.scope });
      }
      const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
      if (!tokens.has(token) || req.headers.client_id !== LOOKALIKE_CLIENT.clientId) return send(res, 401, error(401, 'Unauthorized'));

      if (req.method === 'GET' && path === '/v1/users' && url.searchParams.has('email')) {
        // Severa's filter, as this look-alike assumes it: the address without regard to case.
        const wanted = url.searchParams.get('email')!.toLowerCase();
        return send(res, 200, state.users.filter((user) => user.email?.toLowerCase() === wanted));
      }
      if (req.method === 'GET' && path === '/v1/users') {
        const rowCount = Math.min(Number(url.searchParams.get('rowCount') ?? 20), 1000);
        const start = Number(Buffer.from(url.searchParams.get('pageToken') ?? 'MA==', 'base64').toString('utf8'));
        const page = state.users.slice(start, start + rowCount);
        const next = start + rowCount < state.users.length ? { NextPageToken: Buffer.from(String(start + rowCount)).toString('base64') } : undefined;
        return send(res, 200, page, next);
      }
      if (req.method === 'GET' && path === '/v1/organizationdetails') {
        return send(res, 200, { guid: 'org-1', name: 'Look-alike Oy', activeAddons: state.activeAddons });
      }
      return send(res, 404, error(404, 'Not found'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/rest-api`,
    requests,
    get users() {
      return state.users;
    },
    set users(value) {
      state.users = value;
    },
    get activeAddons() {
      return state.activeAddons;
    },
    set activeAddons(value) {
      state.activeAddons = value;
    },
    fail: (path, ...more) => faults.set(path, [...(faults.get(path) ?? []), ...more]),
    expireTokens: () => tokens.clear(),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
