import { afterEach, describe, expect, it } from 'vitest';
import { tempApp } from '../../helpers/temp-app';
import { fileBytes } from '../../helpers/file-bytes';

/** The problems as text: their words (catalog keys) are the words-as-data test's business. */
const withoutWords = (problems: { words?: unknown }[]) => problems.map(({ words: _words, ...rest }) => rest);

const apps: ReturnType<typeof tempApp>[] = [];
const newApp = () => {
  const app = tempApp();
  apps.push(app);
  return app;
};
afterEach(() => {
  while (apps.length) apps.pop()!.cleanup();
});

const HEADER = 'id,name,direction,companyId,companyName,apiUser,environmentId';
const row = (id: string, { name = `Profile ${id}`, company = 'Acme AS' } = {}) => `${id},${name},import,1234567,${company},${id}@acme.example,visma-production`;
const csv = (...rows: string[]) => fileBytes('again.csv', [HEADER, ...rows].join('\r\n'));

/** A list of a, b and c; the file names b renamed, c as it is, and d new. */
async function reimportSetup() {
  const app = newApp();
  await app.api.importProfiles(csv(row('a'), row('b'), row('c')), 'all-or-nothing');
  return { app, file: csv(row('b', { name: 'Bravo', company: 'Bravo AS' }), row('c'), row('d')) };
}

describe('importing a file with profiles that exist', () => {
  it('previews what updating would change, field by field, writing nothing', async () => {
    const { app, file } = await reimportSetup();
    const before = app.profiles.all();
    const preview = await app.api.previewImport(file);
    expect(preview).toEqual({
      fileName: 'again.csv',
      totalRows: 3,
      added: 1,
      changes: [
        {
          id: 'b',
          name: 'Profile b',
          fields: [
            { field: 'name', before: 'Profile b', after: 'Bravo' },
            { field: 'companyName', before: 'Acme AS', after: 'Bravo AS' },
          ],
          reconnect: false,
        },
      ],
      unchanged: 1,
      problems: [],
    });
    expect(app.profiles.all()).toEqual(before);
  });

  it('refuses them by default, each named with its row', async () => {
    const { app, file } = await reimportSetup();
    const report = await app.api.importProfiles(file, 'all-or-nothing');
    expect(report.imported).toBe(0);
    expect(report.problems.map((p) => p.row)).toEqual([2, 3]);
  });

  it('updates them when asked, in one write, and keeps the rest', async () => {
    const { app, file } = await reimportSetup();
    const report = await app.api.importProfiles(file, 'all-or-nothing', 'update');
    expect(report).toMatchObject({ imported: 1, updated: 1, skipped: 1, problems: [] });
    expect(app.profiles.all().map((p) => [p.id, p.name, p.companyName])).toEqual([
      ['b', 'Bravo', 'Bravo AS'],
      ['a', 'Profile a', 'Acme AS'],
      ['c', 'Profile c', 'Acme AS'],
      ['d', 'Profile d', 'Acme AS'],
    ]);
  });

  it('skips them when asked: only the new ones come in', async () => {
    const { app, file } = await reimportSetup();
    const report = await app.api.importProfiles(file, 'all-or-nothing', 'skip');
    expect(report).toMatchObject({ imported: 1, updated: 0, skipped: 2 });
    expect(app.profiles.get('b')!.name).toBe('Profile b');
    expect(app.profiles.get('d')).toBeDefined();
  });

  it('writes nothing when another row has a problem, whatever was chosen for the existing ones', async () => {
    const { app } = await reimportSetup();
    const before = app.profiles.all();
    const report = await app.api.importProfiles(csv(row('b', { name: 'Bravo' }), 'x,X,import,1,X AS,not-an-email,visma-production'), 'all-or-nothing', 'update');
    expect(report.imported + report.updated).toBe(0);
    expect(withoutWords(report.problems)).toEqual([{ row: 3, field: 'apiUser', message: 'must be an email address: there is no "@" in the address' }]);
    expect(app.profiles.all()).toEqual(before);
  });
});

describe('a new profile’s environment', () => {
  it('is the one last used when it is set up, else the first that is, else production', async () => {
    const app = newApp();
    expect(await app.api.newProfileDefaults()).toEqual({ environmentId: 'visma-production' });
    const staging = { id: 'staging', name: 'Staging', issuer: 'https://connect.example.com', clientId: 'c', scopes: 'openid', redirectUri: 'https://example.com/cb', apiBaseUrl: 'https://api.example.com', verifyPath: '/v', extraLoginOrigins: [] };
    await app.api.saveEnvironment(staging);
    expect(await app.api.newProfileDefaults()).toEqual({ environmentId: 'staging' });
    // Production, used last but not set up, is not where the next one starts…
    await app.api.createProfile({ id: 'p', name: 'P', direction: 'import', companyId: '1', companyName: '', apiUser: 'p@acme.example', environmentId: 'visma-production' });
    expect(await app.api.newProfileDefaults()).toEqual({ environmentId: 'staging' });
    // …until it is set up.
    await app.api.saveEnvironment({ ...staging, id: 'visma-production', name: 'Visma.net production', issuer: 'https://connect.visma.com', clientId: 'isv_x', redirectUri: 'https://example.com/cb' });
    expect(await app.api.newProfileDefaults()).toEqual({ environmentId: 'visma-production' });
  });
});
