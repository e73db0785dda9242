import type { KnownErrorKind } from '../../shared/log-explanation';

export interface KindText {
  code: string;
  title: string;
  meaning: string;
  whatToDo: string;
  reconnect: boolean;
}

/**
 * The same words as the reauthentication outcomes (src/main/reauth/outcomes.ts) for the same errors,
 * told about a log line rather than about one profile: the role fix is apiUserFix's sentence with
 * "the API user" and "the company" for the names a log line does not give.
 */
export const API_USER_FIX =
  "Give the API user the role 'API User' for the company in Visma.net Admin → Users and Roles; it can take 10–15 minutes to apply. Or log in as another user who has the role.";

/** The finding for errors at the ERP API's old address (visma-facts.md: throttled since 1 February 2026, being switched off). */
export const OLD_BASE_URL_TEXT = {
  title: 'DataBridge still calls integration.visma.net, the old ERP API address',
  meaning:
    'Visma moved the ERP API to https://api.finance.visma.net (paths like /v1/organization, no /API/controller/api). The old address is throttled since 1 February 2026 — about 500 calls per hour per app, then HTTP 429 — and is being switched off, so errors there may be the throttle rather than the profile.',
  whatToDo:
    "Change the ERP API base URL to https://api.finance.visma.net wherever it is set (DataBridge's Visma.net connection, and any custom environment in Bridgekeeper). Reconnecting does not change the address.",
};

export const KIND_TEXT: Record<KnownErrorKind, KindText> = {
  'ipp-company-id': {
    code: '12002',
    title: 'The Visma.net API answered 12002 (ipp-company-id)',
    meaning:
      'The API found no valid company in the token the profile sent: it is an old-style token from before Visma Connect, or a login that picked no company. Retrying will not help.',
    whatToDo: "Reconnect the profile, logging in with a user who has the API User role, and pick the profile's company.",
    reconnect: true,
  },
  'no-license': {
    code: '12027',
    title: 'No license for this company (12027)',
    meaning:
      'The Visma.net API refused the call for this company: the user the profile logged in with lacks the API User role there, the login picked the wrong company, or the company’s license has expired.',
    whatToDo: `${API_USER_FIX} Then reconnect the profile and pick the right company. If the company's license has expired, contact Visma.`,
    reconnect: true,
  },
  unauthorized: {
    code: '401',
    title: 'The Visma.net API refused the token (401)',
    meaning:
      'The access token was not accepted: it expired and could not be renewed, or the login picked the customer tenant instead of the company tenant. A single 401 followed by a working call is a normal token renewal.',
    whatToDo: 'If it keeps coming back, reconnect the profile and pick the company itself, not a customer entry with a similar name.',
    reconnect: true,
  },
  'invalid-grant': {
    code: 'invalid_grant',
    title: 'The refresh token was refused (invalid_grant)',
    meaning:
      'Visma Connect would not renew the connection: the refresh token has expired, was revoked, or was already used. The profile cannot get new access tokens on its own.',
    whatToDo: 'Reconnect the profile: only a new login gives it new tokens.',
    reconnect: true,
  },
  'invalid-tenant': {
    code: 'invalid_tenant',
    title: 'The user may not use the Visma.net API for this company (invalid_tenant)',
    meaning:
      'At login, Visma said the user or subscription is not entitled to use the API for the chosen company: the user lacks the API User role there.',
    whatToDo: `${API_USER_FIX} Then reconnect the profile.`,
    reconnect: true,
  },
  'access-denied': {
    code: 'access_denied',
    title: 'Access was not granted (access_denied)',
    meaning:
      'The login ended without tokens: the consent page was answered with Deny, or Visma refused access for this user.',
    whatToDo: `Reconnect the profile and choose Accept on the consent page: DataBridge needs that access to reach Visma.net. If no consent page was shown: ${API_USER_FIX}`,
    reconnect: true,
  },
  timeout: {
    code: 'timeout',
    title: 'Visma.net did not answer in time',
    meaning:
      'A call timed out. This is a network problem or a slow or busy Visma server, not a problem with the user, its roles or the tokens.',
    whatToDo:
      'Reconnecting will not help. Check the network connection and any proxy; if it keeps happening, Visma may be having problems: try again in a few minutes.',
    reconnect: false,
  },
};
