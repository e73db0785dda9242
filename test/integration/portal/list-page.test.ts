import { type Browser, type Page, chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../../../playwright.config';
import { type ListPageAnswer, type ListPageTask, inListPage } from '../../../src/main/portal/page/list-page';
import { pageScript } from '../../../src/main/portal/page/page-script';
import { NEXT_PAGE_WORDS, SHOW_MORE_WORDS } from '../../../src/main/portal/portal-words';

/**
 * The script Bridgekeeper runs inside a portal's list page (F19), in a real Chromium, on lists shaped
 * the way portals build them: which links it reports and where they sit, the name a row or card
 * gives them, and the control that brings more of the list.
 */

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await chromium.launch(CHROMIUM);
  page = await browser.newPage();
});
afterAll(async () => {
  await browser.close();
});

const task = (kind: ListPageTask['kind']): ListPageTask => ({ kind, nextWords: [...NEXT_PAGE_WORDS], moreWords: [...SHOW_MORE_WORDS], quietMs: 100, maxMs: 3000 });
const run = (kind: ListPageTask['kind'] = 'read') => page.evaluate(pageScript(inListPage, task(kind))) as Promise<ListPageAnswer>;
/** The page as the portal serves it, at an address of its own (links resolve against it; nothing leaves the machine). */
async function show(body: string) {
  await page.unrouteAll();
  await page.route('http://portal.test/**', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><html><head><title>Integrations</title></head><body>${body}</body></html>` }));
  await page.goto('http://portal.test/integrations');
}
const MENU = '<header><nav aria-label="Main"><a href="/integrations" aria-current="page">Integrations</a> <a href="/settings">Settings</a></nav></header>';

describe("a portal's list page", () => {
  it("names a row's links by the row's first cell with a word (not a tick box's, not an id's), and tells rows from the toolbar and the menu", async () => {
    await show(`${MENU}<main><a href="/Integrations/Create">Create new integration</a>
      <table><tr><th>#</th><th>Name</th><th></th></tr>
      <tr><td><input type="checkbox"></td><td>120</td><td>Oracle GL Export</td><td><a href="/Integrations/Edit/120" aria-label="Edit"><svg width="10" height="10"></svg></a></td></tr></table></main>`);
    const { links } = await run();
    const of = (path: string) => links.find((l) => l.url.endsWith(path))!;
    expect(of('/Integrations/Edit/120')).toMatchObject({ text: 'Edit', itemName: 'Oracle GL Export', inItem: true, inNavigation: false });
    expect(of('/Integrations/Create')).toMatchObject({ inItem: false, inNavigation: false });
    expect(of('/settings')).toMatchObject({ inItem: false, inNavigation: true });
  });

  it('finds the next page of a numbered pager by the number after the current one, not by the menu\'s current page', async () => {
    await show(`${MENU}<ul><li><a href="/p/1">One</a></li></ul><nav aria-label="pagination"><span aria-current="page">1</span> <a href="?p=2">2</a> <a href="?p=3">3</a></nav>`);
    const answer = await run();
    expect(answer.more).toMatchObject({ kind: 'next-page', name: '2' });
    expect(answer.more!.url).toMatch(/\?p=2$/);
    expect(answer.pager).toEqual({ numbers: [2, 3], current: 1 });
  });

  it('presses a pager that swaps the rows in place (a link to "#"), and says the list changed; a disabled one is no control', async () => {
    await show(`<table><tbody id="rows"><tr><td><a href="/i/1">One</a></td></tr></tbody></table>
      <div class="dataTables_paginate"><a href="#" id="next" class="paginate_button next">Next</a></div>
      <script>document.getElementById('next').addEventListener('click', (e) => { e.preventDefault(); setTimeout(() => { document.getElementById('rows').innerHTML = '<tr><td><a href="/i/2">Two</a></td></tr>'; e.target.classList.add('disabled'); }, 200); });</script>`);
    expect((await run()).more).toMatchObject({ kind: 'press', name: 'Next' });
    const pressed = await run('press');
    expect(pressed.changed).toBe(true);
    expect(pressed.links.filter((l) => l.url.includes('/i/')).map((l) => l.text)).toEqual(['Two']);
    expect(pressed.more).toBeNull();
  });

  it('presses "Visa fler" and waits for the rows it brings, without a spinner', async () => {
    await show(`<ul id="list"><li><a href="/i/1">Ett</a></li></ul><button id="more">Visa fler</button>
      <script>document.getElementById('more').addEventListener('click', () => setTimeout(() => { document.getElementById('list').insertAdjacentHTML('beforeend', '<li><a href="/i/2">Två</a></li>'); document.getElementById('more').remove(); }, 500));</script>`);
    const pressed = await run('press');
    expect(pressed).toMatchObject({ changed: true, more: null });
    expect(pressed.links.map((l) => l.text)).toEqual(['Ett', 'Två']);
  });

  it('reports a password field: the portal shows its sign-in, not the list', async () => {
    await show('<form><label>Password <input type="password"></label><button>Log in</button></form>');
    expect((await run()).passwordField).toBe(true);
  });
});
