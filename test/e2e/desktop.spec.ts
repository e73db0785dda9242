import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { DROPPED_PATHS, expect, test } from '../helpers/harness';
import { LogGenerator } from '../helpers/log-generator';
import { AZETS_CSV } from '../helpers/severa-panel-fixtures';

/** A file dragged from the desktop and dropped on `target`, as Chromium delivers it. */
async function dropFile(target: Locator, name: string, content: string | Buffer) {
  const dataTransfer = await target.page().evaluateHandle(
    ([fileName, bytes]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], fileName));
      return transfer;
    },
    [name, [...Buffer.from(content)]] as const,
  );
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

const PROFILES_CSV = ['id,name,direction,companyId,companyName,apiUser,environmentId', 'o1,Orders,import,1234567,Acme AS,api@acme.example,visma-production'].join('\n');

test.describe('the application menu', () => {
  test('Find goes to the profile search, from any area', async ({ bk }) => {
    const { page } = bk;
    await page.getByRole('tab', { name: 'Severa login check' }).click();
    bk.emit({ type: 'menu-command', command: 'find' });
    await expect(page.getByRole('tab', { name: 'Profiles' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByLabel('Search')).toBeFocused();
  });

  test('Import profiles opens the file picker; Explain a log opens the explainer; Check health runs it', async ({ bk }) => {
    const { page } = bk;
    const chooser = page.waitForEvent('filechooser');
    bk.emit({ type: 'menu-command', command: 'import-profiles' });
    await (await chooser).setFiles({ name: 'menu.csv', mimeType: 'text/csv', buffer: Buffer.from(PROFILES_CSV) });
    await expect(page.getByText('Imported 1 profile from menu.csv.')).toBeVisible();

    bk.emit({ type: 'menu-command', command: 'check-health' });
    await expect(page.getByRole('status').filter({ hasText: /^Checked 0 profiles in .*: 1 never connected\.$/ })).toBeVisible();

    bk.emit({ type: 'menu-command', command: 'explain-log' });
    await expect(page.getByRole('dialog', { name: 'Explain a DataBridge log' })).toBeVisible();
  });
});

test.describe('files dropped on the window', () => {
  test('a profile list on the Profiles area is imported, with the same report as Import…', async ({ bk }) => {
    const { page } = bk;
    await dropFile(page.getByRole('tabpanel', { name: 'Profiles' }), 'dropped.csv', PROFILES_CSV);
    await expect(page.getByText('Imported 1 profile from dropped.csv.')).toBeVisible();
    await dropFile(page.getByRole('tabpanel', { name: 'Profiles' }), 'bad.csv', `${PROFILES_CSV}\no2,Other,import,1234567,Acme AS,nobody,visma-production`);
    // The same report as Import…: o1 is in the list now, so the re-import preview comes first.
    await expect(page.getByRole('dialog', { name: 'Import bad.csv' })).toBeVisible();
  });

  test('a log is explained, streamed from disk by the path the preload finds for it', async ({ bk }) => {
    const { page } = bk;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bk-drop-'));
    try {
      const generator = new LogGenerator({ seed: 3 });
      const file = path.join(dir, 'databridge.log');
      await writeFile(file, generator.block(256 * 1024));
      await page.evaluate(([key, paths]) => void ((window as unknown as Record<string, unknown>)[key] = paths), [DROPPED_PATHS, { 'databridge.log': file }] as const);
      // What the page holds is a stand-in; the lines counted are the ones on disk.
      await dropFile(page.getByRole('tabpanel', { name: 'Profiles' }), 'databridge.log', 'not the file on disk');
      const dialog = page.getByRole('dialog', { name: 'Explain a DataBridge log' });
      await expect(dialog.getByRole('status').first()).toContainText(`databridge.log: ${generator.counts.lines.toLocaleString('en')} lines`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a log with no path on disk is read in the page instead', async ({ bk }) => {
    const { page } = bk;
    await dropFile(page.getByRole('tabpanel', { name: 'Profiles' }), 'copied.txt', '2024-05-03 10:25:00,000 [9] ERROR DataBridge.Sync - The operation has timed out.\n');
    const dialog = page.getByRole('dialog', { name: 'Explain a DataBridge log' });
    await expect(dialog.getByRole('status').first()).toContainText('copied.txt: 1 line');
  });

  test('a Severa user file is read on the side it is dropped on; anything else is named and refused', async ({ bk }) => {
    const { page } = bk;
    await page.getByRole('tab', { name: 'Severa login check' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Severa login check' });
    await dropFile(panel.getByRole('region', { name: 'Azets Work users' }).getByRole('button', { name: 'Choose Azets Work file…' }), 'azets-users.csv', AZETS_CSV);
    await expect(panel.getByRole('status').filter({ hasText: 'Read 6 Azets Work users from azets-users.csv.' })).toBeVisible();
    await dropFile(panel.getByRole('heading').first(), 'azets-users.csv', AZETS_CSV);
    await expect(page.getByRole('status').filter({ hasText: 'Drop azets-users.csv on the Azets Work or the Severa user list.' })).toBeVisible();
    await page.getByRole('tab', { name: 'Profiles' }).click();
    await dropFile(page.getByRole('tabpanel', { name: 'Profiles' }), 'invoice.pdf', '%PDF-1.7');
    await expect(page.getByRole('status').filter({ hasText: 'invoice.pdf is neither a profile list (.csv, .json) nor a DataBridge log (.log, .txt).' })).toBeVisible();
  });
});

test('an error in one area takes down that area only, and it can be reloaded', async ({ bk }) => {
  const { page } = bk;
  // An answer of a shape the Profiles area cannot draw.
  bk.emit({ type: 'profiles-upserted', profiles: [{ id: 'broken', name: { first: 'Orders' }, status: 'connected' } as never] });
  const alert = page.getByRole('alert').filter({ hasText: 'The Profiles area stopped working' });
  await expect(alert).toBeVisible();
  await page.getByRole('tab', { name: 'Severa login check' }).click();
  await expect(page.getByRole('region', { name: 'Azets Work users' })).toBeVisible();
  await page.getByRole('tab', { name: 'Profiles' }).click();
  bk.emit({ type: 'profiles-removed', ids: ['broken'] });
  await alert.getByRole('button', { name: 'Reload this area' }).click();
  await expect(page.getByRole('button', { name: 'Add profile' })).toBeVisible();
});
