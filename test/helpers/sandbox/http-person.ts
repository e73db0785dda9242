import { Window } from 'happy-dom';
import { CookieJar } from './cookie-jar';

/**
 * A quick scripted person for protocol tests: a cookie jar, the real pages parsed as HTML, fields
 * found by their labels, forms posted by their buttons' names — what Chromium would do, without
 * its start-up time. The real browser keeps the flows that are about the pages themselves.
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

export class HttpPerson {
  private readonly jar = new CookieJar();
  private readonly window = new Window();

  /**
   * @param leaveAt the client's redirect URI: a redirect (or form_post) there ends the walk, as the app
   * catches it. Left out: the person follows everything, a web app's callback included.
   */
  constructor(private readonly leaveAt?: string) {}

  open(url: URL | string): Promise<Outcome> {
    return this.walk(new URL(url), { method: 'GET' });
  }

  /** Fills fields by label (a radio or checkbox label checks it), then presses the named button. */
  async submit(page: Page, button: string, fields: Record<string, string | true> = {}): Promise<Outcome> {
    const { document } = page;
    for (const [label, value] of Object.entries(fields)) {
      const input = inputByLabel(page, label);
      if (input.type === 'radio' || input.type === 'checkbox') input.checked = true;
      else input.value = String(value);
    }
    const submitter = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === button);
    if (!submitter) throw new Error(`No "${button}" button on "${page.heading}"`);
    const formId = submitter.getAttribute('form');
    const form = (formId ? document.getElementById(formId) : submitter.closest('form')) as HTMLFormElement | null;
    if (!form) throw new Error(`The "${button}" button belongs to no form`);

    const body = new URLSearchParams();
    const controls = [...form.querySelectorAll('input'), ...(form.id ? [...document.querySelectorAll<HTMLInputElement>(`input[form="${form.id}"]`)] : [])];
    for (const input of controls) {
      if (!input.name || ((input.type === 'radio' || input.type === 'checkbox') && !input.checked)) continue;
      body.append(input.name, input.value);
    }
    if (submitter.name) body.append(submitter.name, submitter.value);
    const action = new URL(form.getAttribute('action') ?? page.url.href, page.url);
    return this.walk(action, { method: 'POST', body });
  }

  private async walk(start: URL, first: { method: 'GET' | 'POST'; body?: URLSearchParams }): Promise<Outcome> {
    let url = start;
    let request = first;
    for (let hops = 0; hops < 20; hops += 1) {
      if (this.leaveAt !== undefined && url.href.startsWith(this.leaveAt)) return { kind: 'left', url, ...(request.body ? { form: request.body } : {}) };
      const response = await fetch(url, {
        method: request.method,
        redirect: 'manual',
        headers: { cookie: this.jar.headerFor(url), ...(request.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
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
        // oidc-provider's response_mode=form_post page: its script submits the form at once.
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
