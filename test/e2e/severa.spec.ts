import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import * as XLSX from '@e965/xlsx';
import { parseCsv } from '../../src/main/csv/parse-csv';
import { readTable } from '../../src/main/tables/read-table';
import type { JsonReport } from '../../src/main/severa/report-format';
import { expect, type Harness, test } from '../helpers/harness';
import { AZETS_CSV, SEVERA_CSV, SEVERA_CSV_UNKNOWN_ACTIVE } from '../helpers/severa-panel-fixtures';
import { LOOKALIKE_CLIENT, startSeveraLookalike } from '../helpers/severa-lookalike';
import { azetsCsv, generatePopulation, severaCsv } from '../helpers/severa-population';
import { axeViolations } from '../helpers/axe';
import { decodeWire } from '../helpers/structured-wire';

async function pickFile(page: Page, scope: Locator, button: string, name: string, content: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await scope.getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: content });
}

async function openPanel(bk: Harness) {
  const { page } = bk;
  await page.getByRole('tab', { name: 'Severa login check' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Severa login check' });
  return {
    panel,
    azetsCard: panel.getByRole('region', { name: 'Azets Work users' }),
    severaCard: panel.getByRole('region', { name: 'Severa users' }),
    organization: panel.getByRole('region', { name: 'Organization', exact: true }),
    rows: panel.locator('.verdict-body [role=row]'),
    details: panel.getByRole('complementary', { name: 'Quick check and details' }),
  };
}

async function loadBothFiles(bk: Harness) {
  const parts = await openPanel(bk);
  await pickFile(bk.page, parts.azetsCard, 'Choose Azets Work file…', 'azets-users.csv', AZETS_CSV);
  await pickFile(bk.page, parts.severaCard, 'Choose Severa file…', 'severa-users.csv', SEVERA_CSV);
  await expect(parts.panel.getByRole('button', { name: '7 Everyone' })).toBeVisible();
  return parts;
}

test('an admin loads both exports, corrects a column, filters by reason, quick-checks and exports', async ({ bk }, testInfo) => {
  const { page } = bk;
  // Under the app's CSP (this test does not bypass it): nothing the panel does may be refused.
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    // The test server has no favicon, which the browser asks for on its own; the app never does.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const { panel, azetsCard, severaCard, organization, rows, details } = await openPanel(bk);
  await expect(panel.getByText('Load both user lists to run the check.')).toBeVisible();

  // The Azets Work export: Windows-1252 bytes, `;`, a Finnish header
  await pickFile(page, azetsCard, 'Choose Azets Work file…', 'azets-users.csv', AZETS_CSV);
  await expect(panel.getByRole('status').filter({ hasText: 'Read 6 Azets Work users from azets-users.csv.' })).toBeVisible();
  await expect(azetsCard).toContainText('azets-users.csv · 6 users');
  await expect(azetsCard).toContainText('Windows-1252 · semicolon-separated · 6 rows');
  await expect(azetsCard).toContainText('Columns: email Sähköposti, name Nimi');

  // The Severa export names its activity column in a way nobody guessed: the file is refused, row and field named…
  await pickFile(page, severaCard, 'Choose Severa file…', 'severa-users.csv', SEVERA_CSV_UNKNOWN_ACTIVE);
  await expect(severaCard.getByRole('list', { name: 'Problems in severa-users.csv' })).toContainText(
    'severa-users.csv, row 1, active: no active column: the header has "Email", "Käyttäjän tila", "First name", "Last name"',
  );
  await expect(rows).toHaveCount(0);
  // …and the admin says which column it is
  await severaCard.getByRole('button', { name: 'Columns…' }).click();
  const mapping = page.getByRole('dialog', { name: 'Columns of severa-users.csv' });
  await expect(mapping.getByLabel('Email address')).toHaveValue('Email');
  await mapping.getByLabel('Active in Severa').selectOption('Käyttäjän tila');
  await mapping.getByRole('button', { name: 'Read the file again' }).click();
  await expect(mapping).toBeHidden();
  await expect(severaCard).toContainText('severa-users.csv · 6 users');
  await expect(severaCard).toContainText('active Käyttäjän tila');

  // The check ran by itself: the organization once at the top, counts per reason, everyone listed
  await expect(panel.getByText(/^Checked 6 Azets Work users against 6 Severa users in \d+ ms: 5 users cannot log in\.$/)).toBeVisible();
  const findings = panel.getByRole('region', { name: 'Organization-wide findings' });
  await expect(findings).toContainText('Not checked: whether the organization still uses Severa.');
  await expect(findings).toContainText("Not checked: whether the organization's Azets Work add-on is active in Severa.");
  const summary = panel.getByRole('region', { name: /^Summary per reason/ });
  await expect(summary.getByRole('button')).toHaveText([
    '7 Everyone',
    '5 Cannot log in',
    '1 Spaces or invisible characters',
    '1 Case differs',
    '1 Likely typo',
    '1 Not found in Severa',
    '1 Inactive in Severa',
    '1 Not in Azets Work',
    '1 OK',
  ]);
  await expect(rows).toHaveCount(7);
  await expect(rows.nth(5)).toContainText('petra⟨U+00A0⟩@firma.fi'); // the no-break space, shown where it is

  // Filter by reason: one user, the reason's fix in plain words, and this user's own fix
  await summary.getByRole('button', { name: '1 Case differs' }).click();
  await expect(summary.getByRole('button', { name: '1 Case differs' })).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Matti.Makinen@firma.fi');
  await expect(rows.first()).toContainText('matti.makinen@firma.fi');
  await expect(panel.getByText('Fix: In Severa, change the address to exactly the Azets Work one.')).toBeVisible();
  await expect(details).toContainText('Entry 1 of 1');
  await expect(details).toContainText(
    'In Severa, change the email of Matti Mäkinen (row 3) to exactly "Matti.Makinen@firma.fi", with upper and lower case as in Azets Work.',
  );

  // Everyone again, searched, and walked by keyboard
  await summary.getByRole('button', { name: '5 Cannot log in' }).click();
  await expect(rows).toHaveCount(5);
  await summary.getByRole('button', { name: '7 Everyone' }).click();
  await panel.getByLabel('Search').fill('NIEMINEN');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Likely typo');
  await panel.getByLabel('Search').fill('');
  await expect(rows).toHaveCount(7);
  await panel.getByRole('grid').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(details).toContainText('Entry 3 of 7');
  await expect(details).toContainText('Activate Liisa Laine (row 4) in Severa.');

  // The organization: the add-on switched off blocks everyone, once at the top and in every verdict
  await organization.getByLabel('Azets Work add-on in Severa').selectOption('inactive');
  await expect(findings).toContainText('nobody can open Severa from the Azets Work portal');
  await expect(summary.getByRole('button', { name: '6 Add-on not active' })).toBeVisible();
  await organization.getByLabel('Azets Work add-on in Severa').selectOption('active');
  await organization.getByLabel('Organization still uses Severa').selectOption('yes');
  await expect(findings).toContainText('The Azets Work add-on is active in Severa.');
  await expect(findings).toContainText('The organization uses Severa.');
  await expect(summary.getByRole('button', { name: '1 OK' })).toBeVisible();

  // Quick check: an address in other case finds that user; an OK one says where to turn next
  const quick = details.getByRole('status', { name: 'Quick check result' });
  await details.getByLabel('Email address to check').fill('matti.makinen@FIRMA.fi');
  await details.getByRole('button', { name: 'Check' }).click();
  await expect(quick).toContainText('Case differs');
  await expect(quick).toContainText('Matti Mäkinen, row 3');
  await details.getByLabel('Email address to check').fill('anna.virtanen@firma.fi');
  await details.getByLabel('Email address to check').press('Enter');
  await expect(quick).toContainText('OK');
  await expect(quick).toContainText('If this user still cannot open Severa from Azets Work, the cause is the connection between the two systems: contact customer service.');

  // Export: the whole report, as the CLI writes it
  let downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export CSV' }).click();
  const csvDownload = await downloading;
  expect(csvDownload.suggestedFilename()).toMatch(/^severa-login-check-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = parseCsv((await readFile((await csvDownload.path())!, 'utf8')).replace(/^\uFEFF/, ''), ',').map((r) => r.cells);
  expect(csv.slice(1).map((row) => [row[0], row[1]])).toEqual([
    ['OK', 'anna.virtanen@firma.fi'],
    ['CASE_MISMATCH', 'Matti.Makinen@firma.fi'],
    ['INACTIVE_IN_SEVERA', 'liisa.laine@firma.fi'],
    ['LIKELY_TYPO', 'jukka.nieminen@firma.fi'],
    ['EMAIL_NOT_FOUND', 'sari.koski@firma.fi'],
    ['WHITESPACE_OR_INVISIBLE', 'petra\u00a0@firma.fi'],
    ['NOT_IN_AZETS', ''],
  ]);
  await expect(panel.getByText(/^Exported the report of 7 entries as severa-login-check-.*\.csv\.$/)).toBeVisible();
  downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export Excel' }).click();
  const workbookDownload = await downloading;
  expect(workbookDownload.suggestedFilename()).toMatch(/^severa-login-check-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = readTable(new Uint8Array(await readFile((await workbookDownload.path())!)));
  expect(workbook.ok && workbook.table.format).toBe('xlsx');
  expect(workbook.ok && workbook.table.records.map((record) => record.cells.slice(0, 2))).toEqual(csv.map((row) => row.slice(0, 2)));
  downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export JSON' }).click();
  const report = JSON.parse(await readFile((await (await downloading).path())!, 'utf8')) as JsonReport;
  expect(report.summary).toMatchObject({ OK: 1, CASE_MISMATCH: 1, NOT_IN_AZETS: 1 });
  expect(report.organization.map((finding) => finding.state)).toEqual(['yes', 'active']);
  expect(report.users).toHaveLength(7);

  // A picture of the panel as the admin sees it: the no-break space selected, everyone listed
  await panel.getByRole('grid').focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  await expect(details).toContainText('Entry 6 of 7');
  await expect(details).toContainText('Retype the address in Azets Work by hand (do not paste it)');
  await details.getByLabel('Email address to check').fill('');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, 0);
  await page.screenshot({ path: testInfo.outputPath('severa-panel.png') });
  await testInfo.attach('severa-panel', { path: testInfo.outputPath('severa-panel.png'), contentType: 'image/png' });
  expect(pageErrors).toEqual([]);
});

test('Excel workbooks, picked or dropped on a card, and the sheet the users are on', async ({ bk }) => {
  const { page } = bk;
  const { panel, azetsCard, severaCard } = await openPanel(bk);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Read me'], ['The users are on the next sheet.']]), 'Ohje');
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([['Severa users 2026'], [], ['Email', 'Active', 'Name'], ['anna.virtanen@firma.fi', true, 'Anna Virtanen'], ['liisa.laine@firma.fi', false, 'Liisa Laine']]),
    'Käyttäjät',
  );
  const workbook = Buffer.from(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);

  // Picked: the first sheet is a help sheet, so the users are read from the next, and the card says so
  await pickFile(page, severaCard, 'Choose Severa file…', 'severa.xlsx', workbook);
  await expect(severaCard).toContainText('severa.xlsx · 2 users');
  await expect(severaCard).toContainText('Read the sheet "Käyttäjät": the first sheet, "Ohje", does not have the columns the check needs.');
  // The admin can still choose another sheet: the help sheet has no users, and the card says what is wrong
  await severaCard.getByLabel('Sheet').selectOption('Ohje');
  await expect(severaCard.getByRole('list', { name: 'Problems in severa.xlsx' })).toContainText('severa.xlsx, row 1, email: no email column');
  await severaCard.getByLabel('Sheet').selectOption('Käyttäjät');
  await expect(severaCard).toContainText('severa.xlsx · 2 users');
  await expect(severaCard).toContainText('Excel workbook · sheet Käyttäjät · 2 rows');
  await expect(severaCard).toContainText('The header is on row 3');

  // Dropped: the Azets Work list as a workbook dropped on its card
  const azetsBook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(azetsBook, XLSX.utils.aoa_to_sheet([['Sähköposti', 'Nimi'], ['anna.virtanen@firma.fi', 'Anna Virtanen']]), 'Users');
  const azetsBytes = [...Buffer.from(XLSX.write(azetsBook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)];
  const dropped = await page.evaluateHandle((bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], 'azets.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    return transfer;
  }, azetsBytes);
  const target = azetsCard.locator('.source-file');
  await target.dispatchEvent('dragover', { dataTransfer: dropped });
  await target.dispatchEvent('drop', { dataTransfer: dropped });
  await expect(azetsCard).toContainText('azets.xlsx · 1 user');
  await expect(panel.getByText(/^Checked 1 Azets Work user against 2 Severa users in \d+ ms/)).toBeVisible();
});

test('Severa users read live from the Severa API, with the credentials kept in the keychain', async ({ bk }) => {
  const severa = await startSeveraLookalike(
    [
      { guid: 'g-1', email: 'anna.virtanen@firma.fi', firstName: 'Anna', lastName: 'Virtanen', isActive: true },
      { guid: 'g-2', email: 'matti.makinen@firma.fi', firstName: 'Matti', lastName: 'Mäkinen', isActive: true },
      { guid: 'g-3', email: 'liisa.laine@firma.fi', firstName: 'Liisa', lastName: 'Laine', isActive: false },
    ],
    ['Resource planning', 'Azets Work'],
  );
  try {
    const { page } = bk;
    const { panel, azetsCard, severaCard, organization } = await openPanel(bk);
    await severaCard.getByRole('radio', { name: 'Severa API' }).check();
    await expect(severaCard).toContainText('Client credentials: not set');
    await expect(severaCard.getByRole('button', { name: 'Read users from Severa' })).toBeDisabled();

    await severaCard.getByRole('button', { name: 'Connection…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Severa API connection' });
    await expect(dialog.getByLabel('API address')).toHaveValue('https://api.severa.visma.com/rest-api');
    await dialog.getByLabel('API address').fill(severa.url);
    await dialog.getByLabel('Client id').fill(LOOKALIKE_CLIENT.clientId);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Fill in the client id, the secret and the scope.');
    await dialog.getByLabel('Client secret').fill(LOOKALIKE_CLIENT.clientSecret);
    await dialog.getByLabel('Scope').fill(LOOKALIKE_CLIENT.scope);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(severaCard).toContainText('Client credentials: saved in the keychain');

    await severaCard.getByRole('button', { name: 'Read users from Severa' }).click();
    const host = new URL(severa.url).host;
    await expect(panel.getByText(`Read 3 Severa users from ${host}.`)).toBeVisible();
    await expect(severaCard).toContainText('3 users (1 inactive) read');
    await expect(organization.getByLabel('Azets Work add-on in Severa')).toHaveValue('active');
    await expect(organization).toContainText('Active add-ons: Resource planning, Azets Work.');

    await pickFile(page, azetsCard, 'Choose Azets Work file…', 'azets-users.csv', AZETS_CSV);
    await expect(panel.getByText(/^Checked 6 Azets Work users against 3 Severa users/)).toBeVisible();
    await expect(panel.getByRole('region', { name: 'Organization-wide findings' })).toContainText('The Azets Work add-on is active in Severa.');

    // The secret crossed once, typed into the form; main never sent it (or the client id) back.
    const carrying = bk.payloads.filter((payload) => payload.includes(LOOKALIKE_CLIENT.clientSecret));
    expect(carrying).toHaveLength(1);
    expect(decodeWire(carrying[0]!)).toEqual([expect.objectContaining({ clientSecret: LOOKALIKE_CLIENT.clientSecret })]);
    expect(bk.payloads.filter((payload) => payload.includes(LOOKALIKE_CLIENT.clientId))).toHaveLength(1);

    // A restart finds the credentials in the keychain; forgetting them removes them
    await bk.restart();
    const again = await openPanel(bk);
    await again.severaCard.getByRole('radio', { name: 'Severa API' }).check();
    await expect(again.severaCard).toContainText('Client credentials: saved in the keychain');
    await expect(again.severaCard).toContainText(host);
    await again.severaCard.getByRole('button', { name: 'Connection…' }).click();
    await page.getByRole('dialog', { name: 'Severa API connection' }).getByRole('button', { name: 'Forget saved credentials' }).click();
    await expect(again.severaCard).toContainText('Client credentials: not set');
    await expect(again.panel.getByText('Forgot the Severa API credentials.')).toBeVisible();
  } finally {
    await severa.close();
  }
});

test('20,000 users: the list shows only what is in view and fetches the rest as it scrolls', async ({ bk }) => {
  const { page } = bk;
  const population = generatePopulation(20_000, 0.05, 3);
  const { panel, azetsCard, severaCard, rows, details } = await openPanel(bk);
  await pickFile(page, azetsCard, 'Choose Azets Work file…', 'azets-20000.csv', Buffer.from(azetsCsv(population.azets)));
  await pickFile(page, severaCard, 'Choose Severa file…', 'severa-20000.csv', Buffer.from(severaCsv(population.severa)));
  await expect(panel.getByText(/^Checked 20,000 Azets Work users against 20,000 Severa users/)).toBeVisible();
  const everyone = await panel.getByRole('region', { name: /^Summary per reason/ }).getByRole('button', { name: /Everyone$/ }).textContent();
  const total = everyone!.replace(/\D/g, '');
  expect(Number(total)).toBeGreaterThanOrEqual(20_000);
  expect(await rows.count()).toBeLessThan(60);

  // The last entry, reached by keyboard: its page comes from main, its details follow.
  await panel.getByRole('grid').focus();
  await page.keyboard.press('End');
  await expect(details).toContainText(`Entry ${Number(total).toLocaleString('en')} of ${Number(total).toLocaleString('en')}`);
  await expect(rows.filter({ hasText: 'Loading…' })).toHaveCount(0);
  expect(await rows.count()).toBeLessThan(60);
  // Apart from the two files going to main, nothing that crossed carried more than a page's worth.
  const answers = bk.payloads.filter((payload) => !payload.includes('"base64"'));
  expect(bk.payloads.length - answers.length).toBe(2);
  expect(Math.max(...answers.map((payload) => payload.length))).toBeLessThan(300_000);
});

test.describe('accessibility', () => {
  // axe is injected as a script, which the page's CSP (scripts from the app only) would otherwise refuse.
  test.use({ bypassCSP: true });

  test('the panel, empty, with results and with its dialogs open, has no axe violations', async ({ bk }) => {
    const { page } = bk;
    const { panel, severaCard } = await openPanel(bk);
    expect(await axeViolations(page)).toEqual([]);
    await loadBothFiles(bk);
    await panel.getByRole('region', { name: /^Summary per reason/ }).getByRole('button', { name: '1 Likely typo' }).click();
    await panel.getByLabel('Email address to check').fill('sari.koski@firma.fi');
    await panel.getByRole('button', { name: 'Check' }).click();
    await expect(panel.getByRole('status', { name: 'Quick check result' })).toContainText('Not found in Severa');
    expect(await axeViolations(page)).toEqual([]);
    await severaCard.getByRole('button', { name: 'Columns…' }).click();
    await expect(page.getByRole('dialog', { name: 'Columns of severa-users.csv' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await severaCard.getByRole('radio', { name: 'Severa API' }).check();
    await severaCard.getByRole('button', { name: 'Connection…' }).click();
    await expect(page.getByRole('dialog', { name: 'Severa API connection' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
});
