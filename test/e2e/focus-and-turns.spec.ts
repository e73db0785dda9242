import type { Page } from '@playwright/test';
import { expect, test } from '../helpers/harness';
import { fillList } from '../helpers/layout';

/** What has focus, and whether it shows its ring. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return { tag: e?.tagName.toLowerCase(), text: e?.textContent?.trim().slice(0, 40), role: e?.getAttribute('role'), ring: e ? e.matches(':focus-visible') : false };
  });

test.describe('issue 23, point 5: focus lands on something safe, and comes back', () => {
  test('Enter on a row opens Details with focus on Close, not Delete: a second Enter closes it, and the row has focus again', async ({ bk }) => {
    const { page } = bk;
    await fillList(bk);
    await page.getByRole('grid').focus();
    await page.keyboard.press('Enter');
    const details = page.getByRole('dialog', { name: 'Fjellvind – Faktura' });
    await expect(details).toBeVisible();
    await expect(details.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(details).toBeHidden();
    await expect(page.getByRole('dialog')).toHaveCount(0); // no delete confirmation
    await expect(page.getByRole('grid')).toBeFocused();
  });

  test('the bulk chooser opens with focus on Start, not on a radio', async ({ bk }) => {
    const { page } = bk;
    await fillList(bk);
    await page.getByRole('button', { name: /^Bulk reconnect/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Bulk reconnect' });
    await expect(dialog.getByRole('button', { name: /^Start bulk reconnect/ })).toBeFocused();
  });

  test('a reconnect started from the selection bar: when it ends and closes, focus is on that profile’s row, with its ring — not on the page body', async ({ bk }) => {
    const { page } = bk;
    await fillList(bk);
    await page.getByRole('row').filter({ hasText: 'fjellvind-07' }).click();
    await page.getByRole('toolbar', { name: 'Selected profiles' }).getByRole('button', { name: 'Reconnect…' }).click();
    const reconnect = page.getByRole('dialog', { name: 'Reconnect Fjellvind – Ordre 7' });
    await expect(reconnect.getByRole('button', { name: 'Open Visma login' })).toBeFocused();
    // While a reconnect runs, main marks the profile: the button that started it is disabled, so the browser cannot give focus back to it.
    const id = 'fjellvind-07-ordre';
    bk.app.profiles.setStates([{ id, state: { status: 'reauthenticating', statusSince: new Date().toISOString() } }]);
    await expect(page.getByRole('toolbar', { name: 'Selected profiles' }).getByRole('button', { name: 'Reconnect…' })).toBeDisabled();
    await reconnect.getByRole('button', { name: 'Close' }).press('Enter');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await focused(page)).toMatchObject({ role: 'grid', ring: true });
    await expect(page.locator('.profile-row.active')).toContainText('Fjellvind – Ordre 7');
  });

  test('a reconnect started from Details (which closed for it): focus comes back to that profile’s row', async ({ bk }) => {
    const { page } = bk;
    await fillList(bk);
    await page.getByRole('grid').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const details = page.getByRole('dialog');
    const name = (await details.getByRole('heading', { level: 2 }).textContent())!;
    await details.getByRole('button', { name: 'Reconnect', exact: true }).click();
    const reconnect = page.getByRole('dialog', { name: `Reconnect ${name}` });
    await reconnect.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect((await focused(page)).tag).not.toBe('body');
    await expect(page.getByRole('grid')).toBeFocused();
    await expect(page.locator('.profile-row.active')).toContainText(name);
  });

  test('a bulk run that ends (the last profile skipped): focus goes to Close, with its ring; closing returns to the bulk button', async ({ bk }) => {
    const { page } = bk;
    await fillList(bk);
    await page.getByRole('row').filter({ hasText: 'fjellvind-05' }).click();
    await page.getByRole('toolbar', { name: 'Selected profiles' }).getByRole('button', { name: 'Reconnect in bulk…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bulk reconnect' });
    await dialog.getByRole('button', { name: 'Start bulk reconnect (1)' }).press('Enter');
    await expect(dialog.getByRole('button', { name: 'Open login' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: /^Skip/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('status')).toContainText('Finished');
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    expect(await focused(page)).toMatchObject({ text: 'Close', ring: true });
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    expect((await focused(page)).tag).not.toBe('body');
  });
});

test.describe('issue 23, point 6: a button that turns into its opposite ignores the press meant for what it was', () => {
  test('double-clicking Check health starts the check and does not cancel it; a later click still cancels', async ({ bk }) => {
    const { page } = bk;
    await fillList(bk);
    // A slow check: each profile's check waits, so the check is still running at the second click.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const real = bk.app.api.runHealthCheck.bind(bk.app.api);
    const cancel = bk.app.api.cancelHealthCheck.bind(bk.app.api);
    let cancelled = 0;
    bk.app.api.runHealthCheck = async (...args) => {
      await gate;
      return real(...args);
    };
    bk.app.api.cancelHealthCheck = async () => {
      cancelled++;
      return cancel();
    };
    const toolbar = page.getByRole('toolbar', { name: 'Profiles', exact: true });
    await toolbar.getByRole('button', { name: 'Check health' }).dblclick();
    await expect(toolbar.getByRole('button', { name: 'Cancel check' })).toBeVisible();
    await page.waitForTimeout(100);
    expect(cancelled).toBe(0);
    // The keyboard: Enter twice on the focused button is one press.
    release();
    await expect(toolbar.getByRole('button', { name: 'Check health' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/^Checked \d+ profiles?/)).toBeVisible();

    // Pressed once, and again a moment later on purpose: that is a cancel.
    bk.app.api.runHealthCheck = async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      return real(...args);
    };
    await toolbar.getByRole('button', { name: 'Check health' }).click();
    await page.waitForTimeout(700);
    await toolbar.getByRole('button', { name: 'Cancel check' }).click();
    await expect.poll(() => cancelled).toBe(1);
  });

  test('Enter pressed twice on Check health is one press', async ({ bk }) => {
    const { page } = bk;
    await fillList(bk);
    const real = bk.app.api.runHealthCheck.bind(bk.app.api);
    let cancelled = 0;
    bk.app.api.runHealthCheck = async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return real(...args);
    };
    bk.app.api.cancelHealthCheck = async () => {
      cancelled++;
    };
    const button = page.getByRole('toolbar', { name: 'Profiles', exact: true }).getByRole('button', { name: 'Check health' });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(page.getByText(/^Checked \d+ profiles?/)).toBeVisible({ timeout: 30_000 });
    expect(cancelled).toBe(0);
  });
});
