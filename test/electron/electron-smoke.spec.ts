import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../helpers/electron-binary';

const binary = electronBinary();

test.skip(!binary, 'No Electron binary here: its download needs github.com, which this machine cannot reach; runs wherever `npm start` works.');

test('the real app launches, shows its window, and keeps a profile across a restart', async () => {
  const userData = await mkdtemp(path.join(os.tmpdir(), 'bk-electron-'));
  const launch = () =>
    electron.launch({
      executablePath: binary!,
      args: [path.resolve('out/main/index.js')],
      env: { ...process.env, BRIDGEKEEPER_USER_DATA: userData },
    });
  try {
    let app = await launch();
    let window = await app.firstWindow();
    await expect(window.getByRole('tab', { name: 'Profiles' })).toBeVisible();
    // The page has the contract and nothing of Node.
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => typeof (window as unknown as { bridgekeeper: { listProfiles: unknown } }).bridgekeeper.listProfiles)).toBe('function');

    await window.getByRole('button', { name: 'Add profile' }).click();
    const form = window.getByRole('dialog', { name: 'Add profile' });
    await form.getByLabel('Id', { exact: true }).fill('smoke');
    await form.getByLabel('Name', { exact: true }).fill('Smoke test');
    await form.getByLabel('Company id').fill('1');
    await form.getByLabel('API user').fill('smoke@example.com');
    await form.getByRole('button', { name: 'Add profile' }).click();
    await expect(window.getByText('Showing 1 of 1 profiles')).toBeVisible();
    await app.close();

    app = await launch();
    window = await app.firstWindow();
    await expect(window.getByRole('row').filter({ hasText: 'Smoke test' })).toBeVisible();
    await app.close();
  } finally {
    await rm(userData, { recursive: true, force: true });
  }
});
