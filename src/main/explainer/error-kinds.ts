import { type Message, message } from '../../shared/i18n/message';
import { KNOWN_ERROR_KINDS, type KnownErrorKind } from '../../shared/log-explanation';

export interface KindText {
  code: string;
  title: Message;
  meaning: Message;
  whatToDo: Message;
  reconnect: boolean;
}

/**
 * The same words as the reauthentication outcomes (src/main/reauth/outcomes.ts) for the same errors,
 * told about a log line rather than about one profile: the role fix is apiUserFix's sentence with
 * "the API user" and "the company" for the names a log line does not give. Words as data: the
 * catalog's explainer.kind.<kind>.* in the reader's language.
 */
export const API_USER_FIX: Message = message('explainer.fix.api-user');

/** The finding for errors at the ERP API's old address (visma-facts.md: throttled since 1 February 2026, being switched off). */
export const OLD_BASE_URL_TEXT = {
  title: message('explainer.old-base-url.title'),
  meaning: message('explainer.old-base-url.meaning'),
  whatToDo: message('explainer.old-base-url.whatToDo'),
};

const CODES: Record<KnownErrorKind, string> = {
  'ipp-company-id': '12002',
  'no-license': '12027',
  unauthorized: '401',
  'invalid-grant': 'invalid_grant',
  'invalid-tenant': 'invalid_tenant',
  'access-denied': 'access_denied',
  timeout: 'timeout',
};

export const KIND_TEXT = Object.fromEntries(
  KNOWN_ERROR_KINDS.map((kind): [KnownErrorKind, KindText] => [
    kind,
    {
      code: CODES[kind],
      title: message(`explainer.kind.${kind}.title`),
      meaning: message(`explainer.kind.${kind}.meaning`),
      whatToDo: message(`explainer.kind.${kind}.whatToDo`, { fix: API_USER_FIX }),
      reconnect: kind !== 'timeout',
    },
  ]),
) as Record<KnownErrorKind, KindText>;
