import { esc } from '../identity/pages';
import type { IntegrationRecord } from './portal-state';
import type { PortalStyleInForce } from './portal-style';
import type { PortalWords } from './portal-words';

/**
 * The integrations list's parts as the style's `list` lays them out and pages them: which page a
 * request asks for, the items of a page (also what `?part=items` answers alone), and the pager under
 * them. portal-pages.ts puts them on the page; docs/sandbox.md shows the shapes.
 */

export type ListStyle = PortalStyleInForce['list'];

/** The list's own address: page links point here, also on same-url's dashboard at /. */
export const LIST_PATH = '/integrations';

export interface ListPage {
  /** 1-based, within 1..pages. */
  page: number;
  pages: number;
  records: IntegrationRecord[];
  /** The page asked for lies beyond the last: shown as the last, but show-more's items for it are none. */
  beyondLast: boolean;
}

/**
 * The page `?page=` asks for: missing or not a whole number ≥ 1 ("0", "abc", "-1", "1.5") is page 1,
 * beyond the last is the last (but its items alone, `part=items`, are none: appending the last page
 * twice would repeat it). Paging "none" has one page holding everything.
 */
export function listPage(all: IntegrationRecord[], list: ListStyle, requested: string | null): ListPage {
  if (list.paging === 'none') return { page: 1, pages: 1, records: all, beyondLast: false };
  const pages = Math.max(1, Math.ceil(all.length / list.pageSize));
  const asked = requested !== null && /^\d{1,9}$/.test(requested) ? Number(requested) : 1;
  const page = Math.min(Math.max(asked, 1), pages);
  return { page, pages, records: all.slice((page - 1) * list.pageSize, page * list.pageSize), beyondLast: asked > pages };
}

export const pageHref = (page: number) => `${LIST_PATH}?page=${page}`;
const integrationHref = (record: IntegrationRecord) => `/integrations/${encodeURIComponent(record.id)}`;

export const needsAttention = (record: IntegrationRecord) => record.connection !== 'connected';

function statusText(words: PortalWords, record: IntegrationRecord): string {
  const text = record.connection === 'connected' ? words.connected : record.connection === 'old-style' ? words.oldStyle : words.notConnected;
  return needsAttention(record) ? `<span class="attention">${esc(text)}</span>` : esc(text);
}

const directionText = (words: PortalWords, record: IntegrationRecord) => (record.direction === 'import' ? words.importWord : words.exportWord);

function item(words: PortalWords, layout: ListStyle['layout'], record: IntegrationRecord): string {
  const href = esc(integrationHref(record));
  const name = esc(record.name);
  switch (layout) {
    case 'table':
      return `<tr><td><a href="${href}">${name}</a></td><td>${esc(directionText(words, record))}</td><td>${statusText(words, record)}</td><td class="row-actions"><a href="${href}">${esc(words.edit)}</a> <a href="${href}/log">${esc(words.jobLog)}</a></td></tr>`;
    case 'cards':
      return `<div class="card"><h3>${name}</h3><p>${esc(directionText(words, record))} · ${statusText(words, record)}</p><a href="${href}" aria-label="${esc(words.openName(record.name))}">${esc(words.open)}</a></div>`;
    default:
      return `<li><a href="${href}">${name}</a>${needsAttention(record) ? ` <span class="attention">${esc(words.needsAttention)}</span>` : ''}</li>`;
  }
}

/** The page's items alone, one per line: `<li>`s, `<tr>`s or card `<div>`s (what `?part=items` answers). */
export const listItems = (words: PortalWords, layout: ListStyle['layout'], records: IntegrationRecord[]): string =>
  records.map((record) => item(words, layout, record)).join('\n');

/** The id of the element that is the list, and of the one the items sit in (the table's <tbody>). */
export const LIST_ID = 'integrations';
export const ITEMS_ID = 'integration-items';
export const SHOW_MORE_ID = 'show-more';

/** The items inside their container: a <ul>, a <table> with its header row, or a <div> of cards. */
export function listContainer(words: PortalWords, layout: ListStyle['layout'], items: string): string {
  switch (layout) {
    case 'table':
      return `<table class="integrations" id="${LIST_ID}">
<thead><tr><th scope="col">${esc(words.name)}</th><th scope="col">${esc(words.direction)}</th><th scope="col">${esc(words.status)}</th><th scope="col">${esc(words.actions)}</th></tr></thead>
<tbody id="${ITEMS_ID}">
${items}
</tbody>
</table>`;
    case 'cards':
      return `<div class="cards" id="${LIST_ID}">
${items}
</div>`;
    default:
      return `<ul class="integrations" id="${LIST_ID}">
${items}
</ul>`;
  }
}

export const itemsIdOf = (layout: ListStyle['layout']) => (layout === 'table' ? ITEMS_ID : LIST_ID);

/** Page numbers to show in a numbered pager: the first, the last, and two either side of the current; gaps as null. */
export function pageNumbers(page: number, pages: number): (number | null)[] {
  const shown = [...new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1]! > 1 ? [null, n] : [n]));
}

/**
 * The pager under the list (nothing when there is one page): next-link's Previous/Next with rel,
 * next-button's Previous/"Next page" buttons of GET forms, or numbered's ‹ 1 2 3 … › with the current page as <span aria-current="page">. show-more's button is
 * drawn by the page itself, with its script.
 */
export function pager(words: PortalWords, paging: ListStyle['paging'], { page, pages }: Pick<ListPage, 'page' | 'pages'>): string {
  if (pages <= 1 || paging === 'none' || paging === 'show-more') return '';
  const links: string[] = [];
  if (paging === 'next-button') {
    // A GET form's button, as server-rendered admin pages draw their pager: pressing it loads the next page.
    const form = (n: number, label: string) => `<form method="get" action="/integrations" class="inline"><input type="hidden" name="page" value="${n}"><button type="submit" class="secondary">${esc(label)}</button></form>`;
    if (page > 1) links.push(form(page - 1, words.previous));
    if (page < pages) links.push(form(page + 1, words.nextPage));
  } else if (paging === 'next-link') {
    if (page > 1) links.push(`<a href="${pageHref(page - 1)}" rel="prev">${esc(words.previous)}</a>`);
    if (page < pages) links.push(`<a href="${pageHref(page + 1)}" rel="next">${esc(words.next)}</a>`);
  } else {
    if (page > 1) links.push(`<a href="${pageHref(page - 1)}" aria-label="${esc(words.previousPage)}">‹</a>`);
    for (const n of pageNumbers(page, pages)) {
      links.push(n === null ? '<span class="gap">…</span>' : n === page ? `<span aria-current="page">${n}</span>` : `<a href="${pageHref(n)}">${n}</a>`);
    }
    if (page < pages) links.push(`<a href="${pageHref(page + 1)}" aria-label="${esc(words.nextPage)}">›</a>`);
  }
  return `<nav aria-label="${esc(words.pagesNav)}" class="pages">${links.join(' ')}</nav>`;
}
