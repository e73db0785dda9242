import { randomUUID } from 'node:crypto';

/** The ERP API's error bodies, keys in Visma's order (visma-facts.md, from the vendor's KB). */
export interface VismaError {
  ExceptionType: 'IPPException';
  ExceptionMessage: string;
  ExceptionFaultCode: string;
}

/** An old-style token, or a token without a company: the client must reauthenticate. */
export const invalidCompanyId = (): VismaError => ({
  ExceptionType: 'IPPException',
  ExceptionMessage: `Invalid parameter exception: ipp-company-id (12002_12002_${randomUUID()})`,
  ExceptionFaultCode: '12002',
});

/** The user lacks API User in the token's company. */
export const noLicense = (): VismaError => ({
  ExceptionType: 'IPPException',
  ExceptionMessage: 'No license for this company.',
  ExceptionFaultCode: '12027',
});

/** What ASP.NET Web API answers a request its bearer check refused. */
export const AUTHORIZATION_DENIED = { Message: 'Authorization has been denied for this request.' };
