import { describe, expect, it } from 'vitest';
import { readDetails } from '../../../src/main/portal/profile-details';
import { takenDetails } from '../../../src/shared/taken-profile';

const PAGE = ['Orders 001 – Nordlys', 'Exports to Visma.net company Nordlys Handel AS.', 'Visma.net Financials', 'API user: anna@nordlys.no', 'Last job: 07.12.2026 ok'];

describe("a profile's page, through the portal's profile-details lines", () => {
  it('gives what each line names, and the lines it came from', () => {
    expect(readDetails('Exports to Visma.net company {company}.\nImports from Visma.net company {company}.\nAPI user: {user}', PAGE)).toEqual({
      companyName: 'Nordlys Handel AS',
      apiUser: 'anna@nordlys.no',
      said: 'Exports to Visma.net company Nordlys Handel AS. / API user: anna@nordlys.no',
    });
    expect(readDetails('Company: {company} ({companyId})', ['Company: Fjellvind AS (7654321)'])).toEqual({ companyName: 'Fjellvind AS', companyId: '7654321', said: 'Company: Fjellvind AS (7654321)' });
  });

  it('gives nothing when no line is on the page, and never a user that is not an address', () => {
    expect(readDetails('Company: {company} ({companyId})', PAGE)).toBeUndefined();
    expect(readDetails('API user: {user}', ['API user: not set'])).toBeUndefined();
  });
});

describe("a new profile's company and API user", () => {
  const fill = { companyId: '1234567', companyName: 'Nordlys Handel', apiUser: 'anna@nordlys.no' };

  it("is the fill where the page says nothing, and the page's where it does", () => {
    expect(takenDetails(undefined, fill)).toEqual(fill);
    expect(takenDetails({ companyId: '7654321', companyName: 'Fjellvind AS', said: '…' }, fill)).toEqual({ companyId: '7654321', companyName: 'Fjellvind AS', apiUser: 'anna@nordlys.no' });
  });

  it("never pairs the fill's company id with another company's name: that profile needs its company", () => {
    expect(takenDetails({ companyName: 'Nordlys Handel AS', said: '…' }, fill)).toEqual({ companyId: '1234567', companyName: 'Nordlys Handel AS', apiUser: 'anna@nordlys.no' });
    expect(takenDetails({ companyName: 'Fjellvind AS', said: '…' }, fill)).toEqual({ companyId: '', companyName: 'Fjellvind AS', apiUser: 'anna@nordlys.no' });
    expect(takenDetails({ companyName: 'Fjellvind AS', said: '…' }, { ...fill, companyName: '' })).toMatchObject({ companyId: '' });
  });
});
