import type { Page } from '@playwright/test';

export type RowAction = 'Reconnect…' | 'Details' | 'Edit…' | 'Delete…';

/** A row's actions live in its "⋯" menu: open it and pick one, as a person with a mouse does. */
export async function rowAction(page: Page, profileName: string, action: RowAction) {
  await page.getByRole('button', { name: `Actions for ${profileName}`, exact: true }).click();
  await page.locator('#profile-row-menu').getByRole('button', { name: action, exact: true }).click();
}
