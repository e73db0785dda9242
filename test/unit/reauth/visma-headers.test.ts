import { describe, expect, it } from 'vitest';
import { labelErrorId, parseFault } from '../../../src/main/reauth/erp-api';
import { rateLimitOf } from '../../../src/main/reauth/rate-limit';
import { uiLocaleFor } from '../../../src/main/reauth/ui-locales';

describe("Visma's ui_locales (issue 11.12)", () => {
  it.each([
    ['nb-NO', 'nb-NO'],
    ['no', 'nb-NO'],
    ['nn-NO', 'nb-NO'],
    ['sv-FI', 'sv-SE'],
    ['fi', 'fi-FI'],
    ['da', 'da-DK'],
    ['nl-BE', 'nl-NL'],
    ['lv', 'lv-LV'],
    ['en-US', 'en-US'],
    ['en', 'en-GB'],
    ['en-IE', 'en-GB'],
    ['de-DE', 'en-GB'],
    ['not a locale!', 'en-GB'],
    ['nb_NO', 'nb-NO'],
  ])('%s → %s', (tag, expected) => expect(uiLocaleFor(tag)).toBe(expected));
});

describe('rate limit headers (issue 11.10)', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');
  const answer = (status: number, headers: Record<string, string>) => new Response(null, { status, headers });

  it('reads Retry-After in seconds or as a date, then X-RateLimit-Reset', () => {
    expect(rateLimitOf(answer(429, { 'Retry-After': '7' }), now)?.notBefore).toBe(now + 7000);
    expect(rateLimitOf(answer(429, { 'Retry-After': 'Mon, 30 Nov 2026 12:01:00 GMT' }), now)?.notBefore).toBe(now + 60_000);
    expect(rateLimitOf(answer(429, { 'X-RateLimit-Reset': '20' }), now)?.notBefore).toBe(now + 20_000);
    expect(rateLimitOf(answer(429, { 'X-RateLimit-Reset': String(now / 1000 + 90) }), now)?.notBefore).toBe(now + 90_000);
  });

  it('holds back after the last call of the window, not before', () => {
    expect(rateLimitOf(answer(200, { 'X-RateLimit-Remaining': '3', 'X-RateLimit-Reset': '60' }), now)).toBeUndefined();
    expect(rateLimitOf(answer(200, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Limit': '500', 'X-RateLimit-Reset': '60' }), now)).toEqual({ notBefore: now + 60_000, limit: 500, remaining: 0 });
  });
});

describe("Visma's error bodies (issue 11.11)", () => {
  it('parses ExceptionMessageID and ExceptionDetails; the GUID is a Visma error id, not a company', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const fault = parseFault(
      JSON.stringify({
        ExceptionType: 'IPPException',
        ExceptionMessage: `Invalid parameter exception: ipp-company-id (12002_12002_${id})`,
        ExceptionFaultCode: '12002',
        ExceptionMessageID: `12002_12002_${id}`,
        ExceptionDetails: 'The token names no company.',
      }),
    );
    expect(fault).toEqual({ faultCode: '12002', vismaErrorId: id, message: `Invalid parameter exception: ipp-company-id (12002_12002_${id}) (The token names no company.)` });
    expect(labelErrorId(fault.message!, fault.vismaErrorId)).toBe(`Invalid parameter exception: ipp-company-id (The token names no company.) (Visma error id ${id})`);
  });

  it('tolerates bodies that are not Visma JSON', () => {
    expect(parseFault('<html>502</html>')).toEqual({});
    expect(parseFault('null')).toEqual({});
    expect(parseFault('{"Message":"Authorization has been denied for this request."}')).toEqual({ message: 'Authorization has been denied for this request.' });
  });
});
