import { randomUUID } from 'node:crypto';

/**
 * The ERP API's error bodies, keys in Visma's order (visma-facts.md): ExceptionMessageID is
 * "<code>_<code>_<guid>", the GUID a per-request error id (not a company id).
 */
export interface VismaError {
  ExceptionType: 'IPPException';
  ExceptionMessage: string;
  ExceptionFaultCode: string;
  ExceptionMessageID: string;
  ExceptionDetails: string;
}

/** An old-style token, or a token without a company: the client must reauthenticate. */
export const invalidCompanyId = (): VismaError => {
  const id = `12002_12002_${randomUUID()}`;
  return {
    ExceptionType: 'IPPException',
    ExceptionMessage: `Invalid parameter exception: ipp-company-id (${id})`,
    ExceptionFaultCode: '12002',
    ExceptionMessageID: id,
    ExceptionDetails: '',
  };
};

/** The user lacks API User in the token's company. */
export const noLicense = (): VismaError => ({
  ExceptionType: 'IPPException',
  ExceptionMessage: 'No license for this company.',
  ExceptionFaultCode: '12027',
  ExceptionMessageID: `12027_12027_${randomUUID()}`,
  ExceptionDetails: '',
});

/** What ASP.NET Web API answers a request its bearer check refused. */
export const AUTHORIZATION_DENIED = { Message: 'Authorization has been denied for this request.' };
