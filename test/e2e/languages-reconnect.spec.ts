import type { Page, TestInfo } from '@playwright/test';
import type { Language } from '../../src/shared/i18n/languages';
import type { Harness } from '../helpers/harness';
import { addProfile, expect, test } from '../helpers/sandbox-harness';
import { pickCompany, signIn } from '../helpers/sandbox/chromium-person';
import { FJELLVIND, NORDLYS, PER } from '../helpers/sandbox/relying-party';

/** The user's language is main's setting: chosen through the API, then the window reads it as it opens. */
async function speak(bk: Harness, language: Language) {
  await bk.app.api.setLanguage(language);
  await bk.page.reload();
}

/** A screenshot kept with the run's artefacts (test-results/playwright) and attached to the report. */
async function keep(testInfo: TestInfo, page: Page, name: string, target: { screenshot(options: { path: string }): Promise<Buffer> } = page) {
  const file = testInfo.outputPath(name);
  await target.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** Nothing of the window scrolls sideways: every word fits its place at the width B6 names. */
async function fitsWidth(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words a person in each language reads on the main path; Visma's own names stay as Visma writes them. */
const WORDS = {
  fi: {
    actions: (name: string) => `Toiminnot: ${name}`,
    reconnect: 'Yhdistä uudelleen…',
    dialog: (name: string) => `Yhdistä uudelleen: ${name}`,
    open: 'Avaa Visma-kirjautuminen',
    progress: 'Eteneminen',
    // Visma's invalid_tenant does not say who logged in: no one is blamed by name (issue 23).
    title: `Kirjautunut käyttäjä ei saa käyttää Visma.net-rajapintaa yrityksessä ${NORDLYS.name} (${NORDLYS.id})`,
    fix: `Anna käyttäjälle ${PER.email} rooli 'API User' yritykseen ${NORDLYS.name} (${NORDLYS.id}) kohdassa Visma.net Admin → Users and Roles`,
    next: 'Seuraavaksi:',
    tryAgain: 'Yritä uudelleen',
    close: 'Sulje',
    explain: 'Selitä loki…',
    explainer: 'Selitä DataBridgen loki',
    logLines: 'Lokirivit',
    explainButton: 'Selitä',
    summary: 'Liitetty teksti: 6 riviä, joista 5 virheellisiä — 4 tunnettua virhetyyppiä, 1 tuntematon.',
    known: 'Tunnetut Visman virheet',
    seenOnce: 'Nähty 1 kerran',
    roleFix: "Anna API-käyttäjälle rooli 'API User' kyseiseen yritykseen kohdassa Visma.net Admin → Users and Roles",
    unknown: 'Tuntemattomat virheet',
    profiles: 'Virheiden lähellä mainitut profiilit',
    reconnectTwo: 'Yhdistä nämä 2 profiilia uudelleen…',
    bulk: 'Joukkoyhdistäminen',
    logNames: 'Lokin mainitsemat profiilit (2)',
    start: 'Aloita joukkoyhdistäminen (2)',
  },
  sv: {
    actions: (name: string) => `Åtgärder för ${name}`,
    reconnect: 'Återanslut…',
    dialog: (name: string) => `Återanslut ${name}`,
    open: 'Öppna Vismas inloggning',
    progress: 'Förlopp',
    title: `Användaren som loggade in får inte använda Visma.net API för ${NORDLYS.name} (${NORDLYS.id})`,
    fix: `Ge ${PER.email} rollen 'API User' för ${NORDLYS.name} (${NORDLYS.id}) i Visma.net Admin → Users and Roles`,
    next: 'Nästa steg:',
    tryAgain: 'Försök igen',
    close: 'Stäng',
    explain: 'Förklara en logg…',
    explainer: 'Förklara en DataBridge-logg',
    logLines: 'Loggrader',
    explainButton: 'Förklara',
    summary: 'Inklistrad text: 6 rader, 5 med fel — 4 kända feltyper, 1 okänd.',
    known: 'Kända fel från Visma',
    seenOnce: 'Sedd 1 gång',
    roleFix: "Ge API-användaren rollen 'API User' för företaget i Visma.net Admin → Users and Roles",
    unknown: 'Okända fel',
    profiles: 'Profiler som nämns nära felen',
    reconnectTwo: 'Återanslut dessa 2 profiler…',
    bulk: 'Återanslut i grupp',
    logNames: 'Profilerna som loggen nämner (2)',
    start: 'Starta återanslutning i grupp (2)',
  },
} as const;

/** Lines as SuperUsers paste them (the same as explainer.spec.ts): four known Visma errors and one unknown. */
const PASTED = [
  '2024-05-03 10:11:12,123 [7] ERROR DataBridge.Visma - Profil «Orders into Visma» feilet: Error calling Visma.net endpoint (https://integration.visma.net/API/controller/api/v1/customer/customerClass) Invalid parameter exception: ipp-company-id (12002_12002_3f2c9a1e-8b7d-4c6e-9a1b-2d3e4f5a6b7c)',
  '2024-05-03 10:15:00,001 [7] ERROR DataBridge.Visma - Fjellvind orders: {"ExceptionType":"IPPException","ExceptionMessage":"No license for this company.","ExceptionFaultCode":"12027"}',
  '2024-05-03 10:20:30,500 [9] ERROR DataBridge.Sync - Token refresh failed for Orders into Visma: invalid_',
  '  grant (The refresh token is expired)',
  '2024-05-03 10:25:00,000 [9] ERROR DataBridge.Sync - The operation has timed out.',
  '2024-05-03 10:30:00,000 [9] ERROR DataBridge.Sync - Kunne ikke lagre kontakt: Feltet «Postnummer» er for langt',
].join('\r\n');

for (const language of ['fi', 'sv'] as const) {
  const words = WORDS[language];

  test.describe(`in ${language === 'fi' ? 'Finnish' : 'Swedish'}`, () => {
    test.use({ viewport: { width: 1024, height: 640 } });

    test('a reconnect that ends in the API User error says what happened and where to grant the role', async ({ bk, sandbox }, testInfo) => {
      await addProfile(bk, sandbox, { apiUser: PER.email });
      await speak(bk, language);
      await expect(bk.page.locator('html')).toHaveAttribute('lang', new RegExp(`^${language}-`));

      await bk.page.getByRole('button', { name: words.actions('Orders into Visma'), exact: true }).click();
      await bk.page.locator('#profile-row-menu').getByRole('button', { name: words.reconnect, exact: true }).click();
      const dialog = bk.page.getByRole('dialog', { name: words.dialog('Orders into Visma') });
      await keep(testInfo, bk.page, `reconnect-ready-${language}.png`);
      await dialog.getByRole('button', { name: words.open }).click();
      const login = await bk.logins.nextLogin();
      await expect(dialog.getByRole('list', { name: words.progress })).toBeVisible();
      await signIn(login, PER);
      await pickCompany(login, NORDLYS.name);

      const alert = dialog.getByRole('alert');
      await expect(alert).toContainText(words.title);
      await expect(alert).toContainText(words.fix); // "API User" and Visma.net Admin's menu as Visma writes them
      await expect(alert).toContainText(words.next);
      await expect(dialog.getByRole('button', { name: words.tryAgain })).toBeFocused();
      await fitsWidth(bk.page);
      await keep(testInfo, bk.page, `reconnect-api-user-${language}.png`, dialog);
      await dialog.getByRole('button', { name: words.close, exact: true }).click();
      // What main stored for the profile is words too: its reason reads in the same language.
      await expect(bk.page.getByRole('row').filter({ hasText: 'Orders into Visma' }).locator('[title*="API User"]')).toHaveAttribute('title', new RegExp(escaped(words.title)));
    });

    test('the log explainer explains every known Visma error and offers the profiles it names', async ({ bk, sandbox }, testInfo) => {
      await addProfile(bk, sandbox);
      await addProfile(bk, sandbox, { id: 'f1', name: 'Fjellvind orders', companyId: FJELLVIND.id, companyName: FJELLVIND.name });
      await speak(bk, language);

      await bk.page.getByRole('button', { name: words.explain }).click();
      const dialog = bk.page.getByRole('dialog', { name: words.explainer });
      await dialog.getByLabel(words.logLines).fill(PASTED);
      await dialog.getByRole('button', { name: words.explainButton, exact: true }).click();

      await expect(dialog.getByRole('status').first()).toContainText(words.summary);
      const known = dialog.getByRole('region', { name: words.known });
      await expect(known.getByRole('article')).toHaveCount(4);
      await expect(known.locator('[data-code="12002"]')).toContainText(words.seenOnce);
      await expect(known.locator('[data-code="12027"]')).toContainText(words.roleFix);
      await expect(dialog.getByRole('region', { name: words.unknown }).getByRole('article')).toHaveCount(1);
      const profiles = dialog.getByRole('region', { name: words.profiles });
      await expect(profiles).toContainText('Fjellvind orders');
      await fitsWidth(bk.page);
      await keep(testInfo, bk.page, `explainer-${language}.png`, dialog);

      await profiles.getByRole('button', { name: words.reconnectTwo }).click();
      const bulk = bk.page.getByRole('dialog', { name: words.bulk });
      await expect(bulk.getByRole('radio', { name: words.logNames })).toBeChecked();
      await expect(bulk.getByRole('button', { name: words.start })).toBeVisible();
      await keep(testInfo, bk.page, `bulk-chooser-${language}.png`, bulk);
    });
  });
}
