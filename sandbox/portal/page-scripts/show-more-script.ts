/** The little of the DOM this script touches (the sandbox is type-checked without DOM types). */
interface ScriptElement {
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  addEventListener(type: string, listener: () => void): void;
  appendChild(node: unknown): void;
  remove(): void;
}
interface ScriptTemplate {
  innerHTML: string;
  content: unknown;
}
interface ScriptWindow {
  document: { getElementById(id: string): ScriptElement | null; createElement(name: 'template'): ScriptTemplate };
  location: { reload(): void };
  fetch(url: string, init: { headers: Record<string, string>; credentials: 'same-origin' }): Promise<{ ok: boolean; redirected: boolean; text(): Promise<string> }>;
}

export interface ShowMoreConfig {
  /** The element that is "the list" (<ul>, <table>, the cards' <div>): aria-busy while loading. */
  listId: string;
  /** Where the fetched items go (the list itself, or the table's <tbody>). */
  itemsId: string;
  buttonId: string;
  /** The list's address; `?page=N&part=items` answers page N's items alone. */
  url: string;
  /** The first page the button fetches, and the last there is. */
  nextPage: number;
  pages: number;
}

/**
 * The integrations list's "Show more" button: fetches the next page's items (`part=items`), appends
 * them to the list, marks the list aria-busy while it loads, and removes the button when no page is
 * left. A redirect or an error answer (the session ended) reloads the page, which then asks to sign in.
 */
export function showMoreScript(config: ShowMoreConfig): void {
  const window = globalThis as unknown as ScriptWindow;
  const { document } = window;
  const list = document.getElementById(config.listId);
  const items = document.getElementById(config.itemsId);
  const button = document.getElementById(config.buttonId);
  if (!list || !items || !button) return;
  let next = config.nextPage;
  let busy = false;
  button.addEventListener('click', async () => {
    if (busy) return;
    busy = true;
    list.setAttribute('aria-busy', 'true');
    button.setAttribute('disabled', '');
    try {
      const response = await window.fetch(`${config.url}?page=${next}&part=items`, { headers: { accept: 'text/html' }, credentials: 'same-origin' });
      if (!response.ok || response.redirected) {
        window.location.reload();
        return;
      }
      const html = await response.text();
      // Parsed in a <template>, where table rows stay rows, then moved to the end of the list.
      const template = document.createElement('template');
      template.innerHTML = html;
      items.appendChild(template.content);
      next += 1;
      if (next > config.pages || html.trim() === '') button.remove();
    } catch {
      window.location.reload();
    } finally {
      busy = false;
      list.setAttribute('aria-busy', 'false');
      button.removeAttribute('disabled');
    }
  });
}
