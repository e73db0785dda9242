import { readFile } from 'node:fs/promises';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { parseCsv } from '../../src/main/csv/parse-csv';
import type { JsonReport } from '../../src/main/severa/report-format';
import type { Language } from '../../src/shared/i18n/languages';
import { expect, type Harness, test } from '../helpers/harness';
import { AZETS_CSV, SEVERA_CSV } from '../helpers/severa-panel-fixtures';

/**
 * The Severa login check in Finnish and in Swedish: the admin's words, main's findings (said from
 * codes by the one catalog), the quick check and the export, all in the chosen language.
 */

async function pickFile(page: Page, scope: Locator, button: string, name: string, content: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await scope.getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: content });
}

/** Chooses the language as the settings do, and opens the panel (by its id: the tab's own words are the app's). */
async function openIn(bk: Harness, language: Language) {
  await bk.app.api.setLanguage(language);
  await bk.page.reload();
  await bk.page.locator('#tab-severa').click();
  return bk.page.locator('#panel-severa');
}

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
}

interface Words {
  language: Language;
  azetsCard: string;
  severaCard: string;
  chooseAzets: string;
  chooseSevera: string;
  everyone: string;
  checked: RegExp;
  caseChip: string;
  details: string;
  entry: string;
  why: string;
  fix: string;
  quickEmail: string;
  quickCheck: string;
  quickResult: string;
  exportCsv: string;
  csvOk: string;
  /** English the panel must not show in this language. */
  notEnglish: RegExp;
}

const FINNISH: Words = {
  language: 'fi',
  azetsCard: 'Azets Work -käyttäjät',
  severaCard: 'Severa-käyttäjät',
  chooseAzets: 'Valitse Azets Work -tiedosto…',
  chooseSevera: 'Valitse Severa-tiedosto…',
  everyone: '7 Kaikki',
  checked: /^Tarkistettiin 6 Azets Work -käyttäjää ja 6 Severa-käyttäjää ajassa \d+ ms: 5 käyttäjää ei pääse kirjautumaan\.$/,
  caseChip: '1 Kirjainkoko eroaa',
  details: 'Pikatarkistus ja tiedot',
  entry: 'Rivi 1/1',
  why: 'Severassa on "matti.makinen@firma.fi" (Matti Mäkinen, rivi 3): sama osoite eri isoin ja pienin kirjaimin (@-merkkiä edeltävässä osassa).',
  fix: 'Vaihda Severassa sähköpostiosoitteeksi täsmälleen "Matti.Makinen@firma.fi", isot ja pienet kirjaimet kuten Azets Workissa: Matti Mäkinen (rivi 3).',
  quickEmail: 'Tarkistettava sähköpostiosoite',
  quickCheck: 'Tarkista',
  quickResult: 'Pikatarkistuksen tulos',
  exportCsv: 'Vie CSV',
  csvOk: 'Severassa on täsmälleen tämä osoite, ja käyttäjä on aktiivinen.',
  notEnglish: /\b(Choose|Everyone|Cannot log in|Quick check|Why|What to do|Search|Export|Case differs|Not checked|\d+ users?)\b/,
};

const SWEDISH: Words = {
  language: 'sv',
  azetsCard: 'Azets Work-användare',
  severaCard: 'Severa-användare',
  chooseAzets: 'Välj Azets Work-fil…',
  chooseSevera: 'Välj Severa-fil…',
  everyone: '7 Alla',
  checked: /^Kontrollerade 6 Azets Work-användare mot 6 Severa-användare på \d+ ms: 5 användare kan inte logga in\.$/,
  caseChip: '1 Versaler skiljer sig',
  details: 'Snabbkontroll och detaljer',
  entry: 'Post 1 av 1',
  why: 'Severa har "matti.makinen@firma.fi" (Matti Mäkinen, rad 3): samma adress med andra versaler/gemener (i delen före @).',
  fix: 'Ändra i Severa e-postadressen för Matti Mäkinen (rad 3) till exakt "Matti.Makinen@firma.fi", med versaler och gemener som i Azets Work.',
  quickEmail: 'E-postadress att kontrollera',
  quickCheck: 'Kontrollera',
  quickResult: 'Resultat av snabbkontrollen',
  exportCsv: 'Exportera CSV',
  csvOk: 'Severa har exakt den här adressen, och användaren är aktiv.',
  notEnglish: /\b(Choose|Everyone|Cannot log in|Quick check|Why|What to do|Search|Export|Case differs|Not checked|\d+ users?)\b/,
};

for (const words of [FINNISH, SWEDISH]) {
  test(`in ${words.language === 'fi' ? 'Finnish' : 'Swedish'}: a case mismatch found, explained and fixed in the admin's language`, async ({ bk }, testInfo) => {
    const { page } = bk;
    const panel = await openIn(bk, words.language);
    const azetsCard = panel.getByRole('region', { name: words.azetsCard });
    const severaCard = panel.getByRole('region', { name: words.severaCard, exact: true });
    await pickFile(page, azetsCard, words.chooseAzets, 'azets-users.csv', AZETS_CSV);
    await pickFile(page, severaCard, words.chooseSevera, 'severa-users.csv', SEVERA_CSV);
    await expect(panel.getByRole('button', { name: words.everyone })).toBeVisible();
    await expect(panel.getByText(words.checked)).toBeVisible();

    // The case mismatch: its reason, the evidence and the fix, said from main's codes in this language
    const summary = panel.locator('.reason-summary');
    await summary.getByRole('button', { name: words.caseChip }).click();
    const details = panel.getByRole('complementary', { name: words.details });
    await expect(details).toContainText(words.entry);
    await expect(details).toContainText(words.why);
    await expect(details).toContainText(words.fix);
    await attachScreenshot(page, testInfo, `severa-case-mismatch-${words.language}.png`);

    // The quick check of the address as a user would type it
    await details.getByLabel(words.quickEmail).fill('matti.makinen@FIRMA.fi');
    await details.getByRole('button', { name: words.quickCheck }).click();
    const quick = details.getByRole('status', { name: words.quickResult });
    await expect(quick).toContainText(words.caseChip.replace(/^1 /, ''));
    await expect(quick).toContainText(words.fix);
    await attachScreenshot(page, testInfo, `severa-quick-check-${words.language}.png`);
    expect(await panel.innerText()).not.toMatch(words.notEnglish);

    // The export: the locale's separator (";" in Finland and Sweden), the words of the language, codes as codes
    const downloading = page.waitForEvent('download');
    await panel.getByRole('button', { name: words.exportCsv }).click();
    const text = (await readFile((await (await downloading).path())!, 'utf8')).replace(/^\uFEFF/, '');
    const rows = parseCsv(text, ';').map((record) => record.cells);
    expect(rows[0]!.slice(0, 5)).toEqual(['reason', 'azetsEmail', 'severaEmail', 'detail', 'fix']);
    expect(rows.find((row) => row[0] === 'OK')?.[3]).toMatch(new RegExp(`^${words.csvOk.replace(/[.()]/g, '\\$&')}`));
    expect(rows.find((row) => row[0] === 'CASE_MISMATCH')?.[4]).toBe(words.fix);
  });
}

test('the panel fits 1024×640 in Finnish, its longest language, and its JSON export is the same as in English', async ({ bk }, testInfo) => {
  const { page } = bk;
  await page.setViewportSize({ width: 1024, height: 640 });
  const exportJson = async (panel: Locator) => {
    const downloading = page.waitForEvent('download');
    await panel.locator('.toolbar button').last().click();
    return JSON.parse(await readFile((await (await downloading).path())!, 'utf8')) as JsonReport;
  };
  let panel = await openIn(bk, 'fi');
  await pickFile(page, panel.getByRole('region', { name: FINNISH.azetsCard }), FINNISH.chooseAzets, 'azets-users.csv', AZETS_CSV);
  await pickFile(page, panel.getByRole('region', { name: FINNISH.severaCard, exact: true }), FINNISH.chooseSevera, 'severa-users.csv', SEVERA_CSV);
  await expect(panel.getByRole('button', { name: FINNISH.everyone })).toBeVisible();
  const overflow = await page.evaluate(() => {
    const wide: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollWidth > root.clientWidth) wide.push(`page ${root.scrollWidth}px`);
    for (const element of document.querySelectorAll<HTMLElement>('#panel-severa button, #panel-severa h2, #panel-severa h3, #panel-severa label')) {
      if (element.closest('.visually-hidden')) continue; // clipped on purpose: for screen readers only
      if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflow !== 'visible') wide.push(element.textContent ?? '');
    }
    return wide;
  });
  expect(overflow).toEqual([]);
  await attachScreenshot(page, testInfo, 'severa-1024x640-fi.png');
  const finnish = await exportJson(panel);

  panel = await openIn(bk, 'en');
  await expect(panel.getByRole('button', { name: '7 Everyone' })).toBeVisible();
  const english = await exportJson(panel);
  expect(JSON.stringify(english.users)).toBe(JSON.stringify(finnish.users));
  expect(english.organization).toEqual(finnish.organization);
});
