import type { SeveraUser } from '../../../shared/severa-check';
import { invalid } from '../../errors';
import { BODY_CAPS, ResponseTooLarge, readCappedText } from '../../http/read-capped';
import { type Secrets, redact } from '../../redact';
import type { SeveraCredentials, SeveraCredentialSource } from './severa-credentials';
import { SeveraApiError } from './severa-api-error';
import { backoffMs, DEFAULT_RETRY_POLICY, isRetryableStatus, type RetryPolicy, retryAfterMs } from './retry-policy';

export const SEVERA_API_URL = 'https://api.severa.visma.com/rest-api';

export interface SeveraApiOptions {
  /** Production by default; staging is https://api.severa.stag.visma.com/rest-api. */
  baseUrl?: string;
  credentials: SeveraCredentialSource;
  retry?: Partial<RetryPolicy>;
  /** Users per page (Severa's rowCount). */
  pageSize?: number;
  /** Per attempt: a call that hangs longer is abandoned and retried. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export interface AddonReading {
  state: 'active' | 'inactive';
  /** Every add-on Severa listed: evidence, and the way to spot a misconfigured add-on name. */
  activeAddons: string[];
}

export interface SeveraApiClient {
  /** Every Severa user, active and inactive, following NextPageToken to the last page. */
  listUsers(): Promise<SeveraUser[]>;
  /** The organization's active add-ons, from /v1/organizationdetails. */
  listActiveAddons(): Promise<string[]>;
  /** Whether the add-on of that name (compared without case, spaces or dashes) is active. */
  readAddonState(addonName: string): Promise<AddonReading>;
  /** Severa's own answer for one address: GET /v1/users?email= (every user Severa returns for it). */
  findUsersByEmail(email: string): Promise<SeveraUser[]>;
}

interface Token {
  value: string;
  type: string;
  /** Epoch ms after which a new token is fetched (a minute before Severa's expiry). */
  renewAt: number;
}

const MAX_PAGES = 10_000;
const EXPIRY_MARGIN_MS = 60_000;
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Severa's error type ("AddonMissing", "OrganizationNotActive", "InsufficientApiScope", …), if the body names one. */
function errorType(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { type?: unknown; errorType?: unknown; error?: { type?: unknown; errorType?: unknown } };
    const type = parsed.error?.type ?? parsed.error?.errorType ?? parsed.type ?? parsed.errorType;
    return typeof type === 'string' ? type : null;
  } catch {
    return null;
  }
}

/** The error types Severa documents that an admin can act on, explained; null for the rest. */
function explainedError(type: string | null, endpoint: string, status: number): SeveraApiError | null {
  switch (type) {
    case 'AddonMissing':
      return new SeveraApiError(
        'addon-required',
        `Severa answered ${status} AddonMissing for ${endpoint}: the organization lacks an add-on this needs (such as the REST API add-on). A Severa administrator can check the add-ons under Settings → Subscription → Features and integrations.`,
        status,
      );
    case 'OrganizationNotActive':
      return new SeveraApiError(
        'organization-not-active',
        `Severa answered ${status} OrganizationNotActive: the organization's Severa is not active (its subscription ended or is suspended), so nobody can open Severa, from Azets Work or otherwise. If it should still use Severa, contact Visma Severa customer service about the subscription.`,
        status,
      );
    case 'InsufficientApiScope':
      return new SeveraApiError(
        'insufficient-scope',
        `Severa answered ${status} InsufficientApiScope for ${endpoint}: the REST API client's scope does not cover it. In Severa's settings, give the client the scopes users:read and organization:read, and enter the same scope here.`,
        status,
      );
    default:
      return null;
  }
}

/** What Severa said, shortened and redacted of the client's secrets, for a message: never more than a line. */
function said(body: string, secrets: Secrets): string {
  let text = body;
  try {
    const parsed = JSON.parse(body) as { message?: unknown; error?: { message?: unknown } };
    const message = parsed.error?.message ?? parsed.message;
    if (typeof message === 'string') text = message;
  } catch {
    // not JSON: quote the text itself
  }
  const line = redact(text, secrets).replace(/\s+/g, ' ').trim();
  return line === '' ? '' : `: "${line.length > 160 ? `${line.slice(0, 160)}…` : line}"`;
}

const addonKey = (name: string): string => name.toLowerCase().replace(/[\s_-]+/g, '');

function toSeveraUser(raw: unknown): SeveraUser {
  if (raw === null || typeof raw !== 'object') throw new SeveraApiError('bad-response', 'Severa sent a user that is not an object.');
  const user = raw as Record<string, unknown>;
  const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
  const name = [text(user.firstName), text(user.lastName)].filter((part) => part !== null).join(' ');
  return {
    email: typeof user.email === 'string' ? user.email : '', // kept exactly: invisible characters are evidence
    active: typeof user.isActive === 'boolean' ? user.isActive : null,
    name: name === '' ? null : name,
    id: text(user.guid) ?? text(user.code),
    row: null,
  };
}

/**
 * The Severa REST API, as far as the login check needs it: a client-credentials token
 * (POST /v1/token), the users (GET /v1/users, paged through the NextPageToken header) and the
 * organization's add-ons (GET /v1/organizationdetails). Rate limits and server failures are
 * retried a bounded number of times (Retry-After honoured); a refused token is renewed once;
 * everything else fails at once with a message saying what to check.
 */
export function createSeveraApiClient(options: SeveraApiOptions): SeveraApiClient {
  const baseUrl = (options.baseUrl ?? SEVERA_API_URL).replace(/\/+$/, '');
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? defaultSleep;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const pageSize = options.pageSize ?? 100;
  let token: Token | null = null;
  let credentials: SeveraCredentials | null = null;
  const secrets = (): Secrets => ({ clientSecret: credentials?.clientSecret, accessToken: token?.value });

  /** Every answer is read under a cap: a flooding endpoint ends the call, not main's memory. */
  async function readBody(response: Response, cap: number): Promise<string> {
    try {
      return await readCappedText(response, cap);
    } catch (error) {
      if (error instanceof ResponseTooLarge) throw new SeveraApiError('bad-response', error.message, response.status);
      throw error;
    }
  }

  async function loadCredentials(): Promise<SeveraCredentials> {
    credentials ??= await options.credentials.load();
    if (!credentials) {
      throw new SeveraApiError('no-credentials', 'No Severa API credentials are stored: add the REST API client id and secret from Severa first.');
    }
    return credentials;
  }

  /** One request, retried while the failure is passing (429, 5xx, network); returns the last response otherwise. */
  async function send(path: string, init: RequestInit): Promise<Response> {
    const url = `${baseUrl}${path}`;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        if (attempt >= policy.maxAttempts) {
          const cause = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (error as Error).message;
          throw new SeveraApiError('network', `Could not reach Severa at ${baseUrl} (${cause}), after ${attempt} attempts. Check the network and the API address.`);
        }
        await sleep(backoffMs(policy, attempt));
        continue;
      }
      if (!isRetryableStatus(response.status)) return response;
      const body = await readBody(response, BODY_CAPS.severa);
      const asked = response.status === 429 ? retryAfterMs(response.headers.get('retry-after')) : null;
      if (asked !== null && asked > policy.maxRetryAfterMs) {
        throw new SeveraApiError('rate-limited', `Severa is limiting requests (HTTP 429) and asks to wait ${Math.ceil(asked / 1000)} s: try again later.`, 429);
      }
      if (attempt >= policy.maxAttempts) {
        if (response.status === 429) {
          throw new SeveraApiError('rate-limited', `Severa kept limiting requests (HTTP 429) for ${attempt} attempts on ${path}: try again in a minute.`, 429);
        }
        throw new SeveraApiError(
          'server-error',
          `Severa's API failed ${attempt} times on ${path} (HTTP ${response.status}${said(body, secrets())}). This is on Severa's side: try again later.`,
          response.status,
        );
      }
      await sleep(asked ?? backoffMs(policy, attempt));
    }
  }

  async function fetchToken(): Promise<Token> {
    const { clientId, clientSecret, scope } = await loadCredentials();
    const response = await send('/v1/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ client_id: clientId, client_secret: clientSecret, scope }),
    });
    const body = await readBody(response, BODY_CAPS.token);
    const explained = response.ok ? null : explainedError(errorType(body), '/v1/token', response.status);
    if (explained) throw explained;
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      throw new SeveraApiError(
        'credentials-rejected',
        `Severa did not accept the API credentials (HTTP ${response.status}${said(body, secrets())}). Check the client id, secret and scope of the REST API client in Severa's settings.`,
        response.status,
      );
    }
    if (!response.ok) throw new SeveraApiError('bad-response', `Severa's token endpoint answered HTTP ${response.status}${said(body, secrets())}.`, response.status);
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(body) as Record<string, unknown>;
    } catch {
      throw new SeveraApiError('bad-response', "Severa's token endpoint did not answer with JSON.", response.status);
    }
    const value = parsed.access_token;
    if (typeof value !== 'string' || value === '') throw new SeveraApiError('bad-response', "Severa's token endpoint sent no access token.", response.status);
    const lifetime = Number(parsed.access_token_expires_in ?? parsed.expires_in ?? 3600);
    const type = typeof parsed.access_token_type === 'string' ? parsed.access_token_type : 'Bearer';
    return { value, type, renewAt: Date.now() + Math.max(0, lifetime * 1000 - EXPIRY_MARGIN_MS) };
  }

  async function accessToken(): Promise<Token> {
    if (!token || Date.now() >= token.renewAt) token = await fetchToken();
    return token;
  }

  /** A GET with the token; a 401 gets one fresh token and one more try (it may just have expired). */
  async function get(path: string): Promise<{ response: Response; body: string }> {
    for (let renewed = false; ; renewed = true) {
      const current = await accessToken();
      const { clientId } = await loadCredentials();
      const response = await send(path, { headers: { Authorization: `${current.type} ${current.value}`, Client_Id: clientId, Accept: 'application/json' } });
      const body = await readBody(response, BODY_CAPS.severa);
      if (response.ok) return { response, body };
      if (response.status === 401 && !renewed) {
        token = null;
        continue;
      }
      const endpoint = path.split('?')[0]!;
      const explained = explainedError(errorType(body), endpoint, response.status);
      if (explained) throw explained;
      if (response.status === 401) {
        throw new SeveraApiError('unauthorized', `Severa refused the access token for ${endpoint} (HTTP 401) even after a new login: the API client may lack the scope for it.`, 401);
      }
      if (response.status === 403 && /addon required/i.test(body)) {
        throw new SeveraApiError(
          'addon-required',
          `Severa answered 403 "Addon required" for ${endpoint}: the organization lacks an add-on this needs (such as the REST API add-on). A Severa administrator can check the add-ons in Severa's settings.`,
          403,
        );
      }
      if (response.status === 403) {
        throw new SeveraApiError('forbidden', `Severa refused ${endpoint} (HTTP 403${said(body, secrets())}): the API client's scope may not include it.`, 403);
      }
      if (response.status === 404) {
        throw new SeveraApiError('not-found', `Severa has no ${endpoint} at ${baseUrl} (HTTP 404): check the API address.`, 404);
      }
      throw new SeveraApiError('bad-response', `Severa answered HTTP ${response.status} for ${endpoint}${said(body, secrets())}.`, response.status);
    }
  }

  function parseJson(body: string, endpoint: string): unknown {
    try {
      return JSON.parse(body);
    } catch {
      throw new SeveraApiError('bad-response', `Severa's ${endpoint} did not answer with JSON.`);
    }
  }

  async function listActiveAddons(): Promise<string[]> {
    const { body } = await get('/v1/organizationdetails');
    const details = parseJson(body, '/v1/organizationdetails') as { activeAddons?: unknown } | null;
    const addons = details?.activeAddons ?? [];
    if (!Array.isArray(addons) || !addons.every((addon) => typeof addon === 'string')) {
      throw new SeveraApiError('bad-response', "Severa's organization details have no list of active add-ons.");
    }
    return addons;
  }

  return {
    async listUsers() {
      const users: SeveraUser[] = [];
      const seenTokens = new Set<string>();
      let pageToken: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const query = new URLSearchParams({ rowCount: String(pageSize) });
        if (pageToken) query.set('pageToken', pageToken);
        const { response, body } = await get(`/v1/users?${query}`);
        const rows = parseJson(body, '/v1/users');
        if (!Array.isArray(rows)) throw new SeveraApiError('bad-response', "Severa's /v1/users did not answer with a list.");
        for (const row of rows) users.push(toSeveraUser(row));
        pageToken = response.headers.get('NextPageToken');
        if (!pageToken) return users;
        if (seenTokens.has(pageToken)) throw new SeveraApiError('bad-response', 'Severa sent the same NextPageToken twice: its paging went round in a circle.');
        seenTokens.add(pageToken);
      }
      throw new SeveraApiError('bad-response', `Severa's user list did not end after ${MAX_PAGES} pages.`);
    },

    listActiveAddons,

    async findUsersByEmail(email) {
      const { body } = await get(`/v1/users?${new URLSearchParams({ email, rowCount: String(pageSize) })}`);
      const rows = parseJson(body, '/v1/users');
      if (!Array.isArray(rows)) throw new SeveraApiError('bad-response', "Severa's /v1/users did not answer with a list.");
      return rows.map(toSeveraUser);
    },

    async readAddonState(addonName) {
      const wanted = addonKey(addonName);
      if (wanted === '') throw invalid('No add-on name to look for: set the name of the Azets Work add-on first.');
      const activeAddons = await listActiveAddons();
      return { state: activeAddons.some((addon) => addonKey(addon) === wanted) ? 'active' : 'inactive', activeAddons };
    },
  };
}
