import type { SeveraUser } from '../../../shared/severa-check';
import { userError } from '../../errors';
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
      return new SeveraApiError('addon-required', 'severa.api.addonMissing', { status, endpoint }, status);
    case 'OrganizationNotActive':
      return new SeveraApiError('organization-not-active', 'severa.api.organizationNotActive', { status }, status);
    case 'InsufficientApiScope':
      return new SeveraApiError('insufficient-scope', 'severa.api.insufficientScope', { status, endpoint }, status);
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
  if (raw === null || typeof raw !== 'object') throw new SeveraApiError('bad-response', 'severa.api.userNotObject');
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
      if (error instanceof ResponseTooLarge) throw new SeveraApiError('bad-response', 'severa.error.asSaid', { text: error.message }, response.status);
      throw error;
    }
  }

  async function loadCredentials(): Promise<SeveraCredentials> {
    credentials ??= await options.credentials.load();
    if (!credentials) {
      throw new SeveraApiError('no-credentials', 'severa.api.noCredentials');
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
          if (error instanceof Error && error.name === 'TimeoutError') {
            throw new SeveraApiError('network', 'severa.api.timeout', { baseUrl, seconds: timeoutMs / 1000, attempts: attempt });
          }
          throw new SeveraApiError('network', 'severa.api.network', { baseUrl, cause: (error as Error).message, attempts: attempt });
        }
        await sleep(backoffMs(policy, attempt));
        continue;
      }
      if (!isRetryableStatus(response.status)) return response;
      const body = await readBody(response, BODY_CAPS.severa);
      const asked = response.status === 429 ? retryAfterMs(response.headers.get('retry-after')) : null;
      if (asked !== null && asked > policy.maxRetryAfterMs) {
        throw new SeveraApiError('rate-limited', 'severa.api.rateLimitedWait', { seconds: Math.ceil(asked / 1000) }, 429);
      }
      if (attempt >= policy.maxAttempts) {
        if (response.status === 429) {
          throw new SeveraApiError('rate-limited', 'severa.api.rateLimited', { attempts: attempt, path }, 429);
        }
        throw new SeveraApiError('server-error', 'severa.api.serverError', { attempts: attempt, path, status: response.status, said: said(body, secrets()) }, response.status);
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
      throw new SeveraApiError('credentials-rejected', 'severa.api.credentialsRejected', { status: response.status, said: said(body, secrets()) }, response.status);
    }
    if (!response.ok) throw new SeveraApiError('bad-response', 'severa.api.tokenStatus', { status: response.status, said: said(body, secrets()) }, response.status);
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(body) as Record<string, unknown>;
    } catch {
      throw new SeveraApiError('bad-response', 'severa.api.tokenNotJson', {}, response.status);
    }
    const value = parsed.access_token;
    if (typeof value !== 'string' || value === '') throw new SeveraApiError('bad-response', 'severa.api.tokenMissing', {}, response.status);
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
        throw new SeveraApiError('unauthorized', 'severa.api.unauthorized', { endpoint }, 401);
      }
      if (response.status === 403 && /addon required/i.test(body)) {
        throw new SeveraApiError('addon-required', 'severa.api.addonRequired', { endpoint }, 403);
      }
      if (response.status === 403) {
        throw new SeveraApiError('forbidden', 'severa.api.forbidden', { endpoint, said: said(body, secrets()) }, 403);
      }
      if (response.status === 404) {
        throw new SeveraApiError('not-found', 'severa.api.notFound', { endpoint, baseUrl }, 404);
      }
      throw new SeveraApiError('bad-response', 'severa.api.badStatus', { status: response.status, endpoint, said: said(body, secrets()) }, response.status);
    }
  }

  function parseJson(body: string, endpoint: string): unknown {
    try {
      return JSON.parse(body);
    } catch {
      throw new SeveraApiError('bad-response', 'severa.api.notJson', { endpoint });
    }
  }

  async function listActiveAddons(): Promise<string[]> {
    const { body } = await get('/v1/organizationdetails');
    const details = parseJson(body, '/v1/organizationdetails') as { activeAddons?: unknown } | null;
    const addons = details?.activeAddons ?? [];
    if (!Array.isArray(addons) || !addons.every((addon) => typeof addon === 'string')) {
      throw new SeveraApiError('bad-response', 'severa.api.noAddonList');
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
        if (!Array.isArray(rows)) throw new SeveraApiError('bad-response', 'severa.api.usersNotList');
        for (const row of rows) users.push(toSeveraUser(row));
        pageToken = response.headers.get('NextPageToken');
        if (!pageToken) return users;
        if (seenTokens.has(pageToken)) throw new SeveraApiError('bad-response', 'severa.api.pagingCircle');
        seenTokens.add(pageToken);
      }
      throw new SeveraApiError('bad-response', 'severa.api.tooManyPages', { pages: MAX_PAGES });
    },

    listActiveAddons,

    async findUsersByEmail(email) {
      const { body } = await get(`/v1/users?${new URLSearchParams({ email, rowCount: String(pageSize) })}`);
      const rows = parseJson(body, '/v1/users');
      if (!Array.isArray(rows)) throw new SeveraApiError('bad-response', 'severa.api.usersNotList');
      return rows.map(toSeveraUser);
    },

    async readAddonState(addonName) {
      const wanted = addonKey(addonName);
      if (wanted === '') throw userError('invalid-argument', 'severa.api.noAddonName');
      const activeAddons = await listActiveAddons();
      return { state: activeAddons.some((addon) => addonKey(addon) === wanted) ? 'active' : 'inactive', activeAddons };
    },
  };
}
