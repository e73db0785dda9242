import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessTokenLedger } from '../directory/access-token-ledger';
import { type Directory, DirectoryError } from '../directory/directory';
import { ADMIN_PREFIX } from '../faults/endpoints';
import type { Faults } from '../faults/faults';
import type { createRequestCounter } from '../faults/request-counter';
import { readBody, sendJson } from '../http/respond';
import type { LoginBook } from '../identity/logins';
import type { TokenStore } from '../identity/token-store';
import { ADMIN_ACTIONS, type AdminAction, type SandboxState } from './admin-contract';

export interface AdminDeps {
  directory: Directory;
  faults: Faults;
  counter: ReturnType<typeof createRequestCounter>;
  ledger: AccessTokenLedger;
  store: TokenStore;
  logins: LoginBook;
}

/** The admin endpoint (ADMIN_PREFIX): faults and role changes for tests and rehearsals. Loopback only, like the whole sandbox. */
export function createAdminRoutes({ directory, faults, counter, ledger, store, logins }: AdminDeps) {
  const userId = (email: string) => {
    const user = directory.userByEmail(email);
    if (!user) throw new DirectoryError(`No user with email "${email}"`);
    return user.id;
  };

  const run = {
    latency: ({ target, ms }) => faults.setLatency(target, ms),
    'fail-next': ({ target, count, status }) => faults.failNext(target, count, status),
    'drop-next': ({ target, count }) => faults.dropNext(target, count),
    'throttle-next': ({ target, count, retryAfterSeconds }) => faults.throttleNext(target, count, retryAfterSeconds),
    'clear-faults': () => faults.clear(),
    'expire-tokens': ({ email }) => {
      const id = userId(email);
      return { accessTokens: ledger.revokeAllOf(id), otherArtifacts: store.forgetAccount(id) };
    },
    'api-user': ({ email, companyId, apiUser }) => directory.setApiUser(email, companyId, apiUser),
    'user-active': ({ email, active }) => directory.setActive(email, active),
    'refresh-mode': ({ clientId, mode, existingLogins }) => {
      directory.setRefreshMode(clientId, mode);
      if (existingLogins) for (const login of logins.ofClient(clientId)) login.refreshMode = mode;
    },
    'reset-counts': () => counter.reset(),
  } satisfies { [A in AdminAction]: (input: ReturnType<(typeof ADMIN_ACTIONS)[A]['parse']>) => unknown };

  const state = (): SandboxState => ({
    users: directory.users().map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      active: u.active,
      twoStep: u.totpSecret !== undefined,
      companies: [...u.companies].map(([id, apiUser]) => ({ id, apiUser })),
    })),
    clients: directory.seed.clients.map((c) => {
      const live = directory.client(c.clientId)!;
      return { clientId: c.clientId, refreshMode: live.refreshTokens.mode, graceSeconds: live.refreshTokens.graceSeconds };
    }),
    faults: faults.snapshot(),
  });

  return async function handleAdmin(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const name = pathname.slice(ADMIN_PREFIX.length + 1);
    if (req.method === 'GET' && name === 'requests') return sendJson(res, 200, counter.counts());
    if (req.method === 'GET' && name === 'state') return sendJson(res, 200, state());
    if (req.method !== 'POST' || !Object.hasOwn(ADMIN_ACTIONS, name)) {
      return sendJson(res, 404, { error: `No admin action "${req.method} ${pathname}"; actions: ${Object.keys(ADMIN_ACTIONS).join(', ')}` });
    }
    const action = name as AdminAction;
    let body: unknown;
    try {
      const text = (await readBody(req)).toString('utf8');
      body = text ? JSON.parse(text) : {};
    } catch {
      return sendJson(res, 400, { error: 'The body must be JSON.' });
    }
    const parsed = ADMIN_ACTIONS[action].safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return sendJson(res, 400, { error: `${action}${issue.path.length ? `, ${issue.path.join('.')}` : ''}: ${issue.message}` });
    }
    try {
      const result = (run[action] as (input: unknown) => unknown)(parsed.data);
      sendJson(res, 200, { ok: true, ...(result && typeof result === 'object' ? result : {}) });
    } catch (error) {
      if (error instanceof DirectoryError) return sendJson(res, 404, { error: error.message });
      throw error;
    }
  };
}
