import { describe, expect, it } from 'vitest';
import { explainLogText } from '../../../src/main/explainer/explain-log';
import type { ProfileRef } from '../../../src/main/explainer/profile-matcher';

const profiles: ProfileRef[] = [
  { id: 'p-kunder', name: 'Kunder til Visma', companyId: '1000001', companyName: 'Nordlys Handel AS' },
  { id: 'p-ordre', name: 'Ordre fra SuperOffice', companyId: '1000001', companyName: 'Nordlys Handel AS' },
  { id: 'p-lev', name: 'Leverandører', companyId: '1000002', companyName: 'Fjellvind Bygg AS' },
  { id: 'p-fakt', name: 'Fakturaer', companyId: '1000003', companyName: 'Ålesund Ost' },
  { id: 'p1', name: 'AS', companyId: '12', companyName: '' },
];
const explain = (text: string, source = 'paste') => explainLogText(text, { source, profiles });
const byId = (report: ReturnType<typeof explain>) => Object.fromEntries(report.profiles.map((p) => [p.profileId, p]));

describe('profiles named near errors', () => {
  it('finds a profile by its name in any case and quoting, or by its id', () => {
    const report = explain(
      [
        '2024-05-03 10:00:00 ERROR Profile «kunder til visma»: invalid_grant',
        '2024-05-03 10:00:01 ERROR Job p-ordre: Error calling Visma.net endpoint (https://x.example/a) Invalid parameter exception: ipp-company-id (12002_12002_0f8fad5b-d9cb-469f-a165-70867728950e)',
      ].join('\n'),
    );
    expect(byId(report)['p-kunder']).toMatchObject({ matchedBy: ['name'], errorEntries: 1, kinds: ['invalid-grant'], reconnect: true, lastSeen: '2024-05-03T10:00:00' });
    expect(byId(report)['p-ordre']).toMatchObject({ matchedBy: ['id'], kinds: ['ipp-company-id'] });
    expect(report.known.find((k) => k.kind === 'invalid-grant')!.profileIds).toEqual(['p-kunder']);
    expect(report.reconnectProfileIds.sort()).toEqual(['p-kunder', 'p-ordre']);
  });

  it('offers every profile of a company named near an error, saying it was the company that matched', () => {
    const report = explain('03.05.2024 10:12:00 FEIL selskap 1000001: No license for this company.');
    expect(report.profiles.map((p) => [p.profileId, p.matchedBy])).toEqual([
      ['p-kunder', ['companyId']],
      ['p-ordre', ['companyId']],
    ]);
    const byName = explain('2024-05-03 10:00:00 ERROR Fjellvind Bygg AS: invalid_tenant');
    expect(byName.profiles.map((p) => [p.profileId, p.matchedBy])).toEqual([['p-lev', ['companyName']]]);
  });

  it('matches names with Nordic letters, written in either Unicode form', () => {
    const report = explain(`2024-05-03 10:00:00 ERROR Ålesund Ost / ${'Leverande\u0301rer'.normalize('NFC')}: The operation has timed out`);
    expect(report.profiles.map((p) => p.profileId)).toEqual(['p-fakt']);
    const decomposed = explain(`2024-05-03 10:00:00 ERROR ${'Ålesund Ost'.normalize('NFD')}: timed out`);
    expect(decomposed.profiles.map((p) => p.profileId)).toEqual(['p-fakt']);
    const lev = explain('2024-05-03 10:00:00 ERROR leverandører: timed out');
    expect(lev.profiles.map((p) => p.profileId)).toEqual(['p-lev']);
  });

  it('does not offer a profile for a timeout alone: reconnecting does not fix it', () => {
    const report = explain('2024-05-03 10:00:00 ERROR Kunder til Visma: The operation has timed out');
    expect(byId(report)['p-kunder']).toMatchObject({ kinds: ['timeout'], reconnect: false });
    expect(report.reconnectProfileIds).toEqual([]);
  });

  it('counts unknown errors near a profile without offering it for reconnect', () => {
    const report = explain('2024-05-03 10:00:00 ERROR Fakturaer: Object reference not set to an instance of an object.');
    expect(byId(report)['p-fakt']).toMatchObject({ kinds: [], unknownEntries: 1, errorEntries: 1, reconnect: false });
  });

  it('lists one unknown error met by several profiles once, with the profiles blanked from its name', () => {
    const report = explain(
      ['2024-05-03 10:00:00 ERROR Import for Kunder til Visma failed', '2024-05-03 10:00:01 ERROR Import for Ordre fra SuperOffice failed'].join('\n'),
    );
    expect(report.unknown.map((u) => [u.signature, u.count, u.profileIds])).toEqual([['ERROR Import for <profile> failed', 2, ['p-kunder', 'p-ordre']]]);
  });

  it('does not look for ids, names or numbers too short to mean anything', () => {
    const report = explain('2024-05-03 10:00:00 ERROR AS p1 12: invalid_grant');
    expect(report.profiles).toEqual([]);
  });

  it('looks only at the error entries, not at the lines around them', () => {
    const report = explain(['2024-05-03 10:00:00 INFO Starting Kunder til Visma', '2024-05-03 10:00:01 ERROR invalid_grant'].join('\n'));
    expect(report.profiles).toEqual([]);
  });

  it('ignores a profile named in a stack trace line', () => {
    const report = explain(['2024-05-03 10:00:00 ERROR invalid_grant', '   at DataBridge.Jobs.Fakturaer.Run()'].join('\n'));
    expect(report.profiles).toEqual([]);
  });

  it('takes a profile named in the log file’s name as the one every error in it is about', () => {
    const report = explain('2024-05-03 10:00:00 ERROR invalid_grant\n2024-05-03 10:00:01 ERROR timed out', 'C:\\DataBridge\\logs\\kunder_til_visma-2024-05-03.log');
    expect(report.profiles).toEqual([
      expect.objectContaining({ profileId: 'p-kunder', matchedBy: ['sourceName'], errorEntries: 2, kinds: ['invalid-grant', 'timeout'], reconnect: true }),
    ]);
  });
});
