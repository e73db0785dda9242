import type { Page, TestInfo } from '@playwright/test';
import { PROFILE_STATUSES } from '../../src/shared/profile';
import { LANGUAGES, LANGUAGE_NAMES } from '../../src/shared/i18n/languages';
import { STATUS_KEYS } from '../../src/renderer/src/components/StatusBadge';
import { createTranslator } from '../../src/shared/i18n/translator';
import { expect, type Harness, longestLanguage, systemLocaleOf, test } from '../helpers/harness';
import { CLEAN, dialogProblems, fillList, sideways, wrappedButtons } from '../helpers/layout';

const fi = createTranslator('fi-FI');
const sv = createTranslator('sv-SE');

/** A screenshot kept with the test's report (test-results/playwright and the HTML report), named for its language. */
async function keep(page: Page, testInfo: TestInfo, name: string) {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

test.describe('the language switch', () => {
  test('Finnish, then Swedish, chosen in the app: every word of the shell changes at once, <html lang> too, and the choice outlives a restart', async ({ bk }) => {
    const { page } = bk;
    await fillList(bk);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    const language = page.getByLabel('Language', { exact: true });
    await expect(language).toHaveValue('system');
    await expect(language.locator('option:checked')).toHaveText('As the system (English)');
    // Each language by its own name, whatever the current one.
    expect(await language.locator('option').allTextContents()).toEqual(['As the system (English)', ...LANGUAGES.map((l) => LANGUAGE_NAMES[l])]);

    await language.selectOption('fi');
    await expect(page.getByRole('tab', { name: fi.t('app.area.profiles') })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Severan kirjautumistarkistus' })).toBeVisible();
    await expect(page.getByRole('tablist', { name: 'Alueet' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fi-FI');
    await expect(page).toHaveTitle('Profiilit — Bridgekeeper');
    await expect(page.getByRole('row').filter({ hasText: 'fjellvind-00' })).toContainText('Yhdistettävä uudelleen');
    await expect(page.getByLabel('Kieli', { exact: true })).toHaveValue('fi');
    await expect(page.getByLabel('Kieli', { exact: true }).locator('option').first()).toHaveText('Järjestelmän mukaan (English)');

    // Quit and start again: still Finnish, from the first frame (nothing shows before the language is known).
    await bk.restart();
    await expect(page.getByRole('tab', { name: 'Profiilit' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fi-FI');
    expect(bk.words().locale).toBe('fi-FI');

    await page.getByLabel('Kieli', { exact: true }).selectOption('sv');
    await expect(page.getByRole('tab', { name: sv.t('app.area.profiles') })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Inloggningskontroll för Severa' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv-SE');
    await expect(page.getByRole('row').filter({ hasText: 'fjellvind-00' })).toContainText('Behöver anslutas igen');
    await page.getByRole('tab', { name: 'Inloggningskontroll för Severa' }).click();
    await expect(page).toHaveTitle('Inloggningskontroll för Severa — Bridgekeeper');

    await bk.restart();
    await expect(page.getByLabel('Språk', { exact: true })).toHaveValue('sv');
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv-SE');

    // Back to the system's language: English again, and nothing left in the settings.
    await page.getByLabel('Språk', { exact: true }).selectOption('system');
    await expect(page.getByRole('tab', { name: 'Profiles' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    expect(bk.app.settings.current.language).toBeUndefined();
  });

  test.describe('on a Swedish system', () => {
    test.use({ language: 'sv' });

    test('the app follows the system until someone chooses, and says which language that is', async ({ bk }) => {
      const { page } = bk;
      await expect(page.getByRole('tab', { name: 'Profiler' })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'sv-SE');
      const language = page.getByLabel('Språk', { exact: true });
      await expect(language).toHaveValue('system');
      await expect(language.locator('option:checked')).toHaveText('Som systemet (Svenska)');
      // A Swede who reads Finnish better chooses it; the system's Swedish no longer applies.
      await language.selectOption('fi');
      await expect(page.getByRole('tab', { name: 'Profiilit' })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'fi-FI');
    });
  });

  test('a dropped file of no known kind is answered in the chosen language', async ({ bk }) => {
    const { page } = bk;
    await page.getByLabel('Language', { exact: true }).selectOption('nl');
    await expect(page.getByRole('tab', { name: 'Profielen' })).toBeVisible();
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['x'], 'foto.png'));
      return transfer;
    });
    const panel = page.getByRole('tabpanel', { name: 'Profielen' });
    await panel.dispatchEvent('dragover', { dataTransfer });
    await panel.dispatchEvent('drop', { dataTransfer });
    await expect(page.getByRole('status').filter({ hasText: 'foto.png is geen profiellijst (.csv, .json) en ook geen DataBridge-log (.log, .txt).' })).toBeVisible();
    await page.getByRole('button', { name: 'Sluiten' }).click();
    await expect(page.getByText('foto.png is geen profiellijst')).toBeHidden();
  });
});

/** The More menu's dialogs and the toolbar's, opened by the words the app shows now. */
const DIALOGS = ['Environments…', 'Portals…', 'Audit trail…'];
const TOOLBAR_DIALOGS = ['Add profile', 'Explain a log…', 'Bulk reconnect…'];

async function openFromMore(bk: Harness, english: string) {
  await bk.page.locator('button[popovertarget="profiles-more-menu"]').click();
  await bk.page.locator('#profiles-more-menu').getByRole('button', { name: bk.say(english, 'profiles'), exact: true }).click();
}

test.describe(`at 1024×640 in the longest language (${longestLanguage()})`, () => {
  test.use({ language: longestLanguage() });

  test('the shell, the list and the dialogs fit: nothing clipped, no word broken, no sideways scroll', async ({ bk }, testInfo) => {
    const { page } = bk;
    await page.setViewportSize({ width: 1024, height: 640 });
    await fillList(bk);
    await expect(page.locator('html')).toHaveAttribute('lang', systemLocaleOf(longestLanguage()));
    expect(await sideways(page)).toEqual(CLEAN);
    expect(await wrappedButtons(page, '.app-header')).toEqual([]);
    expect(await wrappedButtons(page, '.toolbar')).toEqual([]);
    // The language switch and both tabs are on screen, not pushed out by longer words.
    for (const control of [page.getByRole('tab').first(), page.getByRole('tab').last(), page.locator('.language-switch select')]) await expect(control).toBeInViewport({ ratio: 1 });
    await keep(page, testInfo, `${longestLanguage()}-list-1024`);

    // Every status word of the language shown fits the status column whole (the column is sized to them,
    // issue 23 point 10; each language in layout-1024.spec): a badge cut to "Opnieuw verbinden n…" says nothing.
    const statusWords = PROFILE_STATUSES.map((status) => `${longestLanguage()}: ${createTranslator(systemLocaleOf(longestLanguage())).t(STATUS_KEYS[status])}`);
    const cut = await page.evaluate((words) => {
      const badge = document.querySelector<HTMLElement>('.profile-row .status')!;
      const cell = badge.parentElement!;
      const room = cell.clientWidth - parseFloat(getComputedStyle(cell).paddingLeft) - parseFloat(getComputedStyle(cell).paddingRight);
      return words.filter((entry) => {
        const probe = badge.cloneNode() as HTMLElement;
        probe.textContent = entry.slice(entry.indexOf(': ') + 2);
        probe.style.maxWidth = 'none';
        cell.append(probe);
        const wide = probe.getBoundingClientRect().width > room + 0.5;
        probe.remove();
        return wide;
      });
    }, statusWords);
    expect(cut).toEqual([]);

    for (const english of DIALOGS) {
      await openFromMore(bk, english);
      await expect(page.locator('dialog[open]')).toBeVisible();
      expect(await dialogProblems(page), english).toEqual([]);
      expect(await wrappedButtons(page, 'dialog[open]'), english).toEqual([]);
      await keep(page, testInfo, `${longestLanguage()}-${english.replace(/\W+/g, '-').toLowerCase()}1024`);
      await page.keyboard.press('Escape');
      await expect(page.locator('dialog[open]')).toHaveCount(0);
    }
    for (const english of TOOLBAR_DIALOGS) {
      await page.locator('.toolbar').getByRole('button', { name: bk.say(english, 'profiles'), exact: true }).click();
      await expect(page.locator('dialog[open]')).toBeVisible();
      expect(await dialogProblems(page), english).toEqual([]);
      await keep(page, testInfo, `${longestLanguage()}-${english.replace(/\W+/g, '-').toLowerCase()}1024`);
      await page.keyboard.press('Escape');
      await expect(page.locator('dialog[open]')).toHaveCount(0);
    }

    // The other area, and the list tabbed through without anything scrolling sideways.
    await page.getByRole('tab').last().click();
    expect(await wrappedButtons(page, '.app-main')).toEqual([]);
    await keep(page, testInfo, `${longestLanguage()}-severa-1024`);
    await page.getByRole('tab').first().click();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      expect(await sideways(page), `after ${i + 1} Tab presses`).toEqual(CLEAN);
    }
  });
});

for (const language of LANGUAGES) {
  test.describe(`in ${LANGUAGE_NAMES[language]}`, () => {
    test.use({ language });

    test(`screenshots of the list, a dialog and the Severa area (${language})`, async ({ bk }, testInfo) => {
      const { page } = bk;
      await page.setViewportSize({ width: 1280, height: 800 });
      await fillList(bk);
      const words = bk.words();
      await expect(page.getByRole('tab', { name: words.t('app.area.profiles') })).toHaveAttribute('aria-selected', 'true');
      await expect(page.locator('html')).toHaveAttribute('lang', systemLocaleOf(language));
      await expect(page.locator('.profile-row').filter({ hasText: 'fjellvind-00' })).toContainText(words.t('components.status.needs-reauth'));
      await keep(page, testInfo, `${language}-list`);
      await openFromMore(bk, 'Environments…');
      await expect(page.locator('dialog[open]')).toBeVisible();
      await keep(page, testInfo, `${language}-environments`);
      await page.keyboard.press('Escape');
      await page.getByRole('tab', { name: words.t('app.area.severa') }).click();
      await expect(page).toHaveTitle(words.t('app.window.title', { area: words.t('app.area.severa') }));
      await keep(page, testInfo, `${language}-severa`);
    });
  });
}
