import { type Browser, type Page, chromium } from '@playwright/test';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../../../playwright.config';
import { type PageAnswer, type PageTask, inPortalPage } from '../../../src/main/portal/page/portal-page';
import { pageScript } from '../../../src/main/portal/page/page-script';
import { CONNECT_WORDS, SIGN_IN_WORDS } from '../../../src/main/portal/portal-words';

/**
 * The script Bridgekeeper runs inside a portal's page, in a real Chromium, on pages shaped the way
 * portals differ: what it reads, and which Connect control it presses — or why none.
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

const read = (section = 'Visma.net'): PageTask => ({ kind: 'read', section, signInWords: [...SIGN_IN_WORDS], quietMs: 300, maxMs: 3000 });
const press = (label = '', section = 'Visma.net', maxMs = 3000): PageTask => ({ kind: 'press', section, signInWords: [...SIGN_IN_WORDS], label, words: [...CONNECT_WORDS], quietMs: 200, maxMs });

/** The page as a portal serves it; every control records its press in window.pressed. */
async function show(body: string) {
  await page.setContent(`<!doctype html><html lang="en"><head><title>Orders – Portal</title></head><body>${body}
    <script>window.pressed = []; document.addEventListener('click', (e) => { const c = e.target.closest('button, a, input, [role=button]'); if (c) { e.preventDefault(); window.pressed.push(c.id); } }, true);</script></body></html>`);
}
const run = (task: PageTask) => page.evaluate(pageScript(inPortalPage, task)) as Promise<PageAnswer>;
const pressed = async () => {
  await page.waitForTimeout(50); // the click comes just after the answer
  return page.evaluate(() => (window as unknown as { pressed: string[] }).pressed);
};

const PROFILE_PAGE = `
  <header><p>DataBridge</p><p>Signed in as siri@example.com</p><a id="logout" href="/logout">Log out</a></header>
  <main><h1>Orders to Visma.net</h1>
    <section><h2>SuperOffice</h2><p>Connected to Cust12345</p><button id="so">Connected</button></section>
    <section><h2>Visma.net Financials</h2><p>Old-style connection: <b>reconnect</b></p><button id="visma">Connected</button></section>
    <p role="alert" hidden>Nothing to see</p>
  </main>`;

describe('reading a portal page', () => {
  it('reads the visible text block by block, without the words of buttons and fields, and the Visma.net section apart', async () => {
    await show(PROFILE_PAGE);
    const { snapshot } = await run(read());
    expect(snapshot.title).toBe('Orders – Portal');
    expect(snapshot.lines).toEqual(['DataBridge', 'Signed in as siri@example.com', 'Log out', 'Orders to Visma.net', 'SuperOffice', 'Connected to Cust12345', 'Visma.net Financials', 'Old-style connection: reconnect']);
    expect(snapshot.section).toEqual(['Visma.net Financials', 'Old-style connection: reconnect']);
    expect(snapshot.alerts).toEqual([]); // the hidden one is not shown to anyone
    expect(snapshot.passwordField).toBe(false);
  });

  it('finds the error messages portals show, with or without ARIA, and their status messages', async () => {
    await show(`
      <div class="alert alert-danger">Could not save the connection: <span>wrong company</span>.</div>
      <p role="alert" class="error"><span role="alert">Nested once</span></p>
      <div role="alert" class="toast show"><div class="toast-body">A bare urgent message says nothing by its look: neither.</div></div>
      <div role="alert" class="toast text-bg-danger"><div class="toast-body">Could not connect.</div></div>
      <div class="validation-summary-errors"><ul><li>The state has expired.</li></ul></div>
      <div class="alert alert-success">Saved.</div><p role="status">Waiting…</p>
      <div class="alert alert-success alert-dismissible" role="alert">Bootstrap marks its good news role="alert" too.</div>`);
    const { snapshot } = await run(read());
    expect(snapshot.alerts).toEqual(['Could not save the connection: wrong company.', 'Nested once', 'Could not connect.', 'The state has expired.']);
    expect(snapshot.notices).toEqual(['Saved.', 'Waiting…', 'Bootstrap marks its good news role="alert" too.']);
  });

  it('knows a sign-in page: a password field, and controls that say sign in in any of the six languages', async () => {
    await show(`<h1>Velkommen</h1><button id="so" class="red">Logg inn med SuperOffice</button><a id="mail" href="/Account/Login/Email">Logg inn med e-post</a>`);
    expect((await run(read())).snapshot).toMatchObject({ passwordField: false, signInControls: ['Logg inn med SuperOffice', 'Logg inn med e-post'] });
    await show(`<form><label>E-mail <input type="email"></label><label>Password <input type="password"></label><input type="submit" value="Log in"></form>`);
    expect((await run(read())).snapshot).toMatchObject({ passwordField: true, signInControls: ['Log in'] });
    // A two-step sign-in's first step: the e-mail alone, and "Next".
    await show(`<p>Use a local account to log in.</p><form><label>Email <input type="email" name="Email"></label><button>Next</button></form>`);
    expect((await run(read())).snapshot).toMatchObject({ passwordField: false, userForm: true, signInControls: [] });
    await show(`<form><label>Name <input name="name"></label><label>Notify <input type="email" name="notify"></label><label>Phone <input name="phone"></label><button>Save</button></form>`);
    expect((await run(read())).snapshot).toMatchObject({ userForm: false });
  });

  it('waits for text a page renders late, and caps what it reports', async () => {
    await show(`<main id="m"></main><script>setTimeout(() => { document.getElementById('m').innerHTML = '<p role="alert" class="error">Late error</p>' + '<p>x</p>'.repeat(600); }, 150);</script>`);
    const { snapshot } = await run(read());
    expect(snapshot.alerts).toEqual(['Late error']);
    expect(snapshot.lines.length).toBeLessThanOrEqual(400);
  });

  it('waits while the page shows only that it is loading (a spinner, a busy region, "Loading…"), longer than a quiet moment', async () => {
    const later = (ms: number, html: string) => `<script>setTimeout(() => { const m = document.getElementById('m'); m.innerHTML = ${JSON.stringify(html)}; m.removeAttribute('aria-busy'); }, ${ms});</script>`;
    const drawn = '<section><h2>Visma.net Financials</h2><p>Connected</p></section>';
    await show(`<main id="m"><div class="spinner-border" role="status"><span class="visually-hidden">Loading...</span></div></main>${later(900, drawn)}`);
    expect((await run(read())).snapshot.section).toEqual(['Visma.net Financials', 'Connected']);
    await show(`<main id="m"><p>Laster …</p></main>${later(900, drawn)}`);
    expect((await run(read())).snapshot.section).toEqual(['Visma.net Financials', 'Connected']);
    await show(`<main id="m" aria-busy="true"><p>Orders</p></main>${later(900, drawn)}`);
    expect((await run(read())).snapshot.section).toEqual(['Visma.net Financials', 'Connected']);
    await show(`<main id="m"><h1>DataLink</h1><p role="status">Finishing the connection…</p></main>${later(900, drawn)}`);
    expect((await run(read())).snapshot.section).toEqual(['Visma.net Financials', 'Connected']);
  });

  it('a job’s progress bar (it has a value) is no reason to wait', async () => {
    await show(`<main><section><h2>Visma.net Financials</h2><p>Connected</p><div role="progressbar" aria-valuenow="40"></div></section></main>`);
    const started = Date.now();
    await run({ ...read(), maxMs: 2500 });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('pressing the portal’s Connect control', () => {
  it('presses the one inside the Visma.net section, never the same label elsewhere on the page', async () => {
    await show(PROFILE_PAGE);
    expect((await run(press('Connected'))).connect).toEqual({ kind: 'pressed', name: 'Connected' });
    expect(await pressed()).toEqual(['visma']);
  });

  it.each([
    ['a link', `<a id="c" href="/x/connect">Connect to Visma.net</a>`],
    ['an input', `<input id="c" type="submit" value="Reconnect">`],
    ['a role=button', `<span id="c" role="button" tabindex="0">Authorize</span>`],
    ['an icon button with a label', `<button id="c" aria-label="Connect Visma.net"><svg width="10" height="10"></svg></button>`],
    ['Finnish words', `<button id="c">Yhdistä uudelleen</button>`],
    ['Danish words', `<button id="c">Forbind ›</button>`],
    ['Dutch words', `<button id="c">Opnieuw verbinden</button>`],
  ])('finds %s by its accessible name when the definition names no label', async (_kind, control) => {
    await show(`<section><h2>Visma.net Financials</h2>${control}<button id="disconnect">Disconnect</button></section><button id="other">Connect SuperOffice</button>`);
    expect((await run(press())).connect).toMatchObject({ kind: 'pressed' });
    expect(await pressed()).toEqual(['c']);
  });

  it('presses nothing when several could be meant, and says which', async () => {
    await show(`<h2>Visma.net</h2><div><button id="a">Connect</button><button id="b">Reconnect</button></div>`);
    expect((await run(press())).connect).toEqual({ kind: 'several', names: ['Connect', 'Reconnect'] });
    expect(await pressed()).toEqual([]);
  });

  it('presses nothing when none is there (or only hidden or disabled ones), and says whether the section was found', async () => {
    await show(`<section><h2>Visma.net Financials</h2><button id="a" disabled>Connect</button><button id="b" style="display:none">Connect</button></section>`);
    expect((await run(press('', 'Visma.net', 600))).connect).toEqual({ kind: 'none', sectionFound: true });
    await show(`<p>No such section</p>`);
    expect((await run(press('', 'Visma.net', 600))).connect).toEqual({ kind: 'none', sectionFound: false });
    expect(await pressed()).toEqual([]);
  });

  it('waits for a control the page renders late, after a quiet wait for its own data', async () => {
    await show(`<section id="s"><h2>Visma.net Financials</h2></section>
      <script>setTimeout(() => { document.getElementById('s').insertAdjacentHTML('beforeend', '<button id="late">Connected</button>'); }, 1200);</script>`);
    const answer = await run(press('Connected'));
    expect(answer.connect).toEqual({ kind: 'pressed', name: 'Connected' });
    expect(answer.snapshot.section).toEqual(['Visma.net Financials']);
    expect(await pressed()).toEqual(['late']);
  });

  it('never presses another section’s control while the Visma.net section has not been drawn yet, nor when it never is', async () => {
    await show(`<section><h2>SuperOffice</h2><button id="so">Reconnect</button></section><div id="later"></div>
      <script>setTimeout(() => { document.getElementById('later').innerHTML = '<section><h2>Visma.net Financials</h2><button id="visma">Reconnect</button></section>'; }, 1200);</script>`);
    expect((await run(press())).connect).toEqual({ kind: 'pressed', name: 'Reconnect' });
    expect(await pressed()).toEqual(['visma']);
    await show(`<section><h2>SuperOffice</h2><button id="so">Reconnect</button></section>`);
    expect((await run(press('', 'Visma.net', 600))).connect).toEqual({ kind: 'none', sectionFound: false });
    // The page's title names Visma.net: the page around SuperOffice's card is not the Visma.net section.
    await show(`<main><h1>Orders to Visma.net</h1><div class="card"><h5 class="card-header">SuperOffice CRM Online</h5><a id="so" href="/so">Reconnect</a></div><div id="spinner" class="spinner-border"></div></main>`);
    expect((await run(press('', 'Visma.net', 600))).connect).toEqual({ kind: 'none', sectionFound: false });
    expect(await pressed()).toEqual([]);
  });

  it('a part inside the Visma.net section with a heading but no controls of its own leaves it the section', async () => {
    await show(`<div class="card"><h5 class="card-header">Visma.net Financials</h5><div class="card-body"><div class="card"><h6>Status</h6><p>Not connected</p></div><button id="c">Connected</button></div></div>
      <div class="card"><h5 class="card-header">SuperOffice</h5><button id="so">Connected</button></div>`);
    expect((await run(press('Connected'))).connect).toEqual({ kind: 'pressed', name: 'Connected' });
    expect(await pressed()).toEqual(['c']);
  });

  it('with no section named, the one control on the whole page', async () => {
    await show(`<p>Orders</p><button id="c">Reconnect</button>`);
    expect((await run(press('', ''))).connect).toEqual({ kind: 'pressed', name: 'Reconnect' });
    expect(await pressed()).toEqual(['c']);
  });
});

describe('the script as the page gets it', () => {
  it('runs from its source alone, also when the build keeps function names (tsx, esbuild keepNames)', async () => {
    const bundled = await build({ entryPoints: ['src/main/portal/page/portal-page.ts'], bundle: true, format: 'esm', keepNames: true, write: false, platform: 'neutral' });
    const source = bundled.outputFiles[0]!.text;
    expect(source).toContain('__name(');
    const module = (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as { inPortalPage: typeof inPortalPage };
    await show(PROFILE_PAGE);
    expect(((await page.evaluate(pageScript(module.inPortalPage, read()))) as PageAnswer).snapshot.section).toEqual(['Visma.net Financials', 'Old-style connection: reconnect']);
  });
});
