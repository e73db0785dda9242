import { Window } from 'happy-dom';
import { loopbackUrl } from '../../../sandbox';
import { CookieJar, siteOf } from './cookie-jar';

/**
 * A quick scripted person for protocol tests: a cookie jar, the real pages parsed as HTML, fields
 * found by their labels, forms posted (or sent by GET) by their buttons' names, links followed — what
 * Chromium would do, without its start-up time and without script (a control only script makes work
 * is refused, so a test knows to use Chromium). The real browser keeps the flows that are about the
 * pages themselves.
 */
export interface Page {
  url: URL;
  status: number;
  /** The page's h1. */
  heading: string;
  /** The text of its role="alert" message, if any. */
  alert: string | undefined;
  text: string;
  document: Document;
}

/** `form`: what a form_post delivered to the place the walk left for. */
export type Outcome = { kind: 'page'; page: Page } | { kind: 'left'; url: URL; form?: URLSearchParams };

/** Where on the page to look for a control: the section (region) under this heading. */
export interface Within {
  within?: string;
}

type Control = HTMLButtonElement | HTMLInputElement | HTMLAnchorElement | HTMLElement;

export class HttpPerson {
  readonly jar = new CookieJar();
  /** Every request the person's browser made, in order (redirects and form_posts included). */
  readonly visits: { method: string; url: URL }[] = [];
  private readonly window = new Window();

  /**
   * @param leaveAt the client's redirect URI: a redirect (or form_post) there ends the walk, as the app
   * catches it. Left out: the person follows everything, a web app's callback included.
   */
  constructor(private readonly leaveAt?: string) {}

  /** Types the address: a navigation of the browser's own, same-site for every cookie. */
  open(url: URL | string): Promise<Outcome> {
    return this.walk(new URL(url), { method: 'GET' });
  }

  /** A navigation a page on `initiator` starts (a link, a script): SameSite cookies judge it from there. */
  openFrom(initiator: URL, url: URL | string): Promise<Outcome> {
    return this.walk(new URL(url), { method: 'GET' }, initiator);
  }

  /** Fills fields by label (a radio or checkbox label checks it), then presses the named button (or input[type=submit]). */
  async submit(page: Page, button: string, fields: Record<string, string | true> = {}, where: Within = {}): Promise<Outcome> {
    const { document } = page;
    for (const [label, value] of Object.entries(fields)) {
      const input = inputByLabel(page, label);
      if (input.type === 'radio' || input.type === 'checkbox') input.checked = true;
      else input.value = String(value);
    }
    const submitter = findControl(page, button, where, 'button, input[type="submit"]') as HTMLButtonElement | HTMLInputElement | undefined;
    if (!submitter) throw new Error(`No "${button}" button${where.within ? ` in "${where.within}"` : ''} on "${page.heading}" (${page.status}): ${page.text.slice(0, 300)}`);
    const formId = submitter.getAttribute('form');
    const form = (formId ? document.getElementById(formId) : submitter.closest('form')) as HTMLFormElement | null;
    if (!form) throw new Error(`The "${button}" button belongs to no form`);

    const body = new URLSearchParams();
    const controls = [...form.querySelectorAll('input'), ...(form.id ? [...document.querySelectorAll<HTMLInputElement>(`input[form="${form.id}"]`)] : [])];
    for (const input of controls) {
      if (!input.name || input.type === 'submit' || ((input.type === 'radio' || input.type === 'checkbox') && !input.checked)) continue;
      body.append(input.name, input.value);
    }
    if (submitter.name) body.append(submitter.name, submitter.value);
    const action = new URL(form.getAttribute('action') ?? page.url.href, page.url);
    if ((form.getAttribute('method') ?? 'get').toLowerCase() === 'post') return this.walk(action, { method: 'POST', body }, page.url);
    action.search = body.toString();
    return this.walk(action, { method: 'GET' }, page.url);
  }

  /** Follows the link with this text. */
  follow(page: Page, text: string, where: Within = {}): Promise<Outcome> {
    const link = findControl(page, text, where, 'a[href]');
    if (!link) throw new Error(`No "${text}" link${where.within ? ` in "${where.within}"` : ''} on "${page.heading}" (${page.status}): ${page.text.slice(0, 300)}`);
    return this.walk(new URL(link.getAttribute('href')!, page.url), { method: 'GET' }, page.url);
  }

  /** Presses whatever control carries the label: a button, an input[type=submit] or a link. A role="button" needs a script: refused. */
  async press(page: Page, label: string, where: Within = {}): Promise<Outcome> {
    const control = findControl(page, label, where, 'button, input[type="submit"], a[href], [role="button"]');
    if (!control) throw new Error(`No "${label}" control${where.within ? ` in "${where.within}"` : ''} on "${page.heading}" (${page.status}): ${page.text.slice(0, 300)}`);
    if (control.tagName === 'A') return this.follow(page, label, where);
    if (control.tagName === 'BUTTON' || control.tagName === 'INPUT') return this.submit(page, label, {}, where);
    throw new Error(`"${label}" is a ${control.tagName.toLowerCase()} with role="button": only a page script makes it work (use Chromium)`);
  }

  /**
   * @param initiator the page the navigation started from: with the redirects that follow, it decides
   * which SameSite cookies go along (a typed address has none).
   */
  private async walk(start: URL, first: { method: 'GET' | 'POST'; body?: URLSearchParams }, initiator?: URL): Promise<Outcome> {
    let url = start;
    let request = first;
    const chain = initiator ? [siteOf(initiator)] : [];
    for (let hops = 0; hops < 20; hops += 1) {
      if (this.leaveAt !== undefined && url.href.startsWith(this.leaveAt)) return { kind: 'left', url, ...(request.body ? { form: request.body } : {}) };
      const crossSite = chain.some((site) => site !== siteOf(url));
      chain.push(siteOf(url));
      this.visits.push({ method: request.method, url });
      const response = await fetch(loopbackUrl(url), {
        method: request.method,
        redirect: 'manual',
        headers: {
          cookie: this.jar.headerFor(url, { method: request.method, crossSite }),
          ...(request.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(request.body ? { body: request.body.toString() } : {}),
      });
      this.jar.store(url, response.headers.getSetCookie());
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        url = new URL(location, url);
        request = { method: 'GET' };
        continue;
      }
      const page = this.read(url, response.status, await response.text());
      const formPost = autoSubmitted(page);
      if (formPost) {
        // oidc-provider's response_mode=form_post page: its script submits the form at once, a navigation it starts.
        chain.splice(0, chain.length, siteOf(url));
        url = formPost.action;
        request = { method: 'POST', body: formPost.body };
        continue;
      }
      return { kind: 'page', page };
    }
    throw new Error(`More than 20 redirects from ${start.href}`);
  }

  private read(url: URL, status: number, html: string): Page {
    const document = new this.window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    return {
      url,
      status,
      heading: document.querySelector('h1')?.textContent?.trim() ?? '',
      alert: document.querySelector('[role="alert"]')?.textContent?.trim(),
      text: document.body?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      document,
    };
  }
}

/** The text a control shows: an input's value, else its text. */
const controlText = (element: Element) => (element.tagName === 'INPUT' ? (element as HTMLInputElement).value : (element.textContent ?? '')).trim().replace(/\s+/g, ' ');

/** The section (region) whose heading says `heading`. */
export function sectionOf(document: Document, heading: string): Element | undefined {
  return [...document.querySelectorAll('section')].find((s) => s.querySelector('h2, h3')?.textContent?.trim() === heading);
}

function findControl({ document, heading, status }: Page, label: string, where: Within, selector: string): Control | undefined {
  let scope: ParentNode = document;
  if (where.within) {
    const section = sectionOf(document, where.within);
    if (!section) throw new Error(`No section "${where.within}" on "${heading}" (${status})`);
    scope = section;
  }
  return [...scope.querySelectorAll<HTMLElement>(selector)].find((element) => controlText(element) === label);
}

function inputByLabel({ document, heading, status, text }: Page, label: string): HTMLInputElement {
  const match = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
  if (!match) throw new Error(`No field labelled "${label}" on "${heading}" (${status}): ${text.slice(0, 300)}`);
  const forId = match.getAttribute('for');
  const input = (forId ? document.getElementById(forId) : match.querySelector('input')) as HTMLInputElement | null;
  if (!input) throw new Error(`The label "${label}" names no input`);
  return input;
}

function autoSubmitted({ document, url }: Page): { action: URL; body: URLSearchParams } | undefined {
  const form = document.querySelector('form');
  if (document.title !== 'Submitting Callback' || !form) return undefined;
  const body = new URLSearchParams();
  for (const input of form.querySelectorAll('input')) body.append(input.name, input.value);
  return { action: new URL(form.getAttribute('action') ?? url.href, url), body };
}

export function expectPage(outcome: Outcome): Page {
  if (outcome.kind !== 'page') throw new Error(`Expected a page, but the browser left for ${outcome.url.href}`);
  return outcome.page;
}

export function expectLeft(outcome: Outcome): URL {
  if (outcome.kind !== 'left') throw new Error(`Expected a redirect to the client, but got the page "${outcome.page.heading}" (${outcome.page.status})`);
  return outcome.url;
}
