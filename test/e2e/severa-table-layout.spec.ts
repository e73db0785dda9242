import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../src/shared/i18n/languages';
import { expect, test } from '../helpers/harness';

/**
 * The Severa table at 1024×640, in every language: an address is shown whole — never cut in the
 * middle, never elided into another address, its invisible-character markers whole — and the Why
 * column stays beside the side panel, not under it.
 */

const LONG = 'jukka.nieminen@tilitoimisto.fi';
const VERY_LONG = 'maria-liisa.korhonen-virtanen.projektipaallikko@tilitoimisto-esimerkki.fi';
const azetsCsv = Buffer.from(`Email,Name\n${LONG},Jukka Nieminen\n"anna.virtanen@tilitoimisto.fi ",Anna Virtanen\n${VERY_LONG},Maria-Liisa\n`);
const severaCsv = Buffer.from(`Email,Active\njukka.nieminen@tilitoimisto.fi.,true\nanna.virtanen@tilitoimisto.fi,true\n${VERY_LONG.replace('maria', 'mari')},true\n`);

async function pickFile(page: Page, scope: Locator, name: string, content: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await scope.locator('button').filter({ hasText: '…' }).first().click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: content });
}

/** Where an element is, and whether anything inside it is clipped. */
const geometry = (locator: Locator) =>
  locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { left: box.left, right: box.right, clipped: element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1 };
  });

for (const language of ['en', 'fi', 'nb', 'nl'] as Language[]) {
  test(`the Severa table shows every address whole at 1024×640 (${language})`, async ({ bk }, testInfo) => {
    const { page } = bk;
    await page.setViewportSize({ width: 1024, height: 640 });
    await bk.app.api.setLanguage(language);
    await page.reload();
    await page.locator('#tab-severa').click();
    const panel = page.locator('#panel-severa');
    const cards = panel.locator('section[aria-labelledby], [role=region]');
    await pickFile(page, cards.nth(0), 'azets.csv', azetsCsv);
    await pickFile(page, cards.nth(1), 'severa.csv', severaCsv);
    const rows = panel.locator('.verdict-body [role=row]:not(.loading)');
    await expect(rows.first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`severa-table-1024-${language}.png`) });

    const shown = await panel.locator('.verdict-body .email').allTextContents();
    // Each address exactly as the file has it, a space as its marker: nothing cut, nothing elided.
    expect(shown).toEqual(expect.arrayContaining([LONG, VERY_LONG, 'anna.virtanen@tilitoimisto.fi⟨U+0020⟩', `${LONG}.`]));
    for (const text of shown) expect(text).not.toContain('…');
    for (const email of await panel.locator('.verdict-body .email').all()) expect((await geometry(email)).clipped).toBe(false);
    // A marker is whole on one line.
    const marker = panel.locator('.verdict-body .invisible-char').first();
    expect(await marker.evaluate((element) => element.getClientRects().length)).toBe(1);

    // A reason's badge stays in its column.
    for (const row of await rows.all()) {
      const badge = await geometry(row.locator('.reason-badge'));
      const next = await geometry(row.locator('[role=gridcell]').nth(1));
      expect(badge.right).toBeLessThanOrEqual(next.left);
    }
    // The Why column ends before the side panel starts.
    const aside = await geometry(panel.locator('aside.verdict-aside'));
    for (const why of await panel.locator('.verdict-body .cell-why').all()) expect((await geometry(why)).right).toBeLessThanOrEqual(aside.left);
    // Rows do not overlap: each starts where the one above ends, or below it.
    const boxes = await rows.evaluateAll((elements) => elements.map((element) => ({ top: element.getBoundingClientRect().top, bottom: element.getBoundingClientRect().bottom })));
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom - 1);
  });
}
