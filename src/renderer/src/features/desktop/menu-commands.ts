import type { MenuCommand } from '../../../../shared/menu-command';

/**
 * What a menu command does: exactly what the person would click, found by the control's id or
 * accessible name, so the menu follows the panel as it is (a disabled or hidden control stays
 * untouched). The Profiles area must show first; the caller switches to it.
 */
export function runMenuCommand(command: MenuCommand, root: ParentNode = document): void {
  const panel = root.querySelector('#panel-profiles');
  if (!panel) return;
  switch (command) {
    case 'find': {
      const search = panel.querySelector<HTMLInputElement>('#profile-search');
      search?.focus();
      search?.select();
      return;
    }
    case 'import-profiles':
      return click(panel.querySelector<HTMLInputElement>('input[type="file"][aria-label="Profile list file"]'));
    case 'explain-log':
      return click(buttonNamed(panel, 'Explain a log…'));
    case 'check-health':
      return click(buttonNamed(panel, 'Check health'));
  }
}

const buttonNamed = (root: ParentNode, name: string): HTMLButtonElement | null =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((button) => (button.getAttribute('aria-label') ?? button.textContent)?.trim() === name) ?? null;

function click(element: HTMLElement | null): void {
  if (element && !(element as HTMLButtonElement).disabled) element.click();
}
