import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AppUpdaterDeps } from '../../src/main/updates/app-updates';
import { UpdateFailure, type UpdaterPort } from '../../src/main/updates/updater-port';
import { RELEASE_NOTES } from '../../src/main/updates/release-notes';
import { SETTINGS_VERSION } from '../../src/main/settings/settings-schema';
import { expect, openHarness, test } from '../helpers/harness';

/**
 * Issue 25 in the window: Help ▸ Check for updates… and About, the notice with Restart now, and
 * the release notes once after an update. The updater here is a scripted stand-in for the seam (the
 * real electron-updater runs against a local server in test/integration/updates).
 */
function scriptedPort(answer: { version: string; fail?: UpdateFailure }) {
  const calls: string[] = [];
  const port: UpdaterPort = {
    async check() {
      calls.push('check');
      return { version: answer.version, newer: answer.version > '1.0.0', older: answer.version < '1.0.0' };
    },
    async download(_signal, onProgress) {
      calls.push('download');
      onProgress(50);
      if (answer.fail) throw answer.fail;
    },
    restartAndInstall() {
      calls.push('restart');
    },
  };
  return { port, calls };
}

async function open(page: Page, updater: AppUpdaterDeps, settings?: Record<string, unknown>) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bridgekeeper-e2e-'));
  if (settings) await writeFile(path.join(dir, 'settings.json'), JSON.stringify(settings));
  const harness = await openHarness(page, dir, { updater });
  return {
    harness,
    close: async () => {
      await harness.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

test('Help ▸ Check for updates… checks, downloads and offers Restart now; the About box shows version and channel', async ({ page }) => {
  const { port, calls } = scriptedPort({ version: '1.1.0' });
  const { harness, close } = await open(page, { port, version: '1.0.0', packagedFeedUrl: 'https://updates.example.com/bk/' });
  try {
    harness.emit({ type: 'menu-command', command: 'check-updates' });
    const about = page.getByRole('dialog', { name: 'About Bridgekeeper' });
    await expect(about).toBeVisible();
    await expect(about.getByTestId('about-version')).toHaveText('Version 1.0.0');
    await expect(about.getByTestId('about-channel')).toHaveText('Stable channel');
    await expect(about.getByTestId('update-status')).toHaveText('Bridgekeeper 1.1.0 is downloaded and verified. It is installed when you quit Bridgekeeper, or now:');
    await about.getByRole('button', { name: 'Close' }).click();
    // Closed, the notice keeps saying so.
    const notice = page.getByTestId('update-notice');
    await expect(notice).toContainText('Bridgekeeper 1.1.0 is downloaded and verified.');
    await notice.getByRole('button', { name: 'Restart now' }).click();
    await expect.poll(() => calls).toEqual(['check', 'download', 'restart']);
  } finally {
    await close();
  }
});

test('a failed download says why, and nothing is offered', async ({ page }) => {
  const { port, calls } = scriptedPort({ version: '1.1.0', fail: new UpdateFailure('checksum', 'sha512 checksum mismatch, expected A, got B') });
  const { harness, close } = await open(page, { port, version: '1.0.0', packagedFeedUrl: 'https://updates.example.com/bk/' });
  try {
    harness.emit({ type: 'menu-command', command: 'check-updates' });
    const about = page.getByRole('dialog', { name: 'About Bridgekeeper' });
    await expect(about.getByTestId('update-status')).toHaveText(
      'The downloaded update is not the file the update server published (its SHA-512 checksum differs): it may be damaged or tampered with. It was deleted and nothing changed. (sha512 checksum mismatch, expected A, got B)',
    );
    await expect(about.getByRole('button', { name: 'Restart now' })).toHaveCount(0);
    expect(calls).toEqual(['check', 'download']);
  } finally {
    await close();
  }
});

test('a development build: About says updates are off, and Check is not offered', async ({ page }) => {
  const { harness, close } = await open(page, { port: null, version: '1.0.0-beta.2', packagedFeedUrl: '' });
  try {
    harness.emit({ type: 'menu-command', command: 'about' });
    const about = page.getByRole('dialog', { name: 'About Bridgekeeper' });
    await expect(about.getByTestId('about-channel')).toHaveText('Beta channel');
    await expect(about.getByTestId('update-status')).toHaveText('Updates are off: this copy has no update server set (a development build).');
    await expect(about.getByRole('button', { name: 'Check for updates' })).toBeDisabled();
  } finally {
    await close();
  }
});

test.describe('release notes', () => {
  test('what changed is shown once after an update, in the reader’s language', async ({ page }) => {
    const settings = { schemaVersion: SETTINGS_VERSION, profiles: [], environments: [], production: { clientId: '', redirectUri: '' }, bulk: null, portals: [], language: 'fi', updates: { lastVersion: '0.0.9' } };
    const { harness, close } = await open(page, { port: null, version: '0.1.0', packagedFeedUrl: '' }, settings);
    try {
      const notes = page.getByRole('dialog', { name: 'Uutta Bridgekeeperin versiossa 0.1.0' });
      await expect(notes).toBeVisible();
      await expect(notes.getByTestId('release-notes')).toHaveAttribute('lang', 'fi');
      await expect(notes.getByRole('listitem').first()).toHaveText(RELEASE_NOTES['0.1.0']!.fi!.split('\n- ')[1]!);
      await notes.getByRole('button', { name: 'Sulje' }).click();
      await expect(notes).toHaveCount(0);
      await harness.restart();
      await expect(page.getByRole('tab').first()).toBeVisible();
      await expect(page.getByRole('dialog')).toHaveCount(0);
    } finally {
      await close();
    }
  });
});
