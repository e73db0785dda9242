import type { PageControl, PageElement, PageGlobal } from './page-dom';
import type { ConnectFinding, PageSnapshot } from './page-snapshot';

/** What Bridgekeeper asks of a page of the portal. */
export type PageTask =
  /** Read what the page says (after it has settled). */
  | { kind: 'read'; section: string; signInWords: string[]; quietMs: number; maxMs: number }
  /**
   * Read it, then find the Connect control inside the section (by the label the portal definition
   * names, else by the usual words) and press it when it is one alone. Waits for a control the page
   * renders late, until the page has been quiet for `quietMs` or `maxMs` have passed.
   */
  | { kind: 'press'; section: string; signInWords: string[]; label: string; words: string[]; quietMs: number; maxMs: number };

export type PageAnswer = { snapshot: PageSnapshot; connect?: ConnectFinding };

/**
 * Runs inside the portal's page (Electron's executeJavaScript, Playwright's evaluate), sent as its
 * source by page-script.ts: it uses nothing from outside itself but the page's own globals, and only
 * observes, except for the one click on a Connect control that is one alone.
 */
export function inPortalPage(task: PageTask): Promise<PageAnswer> {
  const page = globalThis as unknown as PageGlobal;
  const doc = page.document;
  const LINES = 400;
  const LINE_LENGTH = 300;
  const CONTROLS = 'button, a[href], input[type="submit"], input[type="button"], input[type="image"], [role="button"], [role="link"]';
  const NOT_TEXT = 'button, select, option, textarea, input, [role="button"], script, style, noscript, template, [aria-hidden="true"]';
  const BLOCKS = new Set(['P', 'DIV', 'LI', 'TD', 'TH', 'DT', 'DD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN', 'ASIDE', 'NAV', 'FORM', 'FIELDSET', 'LEGEND', 'LABEL', 'TABLE', 'TR', 'CAPTION', 'FIGCAPTION', 'BLOCKQUOTE', 'PRE', 'SUMMARY', 'DETAILS', 'UL', 'OL', 'DL', 'BODY']);
  const HEADINGS = 'h1, h2, h3, h4, h5, h6, legend, caption, summary, [role="heading"], .card-header, .card-title, .panel-heading, .panel-title, .box-title';
  const CONTAINERS = 'section, fieldset, article, details, [role="region"], [role="group"], [role="tabpanel"], .card, .panel, .box, .tab-pane';
  /** Errors by their look: the classes portals give them. */
  const ERRORS =
    '.alert-danger, .alert-error, .alert-warning, .error, .errors, .error-message, .errorMessage, .validation-summary-errors, .field-validation-error, .text-danger, .text-bg-danger, .bg-danger, .is-danger, .toast-error, .message-error, .notification-error, .callout-danger';
  /**
   * Urgent, by their role: errors or good news alike (Bootstrap puts role="alert" on its green alerts
   * and toasts too). One is an error only when it looks like one, and nothing when it looks like neither.
   */
  const URGENT = '[role="alert"], [role="alertdialog"], [aria-live="assertive"]';
  const NOTICES = '[role="status"], .alert-success, .alert-info, .success, .text-success, .is-success, .toast-success, .message-success, .notification-success';
  const GOOD_NEWS = '.alert-success, .alert-info, .alert-primary, .text-success, .bg-success, .text-bg-success, .success, .is-success, .is-info, .toast-success, .message-success, .notification-success, .callout-success, .callout-info';

  /** Still loading: a spinner, a busy region, an indeterminate progress bar (a job's progress has a value). */
  const BUSY = '[aria-busy="true"], [role="progressbar"]:not([aria-valuenow]), .spinner, .spinner-border, .spinner-grow, .loader, .loading, .is-loading, .skeleton';
  /** A page that says nothing but that it is loading, in the six languages and English. */
  const LOADING = /^(loading|laster|lastes|indlæser|henter|laddar|ladataan|laden|bezig met laden|even geduld|please wait|vent|odota)\b/i;

  const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const cap = (text: string) => (text.length > LINE_LENGTH ? `${text.slice(0, LINE_LENGTH - 1)}…` : text);
  const visible = (el: PageElement) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const all = (root: { querySelectorAll(s: string): ArrayLike<PageElement> }, selectors: string) => Array.from(root.querySelectorAll(selectors));
  /** Lower case, one space, without the arrows, ticks and dots a label may carry around its words. */
  const folded = (text: string) =>
    clean(text)
      .toLowerCase()
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

  /** A control's accessible name, as a person using a screen reader would hear it. */
  function nameOf(el: PageElement): string {
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) {
      const text = labelledBy
        .split(/\s+/)
        .map((id) => clean(doc.getElementById(id)?.textContent))
        .join(' ');
      if (clean(text)) return clean(text);
    }
    const aria = clean(el.getAttribute('aria-label'));
    if (aria) return aria;
    if (el.tagName === 'INPUT') return clean(el.getAttribute('value') ?? el.getAttribute('alt'));
    const text = clean((el as PageControl).innerText);
    if (text) return text;
    const image = all(el, 'img[alt]')[0];
    return clean(image?.getAttribute('alt') ?? el.getAttribute('title'));
  }

  /** Outermost first: an alert inside an alert is said once. */
  function outermost(elements: PageElement[]): PageElement[] {
    return elements.filter((el) => !elements.some((other) => other !== el && other.contains(el)));
  }

  function messages(selectors: string, keep: (el: PageElement) => boolean = () => true): string[] {
    const texts = outermost(all(doc, selectors).filter((el) => visible(el) && keep(el)))
      .map((el) => cap(clean((el as PageControl).innerText ?? el.textContent)))
      .filter(Boolean);
    return [...new Set(texts)].slice(0, 20);
  }

  /** The page's visible text, block by block, without the words of its controls. */
  function textLines(within: PageElement[] | null): string[] {
    const blocks = new Map<PageElement, string[]>();
    const body = doc.body;
    if (!body) return [];
    const walker = doc.createTreeWalker(body, 4); // NodeFilter.SHOW_TEXT
    for (let node = walker.nextNode(); node && blocks.size < LINES * 2; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = clean(node.nodeValue);
      if (!parent || !text || parent.closest(NOT_TEXT) || !visible(parent)) continue;
      if (within && !within.some((root) => root.contains(node))) continue;
      let block: PageElement = parent;
      while (!BLOCKS.has(block.tagName) && block.parentElement) block = block.parentElement;
      const parts = blocks.get(block) ?? [];
      parts.push(text);
      blocks.set(block, parts);
    }
    return [...blocks.values()].map((parts) => cap(clean(parts.join(' ')))).slice(0, LINES);
  }

  /**
   * The section the definition names: the smallest container around a heading (or a labelled region)
   * that says its name. Several distinct sections may say it (two Visma.net products): all of them.
   */
  function sections(name: string): PageElement[] | null {
    const wanted = folded(name);
    if (!wanted) return null;
    const says = (el: PageElement) => folded(el.getAttribute('aria-label') ?? '').includes(wanted) || folded(el.textContent ?? '').includes(wanted);
    const headings = all(doc, HEADINGS).filter((el) => visible(el) && says(el));
    const labelled = all(doc, '[aria-label]').filter((el) => el.matches(CONTAINERS) && folded(el.getAttribute('aria-label') ?? '').includes(wanted));
    // A heading with no container of its own (a flat page): the page is its section.
    const found = [...labelled, ...headings.map((h) => h.closest(CONTAINERS) ?? h.parentElement).filter((el): el is PageElement => !!el && el !== doc.documentElement)];
    // A container holding another section with a heading and controls of its own (SuperOffice's card with
    // its Reconnect, say) is the page around them, whatever its title says ("Orders to Visma.net"): not
    // the section. A part inside the section without controls ("Status") leaves it the section.
    const holdsOthers = (el: PageElement) =>
      all(el, CONTAINERS).some((inner) => inner !== el && !says(inner) && all(inner, HEADINGS).some(visible) && all(inner, CONTROLS).some(visible));
    const own = found.filter((el) => !holdsOthers(el));
    // The smallest: a container that holds another match is the page around them, not the section.
    const smallest = own.filter((el) => !own.some((other) => other !== el && el.contains(other)));
    return smallest.length > 0 ? [...new Set(smallest)] : null;
  }

  /** The portal is still drawing the page: what it says now is not what it will say. */
  function busy(): boolean {
    if (all(doc, BUSY).some(visible)) return true;
    // "Finishing the connection…": a status that trails off is still under way (the page moves on by itself).
    if (all(doc, '[role="status"], [aria-live="polite"]').some((el) => visible(el) && /(…|\.\.\.)$/.test(clean(el.textContent)))) return true;
    const lines = textLines(null);
    return lines.length > 0 && lines.length <= 3 && lines.every((line) => LOADING.test(line) || /(…|\.\.\.)$/.test(line));
  }

  function snapshot(): PageSnapshot {
    const scope = sections(task.section);
    const signIn = task.signInWords.map(folded);
    const controls = all(doc, CONTROLS).filter(visible);
    return {
      url: page.location.href,
      title: cap(clean(doc.title)),
      lines: textLines(null),
      ...(scope ? { section: textLines(scope) } : {}),
      alerts: messages(`${ERRORS}, ${URGENT}`, (el) => !el.closest(GOOD_NEWS) && (el.matches(ERRORS) || !!el.closest(ERRORS) || all(el, ERRORS).length > 0)),
      notices: messages(`${NOTICES}, ${URGENT}`, (el) => el.matches(NOTICES) || !!el.closest(GOOD_NEWS) || all(el, GOOD_NEWS).length > 0),
      passwordField: all(doc, 'input[type="password"]').some(visible),
      codeField: all(doc, 'input[autocomplete="one-time-code"], input[name*="otp" i], input[name*="totp" i], input[id*="otp" i], input[name*="verificationcode" i], input[name*="twofactor" i]').some(visible),
      userForm: all(doc, 'form').some((form) => {
        const fields = all(form, 'input:not([type]), input[type="text"], input[type="email"]').filter(visible);
        const user = fields.some((f) => f.matches('[type="email"], [autocomplete="username"], [autocomplete="email"], [name*="user" i], [name*="email" i], [name*="login" i], [id*="email" i]'));
        return visible(form) && user && fields.length <= 2 && all(form, 'button, input[type="submit"]').some(visible);
      }),
      signInControls: [...new Set(controls.map(nameOf).filter((name) => signIn.some((word) => folded(name) === word || folded(name).startsWith(`${word} `))))].slice(0, 10),
    };
  }

  /** The one control to press, or why there is none. */
  function findConnect(label: string, words: string[]): { control?: PageControl; finding: ConnectFinding } {
    const scope = sections(task.section);
    const usable = all(doc, CONTROLS).filter((el) => visible(el) && !el.matches(':disabled') && el.getAttribute('aria-disabled') !== 'true');
    // A section the definition names and the page does not show (yet): nothing on the page is its control.
    if (!scope && folded(task.section)) return { finding: { kind: 'none', sectionFound: false } };
    const inScope = scope ? usable.filter((el) => scope.some((root) => root.contains(el))) : usable;
    const byLabel = label ? inScope.filter((el) => folded(nameOf(el)) === folded(label)) : [];
    const folds = words.map(folded);
    const byWords = inScope.filter((el) => {
      const name = folded(nameOf(el));
      return folds.some((word) => name === word || name.startsWith(`${word} `));
    });
    const candidates = byLabel.length > 0 ? byLabel : byWords;
    if (candidates.length === 1) return { control: candidates[0] as PageControl, finding: { kind: 'pressed', name: nameOf(candidates[0]!) } };
    if (candidates.length > 1) return { finding: { kind: 'several', names: candidates.map(nameOf).slice(0, 5) } };
    return { finding: { kind: 'none', sectionFound: !!scope } };
  }

  /**
   * Resolves when `done` says so, or once the page has loaded and been quiet for `quietMs` while
   * `mayStop` allows it, or after `maxMs` at the latest.
   */
  function settled(done: () => boolean, mayStop: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const started = Date.now();
      let changed = Date.now();
      const observer = new page.MutationObserver(() => void (changed = Date.now()));
      observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
      const check = () => {
        const now = Date.now();
        const quiet = doc.readyState === 'complete' && now - changed >= task.quietMs;
        if (done() || (quiet && mayStop()) || now - started >= task.maxMs) {
          observer.disconnect();
          resolve();
        } else page.setTimeout(check, 50);
      };
      check();
    });
  }

  if (task.kind === 'read') return settled(() => false, () => !busy()).then(() => ({ snapshot: snapshot() }));
  const { label, words } = task;
  // A control rendered late often follows a quiet wait for the portal's own data: keep looking while none is found.
  const found = () => findConnect(label, words).finding.kind;
  return settled(() => found() === 'pressed', () => found() !== 'none').then(() => {
    const before = snapshot();
    const { control, finding } = findConnect(label, words);
    // After the answer has gone back: a click that navigates must not cut the answer off.
    if (control) page.setTimeout(() => control.click(), 0);
    return { snapshot: before, connect: finding };
  });
}
