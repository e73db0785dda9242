import type { PageControl, PageElement, PageGlobal } from './page-dom';

/** A link on a portal's list page, as the person sees it. */
export interface ListedLink {
  /** Absolute, as the browser resolved it. */
  url: string;
  /** Its accessible name ("Edit", "Orders – Nordlys"). */
  text: string;
  /** The heading or first cell of the row, card or list item it sits in: the name a generic "Edit" or "Open" stands for. */
  itemName: string;
  /** In the site's navigation, header or footer: never a profile of the list. */
  inNavigation: boolean;
  /** In a row, list item or card: where a list's profiles are (a "Create" link in a toolbar is not). */
  inItem: boolean;
}

/**
 * The control that brings the list's next part: a link to another page (followed), or a control that
 * changes the page where it is (pressed): "Show more", or a pager that swaps the rows in place (a
 * link to "#" or to this very page, as table plug-ins draw them).
 */
export interface MoreControl {
  kind: 'next-page' | 'press';
  name: string;
  /** A next page's address. */
  url?: string;
}

export interface ListPageAnswer {
  url: string;
  title: string;
  links: ListedLink[];
  more: MoreControl | null;
  /** A visible password field: the portal shows its sign-in, not the list. */
  passwordField: boolean;
  /** The page numbers a pager on the page offers, and the current page's: a list is read whole only when none is left unread. */
  pager: { numbers: number[]; current?: number };
  /** After a press: whether the page's links changed (more came, or other rows took their place). */
  changed?: boolean;
}

/** What Bridgekeeper asks of a list page. */
export interface ListPageTask {
  kind: 'read' | 'press';
  /** The words of next-page and show-more controls, six languages (portal-words.ts). */
  nextWords: string[];
  moreWords: string[];
  quietMs: number;
  maxMs: number;
}

/**
 * Runs inside the portal's list page (sent as its source by page-script.ts; nothing from outside but
 * the page's globals): waits for the page to settle, then reports its visible links and the control
 * that brings more of the list. With `press` it first presses that control (one that changes the page
 * in place) and waits until the links have changed and the page is quiet again, or it has stayed
 * quiet a while without a change. It never presses anything else.
 */
export function inListPage(task: ListPageTask): Promise<ListPageAnswer> {
  const page = globalThis as unknown as PageGlobal;
  const doc = page.document;
  const MAX_LINKS = 5000;
  const SLOW_MORE_MS = 1500;
  const LINKS = 'a[href], [role="link"][data-href]';
  const BUTTONS = 'button, input[type="button"], input[type="submit"], [role="button"], a[href]';
  const NAVIGATION = 'nav:not([aria-label*="page" i]):not([aria-label*="pagination" i]):not(.pagination), header, footer, [role="navigation"]:not([aria-label*="page" i]), [role="banner"], [role="contentinfo"], .navbar, .sidebar, .menu';
  const ITEMS = 'tr, li, article, .card, [role="row"], [role="listitem"], [role="article"]';
  const ITEM_NAME = 'h1, h2, h3, h4, h5, h6, [role="heading"], .card-title, .title, .name';
  const CURRENT_PAGE = '[aria-current="page"], .pagination .active, .pager .active, .pagination .current, .paginate_button.current, [class*="paginat" i] .current';
  const PAGERS = '.pagination, .pager, [class*="paginat" i], nav[aria-label*="pag" i], [role="navigation"][aria-label*="pag" i]';
  const BUSY = '[aria-busy="true"], [role="progressbar"]:not([aria-valuenow]), .spinner, .spinner-border, .loader, .loading, .is-loading';

  const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const visible = (el: PageElement) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const all = (root: { querySelectorAll(s: string): ArrayLike<PageElement> }, selectors: string) => Array.from(root.querySelectorAll(selectors));
  const folded = (text: string) =>
    clean(text)
      .toLowerCase()
      .replace(/^[^\p{L}\p{N}›»>]+|[^\p{L}\p{N}›»>]+$/gu, '');
  const usable = (el: PageElement) => visible(el) && !el.matches(':disabled, .disabled, [aria-disabled="true"]') && !el.closest('.disabled, [aria-disabled="true"]');

  function nameOf(el: PageElement): string {
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) {
      const text = clean(
        labelledBy
          .split(/\s+/)
          .map((id) => clean(doc.getElementById(id)?.textContent))
          .join(' '),
      );
      if (text) return text;
    }
    const aria = clean(el.getAttribute('aria-label'));
    if (aria) return aria;
    if (el.tagName === 'INPUT') return clean(el.getAttribute('value'));
    return clean((el as PageControl).innerText) || clean(el.getAttribute('title'));
  }

  /** The name of the row, card or list item a link sits in: its heading, else its first cell. */
  function itemNameOf(el: PageElement): string {
    const item = el.closest(ITEMS);
    if (!item) return '';
    const heading = all(item, ITEM_NAME).find(visible);
    if (heading) return clean(heading.textContent);
    if (item.tagName === 'TR' || item.getAttribute('role') === 'row') {
      // The first cell that says a word: not a tick box's, not a number's.
      const first = all(item, 'td, th, [role="cell"], [role="gridcell"], [role="rowheader"]').find((cell) => visible(cell) && /\p{L}/u.test(clean(cell.textContent)));
      return clean(first?.textContent);
    }
    return '';
  }

  const said = (el: PageElement, words: string[]) => {
    const name = folded(nameOf(el));
    return words.some((word) => name === word || name.startsWith(`${word} `));
  };

  function links(): ListedLink[] {
    return all(doc, LINKS)
      .filter(visible)
      .slice(0, MAX_LINKS)
      .map((el) => ({
        url: clean(el.getAttribute('href') === null ? el.getAttribute('data-href') : ((el as unknown as { href: string }).href ?? '')),
        text: nameOf(el),
        itemName: itemNameOf(el),
        inNavigation: !!el.closest(NAVIGATION),
        inItem: !!el.closest(ITEMS) && !el.closest(NAVIGATION),
      }))
      .filter((link) => /^https?:/i.test(link.url));
  }

  function more(): { control: PageControl; found: MoreControl } | null {
    const nextWords = task.nextWords.map(folded);
    const moreWords = task.moreWords.map(folded);
    const controls = all(doc, BUTTONS).filter(usable);
    const here = page.location.href.split('#')[0];
    /** Another page's address: a link to "#", to javascript: or to this very page changes the page in place. */
    const elsewhere = (el: PageElement) => {
      const href = el.tagName === 'A' || el.tagName === 'LINK' ? (el as unknown as { href: string }).href : '';
      return /^https?:/i.test(href) && href.split('#')[0] !== here ? href : undefined;
    };
    const control = (el: PageElement, name: string) => {
      const url = elsewhere(el);
      return { control: el as PageControl, found: { kind: url ? 'next-page' : 'press', name, ...(url ? { url } : {}) } as MoreControl };
    };
    const relNext = all(doc, 'a[rel~="next"][href], link[rel~="next"][href]').find((el) => (el.tagName === 'LINK' ? !!elsewhere(el) : usable(el)));
    if (relNext) return control(relNext, nameOf(relNext) || 'next');
    const next = controls.find((el) => said(el, nextWords));
    if (next) return control(next, nameOf(next));
    // Numbered pages only: the number after the current page's (a menu's current page says a word, not a number).
    const current = all(doc, CURRENT_PAGE).find((el) => visible(el) && /^\d+$/.test(clean(el.textContent)));
    const number = Number(clean(current?.textContent));
    if (current && Number.isInteger(number)) {
      const pager = current.closest('nav, ul, ol, .pagination, [role="navigation"]');
      const following = pager ? all(pager, 'a[href], button').find((el) => usable(el) && clean(el.textContent) === String(number + 1)) : undefined;
      if (following) return control(following, String(number + 1));
    }
    const button = controls.find((el) => said(el, moreWords));
    return button ? control(button, nameOf(button)) : null;
  }

  /** The numbers a pager offers (its links and buttons that say one) and the current page's number. */
  function pager(): ListPageAnswer['pager'] {
    const pagers = all(doc, PAGERS).filter(visible);
    const numbers = pagers.flatMap((p) => all(p, 'a[href], button').filter(usable).map((el) => clean(el.textContent))).filter((text) => /^\d+$/.test(text)).map(Number);
    const current = all(doc, CURRENT_PAGE).find((el) => visible(el) && /^\d+$/.test(clean(el.textContent)));
    return { numbers: [...new Set(numbers)].slice(0, 500), ...(current ? { current: Number(clean(current.textContent)) } : {}) };
  }

  /** The page's links as one text: a press changed the list when this changes. */
  const signature = () =>
    links()
      .map((link) => link.url)
      .join('\n');

  /** Once loaded and quiet for `quietMs` (nothing busy) while `mayStop` allows it, or after `maxMs` at the latest. */
  function settled(mayStop: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const started = Date.now();
      let changed = Date.now();
      const observer = new page.MutationObserver(() => void (changed = Date.now()));
      observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
      const check = () => {
        const now = Date.now();
        const quiet = doc.readyState === 'complete' && now - changed >= task.quietMs && !all(doc, BUSY).some(visible);
        if ((quiet && mayStop()) || now - started >= task.maxMs) {
          observer.disconnect();
          resolve();
        } else page.setTimeout(check, 50);
      };
      check();
    });
  }

  const answer = (changed?: boolean): ListPageAnswer => ({
    url: page.location.href,
    title: clean(doc.title),
    links: links(),
    more: more()?.found ?? null,
    passwordField: all(doc, 'input[type="password"]').some(visible),
    pager: pager(),
    ...(changed === undefined ? {} : { changed }),
  });

  if (task.kind === 'read') return settled(() => true).then(() => answer());
  return settled(() => true).then(() => {
    const found = more();
    if (!found || found.found.url) return answer(false);
    const before = signature();
    found.control.click();
    // Changed and quiet; or, when nothing changes (the list's end, or a portal slow to answer without
    // a spinner), quiet for a while longer.
    const pressedAt = Date.now();
    return settled(() => signature() !== before || Date.now() - pressedAt >= SLOW_MORE_MS).then(() => answer(signature() !== before));
  });
}
