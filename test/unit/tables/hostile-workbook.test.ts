import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src/main/logger';
import { createProfileService } from '../../../src/main/profiles/profile-service';
import { createSeveraCheckService } from '../../../src/main/severa/panel/severa-check-service';
import { createMemorySeveraVault } from '../../../src/main/severa/panel/credential-vault';
import { openSettings } from '../../../src/main/settings/settings-store';
import { writeWorkbook } from '../../../src/main/tables/write-workbook';

const file = (name: string, bytes: Uint8Array) => ({ name, base64: Buffer.from(bytes).toString('base64') });

/** A small cap stands in for a workbook far bigger than the app's own cap (256 MiB): the same refusal, sooner. */
const SMALL_CAP = { heapMb: 16, timeoutMs: 30_000 };
const REFUSAL = 'is an Excel workbook that cannot be used: reading it needs more than 16 MiB of memory, far more than a workbook of users';

function memorySettings() {
  const backend = { path: '/nowhere/bridgekeeper-settings.json', store: {} as Record<string, unknown> };
  return openSettings(() => backend, backend.path).store;
}

function severaCheck() {
  const store = memorySettings();
  return createSeveraCheckService({ settings: store, credentials: createMemorySeveraVault(), log: createMemoryLogger(), workbookIsolation: SMALL_CAP });
}

/** Issue 21, class 1: a hostile .xlsx can never freeze or kill the app. */
describe('a workbook past the memory cap', () => {
  let big: Uint8Array;
  beforeAll(() => {
    const rows = [['Email', 'Name', 'Note'], ...Array.from({ length: 60_000 }, (_, i) => [`user${i}@firma.fi`, `User number ${i}`, `note ${i} `.repeat(4)])];
    big = writeWorkbook(rows, 'Users');
  });

  it('is refused in words by the Severa check panel, and the app reads the next file normally', async () => {
    const panel = severaCheck();
    const refused = await panel.loadSeveraFile('azets', file('huge.xlsx', big));
    expect(refused.azets).toMatchObject({ status: 'problems', fileName: 'huge.xlsx' });
    const problems = refused.azets.status === 'problems' ? refused.azets.problems : [];
    expect(problems.map((problem) => problem.message)).toEqual([REFUSAL]);

    const next = await panel.loadSeveraFile('azets', file('azets.xlsx', writeWorkbook([['Email', 'Name'], ['anna@firma.fi', 'Anna']], 'Users')));
    expect(next.azets.status === 'problems' ? next.azets.problems : []).toEqual([]);
    expect(next.azets).toMatchObject({ status: 'loaded', source: 'file', users: 1 });
    const csv = await panel.loadSeveraFile('severa', file('severa.csv', new TextEncoder().encode('Email,Active\nanna@firma.fi,yes\n')));
    expect(csv.severa).toMatchObject({ status: 'loaded', users: 1 });
  });

  it('is refused in words by a profile import preview, and the next file is read normally', async () => {
    const profiles = createProfileService({
      settings: memorySettings(),
      forgetTokens: async () => undefined,
      environmentExists: () => true,
      portal: () => undefined,
      emit: () => undefined,
      workbookIsolation: SMALL_CAP,
    });
    const refused = await profiles.previewImport(file('profiles.xlsx', big));
    expect(refused).toMatchObject({ fileName: 'profiles.xlsx', totalRows: 0, added: 0 });
    expect(refused.problems.map((problem) => problem.message)).toEqual([REFUSAL]);

    const next = await profiles.previewImport(file('profiles.xlsx', writeWorkbook([['Title'], []], 'Profiles')));
    expect(next.problems.map((problem) => problem.message)).not.toContain(REFUSAL);
    expect(next.problems).toMatchObject([{ row: 1, words: { key: 'profiles.invalid.header' } }]); // the workbook itself was read
  });
});
