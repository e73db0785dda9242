import { mkdir } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { LANGUAGES, type Language } from '../../src/shared/i18n/languages';
import { PROFILE_STATUSES } from '../../src/shared/profile';
import { createTranslator } from '../../src/shared/i18n/translator';
import { STATUS_KEYS } from '../../src/renderer/src/components/StatusBadge';
import { expect, systemLocaleOf, test } from '../helpers/harness';
import { CLEAN, fillList, sideways, wrappedButtons } from '../helpers/layout';
import { rowAction } from '../helpers/profile-rows';

/** Where the screenshots of this walk are kept, named by language and what they show. */
const SHOTS = 'test-results/screenshots';

/** The toolbar's items, each as its box: one line means every item shares the first one's line. */
const toolbarBoxes = (page: Page) =>
  page.locator('.toolbar').evaluate((toolbar) => {
    const own = toolbar.getBoundingClientRect();
    const items = [...toolbar.children].filter(
      (e) => e.checkVisibility() && !e.classList.contains('visually-hidden') && !e.classList.contains('toolbar-spacer') && e.getAttribute('popover') === null,
    );
    return {
      right: own.right,
      width: document.documentElement.clientWidth,
      items: items.map((e) => {
        const box = e.getBoundingClientRect();
        return { text: (e.textContent ?? '').slice(0, 24), top: box.top, bottom: box.bottom, left: box.left, right: box.right, width: box.width };
      }),
      // What the buttons need, whatever the fields are given: the widest language is the one to show.
      buttons: [...toolbar.querySelectorAll(':scope > button')].reduce((sum, b) => sum + b.getBoundingClientRect().width, 0),
    };
  });

/** Whether a label sits beside its box (same line, to its right) and its description under it. */
async function besideAndUnder(choice: Locator) {
  return choice.evaluate((label) => {
    const input = label.querySelector('input')!.getBoundingClientRect();
    const range = document.createRange();
    const textNode = [...label.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!;
    range.selectNodeContents(textNode);
    const text = range.getBoundingClientRect();
    const hint = label.querySelector('.hint')?.getBoundingClientRect();
    return {
      radioWidth: Math.round(input.width),
      gap: Math.round(text.left - input.right),
      sameLine: text.top < input.bottom && text.bottom > input.top,
      hintUnder: hint ? hint.top >= text.bottom - 1 && Math.abs(hint.left - text.left) < 2 : true,
    };
  });
}

/** The status words that would be cut in the status column (each tried in a badge of its own). */
const cutStatusWords = (page: Page, words: string[]) =>
  page.evaluate((words) => {
    const badge = document.querySelector<HTMLElement>('.profile-row .status')!;
    const cell = badge.parentElement!;
    return words.filter((word) => {
      const probe = badge.cloneNode() as HTMLElement;
      probe.textContent = word;
      probe.style.maxWidth = 'none';
      cell.append(probe);
      const wide = probe.getBoundingClientRect().width > cell.clientWidth + 0.5;
      probe.remove();
      return wide;
    });
  }, words);

async function chooseLanguage(page: Page, language: Language) {
  await page.locator('.language-switch select').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', new RegExp(`^${language}`));
}

test.describe('issue 23 at 1024×640', () => {
  test.beforeEach(async ({ bk }) => {
    await bk.page.setViewportSize({ width: 1024, height: 640 });
  });

  test('point 9: the toolbar is one line in every language, nothing past the window; screenshots in the language whose toolbar is widest', async ({ bk }, testInfo) => {
    const { page } = bk;
    await fillList(bk);
    const widths: [Language, number][] = [];
    for (const language of LANGUAGES) {
      await chooseLanguage(page, language);
      const { items, right, width, buttons } = await toolbarBoxes(page);
      const top = Math.min(...items.map((i) => i.top));
      const bottom = Math.max(...items.map((i) => i.bottom));
      // One line: every item's box overlaps every other's vertically; none reaches past the window.
      for (const item of items) expect(item.top, `${language}: "${item.text}" is on a line of its own`).toBeLessThan(bottom - 20);
      expect(bottom - top, `${language}: the toolbar is ${bottom - top} px high`).toBeLessThan(64);
      expect(Math.max(...items.map((i) => i.right)), language).toBeLessThanOrEqual(right + 0.5);
      expect(right, language).toBeLessThanOrEqual(width);
      expect(await wrappedButtons(page, '.toolbar'), language).toEqual([]);
      // "Showing 24 of 24 profiles" on one line.
      const count = page.locator('.status-line > p').first();
      expect((await count.boundingBox())!.height, language).toBeLessThan(26);
      widths.push([language, buttons]);
      // Point 10: the status column, sized to its words, holds every status word of this language whole.
      const words = PROFILE_STATUSES.map((status) => createTranslator(systemLocaleOf(language)).t(STATUS_KEYS[status]));
      expect(await cutStatusWords(page, words), language).toEqual([]);
    }
    const [widest] = widths.sort((a, b) => b[1] - a[1])[0]!;
    await chooseLanguage(page, widest);
    expect(await sideways(page)).toEqual(CLEAN);
    await mkdir(SHOTS, { recursive: true });
    for (const [name, path] of [['list', `${SHOTS}/1024-${widest}-toolbar-and-list.png`], ['list', testInfo.outputPath(`1024-${widest}-toolbar-and-list.png`)]] as const) {
      await page.screenshot({ path });
      await testInfo.attach(`${name}-${widest}`, { path, contentType: 'image/png' });
    }
    await page.locator('.toolbar').screenshot({ path: `${SHOTS}/1024-${widest}-toolbar.png` });
    // The widest toolbar is the one measured: Dutch at the time of writing.
    testInfo.annotations.push({ type: 'widest toolbar', description: widths.map(([l, w]) => `${l} ${Math.round(w)} px`).join(', ') });
  });

  test('point 10: the short columns show their values whole, the widths fit the content, a width dragged is remembered', async ({ bk }) => {
    const { page } = bk;
    await fillList(bk);
    // Status and the date take what their words need: no badge or header is cut.
    const cut = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('#profile-column-direction, #profile-column-status, #profile-column-lastVerifiedAt, .profile-body .status, .profile-body [role=gridcell]:nth-child(3), .profile-body [role=gridcell]:nth-child(8)')]
          .filter((e) => e.scrollWidth > e.clientWidth + 1)
          .map((e) => e.textContent),
      );
    expect(await cut()).toEqual([]);
    // At 1280 px the connection's name is whole too ("Visma sandbox (…)" was cut while Status had room to spare).
    await page.setViewportSize({ width: 1280, height: 800 });
    const connection = page.getByRole('row').filter({ hasText: 'fjellvind-00' }).getByRole('gridcell').nth(5);
    await expect(connection).toHaveAttribute('title', /Visma\.net production/);
    await expect.poll(() => connection.locator('span').first().evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
    expect(await cut()).toEqual([]);
    await page.setViewportSize({ width: 1024, height: 640 });
    // A cut value is whole on hover (title) and, while the grid has focus, in the row readout.
    const user = page.getByRole('row').filter({ hasText: 'fjellvind-00' }).getByRole('gridcell').nth(4);
    await expect(user).toHaveAttribute('title', 'integrasjon.brukar.0@fjellvind-bygg-og-anlegg.example');

    // Dragged wider, the API user column keeps its width after a restart.
    const header = page.getByRole('columnheader', { name: 'API user' });
    const handle = header.getByRole('separator', { name: 'Resize column' });
    await handle.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    const chosen = Math.round((await header.boundingBox())!.width);
    await bk.restart();
    await expect(page.getByRole('columnheader', { name: 'API user' })).toBeVisible();
    await expect.poll(async () => Math.round((await page.getByRole('columnheader', { name: 'API user' }).boundingBox())!.width)).toBe(chosen);
    expect(await sideways(page)).toEqual(CLEAN);
  });

  test('point 4: radio groups — each radio beside its label, its description under it (profile form, reconnect dialog)', async ({ bk }, testInfo) => {
    const { page } = bk;
    await fillList(bk);
    await page.getByRole('button', { name: 'Add profile' }).click();
    const form = page.getByRole('dialog', { name: 'Add profile' });
    const where = form.getByRole('group', { name: 'Where its Visma.net connection lives' });
    for (const label of await where.locator('label').all()) {
      const box = await besideAndUnder(label);
      expect(box.radioWidth).toBeLessThan(30);
      expect(box.sameLine).toBe(true);
      expect(box.gap).toBeGreaterThanOrEqual(2);
      expect(box.gap).toBeLessThan(16);
    }
    await form.screenshot({ path: testInfo.outputPath('profile-form-radios.png') });
    await page.keyboard.press('Escape');

    await rowAction(page, 'Fjellvind – K 10', 'Reconnect…');
    const reconnect = page.getByRole('dialog', { name: 'Reconnect Fjellvind – K 10' });
    await reconnect.getByLabel('Log in with').selectOption('custom');
    const openAs = reconnect.getByRole('radiogroup', { name: 'Open it as' });
    await expect(openAs.locator('label')).toHaveCount(2);
    for (const label of await openAs.locator('label').all()) {
      const box = await besideAndUnder(label);
      expect(box.radioWidth).toBeLessThan(30);
      expect(box.sameLine).toBe(true);
      expect(box.gap).toBeGreaterThanOrEqual(2);
      expect(box.gap).toBeLessThan(16);
      expect(box.hintUnder).toBe(true);
    }
    await reconnect.screenshot({ path: testInfo.outputPath('reconnect-open-as.png') });
  });
});
