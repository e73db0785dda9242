import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PORTAL_VARIANTS, type PortalStyle, type Sandbox, loadSeedFile, DEFAULT_SEED_FILE, loopbackUrl } from '../../../sandbox';
import { manyIntegrations, withManyIntegrations } from '../../../sandbox/portal/many-integrations';
import { LIST_LAYOUTS, LIST_PAGING, PortalStyleSchema } from '../../../sandbox/portal/portal-style';
import { type PortalVariantName, PORTAL_VARIANT_NAMES } from '../../../sandbox/portal/variants';
import { parseProfileFile } from '../../../src/main/profiles/profile-file';
import { fileBytes } from '../../helpers/file-bytes';
import { collectOutput, exitOf, runSandboxCli } from '../../helpers/sandbox/sandbox-cli';
import { PortalPerson, SUPERUSER } from '../../helpers/sandbox/portal-person';
import { sandboxPerTest } from '../../helpers/sandbox/sandboxes';

// The portal look-alike's integrations list, read the way the app's "Take profiles from the portal"
// reads it: the profile links of the first page, then the further pages by their next-page links or
// by what "Show more" fetches. Raw HTML and regular expressions, no browser (the show-more script
// runs once against happy-dom's document).

const sandboxes = sandboxPerTest();
/** Node's own fetch, kept for when a test stubs the page's. */
const realFetch = globalThis.fetch;

type Layout = (typeof LIST_LAYOUTS)[number];
type Paging = (typeof LIST_PAGING)[number];

/** Anna in Nordlys, a valid integration of the default seed to copy. */
const TEMPLATE = { companyId: '1000001', apiUser: 'anna.apiuser@example.com' } as const;

const startWith = (count: number, style: PortalStyle = {}) => sandboxes({ portal: { integrations: manyIntegrations(count, TEMPLATE), style } });

interface Answer {
  status: number;
  location: string | null;
  html: string;
  contentType: string;
  csp: string;
}

/** Signs in the way the portal asks (PortalPerson), then GETs pages with the session's cookies, redirects not followed. */
async function signedIn(sandbox: Sandbox) {
  const person = new PortalPerson(sandbox);
  const landed = await person.signIn();
  const get = async (at: string): Promise<Answer> => {
    const url = new URL(at, sandbox.portal.url);
    const response = await fetch(loopbackUrl(url), { redirect: 'manual', headers: { cookie: person.browser.jar.headerFor(url) } });
    return {
      status: response.status,
      location: response.headers.get('location'),
      html: await response.text(),
      contentType: response.headers.get('content-type') ?? '',
      csp: response.headers.get('content-security-policy') ?? '',
    };
  };
  return { person, landed, get };
}

const unescape = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&amp;/g, '&');

interface Item {
  id: string;
  name: string;
}

/** The profiles on a page (or a part of one): a list item's link, a table row's name link, or a card's heading and its link. */
function itemsIn(html: string): Item[] {
  const pattern =
    /<li><a href="\/integrations\/([^"/]+)">([^<]*)<\/a>|<tr><td><a href="\/integrations\/([^"/]+)">([^<]*)<\/a>|<div class="card"><h3>([^<]*)<\/h3>.*?<a href="\/integrations\/([^"/]+)"/g;
  return [...html.matchAll(pattern)].map((m) => ({ id: decodeURIComponent(m[1] ?? m[3] ?? m[6]!), name: unescape(m[2] ?? m[4] ?? m[5]!) }));
}

const hrefOf = (html: string, pattern: RegExp) => pattern.exec(html)?.[1];
const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** show-more's script config, as it is on the page (under the nonce). */
function showMoreConfig(html: string): { url: string; nextPage: number; pages: number } | undefined {
  const json = /\}\)\((\{[^<]*\})\);<\/script>/.exec(html)?.[1];
  return json && html.includes('id="show-more"') ? JSON.parse(json) : undefined;
}

/**
 * Reads the whole list from `start` as a reader following the page's own way on: rel="next"
 * (next-link), the "›" named by the language's "Next page" (numbered), or `part=items` pages as the
 * "Show more" button's script would fetch them, until there is none.
 */
async function readAll(sandbox: Sandbox, get: (at: string) => Promise<Answer>, start: string) {
  const { words } = sandbox.portal;
  const items: Item[] = [];
  const fetched: string[] = [];
  let at: string | undefined = start;
  while (at) {
    if (fetched.length > 100) throw new Error(`Too many pages: ${fetched.join(', ')}`);
    const page = await get(at);
    expect(page.status, at).toBe(200);
    fetched.push(at);
    items.push(...itemsIn(page.html));
    const more = showMoreConfig(page.html);
    if (more) {
      expect(page.html).toContain(`<button type="button" id="show-more" class="secondary" aria-controls="integrations">${words.showMore}</button>`);
      for (let n = more.nextPage; n <= more.pages; n += 1) {
        const part = await get(`${more.url}?page=${n}&part=items`);
        expect(part.status).toBe(200);
        expect(part.html).not.toContain('<html');
        fetched.push(`${more.url}?page=${n}&part=items`);
        items.push(...itemsIn(part.html));
      }
      break;
    }
    // next-button: the GET form whose button says "Next page", as the browser submits it.
    const form = new RegExp(`<form method="get" action="([^"]+)" class="inline"><input type="hidden" name="page" value="(\\d+)"><button type="submit" class="secondary">${escapeRe(words.nextPage)}</button></form>`).exec(page.html);
    at =
      hrefOf(page.html, /<a href="([^"]+)" rel="next">/) ??
      hrefOf(page.html, new RegExp(`<a href="([^"]+)" aria-label="${escapeRe(words.nextPage)}">›</a>`)) ??
      (form ? `${form[1]}?page=${form[2]}` : undefined);
  }
  return { items, fetched };
}

const expected = (sandbox: Sandbox): Item[] => sandbox.portal.seed.integrations.map(({ id, name }) => ({ id, name }));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the portal style\'s list', () => {
  it('defaults to a list paged by Next links, 25 a page, and names the field of every problem', () => {
    expect(PortalStyleSchema.parse(undefined).list).toEqual({ layout: 'list', paging: 'next-link', pageSize: 25 });
    expect(PortalStyleSchema.parse({ list: { layout: 'cards' } }).list).toEqual({ layout: 'cards', paging: 'next-link', pageSize: 25 });
    const problems = (list: unknown) => PortalStyleSchema.safeParse({ list }).error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problems({ layout: 'grid', paging: 'infinite', pageSize: 0 })).toEqual([
      'list.layout: must be "list", "table" or "cards"',
      'list.paging: must be "none", "next-link", "numbered", "next-button" or "show-more"',
      'list.pageSize: must be 1 or more',
    ]);
    expect(problems({ pageSize: 2.5 })).toEqual(['list.pageSize: must be a whole number']);
    expect(problems({ pageSize: 501 })).toEqual(['list.pageSize: must be 500 or less']);
  });

  it('the named variants between them show every layout and every paging', () => {
    const lists = PORTAL_VARIANT_NAMES.map((name) => PortalStyleSchema.parse(PORTAL_VARIANTS[name]).list);
    expect(new Set(lists.map((l) => l.layout))).toEqual(new Set(LIST_LAYOUTS));
    expect(new Set(lists.map((l) => l.paging))).toEqual(new Set(LIST_PAGING));
    expect(new Set(lists.map((l) => l.pageSize)).size).toBeGreaterThan(3);
  });
});

describe('manyIntegrations', () => {
  it('makes numbered, a little varied integrations in the template\'s company for its API user', () => {
    const made = manyIntegrations(12, TEMPLATE);
    expect(made.map((i) => i.id)).toEqual(Array.from({ length: 12 }, (_, i) => `int-${String(i + 1).padStart(3, '0')}`));
    expect(made[0]).toEqual({ id: 'int-001', name: 'Orders 001 – Nordlys', ...TEMPLATE, direction: 'export', connection: 'old-style', jobKey: 'int-001-job-key-generated' });
    expect(made[1]!.name).toBe('Customers 002 – Fjellvind');
    expect(made[1]!.direction).toBe('import');
    expect(made[6]!.connection).toBe('none');
    expect(new Set(made.map((i) => i.name)).size).toBe(12);
    expect(manyIntegrations(1000, TEMPLATE).at(-1)!.id).toBe('int-1000');
    expect(manyIntegrations(0, TEMPLATE)).toEqual([]);
    expect(() => manyIntegrations(-1, TEMPLATE)).toThrow(RangeError);
    expect(() => manyIntegrations(2.5, TEMPLATE)).toThrow(RangeError);
  });

  it('adds them after the seed\'s own, modelled on its first integration, or on an API user when it has none', async () => {
    const seed = await loadSeedFile(DEFAULT_SEED_FILE);
    const more = withManyIntegrations(seed, 3);
    expect(more.portal.integrations.map((i) => i.id)).toEqual([...seed.portal.integrations.map((i) => i.id), 'int-001', 'int-002', 'int-003']);
    expect(more.portal.integrations.at(-1)).toMatchObject({ companyId: seed.portal.integrations[0]!.companyId, apiUser: seed.portal.integrations[0]!.apiUser });
    const bare = withManyIntegrations({ ...seed, portal: { ...seed.portal, integrations: [] } }, 2);
    expect(bare.portal.integrations.map((i) => [i.apiUser, i.companyId])).toEqual([
      ['anna.apiuser@example.com', '1000001'],
      ['anna.apiuser@example.com', '1000001'],
    ]);
    // The seed's own checks hold them: a sandbox starts with them.
    const sandbox = await sandboxes({ seed: more });
    expect(sandbox.portal.profiles.map((p) => p.id)).toContain('int-003');
  });
});

const PAGE_SIZE: Record<Paging, number> = { none: 10, 'next-link': 10, numbered: 8, 'next-button': 10, 'show-more': 8 };
const FETCHES: Record<Paging, number> = { none: 1, 'next-link': 4, numbered: 5, 'next-button': 4, 'show-more': 5 };

describe('reading the whole list', () => {
  const cases = LIST_LAYOUTS.flatMap((layout) => LIST_PAGING.map((paging) => [layout, paging] as [Layout, Paging]));

  it.each(cases)('%s, paging %s: 40 integrations, every one exactly once, in order, nothing more', async (layout, paging) => {
    const sandbox = await startWith(40, { list: { layout, paging, pageSize: PAGE_SIZE[paging] } });
    const { get, landed } = await signedIn(sandbox);
    expect(landed.url.pathname).toBe('/integrations');
    const { items, fetched } = await readAll(sandbox, get, '/integrations');
    expect(items).toEqual(expected(sandbox));
    expect(fetched).toHaveLength(FETCHES[paging]);
    if (paging === 'next-link') expect(fetched).toEqual(['/integrations', '/integrations?page=2', '/integrations?page=3', '/integrations?page=4']);
    if (paging === 'show-more') expect(fetched.at(-1)).toBe('/integrations?page=5&part=items');

    // Backwards too: Previous (rel="prev") or "‹" from the last page reach the first.
    if (paging === 'next-link' || paging === 'numbered') {
      const { words } = sandbox.portal;
      const back: Item[][] = [];
      let at: string | undefined = `/integrations?page=${FETCHES[paging]}`;
      while (at) {
        const page = await get(at);
        back.unshift(itemsIn(page.html));
        at = hrefOf(page.html, /<a href="([^"]+)" rel="prev">/) ?? hrefOf(page.html, new RegExp(`<a href="([^"]+)" aria-label="${escapeRe(words.previousPage)}">‹</a>`));
      }
      expect(back.flat()).toEqual(expected(sandbox));
    }
  });

  it.each(PORTAL_VARIANT_NAMES)('variant %s: from where signing in lands, 40 integrations, each once, in order', async (name: PortalVariantName) => {
    const sandbox = await startWith(40, PORTAL_VARIANTS[name]);
    const { get, landed } = await signedIn(sandbox);
    expect(landed.heading).toBe(sandbox.portal.words.integrations);
    const start = `${landed.url.pathname}${landed.url.search}`;
    expect(start).toBe(sandbox.portal.style.signIn === 'same-url' ? '/' : '/integrations');
    const { items, fetched } = await readAll(sandbox, get, start);
    expect(items).toEqual(expected(sandbox));
    const { paging, pageSize } = sandbox.portal.style.list;
    expect(fetched).toHaveLength(paging === 'none' ? 1 : Math.ceil(40 / pageSize));
  });

  it('same-url: the dashboard at / pages as /integrations does, and its page links go to /integrations?page=N', async () => {
    const sandbox = await startWith(40, PORTAL_VARIANTS['same-url-strict']);
    const { get } = await signedIn(sandbox);
    const dashboard = await get('/');
    expect(hrefOf(dashboard.html, /<a href="([^"]+)" rel="next">/)).toBe('/integrations?page=2');
    expect(itemsIn((await get('/?page=2')).html)).toEqual(itemsIn((await get('/integrations?page=2')).html));
    expect(itemsIn((await get('/?page=2')).html).map((i) => i.id)).toEqual(expected(sandbox).slice(15, 30).map((i) => i.id));
  });
});

describe('pages out of range, and signed out', () => {
  it('page=0, -1, 1.5, abc or empty is page 1; page=999 is the last; their items alone beyond the last are none', async () => {
    const sandbox = await startWith(40, { list: { layout: 'table', paging: 'next-link', pageSize: 10 } });
    const { get } = await signedIn(sandbox);
    const all = expected(sandbox);
    for (const page of ['0', '-1', '1.5', 'abc', '', '1']) {
      const answer = await get(`/integrations?page=${page}`);
      expect(answer.status, page).toBe(200);
      expect(itemsIn(answer.html), page).toEqual(all.slice(0, 10));
      expect(answer.html).not.toContain('rel="prev"');
      expect(hrefOf(answer.html, /<a href="([^"]+)" rel="next">/)).toBe('/integrations?page=2');
    }
    const last = await get('/integrations?page=999');
    expect(last.status).toBe(200);
    expect(itemsIn(last.html)).toEqual(all.slice(30));
    expect(hrefOf(last.html, /<a href="([^"]+)" rel="prev">/)).toBe('/integrations?page=3');
    expect(last.html).not.toContain('rel="next"');

    expect(itemsIn((await get('/integrations?page=abc&part=items')).html)).toEqual(all.slice(0, 10));
    expect(itemsIn((await get('/integrations?page=4&part=items')).html)).toEqual(all.slice(30));
    const beyond = await get('/integrations?page=999&part=items');
    expect([beyond.status, beyond.html]).toEqual([200, '']);
  });

  it('numbered: the current page is marked, far pages fold into "…", and page=999 marks the last', async () => {
    const sandbox = await startWith(100, { list: { layout: 'cards', paging: 'numbered', pageSize: 10 }, language: 'nb' });
    const { get } = await signedIn(sandbox);
    const pagerOf = (html: string) => /<nav aria-label="Sider" class="pages">(.*?)<\/nav>/.exec(html)?.[1];
    expect(pagerOf((await get('/integrations?page=5')).html)).toBe(
      '<a href="/integrations?page=4" aria-label="Forrige side">‹</a> <a href="/integrations?page=1">1</a> <span class="gap">…</span> ' +
        '<a href="/integrations?page=3">3</a> <a href="/integrations?page=4">4</a> <span aria-current="page">5</span> <a href="/integrations?page=6">6</a> ' +
        '<a href="/integrations?page=7">7</a> <span class="gap">…</span> <a href="/integrations?page=10">10</a> <a href="/integrations?page=6" aria-label="Neste side">›</a>',
    );
    const last = pagerOf((await get('/integrations?page=999')).html)!;
    expect(last).toContain('<span aria-current="page">10</span>');
    expect(last).not.toContain('›');
    expect(last).not.toContain(' rel=');
  });

  it('none: one page whatever ?page= says, and no pager', async () => {
    const sandbox = await startWith(40, { list: { paging: 'none', pageSize: 5 } });
    const { get } = await signedIn(sandbox);
    for (const page of ['1', '2', '999']) {
      const answer = await get(`/integrations?page=${page}`);
      expect(itemsIn(answer.html)).toEqual(expected(sandbox));
      expect(answer.html).not.toContain('class="pages"');
    }
  });

  it('signed out, a list page (or its items alone) sends the visitor to sign in, and back to that page after', async () => {
    const sandbox = await startWith(40, { list: { paging: 'numbered', pageSize: 10 } });
    for (const at of ['/integrations?page=2', '/integrations?page=2&part=items']) {
      const response = await fetch(`${sandbox.portal.url}${at}`, { redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/signin?next=%2Fintegrations%3Fpage%3D2');
    }
    const person = new PortalPerson(sandbox);
    const page = await person.signIn(SUPERUSER, `${sandbox.portal.url}/integrations?page=2&part=items`);
    expect(`${page.url.pathname}${page.url.search}`).toBe('/integrations?page=2');
    expect(page.heading).toBe('Integrations');
    expect(page.document.querySelector('nav.pages [aria-current="page"]')?.textContent).toBe('2');

    const sameUrl = await startWith(40, PORTAL_VARIANTS['same-url-strict']);
    const response = await fetch(`${sameUrl.portal.url}/integrations?page=2`, { redirect: 'manual' });
    expect(response.headers.get('location')).toBe('/?returnUrl=%2Fintegrations%3Fpage%3D2');
  });
});

describe('the layouts', () => {
  it('list (the default): the seed\'s integrations as name links, as before, and no pager for a short list', async () => {
    const sandbox = await sandboxes();
    const { get } = await signedIn(sandbox);
    const page = await get('/integrations');
    expect(page.html).toContain('<ul class="integrations" id="integrations">');
    expect(page.html).toContain('<li><a href="/integrations/nordlys-orders">Nordlys: orders to Visma.net</a> <span class="attention">needs your attention</span></li>');
    expect(itemsIn(page.html)).toEqual(expected(sandbox));
    expect(page.html).not.toContain('aria-label="Pages"');
    expect(page.html).not.toContain('<script');
  });

  it('table: a header row in the language; Edit goes where the name goes, Job log to the job log', async () => {
    const sandbox = await startWith(12, { list: { layout: 'table', paging: 'next-link', pageSize: 10 }, language: 'fi' });
    const { get } = await signedIn(sandbox);
    const page = await get('/integrations');
    expect(page.html).toContain('<thead><tr><th scope="col">Nimi</th><th scope="col">Suunta</th><th scope="col">Tila</th><th scope="col">Toiminnot</th></tr></thead>');
    const rows = [...page.html.matchAll(/<tr><td>(.*?)<\/tr>/g)].map((m) => m[1]!);
    expect(rows).toHaveLength(10);
    for (const row of rows) {
      const [name, edit, log] = [...row.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => ({ href: m[1]!, text: m[2]! }));
      expect(edit).toEqual({ href: name!.href, text: 'Muokkaa' });
      expect(log).toEqual({ href: `${name!.href}/log`, text: 'Ajoloki' });
    }
    expect(rows[0]).toContain('<td>Vienti</td><td><span class="attention">Vanhan mallin yhteys: yhdistä uudelleen</span></td>');
    expect(rows[1]).toContain('<td>Tuonti</td>');
    expect(rows[6]).toContain('Ei yhdistetty');
    expect(page.html).toContain('<a href="/integrations?page=2" rel="next">Seuraava</a>');
    const log = await get('/integrations/int-001/log');
    expect([log.status, log.contentType]).toEqual([200, 'text/plain; charset=utf-8']);
    const second = await get('/integrations?page=2');
    expect(second.html).toContain('<a href="/integrations?page=1" rel="prev">Edellinen</a>');
  });

  it('cards: the name is the card\'s heading, the link says "Open" and carries the name in its aria-label', async () => {
    for (const language of ['en', 'nl'] as const) {
      const sandbox = await startWith(5, { list: { layout: 'cards' }, language });
      const { words } = sandbox.portal;
      const { get } = await signedIn(sandbox);
      const page = await get('/integrations');
      const cards = [...page.html.matchAll(/<div class="card"><h3>([^<]*)<\/h3>.*?<a href="([^"]+)" aria-label="([^"]*)">([^<]*)<\/a><\/div>/g)];
      expect(cards.map((c) => [unescape(c[1]!), c[2], unescape(c[3]!), c[4]])).toEqual(
        expected(sandbox).map((i) => [i.name, `/integrations/${i.id}`, words.openName(i.name), words.open]),
      );
      if (language === 'nl') expect(cards[0]![3]).toBe('Orders 001 – Nordlys openen');
    }
  });

  it('the list and integration pages have the site navigation in the header; its Settings is not found', async () => {
    const sandbox = await startWith(3, { list: { layout: 'table' }, language: 'sv' });
    const { get } = await signedIn(sandbox);
    const nav = '<nav aria-label="Huvudmeny"><a href="/integrations"%s>Integrationer</a> <a href="/settings">Inställningar</a> <a href="https://help.example.invalid">Hjälp</a></nav>';
    expect((await get('/integrations')).html).toContain(nav.replace('%s', ' aria-current="page"'));
    expect((await get('/integrations/int-002')).html).toContain(nav.replace('%s', ''));
    expect((await get('/settings')).status).toBe(404);
    // Not on the sign-in page.
    expect(await (await fetch(`${sandbox.portal.url}/signin`)).text()).not.toContain('Huvudmeny');
  });
});

describe('show more', () => {
  it('the button\'s script, as served, appends each next page (the list busy meanwhile) and goes at the end', async () => {
    for (const layout of ['cards', 'table', 'list'] as const) {
      const sandbox = await startWith(20, { list: { layout, paging: 'show-more', pageSize: 8 }, language: 'da' });
      const { get, person } = await signedIn(sandbox);
      const page = await get('/integrations');
      const nonce = /<script nonce="([^"]+)">/.exec(page.html)![1]!;
      expect(page.csp).toContain(`script-src 'nonce-${nonce}'`);
      expect(page.html).toContain('>Vis flere</button>');

      const window = new Window({ url: sandbox.portal.url });
      const document = new window.DOMParser().parseFromString(page.html, 'text/html');
      const list = document.getElementById('integrations')!;
      const busyWhileFetching: (string | null)[] = [];
      const asked: string[] = [];
      const reload = vi.fn();
      vi.stubGlobal('document', document);
      vi.stubGlobal('location', { reload });
      vi.stubGlobal('fetch', async (at: string, init: { headers: Record<string, string> }) => {
        busyWhileFetching.push(list.getAttribute('aria-busy'));
        asked.push(at);
        const url = new URL(at, sandbox.portal.url);
        return realFetch(loopbackUrl(url), { headers: { ...init.headers, cookie: person.browser.jar.headerFor(url) } });
      });
      const source = /<script nonce="[^"]+">([\s\S]*?)<\/script>/.exec(page.html)![1]!;
      new Function(source)();

      for (let presses = 1; document.getElementById('show-more'); presses += 1) {
        expect(presses).toBeLessThan(5);
        (document.getElementById('show-more') as unknown as { click(): void }).click();
        await vi.waitFor(() => expect(list.getAttribute('aria-busy')).toBe('false'));
        list.removeAttribute('aria-busy');
      }
      vi.unstubAllGlobals();
      expect(asked).toEqual(['/integrations?page=2&part=items', '/integrations?page=3&part=items']);
      expect(busyWhileFetching).toEqual(['true', 'true']);
      expect(reload).not.toHaveBeenCalled();
      expect(itemsIn(document.getElementById('integrations')!.outerHTML.replace(/\n/g, ''))).toEqual(expected(sandbox));
    }
  });

  it('a session that ended meanwhile: the script reloads the page (which asks to sign in) and appends nothing', async () => {
    const sandbox = await startWith(20, { list: { paging: 'show-more', pageSize: 8 } });
    const { get, person } = await signedIn(sandbox);
    const page = await get('/integrations');
    const window = new Window({ url: sandbox.portal.url });
    const document = new window.DOMParser().parseFromString(page.html, 'text/html');
    await sandbox.portal.admin.expireSessions();
    const reload = vi.fn();
    vi.stubGlobal('document', document);
    vi.stubGlobal('location', { reload });
    vi.stubGlobal('fetch', (at: string) => {
      const url = new URL(at, sandbox.portal.url);
      return realFetch(loopbackUrl(url), { headers: { cookie: person.browser.jar.headerFor(url) } });
    });
    new Function(/<script nonce="[^"]+">([\s\S]*?)<\/script>/.exec(page.html)![1]!)();
    (document.getElementById('show-more') as unknown as { click(): void }).click();
    await vi.waitFor(() => expect(reload).toHaveBeenCalledOnce());
    vi.unstubAllGlobals();
    expect(document.querySelectorAll('#integrations li')).toHaveLength(8);
  });

  it('the script comes out whole where npm run sandbox builds it (tsx keeps names, and must find none to wrap)', async () => {
    const program = `
      const { pageScript } = await import('./sandbox/portal/page-scripts/page-script.ts');
      const { showMoreScript } = await import('./sandbox/portal/page-scripts/show-more-script.ts');
      console.log(pageScript(showMoreScript, { listId: 'l', itemsId: 'i', buttonId: 'b', url: '/integrations', nextPage: 2, pages: 3 }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\(function showMoreScript\(config\)/);
    expect(run.stdout).not.toContain('__name');
  });
});

describe('npm run sandbox -- --portal-integrations N', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  const runCli = runSandboxCli;
  const collect = collectOutput;

  it('adds N generated integrations to the seed\'s: in the banner (in one line), the profiles file and the paged list', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sandbox-cli-list-'));
    const child = runCli(['--out', path.join(dir, 'environment.json'), '--portal-variant', 'databridge', '--portal-integrations', '40']);
    const out = collect(child);
    const exited = exitOf(child);
    await expect.poll(() => out.stdout, { timeout: 15_000 }).toContain('Press Ctrl+C to stop.');
    const portalUrl = /Portal: {17}(\S+)/.exec(out.stdout)![1]!;
    expect(out.stdout).toContain(`  Integrations list:      ${portalUrl}/integrations  (table, numbered by 10)`);
    expect(out.stdout).toContain('  + 40 generated: int-001 … int-040 ("Orders 001 – Nordlys" …)');
    expect(out.stdout).toContain(`${portalUrl}/integrations/havbris-invoices\n`);
    expect(out.stdout).not.toContain(`${portalUrl}/integrations/int-002`);
    const profiles = await parseProfileFile(fileBytes('portal-profiles.json', await readFile(path.join(dir, 'portal-profiles.json'), 'utf8')));
    expect(profiles.rows.flatMap((r) => r.problems)).toEqual([]);
    expect(profiles.rows).toHaveLength(46);
    expect(profiles.rows.at(-1)!.definition).toMatchObject({ id: 'int-040', name: 'Suppliers 040 – Skogly', portalUrl: `${portalUrl}/integrations/int-040` });

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses a count that is not one', async () => {
    // Two spawns only (each loads the whole sandbox); manyIntegrations refuses the rest itself.
    for (const value of ['1.5', '10000']) {
      const child = runCli([`--portal-integrations=${value}`, '--out', path.join(os.tmpdir(), 'never-written.json')]);
      const out = collect(child);
      expect(await exitOf(child), out.stderr).toBe(2);
      expect(out.stderr).toContain(`--portal-integrations: "${value}" is not a number of integrations (0–9999)`);
    }
  });
});
