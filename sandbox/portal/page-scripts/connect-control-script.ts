/** The little of the DOM this script touches (the sandbox is type-checked without DOM types). */
interface ScriptElement {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  addEventListener(type: string, listener: (event: { key?: string; preventDefault(): void }) => void): void;
  appendChild(node: unknown): void;
  click(): void;
  submit(): void;
  action: string;
  content: { cloneNode(deep: boolean): unknown };
}
interface ScriptWindow {
  document: { getElementById(id: string): ScriptElement | null };
  location: { reload(): void; assign(url: string): void };
  open(url: string, target: string, features: string): unknown;
  setTimeout(callback: () => void, ms: number): void;
  fetch(url: string, init: { method: string; headers: Record<string, string> }): Promise<{ headers: { get(name: string): string | null }; json(): Promise<{ authorizeUrl: string }> }>;
}

export interface ConnectScriptConfig {
  /** 0: the control is in the HTML; N: it is taken from its <template> N ms after load. */
  lateMs: number;
  loginIn: 'navigate' | 'popup' | 'popup-via-portal';
  /** popup-via-portal: the portal's own page the popup opens, which redirects to Visma. */
  startUrl: string;
  waiting: string;
  allowPopups: string;
}

/**
 * The integration page's Connect control, where it needs script: put on the page late; a span with
 * role="button" that answers clicks, Enter and Space; and in popup modes, opening Visma's login (or
 * the portal's start page) with window.open, the page saying it waits.
 */
export function connectControlScript(config: ConnectScriptConfig): void {
  const window = globalThis as unknown as ScriptWindow;
  const { document } = window;
  window.setTimeout(() => {
    const template = document.getElementById('connect-template');
    const slot = document.getElementById('connect-slot');
    if (template && slot) slot.appendChild(template.content.cloneNode(true));
    const form = document.getElementById('connect-form');
    const control = document.getElementById('connect-control');
    const status = document.getElementById('connect-status');
    if (!form || !control || !status) return;
    // A span with role="button" answers Enter and Space as a button does; the decoy's goes where it says.
    const decoy = document.getElementById('decoy-control');
    for (const element of [control, decoy]) {
      if (element?.getAttribute('role') !== 'button') continue;
      element.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        element.click();
      });
    }
    if (decoy?.getAttribute('role') === 'button') decoy.addEventListener('click', () => window.location.assign(decoy.getAttribute('data-href') ?? '/'));
    const roleButton = control.getAttribute('role') === 'button';
    // A link or a plain form does what HTML does while the login opens in the same window.
    if (config.loginIn === 'navigate' && !roleButton) return;
    const submits = control.tagName === 'BUTTON' || control.tagName === 'INPUT';
    (submits ? form : control).addEventListener(submits ? 'submit' : 'click', async (event) => {
      event.preventDefault();
      if (config.loginIn === 'navigate') {
        form.submit();
        return;
      }
      if (config.loginIn === 'popup-via-portal') {
        const popup = window.open(config.startUrl, 'visma-login', 'popup,width=520,height=720');
        status.textContent = popup ? config.waiting : config.allowPopups;
        return;
      }
      const response = await window.fetch(form.action, { method: 'POST', headers: { accept: 'application/json' } });
      if (!(response.headers.get('content-type') || '').includes('json')) {
        window.location.reload();
        return;
      }
      const { authorizeUrl } = await response.json();
      const popup = window.open(authorizeUrl, 'visma-login', 'popup,width=520,height=720');
      status.textContent = popup ? config.waiting : config.allowPopups;
    });
  }, config.lateMs);
}
