import type { Page } from '@playwright/test';
import { expect, type Harness } from './harness';

/** The local sandbox environment the layout checks fill the list with. */
export const SANDBOX_ENVIRONMENT = {
  id: 'sandbox',
  name: 'Local sandbox',
  issuer: 'http://127.0.0.1:4567',
  clientId: 'databridge',
  scopes: 'openid tenants offline_access',
  redirectUri: 'http://127.0.0.1/bridgekeeper/callback',
  apiBaseUrl: 'http://127.0.0.1:4567/API',
  verifyPath: '/controller/api/v1/organization',
  extraLoginOrigins: [],
};

/**
 * Profiles with the long names, companies and addresses real lists have, in every status that has
 * words; waits for them by the rows, whatever the language.
 */
export async function fillList(bk: Harness): Promise<void> {
  await bk.app.api.saveEnvironment(SANDBOX_ENVIRONMENT);
  const parts = ['K', 'Kundereskontra og leverandørreskontra', 'Ordre', 'Faktura', 'Prosjekt'];
  for (let i = 0; i < 24; i++) {
    const part = parts[i % parts.length]!;
    await bk.app.api.createProfile({
      id: `fjellvind-${String(i).padStart(2, '0')}-${part.toLowerCase().replace(/\W+/g, '-')}`,
      name: `Fjellvind – ${part}${i >= parts.length ? ` ${i}` : ''}`,
      direction: i % 2 ? 'export' : 'import',
      companyId: String(1000000 + i),
      companyName: 'Fjellvind Bygg og Anlegg Vestlandet AS',
      apiUser: `integrasjon.brukar.${i}@fjellvind-bygg-og-anlegg.example`,
      environmentId: i < 2 ? 'visma-production' : 'sandbox',
    });
  }
  const statuses = ['needs-reauth', 'error', 'expiring', 'connected', 'checking', 'reauthenticating'] as const;
  bk.app.profiles.setStates(
    [...bk.app.profiles.all()]
      .sort((a, b) => a.id.localeCompare(b.id))
      .slice(0, 12)
      .map((p, i) => ({ id: p.id, state: { status: statuses[i % statuses.length]!, statusSince: new Date().toISOString(), statusReason: { code: 'x', message: 'Set by the test.' } } })),
  );
  await expect(bk.page.locator('.profile-row').filter({ hasText: 'fjellvind-00' })).toContainText(bk.words().t('components.status.needs-reauth'));
}

/** Whether anything sticks out past the window, or the page or the grid has scrolled sideways. */
export async function sideways(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const body = document.querySelector('.profile-body');
    const outside = [...document.querySelectorAll('.app-header > *, .toolbar > *, .selection-bar > *, .profile-row')]
      .filter((e) => e.checkVisibility() && e.getBoundingClientRect().right > width + 0.5)
      .map((e) => e.textContent?.slice(0, 40));
    return {
      outside,
      pageScrolled: document.scrollingElement!.scrollLeft,
      gridScrolled: body?.scrollLeft ?? 0,
      gridOverflows: body ? body.scrollWidth > body.clientWidth : false,
    };
  });
}
export const CLEAN = { outside: [], pageScrolled: 0, gridScrolled: 0, gridOverflows: false };

/** Buttons whose label broke onto a second line: its text's boxes have more than one top. */
export const wrappedButtons = (page: Page, within = 'body') =>
  page.evaluate(
    (root) =>
      [...document.querySelector(root)!.querySelectorAll('button')]
        .filter((b) => b.checkVisibility())
        .filter((b) => {
          const range = document.createRange();
          range.selectNodeContents(b);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
        })
        .map((b) => b.textContent),
    within,
  );

/** An open dialog that does not fit the window, or scrolls sideways inside. */
export const dialogProblems = (page: Page) =>
  page.evaluate(() => {
    const dialog = document.querySelector('dialog[open]');
    if (!dialog) return ['no dialog is open'];
    const box = dialog.getBoundingClientRect();
    const problems: string[] = [];
    if (box.left < 0 || box.right > document.documentElement.clientWidth + 0.5) problems.push(`wider than the window (${Math.round(box.width)} px)`);
    for (const e of [dialog, ...dialog.querySelectorAll('*')]) {
      const style = getComputedStyle(e);
      if ((style.overflowX === 'auto' || style.overflowX === 'scroll' || e === dialog) && e.scrollWidth > e.clientWidth + 1 && !e.matches('table, .scroll-box, .scroll-box *, pre, pre *')) {
        problems.push(`${e.tagName.toLowerCase()}.${[...e.classList].join('.')} scrolls sideways (${e.scrollWidth} > ${e.clientWidth})`);
      }
    }
    return problems;
  });
