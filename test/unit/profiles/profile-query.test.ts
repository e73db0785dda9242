import { describe, expect, it } from 'vitest';
import { filterProfiles, sortProfiles } from '../../../src/renderer/src/features/profiles/profile-query';
import type { Profile, ProfileStatus } from '../../../src/shared/profile';

const profile = (name: string, status: ProfileStatus = 'connected'): Profile => ({
  id: name.toLowerCase().replace(/\W+/g, '-'),
  name,
  direction: 'import',
  companyId: '1',
  companyName: `${name.split(' ')[0]} AS`,
  apiUser: `kari@${name.split(' ')[0]!.toLowerCase()}.example`,
  connection: 'direct',
  environmentId: 'sandbox',
  portalId: '',
  portalUrl: '',
  status,
  statusSince: '2026-11-22T09:00:00.000Z',
});

describe('the list’s search', () => {
  const list = sortProfiles(['Fjellvind – Faktura', 'Fjellvind – K', 'Fjellvind – Kundereskontra', 'Nordlys – K'].map((n) => profile(n)), { key: 'name', descending: false });

  it('puts the whole phrase first, then the profiles that hold every word', () => {
    // Every Fjellvind profile holds "fjellvind", "–" and a "k" (kari@…); the K ones hold the phrase.
    expect(filterProfiles(list, 'Fjellvind – K', 'all').map((p) => p.name)).toEqual(['Fjellvind – K', 'Fjellvind – Kundereskontra', 'Fjellvind – Faktura']);
  });

  it('takes spaces of any kind and any case as typed', () => {
    expect(filterProfiles(list, '  fjellvind\u00a0–   k ', 'all')[0]!.name).toBe('Fjellvind – K');
  });

  it('keeps the sort order within each group and filters by status', () => {
    const mixed = [profile('B', 'error'), profile('A', 'connected'), profile('C', 'error')];
    expect(filterProfiles(sortProfiles(mixed, { key: 'name', descending: true }), '', 'error').map((p) => p.name)).toEqual(['C', 'B']);
  });
});

describe('sorting by status', () => {
  it('puts the worst first: needs reauthentication, error, expiring, never connected, connected', () => {
    const statuses: ProfileStatus[] = ['connected', 'never-connected', 'expiring', 'error', 'needs-reauth'];
    const sorted = sortProfiles(statuses.map((s, i) => profile(`P${i}`, s)), { key: 'status', descending: false });
    expect(sorted.map((p) => p.status)).toEqual(['needs-reauth', 'error', 'expiring', 'never-connected', 'connected']);
  });
});
