import { randomBytes } from 'node:crypto';
import type { ConnectionState, PortalIntegrationSeed, PortalSeed } from './portal-seed-schema';
import type { PendingVismaLogin, PortalTokens } from './portal-visma-client';

/**
 * What the portal keeps on its server side, in memory: its integrations with their Visma.net
 * connection (tokens never leave this process), job logs, sign-in sessions and the Visma logins in
 * progress, plus the settings and faults the admin endpoint changes.
 */
export interface IntegrationRecord extends Required<PortalIntegrationSeed> {
  connection: ConnectionState;
  tokens?: PortalTokens;
  connectedAs?: string;
  connectedCompanyId?: string;
  clientId?: string;
  connectedAt?: string;
  /** What the last Visma login for this integration ended in, shown on its page (as the style reports it). */
  lastAttempt?: { ok: boolean; text: string; detail?: string };
  /** With success "flash": the one-time message, shown on the next load of the page and then gone (ASP.NET's TempData). */
  flash?: string;
  lastJob?: { success: boolean; message: string; at: string };
  /** When its triggered-job URL last started a job (epoch ms). */
  lastTriggeredAt?: number;
  log: string[];
}

/** The integration is connected with these tokens, made by its own client's login. */
export function recordConnection(record: IntegrationRecord, tokens: PortalTokens): void {
  record.connection = 'connected';
  record.tokens = tokens;
  record.connectedAt = new Date().toISOString();
  record.clientId = tokens.clientId;
  if (tokens.email) record.connectedAs = tokens.email;
  if (tokens.tenantId) record.connectedCompanyId = tokens.tenantId;
}

export interface PendingLogin extends Omit<PendingVismaLogin, 'url'> {
  integrationId: string;
  loginIn: 'navigate' | 'popup';
  startedAt: number;
}

export const PORTAL_FAULTS = ['callback-500', 'sessions-expired', 'job-down'] as const;
export type PortalFault = (typeof PORTAL_FAULTS)[number];

export type PortalSettings = Pick<PortalSeed, 'loginIn' | 'responseMode' | 'jobIntervalSeconds' | 'sendLoginHint'>;

/** A federated sign-in on its way through the SuperOffice look-alike: where to go after it. */
interface PendingSignIn {
  returnUrl: string;
  startedAt: number;
}

const PENDING_LIFETIME_MS = 10 * 60_000;
const SESSION_LIFETIME_MS = 8 * 3600_000;

export const randomSecret = () => randomBytes(24).toString('base64url');

/** The seed with every secret it may leave out made up (the client secret, the job keys). */
export type PortalSeedWithSecrets = Omit<PortalSeed, 'client' | 'integrations'> & {
  client: Required<PortalSeed['client']>;
  integrations: Required<PortalIntegrationSeed>[];
};

export function withSecrets(portal: PortalSeed): PortalSeedWithSecrets {
  return {
    ...portal,
    client: { ...portal.client, secret: portal.client.secret ?? randomSecret() },
    integrations: portal.integrations.map((i) => ({ ...i, jobKey: i.jobKey ?? randomSecret() })),
  };
}

export function createPortalState(portal: PortalSeedWithSecrets) {
  const integrations = new Map<string, IntegrationRecord>(portal.integrations.map((seed) => [seed.id, { ...seed, log: [] }]));
  const sessions = new Map<string, { email: string; expiresAt: number }>();
  const pending = new Map<string, PendingLogin>();
  const faults = new Set<PortalFault>();
  const pendingSignIns = new Map<string, PendingSignIn>();
  // The style's choice, when it makes one, over the older top-level settings.
  const settings: PortalSettings = {
    loginIn: portal.style.loginIn ?? portal.loginIn,
    responseMode: portal.style.responseMode ?? portal.responseMode,
    jobIntervalSeconds: portal.jobIntervalSeconds,
    sendLoginHint: portal.sendLoginHint,
  };

  return {
    settings,
    faults,
    integration: (id: string) => integrations.get(id),
    integrations: () => [...integrations.values()],
    user: (email: string) => portal.users.find((u) => u.email.toLowerCase() === email.trim().toLowerCase()),

    startSession(email: string): string {
      const id = randomSecret();
      sessions.set(id, { email, expiresAt: Date.now() + SESSION_LIFETIME_MS });
      return id;
    },
    sessionUser(id: string | undefined): string | undefined {
      const session = id ? sessions.get(id) : undefined;
      if (!session || session.expiresAt <= Date.now()) return undefined;
      return session.email;
    },
    /** Every session cookie given out so far stops working; the next page asks to sign in again. */
    expireSessions: () => sessions.clear(),

    addPending(login: PendingLogin) {
      for (const [state, old] of pending) if (old.startedAt + PENDING_LIFETIME_MS < Date.now()) pending.delete(state);
      pending.set(login.state, login);
    },
    /** A federated sign-in started: its state is the key its callback brings back. */
    addPendingSignIn(state: string, returnUrl: string) {
      for (const [key, old] of pendingSignIns) if (old.startedAt + PENDING_LIFETIME_MS < Date.now()) pendingSignIns.delete(key);
      pendingSignIns.set(state, { returnUrl, startedAt: Date.now() });
    },
    takePendingSignIn(state: string): PendingSignIn | undefined {
      const signIn = pendingSignIns.get(state);
      pendingSignIns.delete(state);
      return signIn && signIn.startedAt + PENDING_LIFETIME_MS >= Date.now() ? signIn : undefined;
    },

    /** The login this state belongs to, once: a state is never accepted twice. */
    takePending(state: string): PendingLogin | undefined {
      const login = pending.get(state);
      pending.delete(state);
      return login && login.startedAt + PENDING_LIFETIME_MS >= Date.now() ? login : undefined;
    },
  };
}

export type PortalState = ReturnType<typeof createPortalState>;
