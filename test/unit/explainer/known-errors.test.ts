import { describe, expect, it } from 'vitest';
import { explainLogText } from '../../../src/main/explainer/explain-log';
import { apiUserFix } from '../../../src/main/reauth/outcomes';
import type { Profile } from '../../../src/shared/profile';
import type { KnownErrorKind, LogExplanation } from '../../../src/shared/log-explanation';
import { inEnglish } from '../../helpers/in-english';

const explain = (...lines: string[]) => explainLogText(lines.join('\r\n'), { source: 'paste' });
const kinds = (report: LogExplanation) => Object.fromEntries(report.known.map((k) => [k.kind, k.count]));
const known = (report: LogExplanation, kind: KnownErrorKind) => report.known.find((k) => k.kind === kind);

const GUID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const VISMA_12002 = `Error calling Visma.net endpoint (https://integration.visma.net/API/controller/api/v1/customer/customerClass) Invalid parameter exception: ipp-company-id (12002_12002_${GUID})`;

describe('the explainer on the errors product.md and visma-facts.md name', () => {
  it('reads the 12002 line from the vendor: endpoint, ipp-company-id, time, and that a reconnect fixes it', () => {
    const report = explain(`2024-05-03 10:11:12,123 [7] ERROR DataBridge.Visma - ${VISMA_12002}`);
    expect(report.known).toHaveLength(1);
    const error = report.known[0]!;
    expect(error).toMatchObject({
      kind: 'ipp-company-id',
      code: '12002',
      count: 1,
      reconnect: true,
      firstSeen: '2024-05-03T10:11:12.123',
      lastSeen: '2024-05-03T10:11:12.123',
      firstLine: 1,
      endpoints: [{ value: 'https://integration.visma.net/API/controller/api/v1/customer/customerClass', count: 1 }],
      // The guid of 12002_12002_<guid> is Visma's per-request error id, not a company (issue 11.11).
      companies: [{ value: GUID, label: 'visma-error-id', count: 1 }],
    });
    expect(inEnglish(error.whatToDo)).toMatch(/Reconnect the profile/);
    expect(report.unknown).toEqual([]);
  });

  it('calls the old integration.visma.net address a finding of its own, with what to change (issue 11.9)', () => {
    const report = explain(`2024-05-03 10:11:12 ERROR DataBridge.Visma - ${VISMA_12002}`, '2024-05-03 10:11:13 ERROR GET https://api.finance.visma.net/v1/customer failed: HTTP 401');
    expect(report.findings).toMatchObject([{ kind: 'old-base-url', count: 1, firstLine: 1 }]);
    expect(inEnglish(report.findings[0]!.whatToDo)).toContain('https://api.finance.visma.net');
    expect(explain('2024-05-03 10:11:13 ERROR GET https://api.finance.visma.net/v1/customer failed: HTTP 401').findings).toEqual([]);
  });

  it('reads Visma’s JSON error body, plain and escaped inside another string', () => {
    const report = explain(
      `2024-05-03 10:11:12 ERROR Visma svarte 400: {"ExceptionType":"IPPException","ExceptionMessage":"Invalid parameter exception: ipp-company-id (12002_12002_${GUID})","ExceptionFaultCode":"12002"}`,
      '2024-05-03 10:11:13 ERROR {"body":"{\\"ExceptionType\\":\\"IPPException\\",\\"ExceptionMessage\\":\\"No license for this company.\\",\\"ExceptionFaultCode\\":\\"12027\\"}"}',
      '2024-05-03 10:11:14 ERROR {"ExceptionType":"IPPException","ExceptionFaultCode":"12027","ExceptionMessage":"license"}',
    );
    expect(kinds(report)).toEqual({ 'ipp-company-id': 1, 'no-license': 2 });
  });

  it('explains 12027 and invalid_tenant with the same API User words as a failed reconnect', () => {
    const report = explain(
      '03.05.2024 10:12:00 FEIL Visma.net: No license for this company. (selskap 1000001)',
      '03.05.2024 10:13:00 FEIL Innlogging: invalid_tenant - The application user or subscription is not entitled to use the API',
    );
    const profile = { apiUser: 'the API user', companyId: 'x', companyName: 'the company' } as Profile;
    // outcomes.ts names the user and the company; a log line does not, so the explainer says "the API user" for "the company".
    const sameWords = inEnglish(apiUserFix(profile)).replace(' (x)', '');
    expect(inEnglish(known(report, 'no-license')!.whatToDo)).toContain(sameWords);
    expect(inEnglish(known(report, 'invalid-tenant')!.whatToDo)).toContain(sameWords);
    expect(known(report, 'no-license')!.companies).toEqual([{ value: '1000001', label: 'company', count: 1 }]);
  });

  it('finds an error inside JSON that stands alone on its line (a paste of the response)', () => {
    const report = explainLogText('{"ExceptionType":"IPPException","ExceptionMessage":"No license for this company.","ExceptionFaultCode":"12027"}', { source: 'paste' });
    expect(kinds(report)).toEqual({ 'no-license': 1 });
    expect(report.known[0]!.firstSeen).toBeNull();
  });

  it('knows 401 in its usual shapes, and a number 401 in an INFO line is nothing', () => {
    const report = explain(
      '2024-05-03 10:00:00 ERROR System.Net.WebException: The remote server returned an error: (401) Unauthorized.',
      '2024-05-03 10:00:01 WARN GET https://integration.visma.net/API/controller/api/v1/customer failed: HTTP 401',
      '2024-05-03 10:00:02 ERROR {"Message":"Authorization has been denied for this request."}',
      '2024-05-03 10:00:03 ERROR Response status code does not indicate success: 401 (Unauthorized).',
      '2024-05-03 10:00:04 INFO Processed 401 records, none failed',
      '2024-05-03 10:00:05 INFO Unauthorized users: none',
    );
    expect(kinds(report)).toEqual({ unauthorized: 4 });
    expect(report.errorEntries).toBe(4);
  });

  it('tells invalid_grant, access_denied and timeouts apart, and says a timeout is not fixed by reconnecting', () => {
    const report = explain(
      '2024-05-03T10:00:00Z ERROR Token refresh failed: {"error":"invalid_grant","error_description":"expired"}',
      '2024-05-03T10:00:01Z ERROR Login ended: https://app.example/cb?error=access_denied&error_description=denied',
      '2024-05-03T10:00:02Z ERROR System.Net.WebException: The operation has timed out',
      '2024-05-03T10:00:03Z WARN connect ETIMEDOUT 20.50.1.3:443',
      '2024-05-03T10:00:04Z ERROR System.Threading.Tasks.TaskCanceledException: A task was canceled.',
      '2024-05-03T10:00:05Z ERROR Visma.net answered 504 Gateway Time-out',
      '2024-05-03T10:00:06Z DEBUG Retry policy: timeout 100 s, 3 attempts',
    );
    expect(kinds(report)).toEqual({ 'invalid-grant': 1, 'access-denied': 1, timeout: 4 });
    expect(known(report, 'timeout')).toMatchObject({ reconnect: false, firstSeen: '2024-05-03T10:00:02Z', lastSeen: '2024-05-03T10:00:05Z' });
    expect(inEnglish(known(report, 'timeout')!.whatToDo)).toMatch(/Reconnecting will not help/);
    expect(known(report, 'access-denied')!.endpoints).toEqual([{ value: 'https://app.example/cb', count: 1 }]);
  });

  it('counts each error an entry shows once, several on one line included', () => {
    const report = explain(
      '2024-05-03 10:00:00 ERROR 401 Unauthorized; refreshing the token failed: invalid_grant',
      `2024-05-03 10:00:01 ERROR ${VISMA_12002}; ${VISMA_12002.replace('customer/customerClass', 'salesorder')}`,
    );
    expect(kinds(report)).toEqual({ unauthorized: 1, 'invalid-grant': 1, 'ipp-company-id': 1 });
    expect(known(report, 'ipp-company-id')!.endpoints.map((e) => e.value)).toEqual([
      'https://integration.visma.net/API/controller/api/v1/customer/customerClass',
      'https://integration.visma.net/API/controller/api/v1/salesorder',
    ]);
  });
});

describe('the explainer on awkward text', () => {
  it('joins a message continued on the next line to its timestamped line: one error, with its endpoint, nothing unknown', () => {
    const report = explain(
      '2024-05-03 10:11:12,123 ERROR Error calling Visma.net endpoint (https://integration.visma.net/API/controller/api/v1/salesorder)',
      `Invalid parameter exception: ipp-company-id (12002_12002_${GUID})`,
      '2024-05-03 10:11:13,000 INFO next job',
    );
    expect(kinds(report)).toEqual({ 'ipp-company-id': 1 });
    expect(report.known[0]!.endpoints[0]!.value).toBe('https://integration.visma.net/API/controller/api/v1/salesorder');
    expect(report.known[0]!.samples[0]!.text.split('\n')).toHaveLength(2);
    expect(report.unknown).toEqual([]);
  });

  it('reads a paste without timestamps wrapped in the middle of a word and of the URL', () => {
    const report = explainLogText(
      [
        'Error calling Visma.net endpoint (https://integration.visma.net/API/controller/api/v1/cus',
        `tomer/customerClass) Invalid parameter exception: ipp-compa`,
        `ny-id (12002_12002_${GUID})`,
        '',
        'Something else entirely',
      ].join('\n'),
      { source: 'paste' },
    );
    expect(kinds(report)).toEqual({ 'ipp-company-id': 1 });
    expect(report.known[0]!.endpoints.map((e) => e.value)).toEqual(['https://integration.visma.net/API/controller/api/v1/customer/customerClass']);
    expect(report.known[0]!.companies.map((c) => c.value)).toEqual([GUID]);
  });

  it('gives the same report for CRLF and LF line ends', () => {
    const lines = [
      `2024-05-03 10:11:12 ERROR ${VISMA_12002}`,
      '   at DataBridge.Visma.Get()',
      '2024-05-03 10:11:13 ERROR System.NullReferenceException: Object reference not set to an instance of an object.',
    ];
    const crlf = explainLogText(lines.join('\r\n'), { source: 'x' });
    const lf = explainLogText(lines.join('\n'), { source: 'x' });
    expect({ ...crlf, bytes: 0 }).toEqual({ ...lf, bytes: 0 });
    expect(crlf.known[0]!.samples[0]!.text).not.toContain('\r');
  });

  it('finds the errors among Norwegian, Swedish, Finnish and Danish text', () => {
    const report = explain(
      `03.05.2024 10:11:12 FEIL Eksport av kunder til Visma feilet: ${VISMA_12002} — prøv igjen senere`,
      '2024-05-03 10:11:13 ERROR Importen misslyckades för företag 1000002: No license for this company.',
      '2024-05-03 10:11:14 VIRHE Yhteys aikakatkaistiin: The operation has timed out (yritys 1000003)',
      '03-05-2024 10:11:15 FEJL Login mislykkedes: invalid_grant',
    );
    expect(kinds(report)).toEqual({ 'ipp-company-id': 1, 'no-license': 1, timeout: 1, 'invalid-grant': 1 });
    expect(known(report, 'no-license')!.companies).toEqual([{ value: '1000002', label: 'company', count: 1 }]);
    expect(known(report, 'timeout')!.companies).toEqual([{ value: '1000003', label: 'company', count: 1 }]);
    expect(known(report, 'invalid-grant')!.firstSeen).toBe('2024-05-03T10:11:15');
  });

  it('does not take "0 errors", "inga fel", "ingen feil" or a request header for an error', () => {
    const report = explain(
      '2024-05-03 10:00:00 INFO Synkronisering klar: 120 rader, 0 errors',
      '2024-05-03 10:00:01 INFO Import slutförd: 44 kunder, inga fel',
      '2024-05-03 10:00:02 INFO Eksport ferdig uten feil',
      '2024-05-03 10:00:03 INFO Ferdig: ingen feil',
      '2024-05-03 10:00:04 DEBUG Request header ipp-company-id: 1000001',
      '2024-05-03 10:00:05 INFO Result: HasErrors=false',
      'Summary: errors: 0, failed: 0',
    );
    expect(report.errorEntries).toBe(0);
    expect(report.lines).toBe(7);
  });
});

describe('unknown errors', () => {
  it('are listed as unknown, grouped and counted, never given a known kind', () => {
    const report = explain(
      '2024-05-03 10:00:00 ERROR System.NullReferenceException: Object reference not set to an instance of an object. (row 17)',
      '   at DataBridge.Mapping.FieldMapper.Map(Row row)',
      '2024-05-03 11:30:00 ERROR System.NullReferenceException: Object reference not set to an instance of an object. (row 942)',
      '2024-05-03 11:31:00 ERROR Visma.net rejected customer 10023: {"ExceptionType":"ValidationException","ExceptionMessage":"VAT zone \'NO5\' does not exist","ExceptionFaultCode":"10001"}',
      '03.05.2024 11:32:00 FEIL Kunne ikke lese fil C:\\DataBridge\\import\\kunder.csv',
      '',
      'Synkroniseringen misslyckas för 3 kunder',
    );
    expect(report.known).toEqual([]);
    expect(report.unknown.map((u) => [u.signature, u.count, u.faultCode])).toEqual([
      ['ERROR System.NullReferenceException: Object reference not set to an instance of an object. (row #)', 2, null],
      ['Visma.net fault 10001: VAT zone "…" does not exist', 1, '10001'],
      ['FEIL Kunne ikke lese fil <path>', 1, null],
      ['Synkroniseringen misslyckas för # kunder', 1, null],
    ]);
    expect(report.unknown[0]).toMatchObject({ firstSeen: '2024-05-03T10:00:00', lastSeen: '2024-05-03T11:30:00', firstLine: 1, lastLine: 3 });
    expect(report.errorEntries).toBe(5);
  });

  it('keeps the first two and the last sample of a frequent error', () => {
    const lines = Array.from({ length: 6 }, (_, i) => `2024-05-03 10:00:0${i} ERROR Import failed for order ${i}`);
    const report = explain(...lines);
    expect(report.unknown[0]!.count).toBe(6);
    expect(report.unknown[0]!.samples.map((s) => s.line)).toEqual([1, 2, 6]);
    expect(report.unknown[0]!.samples[2]!.text).toBe(lines[5]);
  });
});
